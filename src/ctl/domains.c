/* domains.c: crowdcartctl domains: the operator lists a brand's domains and marks one verified
 * after checking its DNS TXT record by hand (there is no automatic DNS lookup: docs/ADS.md). */
#include <stdio.h>
#include <string.h>
#include "brand_domain.h"
#include "ctl.h"

static const struct db_stmt q_list = {
	"SELECT domain, token, COALESCE(DATE_FORMAT(verified_at, '%Y-%m-%d %H:%i:%s'), '')"
	" FROM brand_domains WHERE brand_id = ? ORDER BY domain LIMIT 1000", "i", "sss" };
static const struct db_stmt q_verify = {
	"UPDATE brand_domains SET verified_at = COALESCE(verified_at, UTC_TIMESTAMP())"
	" WHERE brand_id = ? AND domain = ?", "is", "" };

static int usage(void)
{
	fprintf(stderr, "usage: crowdcartctl domains list --brand SLUG\n"
			"       crowdcartctl domains verify --brand SLUG DOMAIN\n");
	return 2;
}

int ctl_domains(struct db *db, int argc, char **argv)
{
	const char *slug = ctl_opt(argc, argv, "--brand");
	bool list = argc == 3 && strcmp(argv[0], "list") == 0;
	bool verify = argc == 4 && strcmp(argv[0], "verify") == 0 && strcmp(argv[1], "--brand") == 0;
	if (!slug || (!list && !verify))
		return usage();
	struct arena *a = arena_new(1 << 16);
	long long brand_id;
	const char *currency;
	int rc = 1;
	if (!ctl_brand(db, a, slug, &brand_id, &currency))
		goto out;
	if (list) {
		struct db_res res;
		if (db_query(db, a, &q_list, (struct db_param[]){ DB_I(brand_id) }, &res) != DB_OK)
			goto out;
		for (size_t i = 0; i < res.nrows; i++)
			printf("%s\t%s\tcrowdcart-verification=%s\n", db_at(&res, i, 0)->s,
			       *db_at(&res, i, 2)->s ? db_at(&res, i, 2)->s : "unverified", db_at(&res, i, 1)->s);
		rc = 0;
		goto out;
	}
	const char *domain = argv[3];
	if (!domain_valid(domain)) {
		fprintf(stderr, "crowdcartctl: \"%s\" is not a lower-case host name\n", domain);
		goto out;
	}
	if (db_query(db, a, &q_verify, (struct db_param[]){ DB_I(brand_id), DB_S(domain) }, NULL) != DB_OK)
		goto out;
	if (db_affected(db) == 0) {
		/* 0 rows: not added, or already verified (COALESCE keeps the first time) */
		struct db_res res;
		bool known = false;
		if (db_query(db, a, &q_list, (struct db_param[]){ DB_I(brand_id) }, &res) == DB_OK)
			for (size_t i = 0; i < res.nrows; i++)
				known = known || strcmp(db_at(&res, i, 0)->s, domain) == 0;
		if (!known) {
			fprintf(stderr, "crowdcartctl: %s has not added %s in the studio\n", slug, domain);
			goto out;
		}
	}
	printf("verified %s for %s\n", domain, slug);
	rc = 0;
out:
	arena_free(a);
	return rc;
}
