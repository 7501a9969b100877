/* tax_view.c: see tax_view.h. */
#include "views/tax_view.h"
#include "web/layout.h"

const char *tax_view_place(struct arena *a, const char *country, const char *region)
{
	if (!*country || !*region)
		return country;
	return arena_printf(a, "%s-%s", country, region);
}

const char *tax_view_rate(struct arena *a, unsigned bps)
{
	if (bps % 100 == 0)
		return arena_printf(a, "%u %%", bps / 100);
	if (bps % 10 == 0)
		return arena_printf(a, "%u.%u %%", bps / 100, bps % 100 / 10);
	return arena_printf(a, "%u.%02u %%", bps / 100, bps % 100);
}

/* "DE 19 %", or "19 %, estimated" before the shopper gave an address. */
static const char *rate_label(struct arena *a, unsigned bps, const char *place)
{
	const char *rate = tax_view_rate(a, bps);
	return *place ? arena_printf(a, "%s %s", place, rate) : arena_printf(a, "%s, estimated", rate);
}

void tax_view_totals(struct req *r, tmpl_dict *d, const struct calc_totals *t, const char *currency,
		     unsigned bps, const char *place)
{
	const char *tax = layout_money(r, t->tax, currency);
	tmpl_set(d, "SUBTOTAL", layout_money(r, calc_shown_subtotal(t), currency));
	tmpl_set(d, "SHIPPING", layout_money(r, calc_shown_shipping(t), currency));
	tmpl_set(d, "TAX", tax);
	tmpl_set(d, "TOTAL", layout_money(r, t->total, currency));
	if (t->tax_included) {
		tmpl_set(tmpl_add(d, "TAX_INCLUDED"), "TEXT", arena_printf(r->arena, "Includes %s VAT (%s)", tax,
									 rate_label(r->arena, bps, place)));
	} else {
		tmpl_dict *td = tmpl_add(d, "TAX_ADDED");
		tmpl_set(td, "LABEL", arena_printf(r->arena, "Tax (%s)", rate_label(r->arena, bps, place)));
		tmpl_set(td, "AMOUNT", tax);
	}
}

const char *tax_view_text(struct req *r, const struct calc_totals *t, const char *currency, unsigned bps,
			  const char *place)
{
	const char *sub = layout_money(r, calc_shown_subtotal(t), currency);
	const char *ship = layout_money(r, calc_shown_shipping(t), currency);
	const char *tax = layout_money(r, t->tax, currency), *total = layout_money(r, t->total, currency);
	const char *rate = rate_label(r->arena, bps, place);
	return t->tax_included
		? arena_printf(r->arena, "Subtotal %s, shipping %s, total %s (includes %s VAT, %s)", sub, ship, total, tax, rate)
		: arena_printf(r->arena, "Subtotal %s, shipping %s, tax %s (%s), total %s", sub, ship, tax, rate, total);
}
