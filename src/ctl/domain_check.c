/* domain_check.c: claim a brand domain, look up its TXT record, and record the result and the next
 * check (domain_schedule.h); a match sets verified_at, the loss rule clears it (docs/ADS.md). */
#include <stdio.h>
#include "ctl/domain_check.h"
#include "domain/ads/domain_schedule.h"
#include "ctl/lease.h"

#define DUE_BATCH 20
#define LEASE_SECONDS 120	/* far longer than a lookup (2 s x 2 tries x at most 3 nameservers) */

static const struct db_stmt q_due = {
	"SELECT id FROM brand_domains WHERE (next_check_at IS NULL OR next_check_at <= UTC_TIMESTAMP())"
	" AND (check_lease_until IS NULL OR check_lease_until <= UTC_TIMESTAMP())"
	" ORDER BY next_check_at, id LIMIT 20", "", "i" };	/* DUE_BATCH */
static const struct db_stmt q_pick = {
	"SELECT d.id, d.domain, b.slug FROM brand_domains d JOIN brands b ON b.id = d.brand_id"
	" WHERE d.id > ? AND (? = 0 OR d.brand_id = ?)"
	" AND (? = 1 OR d.verified_at IS NULL OR d.next_check_at IS NULL OR d.next_check_at <= UTC_TIMESTAMP())"
	" ORDER BY d.id LIMIT 100", "iiii", "iss" };
/* The lease: only one worker (on any node) wins the row, while it is due, or at all (check now). */
static const struct db_stmt q_claim_due = {
	"UPDATE brand_domains SET check_lease_until = UTC_TIMESTAMP() + INTERVAL 120 SECOND"
	" WHERE id = ? AND (check_lease_until IS NULL OR check_lease_until <= UTC_TIMESTAMP())"
	" AND (next_check_at IS NULL OR next_check_at <= UTC_TIMESTAMP())", "i", "" };
static const struct db_stmt q_claim_any = {
	"UPDATE brand_domains SET check_lease_until = UTC_TIMESTAMP() + INTERVAL 120 SECOND"
	" WHERE id = ? AND (check_lease_until IS NULL OR check_lease_until <= UTC_TIMESTAMP())", "i", "" };
static const struct db_stmt q_load = {
	"SELECT d.domain, d.token, d.verified_at IS NOT NULL, d.check_failures, d.missing_checks,"
	" COALESCE(TIMESTAMPDIFF(SECOND, d.missing_since, UTC_TIMESTAMP()), -1),"
	" TIMESTAMPDIFF(SECOND, d.created_at, UTC_TIMESTAMP()), COALESCE(DATE_FORMAT(d.missing_since, '%Y-%m-%d %H:%i'), ''), b.slug"
	" FROM brand_domains d JOIN brands b ON b.id = d.brand_id WHERE d.id = ?", "i", "ssiiiiiss" };
/* MariaDB assigns left to right and later expressions see earlier results: next_check_at reads
 * the lease before it is cleared. A "Check now" that came during the lookup makes it due again. */
static const struct db_stmt q_save = {
	"UPDATE brand_domains SET"
	" next_check_at = IF(check_requested_at >= check_lease_until - INTERVAL 120 SECOND, UTC_TIMESTAMP(),"
	"  UTC_TIMESTAMP() + INTERVAL ? SECOND),"
	" checked_at = UTC_TIMESTAMP(), check_result = ?,"
	" verified_at = CASE ? WHEN 1 THEN COALESCE(verified_at, UTC_TIMESTAMP()) WHEN 2 THEN NULL ELSE verified_at END,"
	" lost_at = CASE ? WHEN 1 THEN NULL WHEN 2 THEN UTC_TIMESTAMP() ELSE lost_at END,"
	" lost_reason = CASE ? WHEN 1 THEN '' WHEN 2 THEN ? ELSE lost_reason END,"
	" check_failures = ?, missing_checks = ?,"
	" missing_since = CASE ? WHEN 0 THEN NULL WHEN 1 THEN COALESCE(missing_since, UTC_TIMESTAMP()) ELSE missing_since END,"
	" check_lease_until = NULL WHERE id = ?", "isiiisiiii", "" };

