/* throttle.c: see throttle.h. */
#include <stdio.h>
#include <string.h>
#include "db/throttle.h"
#include "lib/token.h"

static void subject(const char *prefix, const uint8_t secret[32], const char *kind, const char *value,
		    uint8_t out[32])
{
	char s[512];
	int n = snprintf(s, sizeof s, "%s%s:%s", prefix, kind, value ? value : "");
	token_keyed_hash(secret, s, n < 0 ? 0 : (size_t)n < sizeof s ? (size_t)n : sizeof s - 1, out);
}

void throttle_subjects(const struct throttle_kind *k, const uint8_t secret[32], const char *name,
		       const char *address, struct throttle *t)
{
	subject(k->prefix, secret, "email", name, t->name);
	subject(k->prefix, secret, "ip", address, t->address);
}

static enum db_status count(struct db *db, struct arena *a, const struct throttle_kind *k,
			    const uint8_t subj[32], long long *n)
{
	struct db_res res;
	enum db_status rc = db_query(db, a, k->count, (struct db_param[]){ DB_B(subj, 32) }, &res);
	*n = rc == DB_OK ? db_at(&res, 0, 0)->i : 0;
	return rc;
}

enum db_status throttle_over(struct db *db, struct arena *a, const struct throttle_kind *k,
			     const struct throttle *t, bool *over)
{
	long long by_name = 0, by_address = 0;
	enum db_status rc = count(db, a, k, t->name, &by_name);
	if (rc == DB_OK)
		rc = count(db, a, k, t->address, &by_address);
	*over = by_name >= k->max_per_name || by_address >= k->max_per_address;
	return rc;
}

enum db_status throttle_record(struct db *db, const struct throttle_kind *k, const struct throttle *t)
{
	enum db_status rc = db_query(db, NULL, k->record, (struct db_param[]){ DB_B(t->name, 32) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, k->record, (struct db_param[]){ DB_B(t->address, 32) }, NULL);
	/* Housekeeping only: old rows no longer count, and a later failure purges them. */
	if (rc == DB_OK)
		db_best_effort(db_query(db, NULL, k->purge, NULL, NULL));
	return rc;
}
