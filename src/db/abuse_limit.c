/* abuse_limit.c: see abuse_limit.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "db/abuse_limit.h"
#include "lib/netprefix.h"
#include "lib/token.h"

/* One round trip per rule: a new window's row says so by affecting one row (hits is then 1); an
 * existing one is updated (two rows affected) and hands its new count back as LAST_INSERT_ID. */
static const struct db_stmt q_hit = {
	"INSERT INTO abuse_hits (bucket, window_start, hits) VALUES (?, ?, 1)"
	" ON DUPLICATE KEY UPDATE hits = LAST_INSERT_ID(hits + 1)", "bi", "" };
static const struct db_stmt q_purge = {
	"DELETE FROM abuse_hits WHERE window_start < ? LIMIT 100", "i", "" };

#define ABUSE_LIMIT_KEEP_S (2 * 86400)	/* longer than any window */

static const char *const scope_names[] = {
	[ABUSE_LIMIT_SESSION] = "session", [ABUSE_LIMIT_HOST] = "host",
	[ABUSE_LIMIT_NETWORK] = "network", [ABUSE_LIMIT_TARGET] = "target",
};

void abuse_limit_subject(const uint8_t secret[32], const char *action, enum abuse_limit_scope scope,
			 const struct abuse_limit_who *who, uint8_t out[32])
{
	char value[NETPREFIX_TEXT + 2 * 32 + 1] = "";
	const char *v = value;
	switch (scope) {
	case ABUSE_LIMIT_SESSION:
		for (int i = 0; who->session && i < 32; i++)
			snprintf(value + 2 * i, 3, "%02x", who->session[i]);
		break;
	case ABUSE_LIMIT_HOST:
	case ABUSE_LIMIT_NETWORK:
		netprefix_of(who->address, scope == ABUSE_LIMIT_HOST ? NETPREFIX_HOST : NETPREFIX_NETWORK, value);
		break;
	case ABUSE_LIMIT_TARGET:
		v = who->target ? who->target : "";
		break;
	}
	char s[512];
	int n = snprintf(s, sizeof s, "abuse|%s|%s|%s", action, scope_names[scope], v);
	token_keyed_hash(secret, s, n < 0 ? 0 : (size_t)n < sizeof s ? (size_t)n : sizeof s - 1, out);
}

void abuse_limit_scale(struct abuse_limit_rule *rules, size_t nrules, long long scale)
{
	for (size_t i = 0; i < nrules; i++)
		if (rules[i].scope == ABUSE_LIMIT_HOST || rules[i].scope == ABUSE_LIMIT_NETWORK)
			rules[i].max *= scale;
}

long long abuse_limit_window(long long now, long long window_s, long long *remaining_s)
{
	long long start = now - now % window_s;
	*remaining_s = start + window_s - now;
	return start;
}

struct take {
	const uint8_t *secret;
	const char *action;
	const struct abuse_limit_rule *rules;
	size_t nrules;
	const struct abuse_limit_who *who;
	struct abuse_limit_verdict *v;
	long long now;
	bool new_window;
};

static enum db_status take_write(struct db *db, void *ctx)
{
	struct take *t = ctx;
	t->v->over = false;
	t->v->retry_after_s = 0;
	t->new_window = false;
	for (size_t i = 0; i < t->nrules; i++) {
		const struct abuse_limit_rule *rule = &t->rules[i];
		uint8_t bucket[32];
		abuse_limit_subject(t->secret, t->action, rule->scope, t->who, bucket);
		long long remaining, start = abuse_limit_window(t->now, rule->window_s, &remaining);
		enum db_status rc = db_query(db, NULL, &q_hit, (struct db_param[]){ DB_B(bucket, 32), DB_I(start) }, NULL);
		if (rc != DB_OK)
			return rc;
		bool inserted = db_affected(db) == 1;
		long long hits = inserted ? 1 : (long long)db_insert_id(db);
		t->new_window |= inserted;
		if (hits > rule->max) {
			t->v->over = true;
			if (remaining > t->v->retry_after_s)
				t->v->retry_after_s = remaining;
		}
	}
	return DB_OK;
}

enum db_status abuse_limit_take(struct db *db, const uint8_t secret[32], const char *action,
				const struct abuse_limit_rule *rules, size_t nrules,
				const struct abuse_limit_who *who, struct abuse_limit_verdict *v)
{
	struct take t = { secret, action, rules, nrules, who, v, (long long)time(NULL), false };
	enum db_status rc = db_txn(db, take_write, &t);
	/* A new window is the moment to clear out old ones: rare, and a few rows at a time. */
	if (rc == DB_OK && t.new_window)
		db_best_effort(db_query(db, NULL, &q_purge, (struct db_param[]){ DB_I(t.now - ABUSE_LIMIT_KEEP_S) }, NULL));
	return rc;
}
