/* presta_map.c: PrestaShop's product, combinations and stock -> struct catalog_product. PrestaShop
 * keeps prices with six decimals and a combination's price as an impact on the product's; stock
 * per (product, combination) in stock_availables, where out_of_stock 1 allows orders beyond it. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "domain/connectors/presta_api.h"
#include "domain/connectors/presta_map.h"
#include "lib/money.h"
#include "lib/sanitize.h"

bool presta_map_micros(const char *s, long long *out)
{
	bool neg = *s == '-';
	s += neg;
	long long whole = 0, frac = 0;
	int digits = 0, places = 0;
	for (; isdigit((unsigned char)*s); s++, digits++)
		if (digits < 12)
			whole = whole * 10 + (*s - '0');
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++, places++)
			if (places < 6)
				frac = frac * 10 + (*s - '0');
	if (!digits || digits > 12 || places > 6 || *s)
		return false;
	for (int p = places; p < 6; p++)
		frac *= 10;
	*out = (neg ? -1 : 1) * (whole * 1000000 + frac);
	return true;
}

long long presta_map_item(long long product, long long combination)
{
	if (product <= 0 || product >= (1LL << 31) || combination < 0 || combination >= (1LL << 32))
		return 0;
	return product << 32 | combination;
}

long long presta_map_item_product(long long item)
{
	return item >> 32;
}

long long presta_map_item_combination(long long item)
{
	return item & 0xffffffffLL;
}

/* Variant k's item is ids->item[k]: a variant without one would shift the rest, so it is an error. */
static bool add_item(struct catalog_run *run, unsigned long line, struct connector_ids *ids, long long product,
		     long long combination)
{
	long long item = presta_map_item(product, combination);
	if (!item)
		return catalog_err(run, line, "product %lld or its combination %lld has no usable id", product, combination);
	if (ids->nitems < CATALOG_MAX_VARIANTS)
		ids->item[ids->nitems++] = item;
	return true;
}

/* micros with the tax (and the reduction, NULL: none) as the currency's minor units (half up), then
 * through the import's price check. */
static bool price_of(struct catalog_run *run, unsigned long line, long long micros, const struct presta_tax_group *tax,
		     const struct presta_reduction *reduction, const char *currency, long long *out)
{
	if (micros < 0)
		return catalog_err(run, line, "a price comes out negative (%lld millionths)", micros);
	if (micros > PRESTA_TAX_MAX_MICROS)
		return catalog_err(run, line, "a price is too large (%lld millionths)", micros);
	long long div = 1;
	for (int e = money_exponent(currency); e < 6; e++)
		div *= 10;
	char text[40];
	if (!money_decimal(text, sizeof text, presta_tax_minor_reduced(tax, micros, reduction, div), currency))
		return catalog_err(run, line, "a price cannot be written in %s", currency);
	return catalog_price(run, line, "price", text, currency, out);
}

static bool open_date(const char *d)
{
	return !*d || strcmp(d, "0000-00-00 00:00:00") == 0;
}

/* The specific price a visitor of the front office pays for (product, combination): one for every
 * cart, customer, group, country and currency, from one unit, in force at l->now; a combination's
 * own before the product's. NULL when none. */
static xmlNode *specific_of(struct arena *a, const struct presta_lists *l, long long product, long long combination)
{
	static const char *const everyone[] = { "id_cart", "id_customer", "id_group", "id_country", "id_currency" };
	xmlNode *best = NULL;
	for (xmlNode *sp = l->specific ? l->specific->children : NULL; sp; sp = sp->next) {
		long long attr = presta_xml_id(presta_xml_child(sp, "id_product_attribute"));
		if (sp->type != XML_ELEMENT_NODE || presta_xml_id(presta_xml_child(sp, "id_product")) != product ||
		    (attr != 0 && attr != combination) || presta_xml_id(presta_xml_child(sp, "from_quantity")) > 1)
			continue;
		bool general = true;
		for (size_t i = 0; i < sizeof everyone / sizeof *everyone && general; i++)
			general = presta_xml_id(presta_xml_child(sp, everyone[i])) == 0;
		const char *from = presta_xml_text(a, presta_xml_child(sp, "from")), *to = presta_xml_text(a, presta_xml_child(sp, "to"));
		bool now = l->now && (open_date(from) || strcmp(from, l->now) <= 0) && (open_date(to) || strcmp(to, l->now) >= 0);
		if (general && now && (!best || attr != 0))
			best = sp;
	}
	return best;
}

/* A variant's price as the front office shows it: the product's price plus the combination's
 * impact, with tax; under a specific price, that one (a fixed price replaces the product's, or
 * the combination's whole price when it names the combination), less its reduction, with the
 * regular price as compare-at when it is lower. */
