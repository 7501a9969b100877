/* leadform_submit.c: "POST /f/{slug}" (and via a creator) — checks the honeypot, the signed
 * fill time, every field and the consent; counts the rate limits (the brand's per-address budget
 * for the address's /32 or /64, four times it for its /24 or /48, and the form's own); then stores
 * the lead, its answers and its webhook delivery in one transaction, merging a repeat of the same
 * email. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "domain/ads/brand_domain.h"
#include "shop/abuse_guard.h"
#include "shop/leadform.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"
#include "domain/leads/lead_ics.h"
#include "domain/leads/lead_link.h"
#include "domain/leads/lead_phone.h"
#include "domain/leads/lead_status.h"
#include "domain/mail/outbox.h"
#include "lib/base_url.h"
#include "domain/leads/webhook_out.h"
#include "domain/mail/notify.h"

static const struct db_stmt q_rate = {
	"INSERT INTO lead_rate (bucket, window_start, hits) VALUES (?, ?, 1)"
	" ON DUPLICATE KEY UPDATE hits = hits + 1", "bi", "" };
static const struct db_stmt q_rate_read = {
	"SELECT hits FROM lead_rate WHERE bucket = ? AND window_start = ?", "bi", "i" };
static const struct db_stmt q_latest_lock = {
	"INSERT INTO lead_latest (form_id, email_hash, lead_id, seen_at) VALUES (?, ?, NULL, UTC_TIMESTAMP())"
	" ON DUPLICATE KEY UPDATE form_id = form_id", "ib", "" };
static const struct db_stmt q_latest = {
	"SELECT COALESCE(lead_id, 0), TIMESTAMPDIFF(SECOND, seen_at, UTC_TIMESTAMP()) FROM lead_latest"
	" WHERE form_id = ? AND email_hash = ? FOR UPDATE", "ib", "ii" };
static const struct db_stmt q_latest_set = {
	"UPDATE lead_latest SET lead_id = ?, seen_at = UTC_TIMESTAMP() WHERE form_id = ? AND email_hash = ?",
	"iib", "" };
static const struct db_stmt q_insert = {
	"INSERT INTO leads (form_id, brand_id, creator_id, email, consent_text, consented_at, ip_hash,"
	" created_at, updated_at, status) VALUES (?, ?, NULLIF(?, 0), ?, ?, UTC_TIMESTAMP(), ?, UTC_TIMESTAMP(),"
	" UTC_TIMESTAMP(), ?)", "iiissbs", "" };
/* The status the new answers earn replaces only one nobody set by hand and not yet worked past
 * qualification (lead_status_auto_applies). */
static const struct db_stmt q_merge = {
	"UPDATE leads SET creator_id = COALESCE(NULLIF(?, 0), creator_id), consent_text = ?,"
	" consented_at = UTC_TIMESTAMP(), ip_hash = ?, submissions = submissions + 1, updated_at = UTC_TIMESTAMP(),"
	" status = IF(status_by_hand = 0 AND status IN ('raw', 'qualified', 'unqualified'), ?, status)"
	" WHERE id = ? AND form_id = ?", "isbsii", "" };
static const struct db_stmt q_event = {
	"INSERT INTO lead_events (lead_id, actor, what, created_at) VALUES (?, 'shopper', ?, UTC_TIMESTAMP())",
	"is", "" };
static const struct db_stmt q_answers_clear = {
	"DELETE FROM lead_answers WHERE lead_id = ?", "i", "" };
static const struct db_stmt q_answer = {
	"INSERT INTO lead_answers (lead_id, field_id, position, label, value, e164) VALUES (?, ?, ?, ?, ?, ?)",
	"iiisss", "" };
static const struct db_stmt q_unbook = { "DELETE FROM lead_bookings WHERE lead_id = ?", "i", "" };
/* The primary key (form_id, slot_start) refuses a second booking of a slot: DB_DUP. */
static const struct db_stmt q_book = {
	"INSERT INTO lead_bookings (form_id, slot_start, field_id, lead_id, created_at)"
	" VALUES (?, STR_TO_DATE(?, '%Y-%m-%dT%H:%iZ'), ?, ?, UTC_TIMESTAMP())", "isii", "" };
