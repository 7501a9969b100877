/* account_notifications.c: "/studio/account/notifications": a checkbox per notice of the
 * account's role (domain/mail/notify_kind.h), on unless switched off; saving stores every box of
 * the form, so an unticked one (which a browser does not send) is off. */
#include "domain/mail/notify.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/account.h"

/* A brand account gets the brand's notices, a creator the creator's; an admin may act as both. */
static bool for_role(enum role role, enum notify_kind k)
{
	enum notify_audience to = notify_kind_audience(k);
	return role == ROLE_ADMIN || (role == ROLE_BRAND && to == NOTIFY_TO_BRAND) ||
	       (role == ROLE_CREATOR && to == NOTIFY_TO_CREATOR);
}

int page_account_notifications(struct req *r)
{
	bool on[NOTIFY__MAX];
	enum db_status rc = notify_prefs_load(r->db, r->arena, r->sess.user_id, on);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_account_notifications.tpl", "Mail settings");
	if (req_query(r, "saved"))
		tmpl_set(tmpl_add(d, "NOTICE"), "TEXT", "Your mail settings were saved.");
	tmpl_dict *form = NULL;
	for (int k = 0; k < NOTIFY__MAX; k++) {
		if (!for_role(r->sess.role, (enum notify_kind)k))
			continue;
		if (!form)
			form = tmpl_add(d, "KINDS");
		tmpl_dict *row = tmpl_add(form, "KIND");
		tmpl_set(row, "NAME", notify_kind_name((enum notify_kind)k));
		tmpl_set(row, "LABEL", notify_kind_label((enum notify_kind)k));
		if (on[k])
			tmpl_show(row, "ON");
	}
	if (!form)
		tmpl_show(d, "NONE");
	layout_end(r, 200);
	return REQ_DONE;
}

struct choices {
	long long user_id;
	enum role role;
	bool on[NOTIFY__MAX];
};

static enum db_status save(struct db *db, void *ctx)
{
	struct choices *c = ctx;
	enum db_status rc = DB_OK;
	for (int k = 0; rc == DB_OK && k < NOTIFY__MAX; k++)
		if (for_role(c->role, (enum notify_kind)k))
			rc = notify_pref_set(db, c->user_id, (enum notify_kind)k, c->on[k]);
	return rc;
}

int page_account_notifications_save(struct req *r)
{
	struct choices c = { .user_id = r->sess.user_id, .role = r->sess.role };
	for (int k = 0; k < NOTIFY__MAX; k++)
		c.on[k] = req_form(r, notify_kind_name((enum notify_kind)k)) != NULL;
	enum db_status rc = db_txn(r->db, save, &c);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/account/notifications?saved=1");
	return REQ_DONE;
}
