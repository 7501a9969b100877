/* brand_code_form.c: the fields of a discount code as a brand types them (a percentage like
 * "12.5" or an amount like "5.00" in the brand's currency, optional minimum, limits and dates),
 * read into a rule and shown again. */
#include <string.h>
#include "studio/codes.h"
#include "domain/commerce/calc.h"
#include "lib/money.h"

static const char *text(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

/* Blank is "no limit" (0); otherwise a whole number in the field's declared range. */
static bool limit(struct req *r, const char *name, long long *out)
{
	*out = 0;
	return !*text(r, name) || (req_int(r, name, out) && *out > 0);
}

void brand_code_form_error(struct brand_code_form *f, const char *field, const char *text)
{
	if (f->nerrors < FORM_ERRORS_MAX)
		f->errors[f->nerrors++] = (struct form_error){ field, text };
}

bool brand_code_form_read(struct req *r, const struct acting_brand *b, struct brand_code_form *f)
{
	memset(f, 0, sizeof *f);
	struct discount_code *d = &f->rule;
	d->brand_id = b->id;
	d->active = true;
	d->kind = strcmp(text(r, "kind"), "fixed") == 0 ? DISCOUNT_FIXED : DISCOUNT_PERCENT;
	f->code = text(r, "code");
	f->value_text = text(r, "value");
	f->min_text = text(r, "min_order");
	f->total_text = text(r, "total_limit");
	f->per_customer_text = text(r, "per_customer_limit");
	f->starts_on = text(r, "starts_on");
	f->ends_on = text(r, "ends_on");
	d->combinable = *text(r, "combinable") != '\0';
	/* Only a new code has a creator and a text (an edit keeps them as shoppers were given them). */
	if (*text(r, "creator_id") && !req_id(r, "creator_id"))
		brand_code_form_error(f, "creator_id", "Choose a creator from your programme, or none for a code of the brand.");
	if (*f->code && !discount_code_normalize(f->code, f->normalized))
		brand_code_form_error(f, "code", "A code is 3 to 32 letters, digits or dashes (shoppers type it; case does not matter).");
	/* A percentage reads as an amount with two decimals: "12.5" is 1250 basis points. */
	if (d->kind == DISCOUNT_PERCENT) {
		if (!money_parse(f->value_text, "USD", &d->value) || d->value < 1 || d->value > DISCOUNT_MAX_BPS)
			brand_code_form_error(f, "value", "Enter the percentage off from 0.01 to 100, with at most two decimals (like 15 or 12.5).");
	} else if (!money_parse(f->value_text, b->currency, &d->value) || d->value < 1 || d->value > CALC_MAX_AMOUNT) {
		brand_code_form_error(f, "value", arena_printf(r->arena, "Enter the amount off in %s, like 5.00.", b->currency));
	}
	if (*f->min_text && (!money_parse(f->min_text, b->currency, &d->min_order) || d->min_order < 0 ||
			     d->min_order > CALC_MAX_AMOUNT))
		brand_code_form_error(f, "min_order", arena_printf(r->arena, "Enter the minimum order in %s, like 50.00, or leave it empty.", b->currency));
	if (!limit(r, "total_limit", &d->total_limit))
		brand_code_form_error(f, "total_limit", "Enter how many orders may use the code in all (a whole number), or leave it empty for no limit.");
	if (!limit(r, "per_customer_limit", &d->per_customer_limit))
		brand_code_form_error(f, "per_customer_limit", "Enter how many orders one customer may use it for (a whole number), or leave it empty for no limit.");
	bool starts_bad = *f->starts_on && req_invalid(r, "starts_on"), ends_bad = *f->ends_on && req_invalid(r, "ends_on");
	if (starts_bad)
		brand_code_form_error(f, "starts_on", "Enter the first day as YYYY-MM-DD (UTC), or leave it empty.");
	if (ends_bad)
		brand_code_form_error(f, "ends_on", "Enter the last day as YYYY-MM-DD (UTC), or leave it empty.");
	else if (!starts_bad && *f->starts_on && *f->ends_on && strcmp(f->ends_on, f->starts_on) < 0)
		brand_code_form_error(f, "ends_on", "The last day comes before the first day.");
	return f->nerrors == 0;
}

/* The fields top to bottom: the summary lists problems in this order, whenever each was found. */
static size_t form_rank(const char *field)
{
	static const char *const order[] = { "creator_id", "code", "value", "min_order", "total_limit",
					     "per_customer_limit", "starts_on", "ends_on" };
	size_t k = 0;
	while (k < sizeof order / sizeof *order && strcmp(order[k], field))
		k++;
	return k;
}

void brand_code_form_fill(tmpl_dict *page, const char *currency, const struct brand_code_form *f)
{
	tmpl_dict *d = tmpl_include(page, "FIELDS", "studio_brand_code_fields.tpl");
	tmpl_set(d, "CURRENCY", currency);
	tmpl_show(d, f->rule.kind == DISCOUNT_FIXED ? "KIND_FIXED" : "KIND_PERCENT");
	tmpl_set(d, "VALUE", f->value_text);
	tmpl_set(d, "MIN_ORDER", f->min_text);
	tmpl_set(d, "TOTAL_LIMIT", f->total_text);
	tmpl_set(d, "PER_CUSTOMER_LIMIT", f->per_customer_text);
	tmpl_set(d, "STARTS_ON", f->starts_on);
	tmpl_set(d, "ENDS_ON", f->ends_on);
	if (f->rule.combinable)
		tmpl_show(d, "COMBINABLE_CHECKED");
	struct form_error sorted[FORM_ERRORS_MAX];
	size_t n = f->nerrors;
	memcpy(sorted, f->errors, n * sizeof *sorted);
	for (size_t i = 1; i < n; i++)	/* insertion sort: stable, and a handful */
		for (size_t j = i; j > 0 && form_rank(sorted[j - 1].field) > form_rank(sorted[j].field); j--) {
			struct form_error t = sorted[j];
			sorted[j] = sorted[j - 1];
			sorted[j - 1] = t;
		}
	/* The creator and the code are on the page's own part of the form, the rest in the fields'. */
	form_errors_render(page, sorted, n);
	form_errors_mark(d, sorted, n);
}
