/* ad_feeds.c: "/b/{brand}/tiktok.csv" and "/b/{brand}/meta.csv" — the brand's active catalog as
 * the catalog feeds TikTok and Meta fetch on a schedule. Public, like feed.tsv. */
#include "domain/catalog/catalog_ads.h"
#include "lib/base_url.h"
#include "web/response.h"
#include "shop/shop.h"

static const struct db_stmt q_brand = {
	"SELECT id, name FROM brands WHERE slug = ? AND approved = 1 AND" ACCOUNT_ACTIVE_SQL("brands.owner_user_id"),
	"s", "is" };

static void to_body(void *ctx, const char *s, size_t n)
{
	buf_put(&((struct req *)ctx)->body, s, n);
}

static int ad_feed(struct req *r, enum catalog_ads_platform platform)
{
	struct db_res b;
	const char *slug = req_param(r, "brand");
	enum db_status rc = db_query(r->db, r->arena, &q_brand, (struct db_param[]){ DB_S(slug) }, &b);
	if (rc == DB_OK && b.nrows == 0) {
		response_error(r, 404, "There is no brand at that address.");
		return REQ_DONE;
	}
	/* Both platforms need absolute links, and only the operator's address makes them: the Host
	 * header is the client's to choose. */
	char base[BASE_URL_MAX];
	if (rc == DB_OK && !base_url_get(base)) {
		response_error(r, 503, "This feed is off: its links need the shop's public address (base_url in the"
			       " configuration), which the operator has not set.");
		return REQ_DONE;
	}
	r->body.len = 0;
	if (rc == DB_OK)
		rc = catalog_ads_feed(r->db, platform, db_at(&b, 0, 0)->i, slug, db_at(&b, 0, 1)->s, base, to_body, r);
	if (rc != DB_OK) {
		r->body.len = 0;
		return req_db_fail(rc);
	}
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	return REQ_DONE;
}

int page_feed_tiktok(struct req *r)
{
	return ad_feed(r, CATALOG_ADS_TIKTOK);
}

int page_feed_meta(struct req *r)
{
	return ad_feed(r, CATALOG_ADS_META);
}
