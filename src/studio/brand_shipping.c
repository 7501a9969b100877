/* brand_shipping.c: "/studio/brand/shipping" — the brand's shipping and tax by destination (see
 * docs/CHECKOUT.md): the default shipping rate and tax rate, whether its prices include tax, a
 * tax rate per country (or region of a country), and a shipping rate per country or zone. */
#include <stdlib.h>
#include <string.h>
#include "domain/catalog/product.h"
#include "domain/commerce/country.h"
#include "views/tax_view.h"
#include "web/layout.h"
#include "views/form_errors.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_rates = {
	"SELECT shipping_flat_rate, tax_rate_bps, prices_include_tax FROM brands WHERE id = ?", "i", "iii" };
static const struct db_stmt q_save = {
	"UPDATE brands SET shipping_flat_rate = ?, tax_rate_bps = ?, prices_include_tax = COALESCE(?, prices_include_tax)"
	" WHERE id = ?", "iiii", "" };
static const struct db_stmt q_tax_rows = {
	"SELECT country, region, rate_bps FROM brand_tax_rates WHERE brand_id = ? ORDER BY country, region LIMIT 500",
	"i", "ssi" };
static const struct db_stmt q_ship_rows = {
	"SELECT dest, rate FROM brand_shipping_rates WHERE brand_id = ? ORDER BY dest = 'EU' DESC, dest LIMIT 500",
	"i", "si" };
static const struct db_stmt q_tax_put = {
	"INSERT INTO brand_tax_rates (brand_id, country, region, rate_bps) VALUES (?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE rate_bps = VALUES(rate_bps)", "issi", "" };
static const struct db_stmt q_tax_del = {
	"DELETE FROM brand_tax_rates WHERE brand_id = ? AND country = ? AND region = ?", "iss", "" };
static const struct db_stmt q_ship_put = {
	"INSERT INTO brand_shipping_rates (brand_id, dest, rate) VALUES (?, ?, ?)"
	" ON DUPLICATE KEY UPDATE rate = VALUES(rate)", "isi", "" };
static const struct db_stmt q_rows = {
	"SELECT (SELECT COUNT(*) FROM brand_tax_rates WHERE brand_id = ?),"
	" (SELECT COUNT(*) FROM brand_shipping_rates WHERE brand_id = ?)", "ii", "ii" };
static const struct db_stmt q_ship_del = {
	"DELETE FROM brand_shipping_rates WHERE brand_id = ? AND dest = ?", "is", "" };

#define MAX_SHIPPING_MINOR 100000000LL	/* a million in a two-decimal currency: a typo, not a rate */
#define MAX_TAX_BPS 10000		/* 100.00 % */
#define SAVED_URL "/studio/brand/shipping?saved=1"
#define MAX_ROWS 500	/* per table and brand: every country and its larger regions, not a dump */

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

/* A region code as the tax table keeps it: up to three letters or digits, uppercase; "" is the
 * whole country. NULL if anything else was typed. */
static const char *region_code(struct arena *a, const char *s)
{
	char *out = arena_strdup(a, s ? s : "");
	size_t n = strlen(out);
	if (n > 3)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (out[i] >= 'a' && out[i] <= 'z')
			out[i] = (char)(out[i] - 32);
		if (!((out[i] >= 'A' && out[i] <= 'Z') || (out[i] >= '0' && out[i] <= '9')))
			return NULL;
	}
	return out;
}

/* A shipping destination: a country's code or the EU zone; NULL for anything else. */
static const char *dest_code(const char *s)
{
	if (s && strcmp(s, COUNTRY_ZONE_EU) == 0)
		return COUNTRY_ZONE_EU;
	const struct country *c = country_find(s);
	return c ? c->code : NULL;
}

static const char *dest_name(const char *code)
{
	if (strcmp(code, COUNTRY_ZONE_EU) == 0)
		return "European Union (every member state without its own rate)";
	const struct country *c = country_find(code);
	return c ? c->name : code;
}

static void country_options(tmpl_dict *d, const char *section, const char *chosen)
{
	for (size_t i = 0; i < country_count(); i++) {
		tmpl_dict *cd = tmpl_add(d, section);
		tmpl_set(cd, "CODE", country_at(i)->code);
		tmpl_set(cd, "NAME", country_at(i)->name);
		if (chosen && strcmp(chosen, country_at(i)->code) == 0)
			tmpl_show(cd, "SELECTED");
	}
}

/* A form of the page sent back: what was typed in it (NULL: the defaults as stored, the adding
 * forms empty) and every problem, each by the id of its field. */