static bool set_prices(struct catalog_run *run, unsigned long line, struct catalog_variant *v, const struct presta_lists *l,
		       long long product, long long combination, long long base, long long impact,
		       const struct presta_tax_group *tax)
{
	if (!price_of(run, line, base + impact, tax, NULL, v->currency, &v->price))
		return false;
	xmlNode *sp = specific_of(run->a, l, product, combination);
	if (!sp)
		return true;
	long long fixed = -1, reduction = 0;
	if (!presta_map_micros(presta_xml_text(run->a, presta_xml_child(sp, "price")), &fixed) ||
	    !presta_map_micros(presta_xml_text(run->a, presta_xml_child(sp, "reduction")), &reduction) || reduction < 0)
		return catalog_err(run, line, "product %lld's specific price is not a number", product);
	long long start = fixed < 0 ? base + impact
			: presta_xml_id(presta_xml_child(sp, "id_product_attribute")) ? fixed : fixed + impact;
	struct presta_reduction r = { strcmp(presta_xml_text(run->a, presta_xml_child(sp, "reduction_type")), "percentage") == 0,
				      presta_xml_id(presta_xml_child(sp, "reduction_tax")) == 1, reduction };
	long long sale;
	if (!price_of(run, line, start, tax, &r, v->currency, &sale))
		return false;
	if (sale < v->price)
		v->compare_at = v->price;
	v->price = sale;
	return true;
}

static xmlNode *stock_of(xmlNode *stock, long long product, long long attr)
{
	for (xmlNode *s = stock ? stock->children : NULL; s; s = s->next)
		if (presta_xml_id(presta_xml_child(s, "id_product")) == product &&
		    presta_xml_id(presta_xml_child(s, "id_product_attribute")) == attr)
			return s;
	return NULL;
}

static xmlNode *by_id(xmlNode *list, long long id)
{
	for (xmlNode *n = list ? list->children : NULL; n; n = n->next)
		if (presta_xml_id(presta_xml_child(n, "id")) == id)
			return n;
	return NULL;
}

static bool set_stock(struct catalog_run *run, unsigned long line, struct catalog_variant *v, xmlNode *s)
{
	long long q = presta_xml_id(presta_xml_child(s, "quantity"));
	if (q < -1000000000LL || q > 1000000000LL)
		return catalog_err(run, line, "quantity %lld is out of range", q);
	v->stock = q;
	/* 1: orders beyond the stock are allowed; 0 and 2 (the shop's default, off unless set) deny */
	v->policy_continue = presta_xml_id(presta_xml_child(s, "out_of_stock")) == 1;
	return true;
}

static const char *image_url(struct arena *a, const char *shop_url, long long id)
{
	char digits[24], path[64] = "";
	snprintf(digits, sizeof digits, "%lld", id);
	size_t n = 0;
	for (const char *d = digits; *d && n + 2 < sizeof path; d++) {
		path[n++] = *d;
		path[n++] = '/';
	}
	path[n] = '\0';
	return arena_printf(a, "%s/img/p/%s%lld.jpg", shop_url, path, id);
}

/* The option group (name) a value belongs to, as the product's option k: added in first-seen order. */
static int option_index(struct catalog_run *run, struct catalog_product *p, unsigned long line, long long groups_seen[],
			long long group, const char *name, bool *ok)
{
	for (size_t k = 0; k < p->nopts; k++)
		if (groups_seen[k] == group)
			return (int)k;
	if (p->nopts == CATALOG_MAX_OPTIONS) {
		*ok = catalog_err(run, line, "product \"%s\" varies by more than %d attributes", p->handle, CATALOG_MAX_OPTIONS);
		return -1;
	}
	groups_seen[p->nopts] = group;
	*ok &= catalog_text(run, line, "attribute group", name, CATALOG_MAX_OPTION_NAME, &p->opt_name[p->nopts]);
	return (int)p->nopts++;
}

static bool add_combination(struct catalog_run *run, struct catalog_product *p, unsigned long line, xmlNode *c,
			    const struct presta_lists *l, long long product_id, long long base_micros, long long groups_seen[],
			    const char *shop_url, const struct presta_tax_group *tax, struct connector_ids *ids)
{
	struct catalog_variant *v = catalog_variant_add(run, p, line);
	if (!v)
		return false;
	long long id = presta_xml_id(presta_xml_child(c, "id")), impact = 0;
	if (!add_item(run, line, ids, product_id, id))
		return false;
	v->ext_id = arena_printf(run->a, "%lld", id);
	bool ok = catalog_text(run, line, "reference", presta_xml_text(run->a, presta_xml_child(c, "reference")),
			       CATALOG_MAX_NAME, &v->sku) &
		  catalog_text(run, line, "ean13", presta_xml_text(run->a, presta_xml_child(c, "ean13")), CATALOG_MAX_BARCODE,
			       &v->barcode);
	if (!presta_map_micros(presta_xml_text(run->a, presta_xml_child(c, "price")), &impact))
		ok = catalog_err(run, line, "combination %lld's price impact is not a number", id);
	v->compare_at = -1;
	ok = ok && set_prices(run, line, v, l, product_id, id, base_micros, impact, tax);
	xmlNode *assoc = presta_xml_child(c, "associations");
	for (xmlNode *ov = presta_xml_child(presta_xml_child(assoc, "product_option_values"), "product_option_value"); ov;
	     ov = ov->next) {
		xmlNode *value = by_id(l->values, presta_xml_id(presta_xml_child(ov, "id")));
		long long group = presta_xml_id(presta_xml_child(value, "id_attribute_group"));
		const char *gname = presta_xml_text(run->a, presta_xml_child(by_id(l->groups, group), "public_name"));
		int k = value ? option_index(run, p, line, groups_seen, group, gname, &ok) : -1;
		if (k >= 0)
			ok &= catalog_text(run, line, "attribute value", presta_xml_text(run->a, presta_xml_child(value, "name")),
					   CATALOG_MAX_NAME, &v->opt[k]);
	}
	xmlNode *s = stock_of(l->stock, product_id, id);
	ok &= s ? set_stock(run, line, v, s) : true;
	long long image = presta_xml_id(presta_xml_child(presta_xml_child(presta_xml_child(assoc, "images"), "image"), "id"));
	if (image > 0) {
		v->image_url = image_url(run->a, shop_url, image);
		ok &= catalog_image_add(run, p, v->image_url, "", line);
	}
	return ok;
}

