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
	" created_at, updated_at) VALUES (?, ?, NULLIF(?, 0), ?, ?, UTC_TIMESTAMP(), ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	"iiissb", "" };
static const struct db_stmt q_merge = {
	"UPDATE leads SET creator_id = COALESCE(NULLIF(?, 0), creator_id), consent_text = ?,"
	" consented_at = UTC_TIMESTAMP(), ip_hash = ?, submissions = submissions + 1, updated_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND form_id = ?", "isbii", "" };
static const struct db_stmt q_answers_clear = {
	"DELETE FROM lead_answers WHERE lead_id = ?", "i", "" };
static const struct db_stmt q_answer = {
	"INSERT INTO lead_answers (lead_id, field_id, position, label, value) VALUES (?, ?, ?, ?, ?)",
	"iiiss", "" };
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
	for (size_t i = 0; i < f->nfields; i++) {
		const struct leadform_field *x = &f->fields[i];
		buf_puts(&b, i ? ",{\"label\":" : "{\"label\":");
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
		buf_putc(&b, '}');
	}
	buf_puts(&b, "]}");
	return buf_cstr(&b);
}

/* A new lead (not a repeat merged into one) is told to the brand; the answers stay in the studio,
 * since mail crosses relays in the clear. */
static enum db_status lead_notice(struct db *db, struct arena *a, const struct leadform *f, long long lead_id)
{
	struct notify_text t;
	notify_text_init(&t, a);
	notify_text_add(&t, "FORM", f->title);
	notify_text_add(&t, "LEAD", arena_printf(a, "%lld", lead_id));
	if (f->creator_id)
		notify_text_add(&t, "#VIA", f->handle);
	return notify_brand(db, a, f->brand_id, NOTIFY_BRAND_LEAD, &t);
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
	if (lead_should_merge(existing != 0, age)) {
		s->merged = true;
		s->lead_id = existing;
		rc = db_query(db, NULL, &q_merge, (struct db_param[]){ DB_I(f->creator_id), DB_S(f->consent),
			DB_B(s->ip_hash, 32), DB_I(existing), DB_I(f->id) }, NULL);
		if (rc == DB_OK)
			rc = db_query(db, NULL, &q_answers_clear, (struct db_param[]){ DB_I(existing) }, NULL);
	} else {
		rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(f->id), DB_I(f->brand_id),
			DB_I(f->creator_id), DB_S(s->email), DB_S(f->consent), DB_B(s->ip_hash, 32) }, NULL);
		s->lead_id = (long long)db_insert_id(db);
	}
	for (size_t i = 0; rc == DB_OK && i < f->nfields; i++) {
		const struct leadform_field *x = &f->fields[i];
		if (x->nvals == 0 || (x->nvals == 1 && !*x->vals[0]))
			continue;
		rc = db_query(db, NULL, &q_answer, (struct db_param[]){ DB_I(s->lead_id), DB_I(x->id),
			DB_I((long long)i), DB_S(x->label), DB_S(joined(s->r, x)) }, NULL);
	}
	if (rc == DB_OK && *s->email)
		rc = db_query(db, NULL, &q_latest_set, (struct db_param[]){ DB_I(s->lead_id), DB_I(f->id),
			DB_B(s->email_hash, 32) }, NULL);
	if (rc == DB_OK && f->has_webhook)
		rc = db_query(db, NULL, &q_delivery, (struct db_param[]){ DB_I(f->brand_id), DB_I(s->lead_id),
			DB_S(s->merged ? "lead.updated" : "lead.created"), DB_S(payload(s)) }, NULL);
	if (rc == DB_OK && !s->merged)
		rc = lead_notice(db, a, f, s->lead_id);
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

static void thanks(struct req *r, const struct leadform *f)
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
	layout_end(r, 200);
}

/* Fills each field's submitted values from the form and validates them; true if all pass. */
static bool validate(struct req *r, struct leadform *f, const char **email)
{
	bool ok = true;
	*email = "";
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
		x->error = lead_check(&x->def, vals, n);
		if (x->error)
			ok = false;
		else if (x->def.type == LEAD_EMAIL && n == 1 && !**email)
			*email = vals[0];
	}
	return ok;
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
		thanks(r, &f);
		return REQ_DONE;
	}
	const char *email;
	bool fields_ok = validate(r, &f, &email);
	int stamp = lead_stamp_check(r->secret, f.id, req_form(r, "t"), (long long)time(NULL), f.min_fill);
	if (stamp < 0) {
		leadform_render(r, &f, 422, "This page was open too long or was changed. Please check your answers and send again.");
		return REQ_DONE;
	}
	if (stamp > 0) {
		/* A quick sender is most often a person with a browser that filled the form in: ask for
		 * one more click, with the answers kept, and blame nobody. */
		leadform_render(r, &f, 422, "Almost done: your answers are below. Press Send once more to confirm.");
		return REQ_DONE;
	}
	const char *consent = req_form(r, "consent");
	bool consent_ok = consent && strcmp(consent, "yes") == 0;
	if (!fields_ok || !consent_ok) {
		leadform_render(r, &f, 422, !fields_ok ? "Please correct the answers marked below."
				: "Please agree to the consent statement before sending.");
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
	enum db_status rc = abuse_guard_take(r, arena_printf(r->arena, "lead-form:%lld", f.id), ABUSE_GUARD_RULES(
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
	if (rc != DB_OK)
		return req_db_fail(rc);
	thanks(r, &f);
	return REQ_DONE;
}
