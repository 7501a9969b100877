/* feed.c: "/b/{brand}/feed.tsv", "/b/{brand}/tiktok.csv" and "/b/{brand}/meta.csv" — the brand's
 * active catalog as the feeds Google Merchant Center (TSV), TikTok and Meta (CSV) fetch on a
 * schedule. Public. */
#include "domain/catalog/catalog_ads.h"
#include "domain/catalog/catalog_export.h"
#include "lib/base_url.h"
#include "web/response.h"
#include "shop/shop.h"

enum feed_kind { FEED_GOOGLE, FEED_TIKTOK, FEED_META };

static const struct db_stmt q_brand = {
	"SELECT id, name FROM brands WHERE slug = ? AND approved = 1 AND" ACCOUNT_ACTIVE_SQL("brands.owner_user_id"),
	"s", "is" };

static void to_body(void *ctx, const char *s, size_t n)
{
	buf_put(&((struct req *)ctx)->body, s, n);
}

static enum db_status write_feed(const struct catalog_feed_out *f, enum feed_kind kind)
{
	switch (kind) {
	case FEED_TIKTOK:
		return catalog_ads_feed(f, CATALOG_ADS_TIKTOK);
	case FEED_META:
		return catalog_ads_feed(f, CATALOG_ADS_META);
	case FEED_GOOGLE:
		break;
	}
	return catalog_export_feed(f);
}

static int feed(struct req *r, enum feed_kind kind)
{
	struct db_res b;
	const char *slug = req_param(r, "brand");
	enum db_status rc = db_query(r->db, r->arena, &q_brand, (struct db_param[]){ DB_S(slug) }, &b);
	if (rc == DB_OK && b.nrows == 0) {
		response_error(r, 404, "There is no brand at that address.");
		return REQ_DONE;
	}
	/* Links must be absolute for the platforms that read the feed, and only the operator's
	 * address makes them: the Host header is the client's to choose. */
	char base[BASE_URL_MAX];
	if (rc == DB_OK && !base_url_get(base)) {
		response_error(r, 503, "This feed is off: its links need the shop's public address (base_url in the"
			       " configuration), which the operator has not set.");
		return REQ_DONE;
	}
	r->body.len = 0;
	if (rc == DB_OK) {
		struct catalog_feed_out f = { .db = r->db, .brand_id = db_at(&b, 0, 0)->i, .brand_slug = slug,
					      .brand_name = db_at(&b, 0, 1)->s, .base = base, .out = to_body, .ctx = r };
		rc = write_feed(&f, kind);
	}
	if (rc != DB_OK) {
		r->body.len = 0;
		return req_db_fail(rc);
	}
	r->status = 200;
	r->content_type = kind == FEED_GOOGLE ? "text/tab-separated-values; charset=utf-8" : "text/csv; charset=utf-8";
	return REQ_DONE;
}

int page_feed(struct req *r)
{
	return feed(r, FEED_GOOGLE);
}

int page_feed_tiktok(struct req *r)
{
	return feed(r, FEED_TIKTOK);
}

int page_feed_meta(struct req *r)
{
	return feed(r, FEED_META);
}