struct catalog_product *presta_map_product(struct catalog_run *run, const char *shop_url, xmlNode *x,
					   const struct presta_lists *l, unsigned long line, struct connector_ids *ids)
{
	memset(ids, 0, sizeof *ids);
	long long id = presta_xml_id(presta_xml_child(x, "id")), base = 0;
	ids->product = id;
	struct catalog_product *p = catalog_product_new(run, line);
	const char *slug = presta_xml_text(run->a, presta_xml_child(x, "link_rewrite"));
	const char *html = presta_xml_text(run->a, presta_xml_child(x, "description"));
	bool ok = catalog_text(run, line, "link_rewrite", slug, CATALOG_MAX_HANDLE, &p->handle);
	if (ok && !catalog_valid_handle(p->handle))
		ok = catalog_err(run, line, "link_rewrite \"%.60s\" must be 1 to 120 letters, digits, '-', '_' or '.'", slug);
	if (id <= 0)
		ok = catalog_err(run, line, "a product has no id");
	ok &= catalog_text(run, line, "name", presta_xml_text(run->a, presta_xml_child(x, "name")), CATALOG_MAX_TITLE, &p->title) &
	      catalog_text(run, line, "vendor", "", CATALOG_MAX_NAME, &p->vendor) &
	      catalog_text(run, line, "type", "", CATALOG_MAX_NAME, &p->type) &
	      catalog_text(run, line, "tags", "", CATALOG_MAX_TAGS, &p->tags);
	p->body_html = sanitize_html(run->a, html, strlen(html), NULL);
	p->status = presta_xml_id(presta_xml_child(x, "active")) == 1 ? "active" : "draft";
	if (!presta_map_micros(presta_xml_text(run->a, presta_xml_child(x, "price")), &base))
		ok = catalog_err(run, line, "product %lld's price is not a number", id);
	const struct presta_tax_group *tax = presta_tax_find(l->taxes, presta_xml_id(presta_xml_child(x, "id_tax_rules_group")));
	xmlNode *assoc = presta_xml_child(x, "associations");
	long pos = 0;
	for (xmlNode *im = presta_xml_child(presta_xml_child(assoc, "images"), "image"); im; im = im->next)
		ok &= catalog_image_add_at(run, p, image_url(run->a, shop_url, presta_xml_id(presta_xml_child(im, "id"))), "",
					   ++pos, line);
	long long groups_seen[CATALOG_MAX_OPTIONS] = { 0 };
	bool any = false;
	for (xmlNode *c = l->combinations ? l->combinations->children : NULL; c; c = c->next)
		if (presta_xml_id(presta_xml_child(c, "id_product")) == id) {
			any = true;
			ok &= add_combination(run, p, line, c, l, id, base, groups_seen, shop_url, tax, ids);
		}
	if (!any) {
		struct catalog_variant *v = catalog_variant_add(run, p, line);
		if (!v)
			return NULL;
		v->ext_id = arena_printf(run->a, "p%lld", id);
		ok &= id <= 0 || add_item(run, line, ids, id, 0);
		v->compare_at = -1;
		ok &= catalog_text(run, line, "reference", presta_xml_text(run->a, presta_xml_child(x, "reference")),
				   CATALOG_MAX_NAME, &v->sku) &
		      catalog_text(run, line, "ean13", presta_xml_text(run->a, presta_xml_child(x, "ean13")),
				   CATALOG_MAX_BARCODE, &v->barcode);
		ok = ok && set_prices(run, line, v, l, id, 0, base, 0, tax);
		xmlNode *s = stock_of(l->stock, id, 0);
		ok &= s ? set_stock(run, line, v, s) : true;
	}
	if (!ok)
		p->bad = true;
	return catalog_product_check(run, p) ? p : NULL;
}
