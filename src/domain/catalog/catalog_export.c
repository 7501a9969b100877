/* catalog_export.c: read the catalog a page of products at a time and write feed rows. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "lib/buf.h"
#include "lib/cell_guard.h"
#include "domain/catalog/catalog_export.h"
#include "lib/summary.h"

static const struct db_stmt q_products = {
	"SELECT id, handle, title, description_html, vendor, product_type FROM products"
	" WHERE brand_id = ? AND status = 'active' AND id BETWEEN ? AND ? ORDER BY id", "iii", "isssss" };
static const struct db_stmt q_variants = {
	"SELECT v.product_id, v.external_id, v.sku, v.barcode, v.option1, v.option2, v.option3, v.price,"
	" COALESCE(v.compare_at_price, -1), v.currency, v.stock, v.inventory_policy, COALESCE(i.url, ''),"
	" v.position, v.stock_counted FROM variants v JOIN products p ON p.id = v.product_id"
	" LEFT JOIN product_images i ON i.id = v.image_id"
	" WHERE p.brand_id = ? AND p.status = 'active' AND p.id BETWEEN ? AND ?"
	" ORDER BY v.product_id, v.position, v.id", "iii", "issssssiisissii" };
static const struct db_stmt q_options = {
	"SELECT o.product_id, o.position, o.name FROM product_options o JOIN products p ON p.id = o.product_id"
	" WHERE p.brand_id = ? AND p.id BETWEEN ? AND ? ORDER BY o.product_id, o.position", "iii", "iis" };
static const struct db_stmt q_images = {
	"SELECT i.product_id, i.url FROM product_images i JOIN products p ON p.id = i.product_id"
	" WHERE p.brand_id = ? AND p.id BETWEEN ? AND ? ORDER BY i.product_id, i.position, i.id", "iii", "is" };

static const char *const header[] = {
	"id", "item_group_id", "title", "description", "availability", "quantity_to_sell_on_facebook",
	"price", "sale_price", "link", "image_link", "additional_image_link", "brand", "gtin", "mpn",
	"condition", "product_type", "color", "size", "material", "pattern",
};
enum { H_COLOR = 16 };
static const char *const opt_cols[] = { "Color", "Size", "Material", "Pattern" };

/* TSV cells hold no tab or line break; a cell with a quote is quoted, CSV-style, so that a
 * parser reading quotes (ours, spreadsheets) reads it back exactly. A cell a spreadsheet would
 * run as a formula gets the leading ' every CSV we write gives it (cell_guard.h): the feed is
 * public, and a brand's title could otherwise run in whoever opens it. */
static void cell(struct buf *b, const char *s, bool last)
{
	bool quote = strchr(s, '"') != NULL;
	if (quote)
		buf_putc(b, '"');
	if (cell_guard_needed(s))
		buf_putc(b, '\'');
	for (; *s; s++) {
		char c = *s == '\t' || *s == '\r' || *s == '\n' ? ' ' : *s;
		if (c == '"')
			buf_putc(b, '"');
		buf_putc(b, c);
	}
	if (quote)
		buf_putc(b, '"');
	buf_putc(b, last ? '\n' : '\t');
}

const char *catalog_export_availability(long long stock, const char *policy, bool counted)
{
	if (stock > 0)
		return "in stock";
	if (strcmp(policy, "continue") != 0)
		return "out of stock";
	return counted ? "backorder" : "in stock";
}

struct page {
	struct db_res prods, vars, opts, imgs;
};

/* Google's cap on a description, in characters. */
#define FEED_DESCRIPTION_MAX 5000

/* The platforms fetch the images themselves: an image on this site ("/media/...") is named with
 * the shop's public address; another site's is already absolute. */
static const char *absolute(struct arena *a, const char *url, const char *base)
{
	return url[0] == '/' && url[1] != '/' ? arena_concat(a, base, url, (char *)NULL) : url;
}

