/* ads.c: crowdcartctl ads token: the operator makes a signed /go/ link for an ad by hand (for a
 * newsletter, or to check a link that expired), with the same codec and key the shop uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "domain/ads/ad_token.h"
#include "lib/config.h"
#include "ctl/ctl.h"

static const struct db_stmt q_ad = {
	"SELECT id, COALESCE(creator_id, 0) FROM ads WHERE slug = ?", "s", "ii" };

int ctl_ads(struct db *db, int argc, char **argv)
{
	const char *slug = ctl_opt(argc, argv, "--ad"), *target = ctl_opt(argc, argv, "--target");
	const char *in = ctl_opt(argc, argv, "--expires-in");
	char *end = NULL;
	long long secs = in ? strtoll(in, &end, 10) : AD_TOKEN_TTL_S;
	if (argc < 1 || strcmp(argv[0], "token") != 0 || !slug || !target || (in && (!*in || *end))) {
		fprintf(stderr, "usage: crowdcartctl ads token --ad SLUG --target URL [--expires-in SECONDS]\n");
		return 2;
	}
	uint8_t secret[32];
	if (!config_secret(secret)) {
		fprintf(stderr, "crowdcartctl: no secret_key in the configuration\n");
		return 1;
	}
	struct arena *a = arena_new(1 << 14);
	struct db_res res;
	int rc = 1;
	if (db_query(db, a, &q_ad, (struct db_param[]){ DB_S(slug) }, &res) != DB_OK)
		goto out;
	if (res.nrows == 0) {
		fprintf(stderr, "crowdcartctl: no ad with the slug \"%s\"\n", slug);
		goto out;
	}
	/* The target is signed as given: /go/ checks it against the brand's verified domains. */
	struct ad_token t = { db_at(&res, 0, 0)->i, db_at(&res, 0, 1)->i, (long long)time(NULL) + secs, target };
	char text[AD_TOKEN_TEXT_MAX];
	if (!ad_token_encode(secret, &t, text)) {
		fprintf(stderr, "crowdcartctl: the target must be 1 to %d characters\n", AD_TOKEN_URL_MAX);
		goto out;
	}
	printf("/go/%s\n", text);
	rc = 0;
out:
	arena_free(a);
	return rc;
}
