/* payouts.c: crowdcartctl payouts run [--brand SLUG]: makes each brand's payout batch for the
 * current period of its schedule, as the studio's "Run" button does. Runs are idempotent (the same
 * period finds the same batch), so cron may call it daily: a monthly brand gets one batch a
 * month, a twice-monthly one two. The brand still downloads the files and marks them paid. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "domain/creators/payout_batch.h"
#include "ctl/ctl.h"

/* Brands with commission in the ledger; their own currency is the batch's. */
static const struct db_stmt q_brands = {
	"SELECT id, slug, currency FROM brands WHERE (? = '' OR slug = ?)"
	" AND id IN (SELECT brand_id FROM ledger_heads) ORDER BY id", "ss", "iss" };

static int payouts_usage(void)
{
	fprintf(stderr, "usage: crowdcartctl payouts run [--brand SLUG]\n");
	return 2;
}

int ctl_payouts(struct db *db, int argc, char **argv)
{
	if (argc < 1 || strcmp(argv[0], "run") != 0)
		return payouts_usage();
	const char *slug = "";
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--brand") == 0 && i + 1 < argc)
			slug = argv[++i];
		else
			return payouts_usage();
	}
	if (!ctl_notices_ready())
		return 1;
	struct arena *a = arena_new(1 << 16), *run = arena_new(1 << 18);
	struct db_res brands;
	int status = 0;
	if (db_query(db, a, &q_brands, (struct db_param[]){ DB_S(slug), DB_S(slug) }, &brands) != DB_OK) {
		fprintf(stderr, "crowdcartctl: cannot read the brands\n");
		brands.nrows = 0;
		status = 1;
	}
	for (size_t i = 0; i < brands.nrows; i++) {
		long long id = db_at(&brands, i, 0)->i, batch = 0;
		const char *s = db_at(&brands, i, 1)->s, *currency = db_at(&brands, i, 2)->s;
		struct payout_settings set;
		enum payout_batch_outcome out = PAYOUT_BATCH_NOTHING;
		char period[PAYOUT_RULES_PERIOD_LEN];
		enum db_status rc = payout_batch_settings(db, run, id, currency, &set);
		if (rc == DB_OK) {
			payout_rules_period(set.schedule, time(NULL), period);
			rc = payout_batch_run(db, run, id, currency, period, set.threshold, 0, &batch, &out);
		}
		if (rc != DB_OK) {
			fprintf(stderr, "crowdcartctl: payouts of %s failed: %s\n", s, db_status_str(rc));
			status = 1;
		} else if (out == PAYOUT_BATCH_NOTHING) {
			printf("%s: %s: nobody due\n", s, period);
		} else {
			printf("%s: %s: batch %lld%s\n", s, period, batch, out == PAYOUT_BATCH_EXISTS ? " (already made)" : "");
		}
		arena_reset(run);
	}
	arena_free(run);
	arena_free(a);
	return status;
}
