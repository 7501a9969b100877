/* notify.c: queue switchable notices, and keep each account's switches. */
#include <stdio.h>
#include <string.h>
#include "domain/mail/notify.h"
#include "domain/mail/notify_token.h"
#include "domain/mail/outbox.h"
#include "lib/base_url.h"
#include "lib/config.h"

/* From users, so a link of a deleted account changes nothing instead of failing. */
static const struct db_stmt q_set = {
	"INSERT INTO notification_prefs (user_id, kind, enabled, updated_at) SELECT id, ?, ?, UTC_TIMESTAMP() FROM users"
	" WHERE id = ? ON DUPLICATE KEY UPDATE enabled = VALUES(enabled), updated_at = VALUES(updated_at)", "sii", "" };
/* One statement, so a switch flipped meanwhile is either seen or not, never half. */
static const struct db_stmt q_queue = {
	"INSERT INTO outbox (to_addr, to_user_id, kind, subject, body_text, unsubscribe_url, calendar_ics, created_at)"
	" SELECT '', ?, 'notice', ?, ?, NULLIF(?, ''), ?, UTC_TIMESTAMP() FROM DUAL WHERE NOT EXISTS"
	" (SELECT 1 FROM notification_prefs WHERE user_id = ? AND kind = ? AND enabled = 0)", "issssis", "" };
/* An owed mail (as outbox_add) and a notice whose switch the caller has read. */
static const struct db_stmt q_owed_and_notice = {
	"INSERT INTO outbox (to_addr, to_user_id, kind, subject, body_text, unsubscribe_url, calendar_ics, checkout_id,"
	" order_id, created_at) VALUES (?, NULL, 'transactional', ?, ?, NULL, NULL, ?, ?, UTC_TIMESTAMP()),"
	" ('', ?, 'notice', ?, ?, NULLIF(?, ''), ?, NULL, NULL, UTC_TIMESTAMP())", "sssiiissss", "" };
static const struct db_stmt q_brand_owner = {
	"SELECT COALESCE(owner_user_id, 0) FROM brands WHERE id = ?", "i", "i" };
static const struct db_stmt q_creator_user = {
	"SELECT COALESCE(user_id, 0) FROM creators WHERE id = ?", "i", "i" };
static const struct db_stmt q_prefs = {
	"SELECT kind, enabled FROM notification_prefs WHERE user_id = ?", "i", "si" };

static const char *base(struct arena *a)
{
	char url[BASE_URL_MAX];
	return base_url_get(url) ? arena_printf(a, "%s", url) : "";
}

const char *notify_unsubscribe_url(struct arena *a, long long user_id, enum notify_kind k)
{
	uint8_t secret[32];
	if (!config_secret(secret))
		return "";
	char token[NOTIFY_TOKEN_MAX];
	notify_token_make(secret, user_id, k, token);
	return arena_printf(a, "%s" NOTIFY_UNSUBSCRIBE_PATH "%s", base(a), token);
}

static notify_render_fn render;

void notify_renderer_set(notify_render_fn fn)
{
	render = fn;
}

void notify_text_init(struct notify_text *t, struct arena *a)
{
	*t = (struct notify_text){ .a = a };
}

void notify_text_add(struct notify_text *t, const char *name, const char *value)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 16;
		struct notify_field *f = arena_alloc(t->a, cap * sizeof *f);
		if (t->n)
			memcpy(f, t->f, t->n * sizeof *f);
		t->f = f, t->cap = cap;
	}
	t->f[t->n++] = (struct notify_field){ name, value };
}

/* The subject (first line) and body of a section's text; false, said on stderr, when there is
 * none: a program that queues notices sets its renderer at start, so this is a bug, not a reason
 * to undo the order or payment the mail is about. */
static bool notify_render(struct arena *a, const char *section, bool switchable, const struct notify_text *t,
			  const char **subject, const char **body)
{
	const char *text = render ? render(a, section, switchable, t) : NULL;
	const char *nl = text ? strchr(text, '\n') : NULL;
	if (!nl) {
		fprintf(stderr, "notify: no text for a %s mail (renderer %s)\n", section, render ? "failed" : "not set");
		return false;
	}
	*subject = arena_strndup(a, text, (size_t)(nl - text));
	*body = nl + 1;
	return true;
}

bool notify_user_render(struct arena *a, long long user_id, enum notify_kind k, const struct notify_text *t,
			struct notify_mail *m)
{
	*m = (struct notify_mail){ 0 };
	if (user_id <= 0)
		return false;
	struct notify_text all;
	notify_text_init(&all, a);
	for (size_t i = 0; i < t->n; i++)
		notify_text_add(&all, t->f[i].name, t->f[i].value);
	const char *stop = notify_unsubscribe_url(a, user_id, k);
	notify_text_add(&all, "BASE", base(a));
	notify_text_add(&all, "KIND_LABEL", notify_kind_label(k));
	if (*stop)
		notify_text_add(&all, "#STOP", stop);
	const char *subject, *body;
	if (!notify_render(a, notify_kind_name(k), true, &all, &subject, &body))
		return false;
	*m = (struct notify_mail){ .user_id = user_id, .kind = notify_kind_name(k), .subject = subject, .body = body,
				   .stop = stop, .calendar = t->calendar };
	return true;
}

