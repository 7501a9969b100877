/* leads.h: the lead list's filters, shared by the list page and the CSV export (leads*.c). */
#ifndef CC_LEADS_H
#define CC_LEADS_H
#include "web/http.h"
#include "domain/leads/lead_crm.h"

struct leads_filter {
	long long form_id;	/* 0: every form */
	const char *from, *to, *creator;	/* YYYY-MM-DD (UTC) and a creator handle; "" for none */
	const char *status, *label, *q;	/* a status name, one label, words searched; "" for none */
	const char *like;	/* q as a LIKE pattern, its % _ and \ escaped */
	long long assignee_user_id;	/* "assigned to me" (mine=1): the signed-in account; 0 for anyone */
};

/* au: the account the lead is assigned to (l.assignee is the name typed before brands had teams). */
#define LEADS_WHERE \
	" FROM leads l JOIN lead_forms f ON f.id = l.form_id LEFT JOIN creators c ON c.id = l.creator_id" \
	" LEFT JOIN users au ON au.id = l.assignee_user_id" \
	" WHERE l.brand_id = ? AND (? = 0 OR l.form_id = ?) AND l.created_at >= ?" \
	" AND l.created_at < DATE_ADD(?, INTERVAL 1 DAY) AND (? = '' OR c.handle = ?)" \
	" AND (? = '' OR l.status = ?) AND (? = '' OR FIND_IN_SET(?, l.labels) > 0)" \
	" AND (? = '' OR l.email LIKE ? OR l.assignee LIKE ? OR au.display_name LIKE ? OR l.labels LIKE ?" \
	" OR EXISTS (SELECT a.id FROM lead_answers a WHERE a.lead_id = l.id AND a.value LIKE ?))" \
	" AND (? = 0 OR l.assignee_user_id = ?)"
#define LEADS_WHERE_TYPES "iiissssssssssssssii"
#define LEADS_WHERE_NPARAMS 19
/* Who a lead is assigned to, for a page or an export: the account's name, else the legacy text. */
#define LEADS_ASSIGNEE "COALESCE(au.display_name, l.assignee)"

/* Reads form/from/to/creator/status/label/q from the query; false (and a 400 made) when malformed. */
bool leads_filter_parse(struct req *r, struct leads_filter *f);
void leads_where_params(const struct leads_filter *f, long long brand_id, struct db_param *p);
/* The first row of lead_id's answers in `answers`, rows whose first column is the lead id, sorted
 * by it (the exports read every lead's answers in one query); answers->nrows when it has none. */
size_t leads_first_answer(const struct db_res *answers, long long lead_id);
/* The export in a CRM's column set (leads_crm_csv.c). */
int leads_crm_csv(struct req *r, const struct leads_filter *f, enum lead_crm crm);

#endif
