/* product_picker.c: the product's variant picker (product_picker.tpl), on its page (product.tpl) and on
 * cards (product_picker.h). */
#include <string.h>
#include "shop/product_picker.h"
#include "lib/buf.h"
#include "lib/colour_swatch.h"
#include "lib/json_script.h"
#include "lib/utf8.h"
#include "views/image_view.h"
#include "web/layout.h"

#define LOW_STOCK 5
/* Past this many choices a group is a <select>: a dozen buttons still fit a phone's screen. */
#define PICKER_MAX_BUTTONS 12
#define PICKER_MAX_OPTIONS 3

static const char *cell(const struct db_res *vars, size_t i, int col)
{
	return db_at(vars, i, col)->s;
}

static long long num(const struct db_res *vars, size_t i, int col)
{
	return db_at(vars, i, col)->i;
}

static bool sold_out(const struct db_res *vars, size_t i)
{
	return num(vars, i, PICKER_STOCK) <= 0 && strcmp(cell(vars, i, PICKER_POLICY), "deny") == 0;
}

/* The words and class of a variant's stock, for its choice and for the script. */
static const char *stock_words(struct req *r, const struct db_res *vars, size_t i, const char **class)
{
	long long stock = num(vars, i, PICKER_STOCK);
	*class = stock > LOW_STOCK ? "in-stock" : stock > 0 ? "low-stock" : sold_out(vars, i) ? "sold-out" : "in-stock";
	if (stock > LOW_STOCK)
		return "In stock";
	if (stock > 0) {	/* appended: a low stock is said by its choice and again in the script's data */
		struct buf b;
		buf_init(&b, r->arena, 32);
		buf_puts(&b, "Only ");
		buf_put_ulong(&b, (unsigned long long)stock);
		buf_puts(&b, " left");
		return buf_cstr(&b);
	}
	return sold_out(vars, i) ? "Sold out" : "Available to order";
}

static void stock_state(struct req *r, tmpl_dict *v, const struct db_res *vars, size_t i)
{
	const char *class, *words = stock_words(r, vars, i, &class);
	tmpl_setn_borrowed(v, "STOCK_CLASS", class, strlen(class));	/* literals, or the request's arena */
	tmpl_setn_borrowed(v, "STOCK", words, strlen(words));
}

/* "Large / Moss": appended from the row's lengths, as every choice of a card's picker has one. */
static const char *variant_name(struct req *r, const struct db_res *vars, size_t i)
{
	const struct db_val *a = db_at(vars, i, PICKER_OPTION1), *b = db_at(vars, i, PICKER_OPTION2);
	const struct db_val *c = db_at(vars, i, PICKER_OPTION3);
	if (!b->len && !c->len)
		return a->s;	/* the common case, a single option: the row's own text */
	struct buf n;
	buf_init(&n, r->arena, a->len + b->len + c->len + 7);
	buf_put(&n, a->s, a->len);
	if (b->len) {
		buf_put(&n, " / ", 3);
		buf_put(&n, b->s, b->len);
	}
	if (c->len) {
		buf_put(&n, " / ", 3);
		buf_put(&n, c->s, c->len);
	}
	return buf_cstr(&n);
}

/* An add found the chosen variant short of stock (?short=, cart.c): what is left, said beside the
 * quantity, so the shopper can change it and add again. */
static const char *short_message(struct req *r, const struct db_res *vars, size_t i)
{
	long long left = num(vars, i, PICKER_STOCK);
	const char *name = variant_name(r, vars, i);
	return left > 0 ? arena_printf(r->arena, "Only %lld left%s%s: choose %lld or fewer.", left, *name ? " of " : "", name, left)
			: arena_printf(r->arena, "%s has just sold out: choose another option.", *name ? name : "This option");
}

/* The variant the page opens on: the one an add sent back, else the cheapest that can be
 * bought, the price the product's card shows. -1 when none can be bought. */