/* A rendered notice into the outbox, unless its user switched its kind off. */
static enum db_status queue_notice(struct db *db, const struct notify_mail *m)
{
	return db_query(db, NULL, &q_queue, (struct db_param[]){ DB_I(m->user_id), DB_S(m->subject), DB_S(m->body),
		DB_S(m->stop), m->calendar ? DB_S(m->calendar) : DB_NULL, DB_I(m->user_id), DB_S(m->kind) }, NULL);
}

enum db_status notify_user(struct db *db, struct arena *a, long long user_id, enum notify_kind k,
			   const struct notify_text *t)
{
	struct notify_mail m;
	return notify_user_render(a, user_id, k, t, &m) ? queue_notice(db, &m) : DB_OK;
}

void notify_text_add_lines(struct notify_text *t, const char *row, const char *text)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t n = nl ? (size_t)(nl - text) : strlen(text);
		notify_text_add(t, row, arena_strndup(t->a, text, n));
		text += n + (nl != NULL);
	}
}

/* The owed mail's subject and body; false if its section did not render. */
static bool owed_render(struct arena *a, const char *section, const struct notify_text *t, const char **subject,
			const char **body)
{
	struct notify_text all;
	notify_text_init(&all, a);
	for (size_t i = 0; i < t->n; i++)
		notify_text_add(&all, t->f[i].name, t->f[i].value);
	notify_text_add(&all, "BASE", base(a));
	return notify_render(a, section, false, &all, subject, body);
}

enum db_status notify_owed(struct db *db, struct arena *a, const char *to, const char *section,
			   const struct notify_text *t, long long checkout_id, long long order_id)
{
	const char *subject, *body;
	if (!owed_render(a, section, t, &subject, &body))
		return DB_OK;
	return outbox_add(db, to, subject, body, checkout_id, order_id);
}

enum db_status notify_owed_with(struct db *db, struct arena *a, const char *to, const char *section,
				const struct notify_text *t, long long checkout_id, long long order_id,
				const struct notify_mail *n)
{
	const char *subject, *body;
	if (!n->user_id)
		return notify_owed(db, a, to, section, t, checkout_id, order_id);
	if (!owed_render(a, section, t, &subject, &body))
		return queue_notice(db, n);
	return db_query(db, NULL, &q_owed_and_notice, (struct db_param[]){ DB_S(to), DB_S(subject), DB_S(body),
		checkout_id ? DB_I(checkout_id) : DB_NULL, order_id ? DB_I(order_id) : DB_NULL, DB_I(n->user_id),
		DB_S(n->subject), DB_S(n->body), DB_S(n->stop), n->calendar ? DB_S(n->calendar) : DB_NULL }, NULL);
}

static enum db_status notify_owner(struct db *db, struct arena *a, const struct db_stmt *q, long long id,
				   enum notify_kind k, const struct notify_text *t)
{
	struct db_res u;
	enum db_status rc = db_query(db, a, q, (struct db_param[]){ DB_I(id) }, &u);
	if (rc != DB_OK || u.nrows == 0)
		return rc;
	return notify_user(db, a, db_at(&u, 0, 0)->i, k, t);
}

enum db_status notify_brand(struct db *db, struct arena *a, long long brand_id, enum notify_kind k,
			    const struct notify_text *t)
{
	return notify_owner(db, a, &q_brand_owner, brand_id, k, t);
}

enum db_status notify_creator(struct db *db, struct arena *a, long long creator_id, enum notify_kind k,
			      const struct notify_text *t)
{
	return notify_owner(db, a, &q_creator_user, creator_id, k, t);
}

enum db_status notify_prefs_load(struct db *db, struct arena *a, long long user_id, bool on[NOTIFY__MAX])
{
	for (int k = 0; k < NOTIFY__MAX; k++)
		on[k] = true;
	struct db_res p;
	enum db_status rc = db_query(db, a, &q_prefs, (struct db_param[]){ DB_I(user_id) }, &p);
	for (size_t i = 0; rc == DB_OK && i < p.nrows; i++) {
		enum notify_kind k = notify_kind_parse(db_at(&p, i, 0)->s);
		if (k != NOTIFY__MAX)
			on[k] = db_at(&p, i, 1)->i != 0;
	}
	return rc;
}

enum db_status notify_pref_set(struct db *db, long long user_id, enum notify_kind k, bool on)
{
	return db_query(db, NULL, &q_set, (struct db_param[]){ DB_S(notify_kind_name(k)), DB_I(on), DB_I(user_id) }, NULL);
}
