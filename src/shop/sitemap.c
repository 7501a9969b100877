/* sitemap.c: "/sitemap.xml", an index of "/sitemaps/{kind}/{id}": every published storefront,
 * collection and product, at most 50,000 addresses a file (the protocol's limit), each file the
 * rows from one id on (keyset paging: a file costs one range read however deep it is). */
#include <string.h>
#include "lib/base_url.h"
#include "lib/html.h"
#include "views/page_meta.h"
#include "web/response.h"
#include "shop/crawl.h"
#include "shop/shop.h"

#define SITEMAP_URLS "50000"

/* What is public, as the pages themselves decide it (storefront.c, collection.c, product.c). */
#define STOREFRONTS_SQL \
	" FROM creators cr WHERE cr.taken_down_at IS NULL AND" ACCOUNT_ACTIVE_SQL("cr.user_id")
#define COLLECTIONS_SQL \
	" FROM collections c JOIN creators cr ON cr.id = c.creator_id WHERE c.published = 1" \
	" AND c.taken_down_at IS NULL AND cr.taken_down_at IS NULL AND" ACCOUNT_ACTIVE_SQL("cr.user_id")
#define PRODUCTS_SQL \
	" FROM products p JOIN brands b ON b.id = p.brand_id AND b.approved = 1 AND" \
	ACCOUNT_ACTIVE_SQL("b.owner_user_id") " WHERE p.status = 'active'"

/* Each file's first id and newest change: the rows numbered in id order, cut every 50,000. */
#define CHUNKS(id, changed, from) \
	"SELECT MIN(k.id), MAX(k.changed) FROM (SELECT " id " AS id, " changed " AS changed," \
	" ROW_NUMBER() OVER (ORDER BY " id ") AS n" from ") k GROUP BY (k.n - 1) DIV " SITEMAP_URLS \
	" ORDER BY 1"
#define PAGE(id, path, changed, from) \
	"SELECT " path ", " changed from " AND " id " >= ? ORDER BY " id " LIMIT " SITEMAP_URLS

static const struct db_stmt q_storefront_chunks = {
	CHUNKS("cr.id", "cr.updated_at", STOREFRONTS_SQL), "", "is" };
static const struct db_stmt q_storefronts = {
	PAGE("cr.id", "CONCAT('/@', cr.handle)", "cr.updated_at", STOREFRONTS_SQL), "i", "ss" };
static const struct db_stmt q_collection_chunks = {
	CHUNKS("c.id", "c.updated_at", COLLECTIONS_SQL), "", "is" };
static const struct db_stmt q_collections = {
	PAGE("c.id", "CONCAT('/@', cr.handle, '/', c.slug)", "c.updated_at", COLLECTIONS_SQL), "i", "ss" };
static const struct db_stmt q_product_chunks = {
	CHUNKS("p.id", "p.updated_at", PRODUCTS_SQL), "", "is" };
static const struct db_stmt q_products = {
	PAGE("p.id", "CONCAT('/p/', b.slug, '/', p.handle)", "p.updated_at", PRODUCTS_SQL), "i", "ss" };

static const struct sitemap_kind {
	const char *name;	/* as in /sitemaps/{kind}/ */
	const struct db_stmt *chunks, *page;
} kinds[] = {
	{ "storefronts", &q_storefront_chunks, &q_storefronts },
	{ "collections", &q_collection_chunks, &q_collections },
	{ "products", &q_product_chunks, &q_products },
};

/* W3C date-time in UTC from a DATETIME ("2026-12-06 17:29:07" -> "2026-12-06T17:29:07Z"): the
 * database runs in UTC. */
static void lastmod(struct buf *b, const char *datetime)
{
	if (strlen(datetime) != 19)
		return;
	buf_puts(b, "<lastmod>");
	buf_put(b, datetime, 10);
	buf_putc(b, 'T');
	buf_puts(b, datetime + 11);
	buf_puts(b, "Z</lastmod>");
}

/* An address in element text: made absolute (and percent-encoded) by page_meta_url, XML-escaped. */
static void loc(struct req *r, struct buf *b, const char *path)
{
	buf_puts(b, "<loc>");
	html_escape_str(b, page_meta_url(r, path));
	buf_puts(b, "</loc>");
}

/* 503 when base_url is unset: a sitemap of relative addresses is no sitemap. */
static bool sitemap_start(struct req *r, const char *root)
{
	char base[BASE_URL_MAX];
	if (!base_url_get(base)) {
		response_error(r, 503, "The sitemap is off: its addresses need the shop's public address (base_url"
			       " in the configuration), which the operator has not set.");
		return false;
	}
	r->body.len = 0;
	buf_puts(&r->body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<");
	buf_puts(&r->body, root);
	buf_puts(&r->body, " xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	return true;
}

static int sitemap_end(struct req *r, const char *root)
{
	buf_puts(&r->body, "</");
	buf_puts(&r->body, root);
	buf_puts(&r->body, ">\n");
	r->status = 200;
	r->content_type = "application/xml; charset=utf-8";
	return REQ_DONE;
}

int page_sitemap_index(struct req *r)
{
	struct db_res chunks[sizeof kinds / sizeof kinds[0]];
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		enum db_status rc = db_query(r->db, r->arena, kinds[k].chunks, NULL, &chunks[k]);
		if (rc != DB_OK)
			return req_db_fail(rc);
	}
	if (!sitemap_start(r, "sitemapindex"))
		return REQ_DONE;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		for (size_t i = 0; i < chunks[k].nrows; i++) {
			buf_puts(&r->body, "<sitemap>");
			loc(r, &r->body, arena_printf(r->arena, "/sitemaps/%s/%lld", kinds[k].name, db_at(&chunks[k], i, 0)->i));
			lastmod(&r->body, db_at(&chunks[k], i, 1)->s);
			buf_puts(&r->body, "</sitemap>\n");
		}
	return sitemap_end(r, "sitemapindex");
}

int page_sitemap(struct req *r)
{
	const char *name = req_param(r, "kind");
	const struct sitemap_kind *kind = NULL;
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (strcmp(kinds[k].name, name) == 0)
			kind = &kinds[k];
	if (!kind) {	/* the route's field lets only the names above through */
		response_error(r, 404, "There is no such sitemap.");
		return REQ_DONE;
	}
	struct db_res rows;
	enum db_status rc = db_query(r->db, r->arena, kind->page, (struct db_param[]){ DB_I(req_id(r, "id")) }, &rows);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (rows.nrows == 0) {
		response_error(r, 404, "There is no such sitemap.");
		return REQ_DONE;
	}
	if (!sitemap_start(r, "urlset"))
		return REQ_DONE;
	for (size_t i = 0; i < rows.nrows; i++) {
		buf_puts(&r->body, "<url>");
		loc(r, &r->body, db_at(&rows, i, 0)->s);
		lastmod(&r->body, db_at(&rows, i, 1)->s);
		buf_puts(&r->body, "</url>\n");
	}
	return sitemap_end(r, "urlset");
}