static long long opening_variant(const struct db_res *vars, long long want)
{
	long long best = -1;
	for (size_t i = 0; i < vars->nrows; i++) {
		if (want && num(vars, i, PICKER_ID) == want)
			return (long long)i;
		if (!sold_out(vars, i) && (best < 0 || num(vars, i, PICKER_PRICE) < num(vars, (size_t)best, PICKER_PRICE)))
			best = (long long)i;
	}
	return best;
}

/* The price line above the picker: the opening variant's price, "from" the lowest when they differ. */
static void price_line(struct req *r, tmpl_dict *d, const struct db_res *vars, long long open)
{
	if (open < 0 || !vars->nrows)
		return;
	long long low = num(vars, (size_t)open, PICKER_PRICE);
	bool differ = false;
	for (size_t i = 0; i < vars->nrows; i++)
		differ |= num(vars, i, PICKER_PRICE) != low;
	const char *shown = layout_money(r, low, cell(vars, (size_t)open, PICKER_CURRENCY));
	tmpl_set(d, "PRICE_LINE", differ ? arena_concat(r->arena, "from ", shown, (char *)NULL) : shown);
}

/* A colour choice's chip: the variant's own picture when it has one, else the table's colour;
 * a colour the table does not know is left as its words. */
static void swatch(struct req *r, tmpl_dict *o, const char *colour, long long image_id, const struct db_res *imgs)
{
	for (size_t k = 0; image_id && k < imgs->nrows; k++)
		if (db_at(imgs, k, 2)->i == image_id) {
			tmpl_dict *s = tmpl_add(o, "SWATCH");
			tmpl_set(s, "CLASS", "swatch-picture");
			image_view_fill(r, s, "SWATCH_PICTURE", db_at(imgs, k, 0)->s, "", IMAGE_SLOT_CHIP, false);
			return;
		}
	const char *class = colour_swatch_class(colour);
	if (class)	/* the table's own words */
		tmpl_setn_borrowed(tmpl_add(o, "SWATCH"), "CLASS", class, strlen(class));
}

/* A group's fieldset or select id: the prefix, then "variant" or "option2". */
static const char *field_id(struct req *r, const char *prefix, const char *input, size_t input_len)
{
	if (!*prefix)
		return input;
	size_t n = strlen(prefix);
	struct buf id;
	buf_init(&id, r->arena, n + input_len + 1);
	buf_put(&id, prefix, n);
	buf_put(&id, input, input_len);
	return buf_cstr(&id);
}

/* A group draws its choices as buttons or, past a dozen, as a <select> (product_picker.tpl): each
 * reads some of a choice's values and none of the others (a button its NAME, stock, compare-at
 * price and swatch; an option its LABEL), so only those are made and set. */
static bool as_buttons(size_t choices)
{
	return choices <= PICKER_MAX_BUTTONS;
}

