/* export.c: crowdcartctl export --brand SLUG: the brand's catalog feed (TSV) on stdout. */
#include <stdio.h>
#include "domain/catalog/catalog_export.h"
#include "lib/base_url.h"
#include "ctl/ctl.h"

static const struct db_stmt q_brand = {
	"SELECT id, name FROM brands WHERE slug = ?", "s", "is" };

static void to_stdout(void *ctx, const char *s, size_t n)
{
	fwrite(s, 1, n, ctx);
}

int ctl_export(struct db *db, int argc, char **argv)
{
	const char *slug = ctl_opt(argc, argv, "--brand");
	if (!slug || argc != 2) {
		fprintf(stderr, "usage: crowdcartctl export --brand SLUG\n");
		return 2;
	}
	char base[BASE_URL_MAX];
	if (!base_url_get(base)) {
		fprintf(stderr, "crowdcartctl: export needs base_url (the shop's public address, like https://shop.example)"
			" in the configuration: the feed's links are absolute\n");
		return 1;
	}
	struct arena *a = arena_new(4096);
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_brand, (struct db_param[]){ DB_S(slug) }, &res);
	if (rc == DB_OK && res.nrows == 0) {
		fprintf(stderr, "crowdcartctl: no brand with the slug \"%s\"\n", slug);
		arena_free(a);
		return 1;
	}
	if (rc == DB_OK) {
		struct catalog_feed_out f = { .db = db, .brand_id = db_at(&res, 0, 0)->i, .brand_slug = slug,
					      .brand_name = db_at(&res, 0, 1)->s, .base = base, .out = to_stdout,
					      .ctx = stdout };
		rc = catalog_export_feed(&f);
	}
	arena_free(a);
	if (rc != DB_OK || fflush(stdout) != 0) {
		fprintf(stderr, "crowdcartctl: export failed: %s\n", db_status_str(rc));
		return 1;
	}
	return 0;
}
