/* variant_picker.c: a buy form's variant choice outside the product page (variant_picker.h). */
#include <string.h>
#include "views/variant_picker.h"
#include "web/layout.h"

enum { VP_OPT1, VP_OPT2, VP_OPT3, VP_PRICE, VP_WAS, VP_CUR, VP_STOCK, VP_POLICY, VP_ID };

const char *variant_picker_name(struct req *r, const struct db_res *vars, size_t col, size_t i)
{
	const char *a = db_at(vars, i, col + VP_OPT1)->s, *b = db_at(vars, i, col + VP_OPT2)->s;
	const char *c = db_at(vars, i, col + VP_OPT3)->s;
	if (strcmp(a, "Default Title") == 0)
		a = "";	/* Shopify's name for "no options" */
	return arena_printf(r->arena, "%s%s%s%s%s", a, *a && *b ? " / " : "", b, (*a || *b) && *c ? " / " : "", c);
}

static bool variant_picker_sold_out(const struct db_res *vars, size_t col, size_t i)
{
	return db_at(vars, i, col + VP_STOCK)->i <= 0 && strcmp(db_at(vars, i, col + VP_POLICY)->s, "deny") == 0;
}

static void variant_picker_stock(struct req *r, tmpl_dict *o, const struct db_res *vars, size_t col, size_t i)
{
	long long stock = db_at(vars, i, col + VP_STOCK)->i;
	bool deny = strcmp(db_at(vars, i, col + VP_POLICY)->s, "deny") == 0;
	const char *cls = "in-stock", *text = "In stock";
	if (variant_picker_sold_out(vars, col, i))
		cls = "sold-out", text = "Sold out";
	else if (deny && stock <= 5)
		cls = "low-stock", text = arena_printf(r->arena, "Only %lld left", stock);
	else if (stock <= 0)
		text = "Available to order";
	tmpl_set(o, "STOCK_CLASS", cls);
	tmpl_set(o, "STOCK", text);
}

tmpl_dict *variant_picker_add(struct req *r, tmpl_dict *card, const char *form, const struct db_res *vars,
			      size_t col, size_t first, size_t n, const char *legend, const char *select_id)
{
	long long open = -1;
	for (size_t i = first; i < first + n; i++)
		if (!variant_picker_sold_out(vars, col, i) &&
		    (open < 0 || db_at(vars, i, col + VP_PRICE)->i < db_at(vars, (size_t)open, col + VP_PRICE)->i))
			open = (long long)i;
	if (open < 0)
		return NULL;
	tmpl_dict *buy = tmpl_add(card, form);
	tmpl_dict *d = tmpl_include(buy, "PICKER", "variant_picker.tpl");
	if (n == 1) {
		tmpl_set_int(tmpl_add(d, "PICKER_SINGLE"), "ID", db_at(vars, (size_t)open, col + VP_ID)->i);
		return buy;
	}
	tmpl_dict *list = tmpl_add(d, n > VARIANT_PICKER_MAX_BUTTONS ? "PICKER_SELECT" : "PICKER_BUTTONS");
	tmpl_set(list, "PICKER_LEGEND", *legend ? legend : "Option");
	tmpl_set(list, "PICKER_ID", select_id);
	for (size_t i = first; i < first + n; i++) {
		tmpl_dict *o = tmpl_add(list, "BUY_OPTIONS");
		const char *name = variant_picker_name(r, vars, col, i);
		const char *cur = db_at(vars, i, col + VP_CUR)->s;
		long long price = db_at(vars, i, col + VP_PRICE)->i, was = db_at(vars, i, col + VP_WAS)->i;
		tmpl_set_int(o, "ID", db_at(vars, i, col + VP_ID)->i);
		tmpl_set(o, "NAME", *name ? name : "Standard");
		tmpl_set(o, "PRICE", layout_money(r, price, cur));
		if (was > price)
			tmpl_set(tmpl_add(o, "COMPARE_AT"), "WAS", layout_money(r, was, cur));
		variant_picker_stock(r, o, vars, col, i);
		if (variant_picker_sold_out(vars, col, i))
			tmpl_show(o, "SOLD_OUT");
		if ((long long)i == open)
			tmpl_show(o, "SELECTED");
	}
	return buy;
}