static const struct db_stmt q_delivery = {
	"INSERT INTO webhook_deliveries (brand_id, lead_id, event, payload, next_attempt_at, created_at)"
	" VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "iiss", "" };

struct store {
	struct req *r;
	const struct leadform *f;
	const char *email;	/* the first email field's value, "" for none */
	uint8_t email_hash[32], ip_hash[32];
	long long lead_id;
	bool merged;
	struct leadform_field *taken;	/* the appointment whose slot someone else booked first */
};

/* The answer as stored: multiple choices one per line. */
static const char *joined(struct req *r, const struct leadform_field *x)
{
	struct buf b;
	buf_init(&b, r->arena, 64);
	for (size_t i = 0; i < x->nvals; i++) {
		if (i)
			buf_putc(&b, '\n');
		buf_puts(&b, x->vals[i]);
	}
	return buf_cstr(&b);
}

static const char *payload(struct store *s)
{
	struct req *r = s->r;
	const struct leadform *f = s->f;
	char at[32];
	time_t now = time(NULL);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	struct buf b;
	buf_init(&b, r->arena, 1024);
	buf_printf(&b, "{\"event\":\"%s\",\"lead_id\":%lld,\"form\":", s->merged ? "lead.updated" : "lead.created", s->lead_id);
	webhook_json_str(&b, f->slug);
	buf_puts(&b, ",\"creator\":");
	if (f->handle)
		webhook_json_str(&b, f->handle);
	else
		buf_puts(&b, "null");
	buf_puts(&b, ",\"email\":");
	webhook_json_str(&b, s->email);
	buf_puts(&b, ",\"consent_text\":");
	webhook_json_str(&b, f->consent);
	buf_printf(&b, ",\"submitted_at\":\"%s\",\"answers\":[", at);
	bool first = true;
	for (size_t i = 0; i < f->nfields; i++) {
		const struct leadform_field *x = &f->fields[i];
		if (!x->shown)
			continue;
		buf_puts(&b, first ? "{\"label\":" : ",{\"label\":");
		first = false;
		webhook_json_str(&b, x->label);
		buf_printf(&b, ",\"type\":\"%s\",\"value\":", lead_type_name(x->def.type));
		if (x->def.type == LEAD_MULTI) {
			buf_putc(&b, '[');
			for (size_t k = 0; k < x->nvals; k++) {
				if (k)
					buf_putc(&b, ',');
				webhook_json_str(&b, x->vals[k]);
			}
			buf_putc(&b, ']');
		} else {
			webhook_json_str(&b, x->nvals ? x->vals[0] : "");
		}
		char e164[LEAD_PHONE_E164_LEN];
		if (x->def.type == LEAD_PHONE && x->nvals == 1 && lead_phone_e164(x->vals[0], s->f->phone_region, e164))
			buf_printf(&b, ",\"e164\":\"%s\"", e164);
		buf_putc(&b, '}');
	}
	buf_puts(&b, "]}");
	return buf_cstr(&b);
}

/* The slot value of the first answered appointment question, or NULL. */
static const char *booked_slot(const struct leadform *f)
{
	for (size_t i = 0; i < f->nfields; i++)
		if (f->fields[i].def.type == LEAD_APPOINTMENT && f->fields[i].nvals == 1 && *f->fields[i].vals[0])
			return f->fields[i].vals[0];
	return NULL;
}

/* "Sun 06 Dec 2026, 09:00 (Europe/Berlin)": the booked slot as the brand's clock shows it. */
static const char *slot_words(struct arena *a, const struct leadform *f)
{
	for (size_t i = 0; i < f->nfields; i++) {
		const struct leadform_field *x = &f->fields[i];
		time_t t;
		char label[64];
		if (x->def.type != LEAD_APPOINTMENT || x->nvals != 1 || !x->slots || !lead_slots_parse_value(x->vals[0], &t))
			continue;
		lead_slots_label(x->slots, t, label, sizeof label);
		return arena_printf(a, "%s (%s)", label, x->slots->tz);
	}
	return "";
}

/* A new lead (not a repeat merged into one) is told to the brand; the answers stay in the studio,
 * since mail crosses relays in the clear. A booked appointment comes as an .ics attachment, the
 * same event as the lead page's (leads_ics.c), so the brand's calendar takes it in one click. */
static enum db_status lead_notice(struct db *db, struct arena *a, const struct leadform *f, long long lead_id,
				  const char *email)
{
	struct notify_text t;
	notify_text_init(&t, a);
	notify_text_add(&t, "FORM", f->title);
	notify_text_add(&t, "LEAD", arena_printf(a, "%lld", lead_id));
	if (f->creator_id)
		notify_text_add(&t, "#VIA", f->handle);
	for (size_t i = 0; i < f->nfields; i++) {
		const struct leadform_field *x = &f->fields[i];
		time_t start;
		if (x->def.type != LEAD_APPOINTMENT || x->nvals != 1 || !x->slots || !lead_slots_parse_value(x->vals[0], &start))
			continue;
		notify_text_add(&t, "#APPOINTMENT", slot_words(a, f));
		struct buf ics;
		buf_init(&ics, a, 1024);
		lead_ics(&ics, &(struct lead_ics_event){
			.uid = arena_printf(a, "lead-%lld-appointment-brand@crowdcart", lead_id),
			.start = start, .stamp = time(NULL), .minutes = x->slots->slot_minutes,
			.summary = arena_printf(a, "%s: %s", f->title, *email ? email : "new lead"),
			.description = arena_printf(a, "Lead %lld, booked through the form \"%s\".", lead_id, f->title) });
		t.calendar = buf_cstr(&ics);
		break;
	}
	return notify_brand(db, a, f->brand_id, NOTIFY_BRAND_LEAD, &t);
}

/* Books the slot of each answered appointment question; a repeat of the lead gives up the slots
 * it held first (it may pick the same one again). */
static enum db_status book(struct db *db, struct store *s)
{
	struct leadform *f = (struct leadform *)s->f;
	enum db_status rc = DB_OK;
	if (s->merged)
		rc = db_query(db, NULL, &q_unbook, (struct db_param[]){ DB_I(s->lead_id) }, NULL);
	for (size_t i = 0; rc == DB_OK && i < f->nfields; i++) {
		struct leadform_field *x = &f->fields[i];
		if (x->def.type != LEAD_APPOINTMENT || x->nvals != 1 || !*x->vals[0])
			continue;
		rc = db_query(db, NULL, &q_book, (struct db_param[]){ DB_I(f->id), DB_S(x->vals[0]), DB_I(x->id),
			DB_I(s->lead_id) }, NULL);
		if (rc == DB_DUP)
			s->taken = x;
	}
	return rc;
}

/* The shopper's receipt: what was sent to whom, how long it is kept, and the link that erases it
 * (leadform_erase.c). Only for a new lead: a repeat within the merge window has that link already. */
static enum db_status confirmation(struct db *db, struct store *s)
{
	const struct leadform *f = s->f;
	struct arena *a = s->r->arena;
	char base[BASE_URL_MAX] = "", token[LEAD_LINK_TOKEN_LEN];
	lead_link_token(s->r->secret, LEAD_LINK_ERASE, s->lead_id, token);
	const char *erase = base_url_get(base)
		? arena_printf(a, "To erase them now, open this link:\n%s/leads/erase/%lld/%s\n", base, s->lead_id, token)
		: "To erase them now, reply to the brand or write to its privacy contact.\n";
	const char *ics = "";
	if (booked_slot(f) && *base) {
		char t[LEAD_LINK_TOKEN_LEN];
		lead_link_token(s->r->secret, LEAD_LINK_ICS, s->lead_id, t);
		ics = arena_printf(a, "Your appointment: %s. Add it to your calendar:\n%s/leads/ics/%lld/%s\n\n",
			slot_words(a, f), base, s->lead_id, t);
	}
	const char *body = arena_printf(a, "Thank you: %s received your answers to \"%s\".\n\n%s"
		"%s keeps them for %ld days after you send them, then they are erased.\n%s",
		f->brand_name, f->title, ics, f->brand_name, f->retention_days, erase);
	return outbox_add(db, s->email, arena_printf(a, "Your answers to %s", f->title), body, 0, 0);
}

/* Raw, qualified or unqualified, from the options chosen in the choice fields. */
static enum lead_status earned_status(const struct leadform *f)
{
	struct lead_status_answer a[LEAD_MAX_FIELDS];
	for (size_t i = 0; i < f->nfields; i++)
		a[i] = (struct lead_status_answer){ f->fields[i].qualifying, f->fields[i].disqualifying,
			f->fields[i].vals, f->fields[i].nvals };
	return lead_status_from_answers(a, f->nfields);
}

static enum db_status store(struct db *db, void *ctx)
{
	struct store *s = ctx;
	const struct leadform *f = s->f;
	struct arena *a = s->r->arena;
	enum db_status rc;
	long long existing = 0, age = 0;
	s->merged = false;
	if (*s->email) {
		/* Locks the (form, email) row first, so two submissions of one email take turns. */
		rc = db_query(db, NULL, &q_latest_lock, (struct db_param[]){ DB_I(f->id), DB_B(s->email_hash, 32) }, NULL);
		struct db_res res;
		if (rc == DB_OK)
			rc = db_query(db, a, &q_latest, (struct db_param[]){ DB_I(f->id), DB_B(s->email_hash, 32) }, &res);
		if (rc != DB_OK)
			return rc;
		if (res.nrows) {
			existing = db_at(&res, 0, 0)->i;
			age = db_at(&res, 0, 1)->i;
		}
	}
	const char *status = lead_status_name(earned_status(f));
	if (lead_should_merge(existing != 0, age)) {
		s->merged = true;
		s->lead_id = existing;
		rc = db_query(db, NULL, &q_merge, (struct db_param[]){ DB_I(f->creator_id), DB_S(f->consent),
			DB_B(s->ip_hash, 32), DB_S(status), DB_I(existing), DB_I(f->id) }, NULL);
		if (rc == DB_OK)
			rc = db_query(db, NULL, &q_answers_clear, (struct db_param[]){ DB_I(existing) }, NULL);
		if (rc == DB_OK)
			rc = db_query(db, NULL, &q_event, (struct db_param[]){ DB_I(existing),
				DB_S(arena_printf(a, "Submitted again; the answers earn: %s", status)) }, NULL);
	} else {
		rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(f->id), DB_I(f->brand_id),
			DB_I(f->creator_id), DB_S(s->email), DB_S(f->consent), DB_B(s->ip_hash, 32), DB_S(status) }, NULL);
		s->lead_id = (long long)db_insert_id(db);
		if (rc == DB_OK)
			rc = db_query(db, NULL, &q_event, (struct db_param[]){ DB_I(s->lead_id),
				DB_S(arena_printf(a, "Received; status %s from the answers", status)) }, NULL);
	}
	for (size_t i = 0; rc == DB_OK && i < f->nfields; i++) {
		const struct leadform_field *x = &f->fields[i];
		if (x->nvals == 0 || (x->nvals == 1 && !*x->vals[0]))
			continue;
		char e164[LEAD_PHONE_E164_LEN] = "";
		if (x->def.type == LEAD_PHONE)
			lead_phone_e164(x->vals[0], f->phone_region, e164);
		rc = db_query(db, NULL, &q_answer, (struct db_param[]){ DB_I(s->lead_id), DB_I(x->id),
			DB_I((long long)i), DB_S(x->label), DB_S(joined(s->r, x)), DB_S(e164) }, NULL);
	}
	if (rc == DB_OK)
		rc = book(db, s);
	if (rc == DB_OK && *s->email)
		rc = db_query(db, NULL, &q_latest_set, (struct db_param[]){ DB_I(s->lead_id), DB_I(f->id),
			DB_B(s->email_hash, 32) }, NULL);
	if (rc == DB_OK && f->has_webhook)
		rc = db_query(db, NULL, &q_delivery, (struct db_param[]){ DB_I(f->brand_id), DB_I(s->lead_id),
			DB_S(s->merged ? "lead.updated" : "lead.created"), DB_S(payload(s)) }, NULL);
	if (rc == DB_OK && !s->merged)
		rc = lead_notice(db, a, f, s->lead_id, s->email);
	if (rc == DB_OK && !s->merged && *s->email)
		rc = confirmation(db, s);
	return rc;
}

