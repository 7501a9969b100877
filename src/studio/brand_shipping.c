/* brand_shipping.c: "/studio/brand/shipping" — the brand's flat shipping rate per order and its tax
 * rate, which checkout applies to this brand's order (see docs/CHECKOUT.md). */
#include <stdlib.h>
#include <string.h>
#include "lib/money.h"
#include "web/layout.h"
#include "domain/catalog/product.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_rates = {
	"SELECT shipping_flat_rate, tax_rate_bps FROM brands WHERE id = ?", "i", "ii" };
static const struct db_stmt q_save = {
	"UPDATE brands SET shipping_flat_rate = ?, tax_rate_bps = ? WHERE id = ?", "iii", "" };

#define MAX_SHIPPING_MINOR 100000000LL	/* a million in a two-decimal currency: a typo, not a rate */
#define MAX_TAX_BPS 10000		/* 100.00 % */

/* "8", "8.2", "8.25" percent as basis points; -1 if malformed or above 100 %. */
static long tax_bps(const char *s)
{
	long whole = 0, frac = 0;
	int digits = 0, decimals = -1;
	for (; s && *s; s++) {
		if (*s == '.' && decimals < 0 && digits) {
			decimals = 0;
		} else if (*s >= '0' && *s <= '9' && (decimals < 0 ? digits < 3 : decimals < 2)) {
			if (decimals < 0)
				whole = whole * 10 + (*s - '0');
			else
				frac = frac * 10 + (*s - '0'), decimals++;
			digits++;
		} else {
			return -1;
		}
	}
	if (!digits || decimals == 0)
		return -1;
	long bps = whole * 100 + (decimals == 1 ? frac * 10 : frac);
	return bps <= MAX_TAX_BPS ? bps : -1;
}

static void rates_form(struct req *r, const struct acting_brand *b, int status, const char *error,
		       const char *shipping, const char *tax)
{
	tmpl_dict *d = layout_begin(r, "studio_brand_shipping.tpl", "Shipping and tax");
	tmpl_set(d, "BRAND", b->name);
	tmpl_set(d, "CURRENCY", b->currency);
	tmpl_set(d, "SHIPPING", shipping);
	tmpl_set(d, "TAX", tax);
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	if (req_query(r, "saved"))
		tmpl_show(d, "SAVED");
	layout_end(r, status);
}

int page_brand_shipping_form(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct db_res t;
	enum db_status rc = db_query(r->db, r->arena, &q_rates, (struct db_param[]){ DB_I(b->id) }, &t);
	if (rc != DB_OK || t.nrows == 0)
		return req_db_fail(rc == DB_OK ? DB_ERR : rc);
	long long bps = db_at(&t, 0, 1)->i;
	rates_form(r, b, 200, NULL, product_decimal(r->arena, db_at(&t, 0, 0)->i, b->currency),
		   arena_printf(r->arena, "%lld.%02lld", bps / 100, bps % 100));
	return REQ_DONE;
}

int page_brand_shipping(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *ship = req_form(r, "shipping"), *tax = req_form(r, "tax_percent");
	long long shipping_minor;
	long bps = tax_bps(tax);
	const char *error = !req_money(r, "shipping", b->currency, &shipping_minor) || shipping_minor > MAX_SHIPPING_MINOR
			    ? "Enter the shipping rate as an amount such as 4.99 (no currency sign, no thousands separator)."
			    : bps < 0 ? "Enter the tax rate as a percentage from 0 to 100 with at most two decimals, such as 8.25."
				      : NULL;
	if (error) {
		rates_form(r, b, 422, error, ship ? ship : "", tax ? tax : "");
		return REQ_DONE;
	}
	enum db_status rc = db_query(r->db, r->arena, &q_save,
				     (struct db_param[]){ DB_I(shipping_minor), DB_I(bps), DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/brand/shipping?saved=1");
	return REQ_DONE;
}
