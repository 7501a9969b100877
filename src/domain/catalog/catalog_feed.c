/* catalog_feed.c: Google Merchant Center / Meta / TikTok catalog feed (CSV or TSV): one row per
 * variant, grouped into products by item_group_id. */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "domain/catalog/catalog_map.h"
#include "lib/cell_guard.h"
#include "lib/money.h"
#include "lib/sanitize.h"

enum { C_ID, C_TITLE, C_DESC, C_AVAIL, C_PRICE, C_SALE, C_LINK, C_IMAGE, C_MORE_IMAGES, C_BRAND,
       C_GTIN, C_MPN, C_CONDITION, C_GROUP, C_TYPE, C_QTY, C_QTY2, C_QTY3,
       C_COLOR, C_SIZE, C_MATERIAL, C_PATTERN, C_GOOGLE_CATEGORY, C__N };

static const char *const names[C__N] = {
	"id", "title", "description", "availability", "price", "sale_price", "link", "image_link",
	"additional_image_link", "brand", "gtin", "mpn", "condition", "item_group_id", "product_type",
	"quantity_to_sell_on_facebook", "inventory", "quantity",
	"color", "size", "material", "pattern", "google_product_category",
};
static const char *const required[] = { "id", "title", "price", NULL };
/* Variant attributes become options, in this order, named like this. */
static const int opt_cols[] = { C_COLOR, C_SIZE, C_MATERIAL, C_PATTERN };
static const char *const opt_names[] = { "Color", "Size", "Material", "Pattern" };

/* A column's value as the brand wrote it: our own feed out (catalog_export.c) puts a ' before a
 * cell a spreadsheet would run, and a feed read back must be the catalog it came from. */
static const char *feed_col(struct catalog_run *run, int k, const char *const *f, size_t n)
{
	return cell_guard_undo(catalog_col(run, k, f, n));
}

/* The product type, else Google's category path ("Home & Garden > Decor > Vases"), whose last part
 * names the shop's category (lib/category_name.h); a bare numeric Google id names nothing. */
static const char *feed_type(struct catalog_run *run, const char *const *f, size_t n)
{
	const char *type = feed_col(run, C_TYPE, f, n), *google = feed_col(run, C_GOOGLE_CATEGORY, f, n);
	if (*type || strspn(google, "0123456789 ") == strlen(google))
		return type;
	return google;
}

/* "12.00 USD" (or "12.00" in the brand's currency). */
static bool feed_price(struct catalog_run *run, unsigned long line, const char *col, const char *v,
		       long long *out, const char **currency)
{
	const char *sp = strrchr(v, ' ');
	const char *cur = run->currency;
	const char *amount = v;
	if (sp) {
		cur = arena_strdup(run->a, sp + 1);
		amount = arena_strndup(run->a, v, (size_t)(sp - v));
		if (money_exponent(cur) < 0)
			return catalog_err(run, line, "%s \"%.40s\": the currency must be a 3-letter ISO 4217 code", col, v);
	}
	*currency = cur;
	return catalog_price(run, line, col, amount, cur, out);
}

static bool listed(const char *list, const char *url)
{
	size_t n = strlen(url);
	for (const char *s = list; (s = strstr(s, url)) != NULL; s += n)
		if ((s == list || s[-1] == ',' || s[-1] == ' ') && (s[n] == ',' || s[n] == '\0' || s[n] == ' '))
			return true;
	return false;
}

/* image_link first, then additional_image_link; when the additional list already names
 * image_link (our own export does), the list's order is kept. */
static bool feed_images(struct catalog_run *run, struct catalog_product *p, unsigned long line,
			const char *main, const char *more)
{
	bool ok = !*main || listed(more, main) || catalog_image_add(run, p, main, "", line);
	while (*more) {
		size_t n = strcspn(more, ",");
		const char *url = arena_strndup(run->a, more, n);
		while (*url == ' ')
			url++;
		if (*url)
			ok &= catalog_image_add(run, p, url, "", line);
		more += n + (more[n] == ',');
	}
	return ok;
}