_Static_assert(LEASE_SECONDS == 120, "the claims and q_save spell the lease out");
_Static_assert(DOMAIN_VERIFY == 1 && DOMAIN_UNVERIFY == 2, "q_save's CASE numbers");
_Static_assert(DOMAIN_SINCE_CLEAR == 0 && DOMAIN_SINCE_START == 1, "q_save's CASE numbers");

static enum domain_verdict verdict_of(enum dns_txt_outcome o)
{
	return o == DNS_TXT_MATCH ? DOMAIN_FOUND : o == DNS_TXT_FAILED ? DOMAIN_LOOKUP_FAILED : DOMAIN_MISSING;
}

/* Checks the claimed domain `id`; prints its line when `print`. False on a database failure. */
static bool check_one(struct db *db, struct arena *a, const struct dns_resolver *r, long long id, bool print)
{
	struct db_res d;
	if (db_query(db, a, &q_load, (struct db_param[]){ DB_I(id) }, &d) != DB_OK)
		return false;
	if (d.nrows == 0)
		return true;	/* removed in the studio since it was claimed */
	const char *domain = db_at(&d, 0, 0)->s, *since = db_at(&d, 0, 7)->s;
	struct domain_state s = {
		.verified = db_at(&d, 0, 2)->i != 0, .failures = (unsigned)db_at(&d, 0, 3)->i,
		.missing = (unsigned)db_at(&d, 0, 4)->i, .missing_for = db_at(&d, 0, 5)->i, .age = db_at(&d, 0, 6)->i,
	};
	char why[DNS_WHY_MAX];
	enum domain_verdict v = verdict_of(dns_lookup_txt(r, domain, db_at(&d, 0, 1)->s, why));
	struct domain_step st = domain_schedule(&s, v);
	const char *result = why, *lost = "";
	if (st.action == DOMAIN_UNVERIFY) {
		result = arena_printf(a, "%s: verification withdrawn", why);
		lost = arena_printf(a, "%s on %u checks in a row since %s UTC", why, s.missing + 1, *since ? since : "today");
	} else if (s.verified && v == DOMAIN_MISSING) {
		result = arena_printf(a, "%s (still verified: it is withdrawn after %d failed checks over at least %d hours)",
				      why, DOMAIN_LOSS_CHECKS, DOMAIN_LOSS_SECONDS / 3600);
	} else if (s.verified && v == DOMAIN_LOOKUP_FAILED) {
		result = arena_printf(a, "%s (still verified: a failed lookup never withdraws it)", why);
	}
	struct db_param p[] = { DB_I(st.next_in), DB_S(result), DB_I(st.action), DB_I(st.action), DB_I(st.action),
				DB_S(lost), DB_I(st.failures), DB_I(st.missing), DB_I(st.missing_since), DB_I(id) };
	if (db_query(db, NULL, &q_save, p, NULL) != DB_OK)
		return false;
	if (print)
		printf("%s\t%s\t%s\n", db_at(&d, 0, 8)->s, domain, result);
	return true;
}

static bool check_claimed(struct db *db, struct arena *a, long long id, void *ctx)
{
	return check_one(db, a, ctx, id, false);
}

long domain_check_due(struct db *db, struct arena *a, const struct dns_resolver *r)
{
	struct lease_job job = { &q_due, DUE_BATCH, &q_claim_due, check_claimed, (void *)r, 0 };
	return lease_pass(db, a, &job);
}

int domain_check_now(struct db *db, struct arena *a, const struct dns_resolver *r, long long brand_id, bool all)
{
	long long after = 0;
	for (;;) {
		arena_reset(a);
		struct db_res ids;
		if (db_query(db, a, &q_pick, (struct db_param[]){ DB_I(after), DB_I(brand_id), DB_I(brand_id), DB_I(all) },
			     &ids) != DB_OK)
			return 1;
		for (size_t i = 0; i < ids.nrows; i++) {
			long long id = after = db_at(&ids, i, 0)->i;
			int c = lease_claim(db, &q_claim_any, id);
			if (c < 0)
				return 1;
			if (c == 0)
				printf("%s\t%s\tskipped: a worker is checking it right now\n", db_at(&ids, i, 2)->s,
				       db_at(&ids, i, 1)->s);
			else if (!check_one(db, a, r, id, true))
				return 1;
		}
		fflush(stdout);
		if (ids.nrows < 100)
			return 0;
	}
}
