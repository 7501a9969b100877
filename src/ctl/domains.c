/* domains.c: crowdcartctl domains: the operator lists a brand's domains, has their DNS TXT records
 * checked now (the worker also checks them on a schedule: docs/ADS.md), or marks one verified by
 * hand after checking it some other way. */
#include <stdio.h>
#include <string.h>
#include "domain/ads/brand_domain.h"
#include "ctl/ctl.h"
#include "ctl/domain_check.h"
#include "domain/ads/domain_schedule.h"

static const struct db_stmt q_list = {
	"SELECT domain, token, COALESCE(DATE_FORMAT(verified_at, '%Y-%m-%d %H:%i:%s'), ''),"
	" COALESCE(DATE_FORMAT(checked_at, '%Y-%m-%d %H:%i:%s'), ''), check_result"
	" FROM brand_domains WHERE brand_id = ? ORDER BY domain LIMIT 1000", "i", "sssss" };
/* A hand verification also ends any streak of failed re-checks; the next re-check is a day away. */
static const struct db_stmt q_verify = {
	"UPDATE brand_domains SET verified_at = COALESCE(verified_at, UTC_TIMESTAMP()), check_failures = 0,"
	" missing_checks = 0, missing_since = NULL, lost_at = NULL, lost_reason = '',"
	" check_result = 'verified by the operator', next_check_at = UTC_TIMESTAMP() + INTERVAL ? SECOND"
	" WHERE brand_id = ? AND domain = ?", "iis", "" };
static const struct db_stmt q_known = {
	"SELECT COUNT(*) FROM brand_domains WHERE brand_id = ? AND domain = ?", "is", "i" };

static int usage(void)
{
	fprintf(stderr, "usage: crowdcartctl domains list --brand SLUG\n"
			"       crowdcartctl domains check [--brand SLUG] [--all]\n"
			"       crowdcartctl domains verify --brand SLUG DOMAIN\n");
	return 2;
}

static int list(struct db *db, struct arena *a, long long brand_id)
{
	struct db_res res;
	if (db_query(db, a, &q_list, (struct db_param[]){ DB_I(brand_id) }, &res) != DB_OK)
		return 1;
	for (size_t i = 0; i < res.nrows; i++)
		printf("%s\t%s\tcrowdcart-verification=%s\t%s%s%s\n", db_at(&res, i, 0)->s,
		       *db_at(&res, i, 2)->s ? db_at(&res, i, 2)->s : "unverified", db_at(&res, i, 1)->s,
		       *db_at(&res, i, 3)->s ? db_at(&res, i, 3)->s : "not checked yet", *db_at(&res, i, 4)->s ? ": " : "",
		       db_at(&res, i, 4)->s);
	return 0;
}

static int verify(struct db *db, struct arena *a, const char *slug, long long brand_id, const char *domain)
{
	if (!brand_domain_valid(domain)) {
		fprintf(stderr, "crowdcartctl: \"%s\" is not a lower-case host name\n", domain);
		return 1;
	}
	struct db_param p[] = { DB_I(DOMAIN_RECHECK_SECONDS), DB_I(brand_id), DB_S(domain) };
	if (db_query(db, a, &q_verify, p, NULL) != DB_OK)
		return 1;
	/* 0 rows changed: not added, or verified twice within a second (nothing left to change) */
	struct db_res known;
	if (db_affected(db) == 0 &&
	    (db_query(db, a, &q_known, (struct db_param[]){ DB_I(brand_id), DB_S(domain) }, &known) != DB_OK ||
	     db_at(&known, 0, 0)->i == 0)) {
		fprintf(stderr, "crowdcartctl: %s has not added %s in the studio\n", slug, domain);
		return 1;
	}
	printf("verified %s for %s\n", domain, slug);
	return 0;
}

static int check(struct db *db, struct arena *a, int argc, char **argv)
{
	const char *slug = NULL;
	bool all = false;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			all = true;
		else if (strcmp(argv[i], "--brand") == 0 && i + 1 < argc)
			slug = argv[++i];
		else
			return usage();
	}
	struct dns_resolver r;
	if (!dns_resolver_from_config(&r))
		return 2;
	long long brand_id = 0;
	const char *currency;
	if (slug && !ctl_brand(db, a, slug, &brand_id, &currency))
		return 1;
	return domain_check_now(db, a, &r, brand_id, all);
}

int ctl_domains(struct db *db, int argc, char **argv)
{
	const char *slug = ctl_opt(argc, argv, "--brand");
	bool is_list = argc == 3 && strcmp(argv[0], "list") == 0 && slug;
	bool is_verify = argc == 4 && strcmp(argv[0], "verify") == 0 && strcmp(argv[1], "--brand") == 0;
	bool is_check = argc >= 1 && strcmp(argv[0], "check") == 0;
	if (!is_list && !is_verify && !is_check)
		return usage();
	struct arena *a = arena_new(1 << 16);
	long long brand_id;
	const char *currency;
	int rc;
	if (is_check)
		rc = check(db, a, argc, argv);
	else if (!ctl_brand(db, a, slug, &brand_id, &currency))
		rc = 1;
	else
		rc = is_list ? list(db, a, brand_id) : verify(db, a, slug, brand_id, argv[3]);
	arena_free(a);
	return rc;
}