/* Counts one submission in the bucket's current hour; false once over `limit`. */
static bool rate_ok(struct req *r, const char *what, long long limit, enum db_status *rc)
{
	uint8_t bucket[32];
	token_keyed_hash(r->secret, what, strlen(what), bucket);
	long long window = (long long)time(NULL) / 3600;
	struct db_res res;
	*rc = db_query(r->db, NULL, &q_rate, (struct db_param[]){ DB_B(bucket, 32), DB_I(window) }, NULL);
	if (*rc == DB_OK)
		*rc = db_query(r->db, r->arena, &q_rate_read, (struct db_param[]){ DB_B(bucket, 32), DB_I(window) }, &res);
	return *rc == DB_OK && res.nrows == 1 && db_at(&res, 0, 0)->i <= limit;
}

static void thanks(struct req *r, const struct leadform *f, const struct store *s)
{
	/* Re-checked now: a domain removed since the form was saved falls back to the message. */
	if (*f->redirect_url && brand_domain_allows(r->db, r->arena, f->brand_id, f->redirect_url)) {
		r->status = 303;
		r->body.len = 0;
		response_header(r, "Location", f->redirect_url);
		return;
	}
	tmpl_dict *d = layout_begin(r, "leadform_thanks.tpl", f->title);
	tmpl_set(d, "TITLE", f->title);
	tmpl_set(d, "THANKS", *f->thanks ? f->thanks : "Thank you! We received your answers.");
	if (s && booked_slot(f)) {
		char t[LEAD_LINK_TOKEN_LEN];
		lead_link_token(r->secret, LEAD_LINK_ICS, s->lead_id, t);
		tmpl_set(tmpl_add(d, "ICS"), "URL", arena_printf(r->arena, "/leads/ics/%lld/%s", s->lead_id, t));
	}
	layout_end(r, 200);
}

