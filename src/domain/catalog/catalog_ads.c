/* catalog_ads.c: read the active catalog a page of products at a time and write TikTok or Meta
 * catalog rows (RFC 4180 CSV through csv_out, so formula cells get their leading ' like every CSV
 * we write: these feeds are public and end up in spreadsheets). */
#include <string.h>
#include "domain/catalog/catalog_ads.h"
#include "lib/buf.h"
#include "lib/csv_out.h"
#include "lib/htmltext.h"

/* Both platforms cut or refuse longer values: Meta takes 200 characters of title and 9,999 of
 * description, TikTok 255 and 10,000. Cut in bytes, never inside a character. */
#define MAX_TITLE 200
#define MAX_DESCRIPTION 9999

static const struct db_stmt q_products = {
	"SELECT id, handle, title, description_html, vendor FROM products"
	" WHERE brand_id = ? AND status = 'active' AND id BETWEEN ? AND ? ORDER BY id", "iii", "issss" };
static const struct db_stmt q_variants = {
	"SELECT v.product_id, v.external_id, v.sku, v.barcode, v.price, COALESCE(v.compare_at_price, -1),"
	" v.currency, v.stock, v.inventory_policy, COALESCE(i.url, ''), v.position"
	" FROM variants v JOIN products p ON p.id = v.product_id"
	" LEFT JOIN product_images i ON i.id = v.image_id"
	" WHERE p.brand_id = ? AND p.status = 'active' AND p.id BETWEEN ? AND ?"
	" ORDER BY v.product_id, v.position, v.id", "iii", "isssiisissi" };
static const struct db_stmt q_images = {
	"SELECT i.product_id, i.url FROM product_images i JOIN products p ON p.id = i.product_id"
	" WHERE p.brand_id = ? AND p.id BETWEEN ? AND ? ORDER BY i.product_id, i.position, i.id", "iii", "is" };

/* The first column is the variant's id under each platform's name; the rest are shared. */
static const char *const tail[] = {
	"item_group_id", "title", "description", "availability", "condition", "price", "sale_price", "link",
	"image_link", "additional_image_link", "brand", "gtin", "mpn",
};

/* The longest prefix of s of at most max bytes that ends on a character boundary. */
static const char *cut(struct arena *a, const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n <= max)
		return s;
	n = max;
	while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	return arena_strndup(a, s, n);
}

const char *catalog_ads_plain(struct arena *a, const char *html, size_t max)
{
	const char *para[400];
	size_t n = htmltext_paragraphs(a, html, strlen(html), para, 400);
	struct buf b;
	buf_init(&b, a, 256);
	for (size_t i = 0; i < n && b.len < max; i++) {
		if (i)
			buf_putc(&b, ' ');
		buf_puts(&b, para[i]);
	}
	return cut(a, buf_cstr(&b), max);
}

const char *catalog_ads_absolute(struct arena *a, const char *base, const char *url)
{
	if (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0)
		return url;
	if (url[0] == '/' && url[1] != '/')
		return arena_printf(a, "%s%s", base, url);
	return "";
}

struct page {
	struct db_res prods, vars, imgs;
};

static void write_product(struct arena *a, struct csv_out *c, const struct page *pg, size_t pi,
			  const char *brand_slug, const char *brand_name, const char *base)
{
	long long pid = db_at(&pg->prods, pi, 0)->i;
	const char *handle = db_at(&pg->prods, pi, 1)->s, *vendor = db_at(&pg->prods, pi, 4)->s;
	const char *title = cut(a, db_at(&pg->prods, pi, 2)->s, MAX_TITLE);
	const char *desc = catalog_ads_plain(a, db_at(&pg->prods, pi, 3)->s, MAX_DESCRIPTION);
	const char *link = arena_printf(a, "%s/p/%s/%s", base, brand_slug, handle);
	/* The first usable image is image_link, the others additional_image_link (comma-separated,
	 * as both platforms read it in CSV). */
	const char *first = "";
	struct buf more;
	buf_init(&more, a, 256);
	for (size_t i = 0; i < pg->imgs.nrows; i++) {
		if (db_at(&pg->imgs, i, 0)->i != pid)
			continue;
		const char *u = catalog_ads_absolute(a, base, db_at(&pg->imgs, i, 1)->s);
		if (!*u || strchr(u, ','))
			continue;
		if (!*first) {
			first = u;
			continue;
		}
		if (more.len)
			buf_putc(&more, ',');
		buf_puts(&more, u);
	}
	for (size_t i = 0; i < pg->vars.nrows; i++) {
		const struct db_val *v = db_at(&pg->vars, i, 0);
		if (v->i != pid)
			continue;
		const char *ext = v[1].s, *sku = v[2].s, *cur = v[6].s, *policy = v[8].s;
		const char *vimg = catalog_ads_absolute(a, base, v[9].s);
		long long price = v[4].i, was = v[5].i, stock = v[7].i;
		csv_out_text(c, *ext ? ext : *sku ? sku : arena_printf(a, "%s-%lld", handle, v[10].i));
		csv_out_text(c, handle);
		csv_out_text(c, title);
		csv_out_text(c, *desc ? desc : title);
		/* Neither platform takes "backorder": a variant still sold past its stock is "in stock"
		 * to them, which is the shared rule for a stock that is not counted. */
		csv_out_text(c, catalog_export_availability(stock, policy, false));
		csv_out_text(c, "new");
		/* A compare-at price above the price is a sale: price is the regular one. */
		bool sale = was > price;
		csv_out_text(c, catalog_feed_out_price(a, sale ? was : price, cur));
		csv_out_text(c, sale ? catalog_feed_out_price(a, price, cur) : "");
		csv_out_text(c, link);
		csv_out_text(c, *vimg ? vimg : first);
		csv_out_text(c, buf_cstr(&more));
		csv_out_text(c, *vendor ? vendor : brand_name);
		csv_out_text(c, v[3].s);
		csv_out_text(c, sku);
		csv_out_end_row(c);
	}
}

static enum db_status write_page(const struct catalog_feed_out *f, struct arena *a, const struct db_param *range)
{
	struct page pg;
	enum db_status rc;
	if ((rc = db_query(f->db, a, &q_products, range, &pg.prods)) != DB_OK ||
	    (rc = db_query(f->db, a, &q_variants, range, &pg.vars)) != DB_OK ||
	    (rc = db_query(f->db, a, &q_images, range, &pg.imgs)) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, a, 65536);
	struct csv_out c = { .b = &b };
	for (size_t i = 0; i < pg.prods.nrows; i++)
		write_product(a, &c, &pg, i, f->brand_slug, f->brand_name, f->base);
	f->out(f->ctx, b.p, b.len);
	return DB_OK;
}

enum db_status catalog_ads_feed(const struct catalog_feed_out *f, enum catalog_ads_platform platform)
{
	struct arena *a = arena_new(1 << 20);
	struct buf b;
	buf_init(&b, a, 1024);
	/* No byte order mark: these files are for the platforms' fetchers, not spreadsheets. */
	struct csv_out c = { .b = &b };
	csv_out_text(&c, platform == CATALOG_ADS_TIKTOK ? "sku_id" : "id");
	for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++)
		csv_out_text(&c, tail[i]);
	csv_out_end_row(&c);
	f->out(f->ctx, b.p, b.len);
	enum db_status rc = catalog_feed_out_pages(f, a, write_page);
	arena_free(a);
	return rc;
}
