/* import.c: crowdcartctl import --brand SLUG --format FORMAT FILE: the file is parsed in a
 * confined child, its products written here with the same write side as the studio upload; the
 * report goes to stdout, exit status 1 if the file was rejected or the import failed. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "domain/catalog/catalog_import.h"
#include "ctl/ctl.h"
#include "ctl/import_sandbox.h"

static const struct db_stmt q_brand = {
	"SELECT id, currency FROM brands WHERE slug = ?", "s", "is" };

/* Finds --brand SLUG among argv; shared with export.c. */
const char *ctl_opt(int argc, char **argv, const char *name)
{
	for (int i = 0; i + 1 < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return argv[i + 1];
	return NULL;
}

bool ctl_brand(struct db *db, struct arena *a, const char *slug, long long *id, const char **currency)
{
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_brand, (struct db_param[]){ DB_S(slug) }, &res);
	if (rc != DB_OK || res.nrows == 0) {
		fprintf(stderr, "crowdcartctl: no brand with the slug \"%s\"\n", slug);
		return false;
	}
	*id = db_at(&res, 0, 0)->i;
	*currency = db_at(&res, 0, 1)->s;
	return true;
}

int ctl_import(struct db *db, int argc, char **argv)
{
	const char *slug = ctl_opt(argc, argv, "--brand"), *fmt = ctl_opt(argc, argv, "--format");
	const char *path = argc == 5 ? argv[4] : NULL;
	enum catalog_format f;
	if (!slug || !fmt || !path || !catalog_format_parse(fmt, &f)) {
		fprintf(stderr, "usage: crowdcartctl import --brand SLUG --format shopify|woocommerce|feed FILE\n");
		return 2;
	}
	struct arena *a = arena_new(1 << 16);
	long long brand_id;
	const char *currency;
	if (!ctl_brand(db, a, slug, &brand_id, &currency)) {
		arena_free(a);
		return 1;
	}
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		fprintf(stderr, "crowdcartctl: %s: %s\n", path, strerror(errno));
		arena_free(a);
		return 1;
	}
	struct catalog_report rep = { .a = a };
	const char *started = catalog_run_started(db, a);
	/* This process holds the database and the secret: it never parses the file. A confined
	 * child does, and its products are written only once it has read all of the file, accepted
	 * it and lived (docs/SANDBOX.md). */
	FILE *spool = tmpfile();
	enum sandbox_check parsed = import_parse_sandboxed(fp, f, currency, spool, &rep);
	fclose(fp);
	bool ok = parsed == SANDBOX_CHECK_ACCEPTED && import_write_spooled(db, brand_id, spool, &rep);
	if (spool)
		fclose(spool);
	catalog_run_record(db, brand_id, f, path, ok ? "ok" : rep.fatal ? "failed" : "rejected", started, &rep);
	printf("%s: %lu rows, %lu products, %lu variants, %lu images\n", path, rep.rows, rep.products,
	       rep.variants, rep.images);
	if (ok)
		printf("created %lu, updated %lu, unchanged %lu, skipped %lu\n", rep.created, rep.updated,
		       rep.unchanged, rep.skipped);
	else
		printf("rejected: %lu error(s), nothing written\n", rep.error_count);
	for (size_t i = 0; i < rep.nnotices; i++)
		printf("notice: line %lu: %s\n", rep.notices[i].line, rep.notices[i].msg);
	for (size_t i = 0; i < rep.nerrors; i++)
		printf("line %lu: %s\n", rep.errors[i].line, rep.errors[i].msg);
	if (rep.fatal)
		printf("%s\n", rep.fatal);
	arena_free(a);
	return ok ? 0 : 1;
}