/* True if the page the person saw showed conditional field `name` (its "shown" marker came back). */
static bool was_shown(struct req *r, const char *name)
{
	for (size_t j = 0; j < r->form.n; j++)
		if (strcmp(r->form.items[j].key, "shown") == 0 && strcmp(r->form.items[j].val, name) == 0)
			return true;
	return false;
}

/* Fills each field's submitted values from the form, drops the answers to questions the answers
 * hide (never stored), and validates the rest; true if all pass. *next is set when the answers
 * reveal a question the person has not seen yet: it is asked, not judged. */
static bool validate(struct req *r, struct leadform *f, const char **email, bool *next)
{
	bool ok = true;
	*email = "";
	*next = false;
	for (size_t i = 0; i < f->nfields; i++) {
		struct leadform_field *x = &f->fields[i];
		const char *name = leadform_input(r, i);
		size_t n = kv_count(&r->form, name), k = 0;
		const char **vals = arena_alloc(r->arena, (n ? n : 1) * sizeof *vals);
		for (size_t j = 0; j < r->form.n; j++)
			if (strcmp(r->form.items[j].key, name) == 0)
				vals[k++] = r->form.items[j].val;
		x->vals = vals;
		x->nvals = n;
	}
	leadform_conditions(f);
	for (size_t i = 0; i < f->nfields; i++) {
		struct leadform_field *x = &f->fields[i];
		if (!x->shown) {
			x->nvals = 0;
			continue;
		}
		if (x->source >= 0 && !was_shown(r, leadform_input(r, i))) {
			*next = true;
			continue;
		}
		x->error = lead_check(&x->def, x->vals, x->nvals);
		char e164[LEAD_PHONE_E164_LEN];
		if (!x->error && x->phone_strict && x->nvals == 1 && *x->vals[0] &&
		    !lead_phone_e164(x->vals[0], f->phone_region, e164))
			x->error = arena_printf(r->arena, "Check the number: it is not a complete phone number in %s. "
				"A number from another country starts with + and its country code.", f->phone_region);
		if (x->error)
			ok = false;
		else if (x->def.type == LEAD_EMAIL && x->nvals == 1 && !**email)
			*email = x->vals[0];
	}
	return ok;
}