/* One choice per variant: a product with a single option (or none). */
static void variant_group(struct req *r, tmpl_dict *d, const char *prefix, const struct db_res *opts,
			  const struct db_res *vars, const struct db_res *imgs, long long open, bool invalid)
{
	const char *legend = opts->nrows ? db_at(opts, 0, 0)->s : "";
	for (size_t i = 1; i < opts->nrows && i < PICKER_MAX_OPTIONS; i++)
		legend = arena_concat(r->arena, legend, " / ", db_at(opts, i, 0)->s, (char *)NULL);
	bool colours = opts->nrows == 1 && colour_swatch_option(db_at(opts, 0, 0)->s);
	bool buttons = as_buttons(vars->nrows);
	tmpl_dict *g = tmpl_add(d, "PICKER_GROUPS");
	if (!*legend)
		legend = "Option";
	/* the rows, literals and the request's arena all outlive the page's dictionary */
	tmpl_setn_borrowed(g, "LEGEND", legend, strlen(legend));
	tmpl_setn_borrowed(g, "INPUT", "variant", 7);
	const char *id = field_id(r, prefix, "variant", 7);
	tmpl_setn_borrowed(g, "FIELD_ID", id, strlen(id));
	if (invalid)
		tmpl_show(g, "INVALID");
	for (size_t i = 0; i < vars->nrows; i++) {
		tmpl_dict *o = tmpl_add(g, "CHOICES");
		const char *name = variant_name(r, vars, i), *cur = cell(vars, i, PICKER_CURRENCY);
		long long price = num(vars, i, PICKER_PRICE), was = num(vars, i, PICKER_COMPARE_AT);
		tmpl_set_int(o, "VALUE", num(vars, i, PICKER_ID));
		/* the gallery brings this variant's own picture into view when it is chosen (gallery.js) */
		if (num(vars, i, PICKER_IMAGE_ID))
			tmpl_set_int(tmpl_add(o, "PICTURE"), "IMAGE_ID", num(vars, i, PICKER_IMAGE_ID));
		tmpl_dict *p = tmpl_add(o, "PRICED");
		const char *shown = layout_money(r, price, cur);
		tmpl_setn_borrowed(p, "PRICE", shown, strlen(shown));
		if (buttons) {
			if (!*name)
				name = "Standard";
			tmpl_setn_borrowed(o, "NAME", name, strlen(name));	/* the row's text or the request's arena */
			if (was > price) {
				const char *shown_was = layout_money(r, was, cur);
				tmpl_setn_borrowed(tmpl_add(p, "COMPARE_AT"), "WAS", shown_was, strlen(shown_was));
			}
			stock_state(r, p, vars, i);
			if (colours)
				swatch(r, o, name, num(vars, i, PICKER_IMAGE_ID), imgs);
		} else {
			tmpl_set(o, "LABEL", arena_concat(r->arena, name, *name ? " — " : "", shown, (char *)NULL));
		}
		if (sold_out(vars, i))
			tmpl_show(o, "SOLD_OUT");
		if ((long long)i == open)
			tmpl_show(o, "SELECTED");
	}
	tmpl_show(g, buttons ? "BUTTONS" : "SELECT");
}

/* The input names of the option groups, by column. */
static const char *const option_inputs[PICKER_MAX_OPTIONS] = { "option1", "option2", "option3" };

/* One group per option (Size, Colour): each value once, in the order the variants bring them,
 * disabled when no variant that can be bought has it. The chosen value is the one asked for, if
 * the group has it, else the opening variant's. */
static void option_group(struct req *r, tmpl_dict *d, const char *prefix, const char *option, int col,
			 const struct db_res *vars, const struct db_res *imgs, long long open, const char *asked, bool invalid)
{
	/* the row each value first appears in: the values are known, and so whether they are
	 * buttons, before any is set */
	size_t *first = arena_alloc(r->arena, (vars->nrows + 1) * sizeof *first);
	size_t nseen = 0;
	for (size_t i = 0; i < vars->nrows; i++) {
		const struct db_val *value = db_at(vars, i, col);
		bool dup = !value->len;
		for (size_t k = 0; k < nseen && !dup; k++) {
			const struct db_val *seen = db_at(vars, first[k], col);
			dup = seen->len == value->len && memcmp(seen->s, value->s, value->len) == 0;
		}
		if (!dup)
			first[nseen++] = i;
	}
	if (!nseen)
		return;
	bool colours = colour_swatch_option(option);
	bool asked_here = false;
	for (size_t i = 0; asked && i < vars->nrows; i++)
		asked_here |= strcmp(cell(vars, i, col), asked) == 0;
	const char *chosen = asked_here ? asked : open >= 0 ? cell(vars, (size_t)open, col) : "";
	bool buttons = as_buttons(nseen);
	const char *input = option_inputs[col - PICKER_OPTION1];
	tmpl_dict *g = tmpl_add(d, "PICKER_GROUPS");
	tmpl_setn_borrowed(g, "LEGEND", option, strlen(option));
	tmpl_setn_borrowed(g, "INPUT", input, 7);
	const char *id = field_id(r, prefix, input, 7);
	tmpl_setn_borrowed(g, "FIELD_ID", id, strlen(id));
	if (invalid)
		tmpl_show(g, "INVALID");
	for (size_t k = 0; k < nseen; k++) {
		size_t i = first[k];
		const struct db_val *v = db_at(vars, i, col);
		const char *value = v->s;
		tmpl_dict *o = tmpl_add(g, "CHOICES");
		/* the rows outlive the page's dictionary (db_query_cached, or the request's arena) */
		tmpl_setn_borrowed(o, "VALUE", value, v->len);
		tmpl_setn_borrowed(o, buttons ? "NAME" : "LABEL", value, v->len);
		bool any = false;
		long long picture = 0;
		for (size_t j = i; j < vars->nrows; j++)
			if (strcmp(cell(vars, j, col), value) == 0) {
				any |= !sold_out(vars, j);
				if (!picture)
					picture = num(vars, j, PICKER_IMAGE_ID);
			}
		if (colours && buttons)
			swatch(r, o, value, picture, imgs);
		if (!any)
			tmpl_show(o, "SOLD_OUT");
		if (strcmp(value, chosen) == 0)
			tmpl_show(o, "SELECTED");
	}
	tmpl_show(g, buttons ? "BUTTONS" : "SELECT");
}

