/* variant_picker.h: the variant picker of a buy form outside the product page (a video's cards):
 * one radio button per variant with its name, price and stock, a <select> past a dozen, a hidden
 * field when there is only one; sold-out ones shown, disabled. Markup: templates/variant_picker.tpl,
 * the product page's picker (same classes, so variant_picker.js and the styles apply to both). */
#ifndef CC_VARIANT_PICKER_H
#define CC_VARIANT_PICKER_H
#include <stdbool.h>
#include <stddef.h>
#include "web/http.h"

#define VARIANT_PICKER_MAX_BUTTONS 12

/* The variant columns, from column `col` of each row: option1, option2, option3, price,
 * compare-at price (0: none), currency, stock, inventory_policy, id. */
#define VARIANT_PICKER_COLS \
	"va.option1, va.option2, va.option3, va.price, COALESCE(va.compare_at_price, 0), va.currency," \
	" va.stock, va.inventory_policy, va.id"
#define VARIANT_PICKER_TYPES "sssiisisi"

/* When one of rows [first, first + n) of `vars` can be bought: adds section `form` to `card`,
 * includes the picker as PICKER in it, opening on the cheapest buyable variant, and returns the
 * section; else NULL (the caller shows its sold-out mark). `legend` names the options
 * ("Size / Colour", "" for "Option"); `select_id` is the id a <select> takes, unique on the page. */
tmpl_dict *variant_picker_add(struct req *r, tmpl_dict *card, const char *form, const struct db_res *vars,
			      size_t col, size_t first, size_t n, const char *legend, const char *select_id);
/* "Large / Moss" for row i (from column col), "" for a product without options. */
const char *variant_picker_name(struct req *r, const struct db_res *vars, size_t col, size_t i);

#endif