struct sent {
	const char *shipping, *tax;
	const char *tax_country, *tax_region, *tax_rate, *ship_dest, *ship_rate;
	struct form_error errors[FORM_ERRORS_MAX];
	size_t nerrors;
	bool summary_only;	/* the problems are the table's, not a field's */
};

static void problem(struct sent *s, const char *field, const char *text)
{
	if (s->nerrors < FORM_ERRORS_MAX)
		s->errors[s->nerrors++] = (struct form_error){ field, text };
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* The whole page: the defaults form as typed or as stored, both tables with a remove button per
 * row, and the forms that add to them; s NULL for the page as stored. */
static int rates_page(struct req *r, int status, const struct sent *s)
{
	static const struct sent none;
	if (!s)
		s = &none;
	const struct acting_brand *b = r->brand;
	struct db_res t, taxes, ships;
	struct db_param id[] = { DB_I(b->id) };
	enum db_status rc = db_query(r->db, r->arena, &q_rates, id, &t);
	if (rc == DB_OK && t.nrows == 0)
		rc = DB_ERR;
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_tax_rows, id, &taxes);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_ship_rows, id, &ships);
	if (rc != DB_OK)
		return req_db_fail(rc);
	long long bps = db_at(&t, 0, 1)->i;
	tmpl_dict *d = layout_begin(r, "studio_brand_shipping.tpl", "Shipping and tax");
	tmpl_set(d, "BRAND", b->name);
	tmpl_set(d, "CURRENCY", b->currency);
	tmpl_set(d, "SHIPPING", s->shipping ? s->shipping : product_decimal(r->arena, db_at(&t, 0, 0)->i, b->currency));
	tmpl_set(d, "TAX", s->tax ? s->tax : arena_printf(r->arena, "%lld.%02lld", bps / 100, bps % 100));
	tmpl_show(d, db_at(&t, 0, 2)->i ? "INCLUDED" : "EXCLUDED");
	for (size_t i = 0; i < taxes.nrows; i++) {
		tmpl_dict *rd = tmpl_add(d, "TAX_ROWS");
		const char *country = db_at(&taxes, i, 0)->s, *region = db_at(&taxes, i, 1)->s;
		tmpl_set(rd, "COUNTRY", country);
		tmpl_set(rd, "COUNTRY_NAME", dest_name(country));
		tmpl_set(rd, "REGION", region);
		tmpl_set(rd, "REGION_TEXT", *region ? region : "whole country");
		tmpl_set(rd, "RATE", tax_view_rate(r->arena, (unsigned)db_at(&taxes, i, 2)->i));
	}
	if (taxes.nrows == 0)
		tmpl_show(d, "NO_TAX_ROWS");
	for (size_t i = 0; i < ships.nrows; i++) {
		tmpl_dict *rd = tmpl_add(d, "SHIP_ROWS");
		tmpl_set(rd, "DEST", db_at(&ships, i, 0)->s);
		tmpl_set(rd, "DEST_NAME", dest_name(db_at(&ships, i, 0)->s));
		tmpl_set(rd, "RATE", layout_money(r, db_at(&ships, i, 1)->i, b->currency));
	}
	if (ships.nrows == 0)
		tmpl_show(d, "NO_SHIP_ROWS");
	country_options(d, "TAX_COUNTRIES", s->tax_country);
	country_options(d, "SHIP_COUNTRIES", s->ship_dest);
	if (s->ship_dest && strcmp(s->ship_dest, COUNTRY_ZONE_EU) == 0)
		tmpl_show(d, "EU_SELECTED");
	tmpl_set(d, "TAX_REGION", or_empty(s->tax_region));
	tmpl_set(d, "TAX_RATE", or_empty(s->tax_rate));
	tmpl_set(d, "SHIP_RATE", or_empty(s->ship_rate));
	form_errors_summary(d, s->errors, s->nerrors);
	if (!s->summary_only)
		form_errors_mark(d, s->errors, s->nerrors);
	if (req_query(r, "saved"))
		tmpl_show(d, "SAVED");
	layout_end(r, status);
	return REQ_DONE;
}

/* True when the brand's table (0: tax, 1: shipping) holds MAX_ROWS rates already. */
static bool table_full(struct req *r, int which, enum db_status *rc)
{
	struct db_res n;
	*rc = db_query(r->db, r->arena, &q_rows, (struct db_param[]){ DB_I(r->brand->id), DB_I(r->brand->id) }, &n);
	return *rc == DB_OK && db_at(&n, 0, which)->i >= MAX_ROWS;
}

static int saved(struct req *r, enum db_status rc)
{
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, SAVED_URL);
	return REQ_DONE;
}

/* A problem with a table rather than a field (full, or a rate no longer there), linked to the
 * table's heading. */
