/* leadform.h: what the public lead form pages (leadform*.c) share: the form definition, loaded
 * with one (cached) query, and the page that renders it with errors and kept values. */
#ifndef CC_LEADFORM_H
#define CC_LEADFORM_H
#include "web/http.h"
#include "domain/leads/lead_field.h"
#include "domain/leads/lead_slots.h"

struct leadform_field {
	long long id;
	struct lead_def def;
	const char *label, *help;
	const char *qualifying, *disqualifying;	/* options that qualify or disqualify the lead */
	long long show_if_id;	/* the field this one depends on (lead_condition.h), 0 for none */
	const char *show_if;	/* ... and the answers to it that show this one, one per line */
	int source;		/* index of show_if_id in fields, -1 for none */
	bool shown;		/* for the answers given so far */
	const struct lead_slots_rule *slots;	/* an appointment's availability; NULL if unusable */
	bool phone_strict;	/* a phone question that refuses a number libphonenumber finds invalid */
	const char *error;		/* set by validation, shown beside the field */
	const char *const *vals;	/* the submitted values, kept on a re-render */
	size_t nvals;
};

struct leadform {
	long long id, brand_id, creator_id, min_fill, ip_limit, form_limit;
	const char *slug, *handle, *title, *intro, *consent, *privacy_url, *thanks, *status, *brand_name;
	const char *redirect_url;	/* after a submit, on a verified domain of the brand; "" for none */
	bool has_webhook;
	long retention_days;	/* answers are erased this long after the last submission */
	const char *phone_region;	/* ISO 3166 alpha-2: national phone numbers are read in it */
	struct leadform_field fields[LEAD_MAX_FIELDS];
	size_t nfields;
};

/* Loads the form of the path's slug (and creator of the path's handle, if any); false with *st
 * what to answer: REQ_DONE with a 404 made (also for a closed form), or a database failure. */
bool leadform_load(struct req *r, struct leadform *f, int *st);
/* True if slot value `v` is offered now by appointment field x and not booked. */
enum db_status leadform_slot_free(struct req *r, const struct leadform *f, const struct leadform_field *x,
				  const char *v, bool *free);
/* Sets each field's `shown` from the values given so far (none on a first view). */
void leadform_conditions(struct leadform *f);
/* Renders the form; `error` is the message on top (NULL for none); field errors come from f. */
void leadform_render(struct req *r, const struct leadform *f, int status, const char *error);
/* Renders the form with every answer kept and a one-click "Send" that carries `token` (a signed
 * lead_confirm stamp): what a submission faster than the form's minimum fill time gets, since a
 * fast, honest typist (or a password manager) must never be told they are a bot. */
void leadform_render_confirm(struct req *r, const struct leadform *f, const char *token);
/* Renders the form again with the questions the answers have just revealed, asking for them: the
 * server-side next step of a conditional question when the page runs no script. */
void leadform_render_next(struct req *r, const struct leadform *f);
/* leadform_erase.c */
int page_leadform_erase_form(struct req *r);
int page_leadform_erase(struct req *r);
/* leadform_ics.c */
int page_leadform_ics(struct req *r);
/* The input name of the i-th field (0-based): "q1".."q30". */
const char *leadform_input(struct req *r, size_t i);

#endif