bool catalog_feed_record(void *vrun, unsigned long line, const char *const *f, const size_t *len, size_t n)
{
	struct catalog_run *run = vrun;
	(void)len;
	if (!run->header_done)
		return catalog_header(run, names, C__N, f, n, required);
	run->rep->rows++;
	const char *id = feed_col(run, C_ID, f, n), *group = feed_col(run, C_GROUP, f, n);
	if (!*id) {
		catalog_err(run, line, "id is empty");
		return true;
	}
	bool created;
	struct catalog_product *p = catalog_group(run, *group ? group : id, line, &created);
	bool ok = true;
	if (created) {
		const char *desc = feed_col(run, C_DESC, f, n);
		ok &= catalog_text(run, line, "title", feed_col(run, C_TITLE, f, n), CATALOG_MAX_TITLE, &p->title) &
		      catalog_text(run, line, "brand", feed_col(run, C_BRAND, f, n), CATALOG_MAX_NAME, &p->vendor) &
		      catalog_text(run, line, "product_type", feed_type(run, f, n), CATALOG_MAX_NAME, &p->type);
		if (!catalog_make_handle(run, *group ? group : id, &p->handle))
			ok = catalog_err(run, line, "item_group_id/id \"%.60s\" has no letter or digit", *group ? group : id);
		p->body_html = sanitize_html(run->a, desc, strlen(desc), NULL);
		for (size_t k = 0; k < 4 && p->nopts < CATALOG_MAX_OPTIONS; k++)
			if (run->col[opt_cols[k]] >= 0)
				p->opt_name[p->nopts++] = opt_names[k];
	}
	struct catalog_variant *v = catalog_variant_add(run, p, line);
	if (!v)
		return true;
	const char *avail = feed_col(run, C_AVAIL, f, n), *sale = feed_col(run, C_SALE, f, n);
	const char *qty = feed_col(run, C_QTY, f, n);
	if (!*qty)
		qty = feed_col(run, C_QTY2, f, n);
	if (!*qty)
		qty = feed_col(run, C_QTY3, f, n);
	ok &= catalog_text(run, line, "id", id, CATALOG_MAX_NAME, &v->ext_id) &
	      catalog_text(run, line, "mpn", feed_col(run, C_MPN, f, n), CATALOG_MAX_NAME, &v->sku) &
	      catalog_text(run, line, "gtin", feed_col(run, C_GTIN, f, n), CATALOG_MAX_BARCODE, &v->barcode) &
	      feed_price(run, line, "price", feed_col(run, C_PRICE, f, n), &v->price, &v->currency);
	if (*sale) {
		long long s;
		const char *scur;
		if (feed_price(run, line, "sale_price", sale, &s, &scur) && strcmp(scur, v->currency) == 0) {
			v->compare_at = v->price;
			v->price = s;
		} else {
			ok = catalog_err(run, line, "sale_price must be a price in the same currency as price");
		}
	}
	if (*qty)
		ok &= catalog_count(run, line, "quantity", qty, &v->stock);
	char a[20];
	size_t an = 0;
	for (const char *s = avail; *s && an < sizeof a - 1; s++)
		a[an++] = *s == ' ' ? '_' : (char)tolower((unsigned char)*s);
	a[an] = '\0';
	if (an && strcmp(a, "in_stock") && strcmp(a, "out_of_stock") && strcmp(a, "preorder") && strcmp(a, "backorder"))
		ok = catalog_err(run, line, "availability \"%.30s\" is not in stock, out of stock, preorder or backorder", avail);
	/* Without a quantity, "in stock" can only mean: keep selling. */
	v->stock_uncounted = strcmp(a, "in_stock") == 0 && !*qty;
	v->policy_continue = strcmp(a, "preorder") == 0 || strcmp(a, "backorder") == 0 || v->stock_uncounted;
	if (v->stock < 0)
		ok = catalog_err(run, line, "quantity is negative");
	size_t k = 0;
	for (size_t c = 0; c < 4 && k < CATALOG_MAX_OPTIONS; c++)
		if (run->col[opt_cols[c]] >= 0)
			ok &= catalog_text(run, line, opt_names[c], feed_col(run, opt_cols[c], f, n), CATALOG_MAX_NAME, &v->opt[k++]);
	const char *img = feed_col(run, C_IMAGE, f, n);
	ok &= feed_images(run, p, line, img, feed_col(run, C_MORE_IMAGES, f, n));
	v->image_url = img;
	if (!ok)
		p->bad = true;
	return true;
}

/* Options no variant of a product uses are dropped, so a plain product has none. */
bool catalog_feed_finish(struct catalog_run *run)
{
	for (struct catalog_product *p = run->head; p; p = p->next) {
		size_t keep = 0;
		for (size_t k = 0; k < p->nopts; k++) {
			bool used = false;
			for (size_t i = 0; i < p->nvars; i++)
				used |= *p->vars[i].opt[k] != '\0';
			if (!used)
				continue;
			p->opt_name[keep] = p->opt_name[k];
			for (size_t i = 0; i < p->nvars; i++)
				p->vars[i].opt[keep] = p->vars[i].opt[k];
			keep++;
		}
		for (size_t k = keep; k < CATALOG_MAX_OPTIONS; k++)
			for (size_t i = 0; i < p->nvars; i++)
				p->vars[i].opt[k] = "";
		p->nopts = keep;
	}
	return catalog_group_emit_all(run);
}