static int table_problem(struct req *r, int status, const char *heading, const char *text)
{
	struct sent s = { .summary_only = true };
	problem(&s, heading, text);
	return rates_page(r, status, &s);
}

static const char *const ship_amount = "Enter the shipping rate as an amount such as 4.99 (no currency sign, no thousands separator).";

int page_brand_shipping_form(struct req *r)
{
	return rates_page(r, 200, NULL);
}

int page_brand_shipping(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *style = req_form(r, "prices");
	struct sent s = { .shipping = or_empty(req_form(r, "shipping")), .tax = or_empty(req_form(r, "tax_percent")) };
	long long shipping_minor;
	long bps = tax_bps(s.tax);
	if (!req_money(r, "shipping", b->currency, &shipping_minor) || shipping_minor > MAX_SHIPPING_MINOR)
		problem(&s, "shipping", ship_amount);
	if (bps < 0)
		problem(&s, "tax_percent", "Enter the tax rate as a percentage from 0 to 100 with at most two decimals, such as 8.25.");
	if (s.nerrors)
		return rates_page(r, 422, &s);
	/* The field is a choice of two; a form without it leaves the style as it was. */
	struct db_param include = style ? DB_I(strcmp(style, "include") == 0) : DB_NULL;
	return saved(r, db_query(r->db, NULL, &q_save, (struct db_param[]){
		DB_I(shipping_minor), DB_I(bps), include, DB_I(b->id) }, NULL));
}

int page_brand_tax_rate_put(struct req *r)
{
	struct sent s = { .tax_country = req_form(r, "country"), .tax_region = req_form(r, "region"),
			  .tax_rate = req_form(r, "tax_percent") };
	const struct country *c = country_find(s.tax_country);
	const char *region = region_code(r->arena, s.tax_region);
	long bps = tax_bps(s.tax_rate);
	if (!c)
		problem(&s, "tax-country", "Choose the country the rate is for from the list.");
	if (!region)
		problem(&s, "tax-region", "Enter the region as its code of up to three letters or digits, such as CA, or leave it "
					  "empty for the whole country.");
	if (bps < 0)
		problem(&s, "tax-rate", "Enter the tax rate as a percentage from 0 to 100 with at most two decimals, such as 7.25.");
	if (s.nerrors)
		return rates_page(r, 422, &s);
	enum db_status rc;
	if (table_full(r, 0, &rc))
		return table_problem(r, 409, "tax-rates", "The tax table is full (500 rates). Remove a rate first.");
	if (rc != DB_OK)
		return req_db_fail(rc);
	return saved(r, db_query(r->db, NULL, &q_tax_put, (struct db_param[]){
		DB_I(r->brand->id), DB_S(c->code), DB_S(region), DB_I(bps) }, NULL));
}

int page_brand_tax_rate_remove(struct req *r)
{
	const struct country *c = country_find(req_form(r, "country"));
	const char *region = region_code(r->arena, req_form(r, "region"));
	if (!c || !region)
		return table_problem(r, 422, "tax-rates", "That rate is not in the table.");
	return saved(r, db_query(r->db, NULL, &q_tax_del, (struct db_param[]){
		DB_I(r->brand->id), DB_S(c->code), DB_S(region) }, NULL));
}

int page_brand_ship_rate_put(struct req *r)
{
	struct sent s = { .ship_dest = req_form(r, "dest"), .ship_rate = req_form(r, "shipping") };
	const char *dest = dest_code(s.ship_dest);
	long long minor;
	if (!dest)
		problem(&s, "ship-dest", "Choose the country or zone the rate is for from the list.");
	if (!req_money(r, "shipping", r->brand->currency, &minor) || minor > MAX_SHIPPING_MINOR)
		problem(&s, "ship-rate", ship_amount);
	if (s.nerrors)
		return rates_page(r, 422, &s);
	enum db_status rc;
	if (table_full(r, 1, &rc))
		return table_problem(r, 409, "shipping-rates", "The shipping table is full (500 rates). Remove a rate first.");
	if (rc != DB_OK)
		return req_db_fail(rc);
	return saved(r, db_query(r->db, NULL, &q_ship_put, (struct db_param[]){
		DB_I(r->brand->id), DB_S(dest), DB_I(minor) }, NULL));
}

int page_brand_ship_rate_remove(struct req *r)
{
	const char *dest = dest_code(req_form(r, "dest"));
	if (!dest)
		return table_problem(r, 422, "shipping-rates", "That rate is not in the table.");
	return saved(r, db_query(r->db, NULL, &q_ship_del, (struct db_param[]){ DB_I(r->brand->id), DB_S(dest) }, NULL));
}