static void write_product(struct arena *a, struct buf *b, const struct page *pg, size_t pi,
			  const char *brand_slug, const char *brand_name, const char *base)
{
	long long pid = db_at(&pg->prods, pi, 0)->i;
	const char *handle = db_at(&pg->prods, pi, 1)->s, *vendor = db_at(&pg->prods, pi, 4)->s;
	int optcol[3] = { -1, -1, -1 };	/* which feed column each option goes to */
	for (size_t i = 0; i < pg->opts.nrows; i++) {
		long long pos = db_at(&pg->opts, i, 1)->i;
		if (db_at(&pg->opts, i, 0)->i != pid || pos < 1 || pos > 3)
			continue;
		for (int c = 0; c < 4; c++)
			if (strcasecmp(db_at(&pg->opts, i, 2)->s, opt_cols[c]) == 0)
				optcol[pos - 1] = c;
	}
	struct buf more;
	buf_init(&more, a, 256);
	for (size_t i = 0; i < pg->imgs.nrows; i++)
		if (db_at(&pg->imgs, i, 0)->i == pid) {
			if (more.len)
				buf_putc(&more, ',');
			buf_puts(&more, absolute(a, db_at(&pg->imgs, i, 1)->s, base));
		}
	const char *main_img = "";
	const char *all = buf_cstr(&more);
	const char *comma = strchr(all, ',');
	main_img = comma ? arena_strndup(a, all, (size_t)(comma - all)) : all;
	const char *rest = comma ? comma + 1 : "";
	/* The platforms show the description as text: markup would show as tags. */
	const struct db_val *html = db_at(&pg->prods, pi, 3);
	const char *description = summary_text(a, html->s, html->len, FEED_DESCRIPTION_MAX);
	for (size_t i = 0; i < pg->vars.nrows; i++) {
		const struct db_val *v = db_at(&pg->vars, i, 0);
		if (v->i != pid)
			continue;
		const char *ext = v[1].s, *sku = v[2].s, *cur = v[9].s, *policy = v[11].s, *vimg = v[12].s;
		long long price = v[7].i, was = v[8].i, stock = v[10].i;
		const char *id = *ext ? ext : *sku ? sku : arena_printf(a, "%s-%lld", handle, v[13].i);
		cell(b, id, false);
		cell(b, handle, false);
		cell(b, db_at(&pg->prods, pi, 2)->s, false);
		cell(b, description, false);
		cell(b, catalog_export_availability(stock, policy, v[14].i != 0), false);
		/* No count is no quantity: a 0 would read back as counted and sold out. */
		cell(b, v[14].i ? arena_printf(a, "%lld", stock > 0 ? stock : 0) : "", false);
		/* A compare-at price above the price is a sale: the feed's price is the regular one. */
		bool sale = was > price;
		cell(b, catalog_feed_out_price(a, sale ? was : price, cur), false);
		cell(b, sale ? catalog_feed_out_price(a, price, cur) : "", false);
		cell(b, arena_printf(a, "%s/p/%s/%s", base, brand_slug, handle), false);
		cell(b, *vimg ? absolute(a, vimg, base) : main_img, false);
		/* The whole ordered list (unless it is just image_link), so that the feed importer
		 * rebuilds the product's images in the same order. */
		cell(b, *rest ? all : "", false);
		cell(b, *vendor ? vendor : brand_name, false);
		cell(b, v[3].s, false);
		cell(b, sku, false);
		cell(b, "new", false);
		cell(b, db_at(&pg->prods, pi, 5)->s, false);
		for (int c = 0; c < 4; c++) {
			const char *val = "";
			for (int k = 0; k < 3; k++)
				if (optcol[k] == c)
					val = v[4 + k].s;
			cell(b, val, c == 3);
		}
	}
}

static enum db_status write_page(const struct catalog_feed_out *f, struct arena *a, const struct db_param *range)
{
	struct page pg;
	enum db_status rc;
	if ((rc = db_query(f->db, a, &q_products, range, &pg.prods)) != DB_OK ||
	    (rc = db_query(f->db, a, &q_variants, range, &pg.vars)) != DB_OK ||
	    (rc = db_query(f->db, a, &q_options, range, &pg.opts)) != DB_OK ||
	    (rc = db_query(f->db, a, &q_images, range, &pg.imgs)) != DB_OK)
		return rc;
	struct buf b;
	buf_init(&b, a, 65536);
	for (size_t i = 0; i < pg.prods.nrows; i++)
		write_product(a, &b, &pg, i, f->brand_slug, f->brand_name, f->base);
	f->out(f->ctx, b.p, b.len);
	return DB_OK;
}

enum db_status catalog_export_feed(const struct catalog_feed_out *f)
{
	struct arena *a = arena_new(1 << 20);
	struct buf b;
	buf_init(&b, a, 1024);
	for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
		cell(&b, header[i], i + 1 == sizeof header / sizeof header[0]);
	f->out(f->ctx, b.p, b.len);
	enum db_status rc = catalog_feed_out_pages(f, a, write_page);
	arena_free(a);
	return rc;
}