/* A JSON string of s onto b; false, writing nothing, when s is not UTF-8 (json_pack refused it). */
static bool json_text(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	if (!utf8_valid((const uint8_t *)s, n))
		return false;
	json_script_string(b, s, n);
	return true;
}

/* Text this file made, which has no byte JSON or json_script.h escapes (a price as money_format
 * writes it, the stock's words, a class name), quoted as it is. */
static void json_plain(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	buf_puts(b, s);
	buf_putc(b, '"');
}

static void json_int(struct buf *b, long long v)
{
	if (v < 0)
		buf_putc(b, '-');
	buf_put_ulong(b, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
}

/* What variant_picker.js needs to follow the choice: each variant's values, price, stock words,
 * whether it can be bought, and its picture. Written as text, with json_script.h's escaping:
 * a tree built, dumped and freed per card was a third of a video page's view. A variant whose
 * text is not UTF-8 leaves the data out, the picker then working as without JavaScript. */
static void variant_data(struct req *r, tmpl_dict *d, const struct db_res *vars)
{
	struct buf b;
	buf_init(&b, r->arena, 128 * (vars->nrows + 1));
	buf_putc(&b, '[');
	for (size_t i = 0; i < vars->nrows; i++) {
		const char *class, *words = stock_words(r, vars, i, &class);
		buf_puts(&b, i ? ",{\"id\":" : "{\"id\":");
		json_int(&b, num(vars, i, PICKER_ID));
		buf_puts(&b, ",\"options\":[");
		bool ok = json_text(&b, cell(vars, i, PICKER_OPTION1));
		buf_putc(&b, ',');
		ok = ok && json_text(&b, cell(vars, i, PICKER_OPTION2));
		buf_putc(&b, ',');
		ok = ok && json_text(&b, cell(vars, i, PICKER_OPTION3));
		buf_puts(&b, "],\"price\":");
		json_plain(&b, layout_money(r, num(vars, i, PICKER_PRICE), cell(vars, i, PICKER_CURRENCY)));
		buf_puts(&b, ",\"stock\":");
		json_plain(&b, words);
		buf_puts(&b, ",\"stock_class\":");
		json_plain(&b, class);
		buf_puts(&b, sold_out(vars, i) ? ",\"buyable\":false,\"picture\":" : ",\"buyable\":true,\"picture\":");
		json_int(&b, num(vars, i, PICKER_IMAGE_ID));
		buf_putc(&b, '}');
		if (!ok)
			return;
	}
	buf_putc(&b, ']');
	tmpl_setn_borrowed(tmpl_add(d, "VARIANT_DATA"), "SANITISED_VARIANT_JSON", buf_cstr(&b), b.len);
}

static bool any_buyable(const struct db_res *vars)
{
	for (size_t i = 0; i < vars->nrows; i++)
		if (!sold_out(vars, i))
			return true;
	return false;
}

/* The picker's groups, the script's data and the message beside them into pd, the included
 * template's dictionary; every id starts with `prefix`. */
static void picker_groups(struct req *r, tmpl_dict *pd, const char *prefix, long long product_id,
			  const struct db_res *opts, const struct db_res *vars, const struct db_res *imgs, long long open,
			  const struct product_picker_problem *problem, const char *message)
{
	size_t nopts = opts->nrows < PICKER_MAX_OPTIONS ? opts->nrows : PICKER_MAX_OPTIONS;
	bool by_option = nopts >= 2 && vars->nrows >= 2;
	/* read by the message's ids and the script's, not by a group's choices */
	if (*prefix && (message || by_option))
		tmpl_set(pd, "ID_PREFIX", prefix);
	if (!by_option) {
		variant_group(r, pd, prefix, opts, vars, imgs, open, message != NULL);
	} else {
		for (size_t k = 0; k < nopts; k++)
			option_group(r, pd, prefix, db_at(opts, k, 0)->s, PICKER_OPTION1 + (int)k, vars, imgs, open,
				     problem ? problem->asked[k] : NULL, message != NULL);
		tmpl_set_int(tmpl_add(pd, "BY_OPTION"), "PRODUCT_ID", product_id);
		variant_data(r, pd, vars);
	}
	if (message)
		tmpl_set(tmpl_add(pd, "PICKER_ERROR"), "TEXT", message);
}

void product_picker_fill(struct req *r, tmpl_dict *d, long long product_id, const struct db_res *opts,
			 const struct db_res *vars, const struct db_res *imgs, const struct product_picker_problem *problem)
{
	long long open = opening_variant(vars, problem->variant_id);
	if (any_buyable(vars))
		picker_groups(r, tmpl_include(tmpl_add(d, "BUY"), "PICKER", "product_picker.tpl"), "", product_id, opts, vars,
			      imgs, open, problem, problem->picker_message);
	else
		tmpl_show(d, "ALL_SOLD_OUT");
	price_line(r, d, vars, open);
	const char *quantity = problem->quantity_message;
	if (!quantity && problem->short_stock && open >= 0 && num(vars, (size_t)open, PICKER_ID) == problem->variant_id)
		quantity = short_message(r, vars, (size_t)open);
	if (quantity)
		tmpl_set(tmpl_add(d, "SHORT"), "TEXT", quantity);
}

tmpl_dict *product_picker_card_add(struct req *r, tmpl_dict *card, const char *form, const char *id_prefix,
				   long long product_id, const struct db_res *opts, const struct db_res *vars,
				   const struct product_picker_problem *problem)
{
	if (!any_buyable(vars))
		return NULL;
	tmpl_dict *buy = tmpl_add(card, form);
	tmpl_dict *pd = tmpl_include(buy, "PICKER", "product_picker.tpl");
	long long open = opening_variant(vars, problem ? problem->variant_id : 0);
	/* a card has no quantity field of its own: whatever the add was refused for is said here */
	const char *message = problem ? problem->picker_message ? problem->picker_message : problem->quantity_message : NULL;
	if (vars->nrows > 1) {
		/* the swatches of a card are drawn from the colour table: its pictures would cost a query */
		picker_groups(r, pd, id_prefix, product_id, opts, vars, &(struct db_res){ 0 }, open, problem, message);
		return buy;
	}
	tmpl_set_int(tmpl_add(pd, "SINGLE"), "VARIANT_ID", num(vars, 0, PICKER_ID));
	if (message) {
		tmpl_set(pd, "ID_PREFIX", id_prefix);
		tmpl_set(tmpl_add(pd, "PICKER_ERROR"), "TEXT", message);
	}
	return buy;
}
