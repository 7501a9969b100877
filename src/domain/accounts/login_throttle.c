/* login_throttle.c: see login_throttle.h. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "domain/accounts/login_throttle.h"
#include "lib/netprefix.h"
#include "lib/token.h"

#define IN_WINDOW "failed_at > UTC_TIMESTAMP(3) - INTERVAL 900 SECOND"
_Static_assert(LOGIN_WINDOW_S == 900, "IN_WINDOW spells the window out");
#define SINCE_LATEST "COALESCE(TIMESTAMPDIFF(MICROSECOND, MAX(failed_at), UTC_TIMESTAMP(3)) DIV 1000, 0)"

static const struct db_stmt q_counts = {
	"SELECT (SELECT COUNT(*) FROM sign_in_failures WHERE subject_hash = ? AND " IN_WINDOW "),"
	" (SELECT " SINCE_LATEST " FROM sign_in_failures WHERE subject_hash = ?),"
	" (SELECT COUNT(*) FROM sign_in_failures WHERE prefix_hash = ? AND " IN_WINDOW "),"
	" (SELECT " SINCE_LATEST " FROM sign_in_failures WHERE prefix_hash = ?),"
	" (SELECT COUNT(DISTINCT prefix_hash) FROM sign_in_failures WHERE account_hash = ? AND " IN_WINDOW "),"
	" (SELECT COUNT(*) FROM sign_in_failures WHERE account_hash = ? AND failed_at > UTC_TIMESTAMP(3) - INTERVAL 1 HOUR)",
	"bbbbbb", "iiiiii" };
static const struct db_stmt q_fail = {
	"INSERT INTO sign_in_failures (subject_hash, account_hash, prefix_hash, failed_at)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP(3))", "bbb", "" };
static const struct db_stmt q_forget_pair = {
	"DELETE FROM sign_in_failures WHERE subject_hash = ?", "b", "" };
static const struct db_stmt q_forget_account = {
	"DELETE FROM sign_in_failures WHERE account_hash = ?", "b", "" };
static const struct db_stmt q_purge = {
	"DELETE FROM sign_in_failures WHERE failed_at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 100", "", "" };

static void keyed(const uint8_t secret[32], const char *kind, const char *a, const char *b, uint8_t out[32])
{
	char s[600];
	int n = snprintf(s, sizeof s, "login-%s:%s\n%s", kind, a, b);
	token_keyed_hash(secret, s, n < 0 ? 0 : (size_t)n < sizeof s ? (size_t)n : sizeof s - 1, out);
}

void login_throttle_subject(const uint8_t secret[32], const char *email, const char *address,
			    struct login_subject *s)
{
	char lower[255], prefix[NETPREFIX_TEXT];
	size_t i = 0;
	for (; email && email[i] && i < sizeof lower - 1; i++)
		lower[i] = (char)tolower((unsigned char)email[i]);
	lower[i] = '\0';
	netprefix_of(address, NETPREFIX_SUBNET, prefix);
	keyed(secret, "pair", lower, prefix, s->pair);
	keyed(secret, "account", lower, "", s->account);
	keyed(secret, "prefix", prefix, "", s->prefix);
}

long long login_throttle_delay(long long failures, long long free, long long cap)
{
	if (failures <= free)
		return 0;
	long long over = failures - free - 1;
	return over >= 30 || (1LL << over) > cap ? cap : 1LL << over;
}

/* Whole seconds left of a delay, rounded up so the client never comes back too early. No delay is
 * none at all: a failure committed between the check's clock reading and its read view is newer
 * than "now", and since_ms comes out negative (a concurrent guess from the same network made the
 * first free failure a 429). Such a failure counts as just made. */
static long long left(long long delay_s, long long since_ms)
{
	if (delay_s <= 0)
		return 0;
	long long ms = delay_s * 1000 - (since_ms > 0 ? since_ms : 0);
	return ms > 0 ? (ms + 999) / 1000 : 0;
}

struct login_wait login_throttle_judge(const struct login_counts *c, bool with_lock)
{
	if (with_lock && (c->account_prefixes >= LOGIN_LOCK_PREFIXES || c->account_hour_failures >= LOGIN_LOCK_HOUR_FAILURES))
		return (struct login_wait){ LOGIN_LOCKED, LOGIN_WINDOW_S };
	long long pair = left(login_throttle_delay(c->pair_failures, LOGIN_FREE_FAILURES, LOGIN_PAIR_CAP_S),
			      c->pair_since_ms);
	long long prefix = left(login_throttle_delay(c->prefix_failures, LOGIN_PREFIX_BUDGET, LOGIN_PREFIX_CAP_S),
				c->prefix_since_ms);
	long long wait = pair > prefix ? pair : prefix;
	return (struct login_wait){ wait ? LOGIN_WAIT : LOGIN_GO, wait };
}

enum db_status login_throttle_check(struct db *db, struct arena *a, const struct login_subject *s,
				    bool with_lock, struct login_wait *w)
{
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_counts, (struct db_param[]){
		DB_B(s->pair, 32), DB_B(s->pair, 32), DB_B(s->prefix, 32), DB_B(s->prefix, 32), DB_B(s->account, 32),
		DB_B(s->account, 32),
	}, &res);
	if (rc != DB_OK)
		return rc;
	struct login_counts c = {
		.pair_failures = db_at(&res, 0, 0)->i, .pair_since_ms = db_at(&res, 0, 1)->i,
		.prefix_failures = db_at(&res, 0, 2)->i, .prefix_since_ms = db_at(&res, 0, 3)->i,
		.account_prefixes = db_at(&res, 0, 4)->i, .account_hour_failures = db_at(&res, 0, 5)->i,
	};
	*w = login_throttle_judge(&c, with_lock);
	return DB_OK;
}

enum db_status login_throttle_fail(struct db *db, const struct login_subject *s)
{
	enum db_status rc = db_query(db, NULL, &q_fail, (struct db_param[]){
		DB_B(s->pair, 32), DB_B(s->account, 32), DB_B(s->prefix, 32) }, NULL);
	/* Housekeeping only: old rows no longer count, and a later failure purges them. */
	if (rc == DB_OK)
		db_best_effort(db_query(db, NULL, &q_purge, NULL, NULL));
	return rc;
}

void login_throttle_forget_pair(struct db *db, const struct login_subject *s)
{
	db_best_effort(db_query(db, NULL, &q_forget_pair, (struct db_param[]){ DB_B(s->pair, 32) }, NULL));
}

void login_throttle_forget_account(struct db *db, const struct login_subject *s)
{
	db_best_effort(db_query(db, NULL, &q_forget_account, (struct db_param[]){ DB_B(s->account, 32) }, NULL));
}