/* An answered appointment must still be offered and free now; the booking's key settles a race. */
static enum db_status slots_free(struct req *r, struct leadform *f, bool *ok)
{
	for (size_t i = 0; i < f->nfields; i++) {
		struct leadform_field *x = &f->fields[i];
		if (x->def.type != LEAD_APPOINTMENT || !x->shown || x->nvals != 1 || !*x->vals[0])
			continue;
		bool free;
		enum db_status rc = leadform_slot_free(r, f, x, x->vals[0], &free);
		if (rc != DB_OK)
			return rc;
		if (!free) {
			x->error = "That time is no longer free: please choose another.";
			*ok = false;
		}
	}
	return DB_OK;
}

int page_leadform_submit(struct req *r)
{
	struct leadform f;
	int st;
	if (!leadform_load(r, &f, &st))
		return st;
	const char *hp = req_form(r, "website");
	if (hp && *hp) {
		/* A bot filled the hidden field: it sees the usual answer, and nothing is stored. */
		thanks(r, &f, NULL);
		return REQ_DONE;
	}
	const char *email;
	bool next;
	bool fields_ok = validate(r, &f, &email, &next);
	long long now = (long long)time(NULL);
	int stamp = lead_stamp_check(r->secret, f.id, req_form(r, "t"), now, f.min_fill);
	if (stamp < 0) {
		leadform_render(r, &f, 422, "This page was open too long or was changed. Please check your answers and send again.");
		return REQ_DONE;
	}
	const char *consent = req_form(r, "consent");
	bool consent_ok = consent && strcmp(consent, "yes") == 0;
	enum db_status rc = fields_ok ? slots_free(r, &f, &fields_ok) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (next && fields_ok) {
		leadform_render_next(r, &f);
		return REQ_DONE;
	}
	if (!fields_ok || !consent_ok) {
		leadform_render(r, &f, 422, !fields_ok ? "Please correct the answers marked below."
				: "Please agree to the consent statement before sending.");
		return REQ_DONE;
	}
	if (stamp > 0 && !lead_confirm_check(r->secret, f.id, req_form(r, "confirm"), now)) {
		char token[LEAD_STAMP_LEN];
		lead_confirm_make(r->secret, f.id, now, token);
		leadform_render_confirm(r, &f, token);
		return REQ_DONE;
	}
	struct store s = { .r = r, .f = &f, .email = email };
	token_keyed_hash(r->secret, r->remote_addr ? r->remote_addr : "", r->remote_addr ? strlen(r->remote_addr) : 0, s.ip_hash);
	char key[300];
	if (*email) {
		if (!lead_email_key(email, key, sizeof key)) {
			response_error(r, 400, "That email address is too long.");
			return REQ_DONE;
		}
		char *m = arena_printf(r->arena, "lead-email|%lld|%s", f.id, key);
		token_keyed_hash(r->secret, m, strlen(m), s.email_hash);
	}
	const char *wait;
	rc = abuse_guard_take(r, arena_printf(r->arena, "lead-form:%lld", f.id), ABUSE_GUARD_RULES(
		{ ABUSE_LIMIT_HOST, f.ip_limit, 3600 }, { ABUSE_LIMIT_NETWORK, 4 * f.ip_limit, 3600 }), NULL, NULL, &wait);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (wait) {
		leadform_render(r, &f, 429, arena_printf(r->arena, "Too many submissions of this form from your network. %s", wait));
		return REQ_DONE;
	}
	if (!rate_ok(r, arena_printf(r->arena, "lead-form|%lld", f.id), f.form_limit, &rc)) {
		if (rc != DB_OK)
			return req_db_fail(rc);
		response_header(r, "Retry-After", "3600");
		response_error(r, 429, "Too many submissions of this form for now. Please try again later.");
		return REQ_DONE;
	}
	rc = db_txn(r->db, store, &s);
	if (rc == DB_DUP && s.taken) {
		s.taken->error = "Someone has just booked that time: please choose another.";
		s.taken->nvals = 0;
		leadform_render(r, &f, 409, "Please choose another time below.");
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	thanks(r, &f, &s);
	return REQ_DONE;
}
