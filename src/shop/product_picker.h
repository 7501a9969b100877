/* product_picker.h: the product page's variant picker. A product with one option (or none) gets
 * one group whose choices are its variants, each saying its price and stock; a product with two or
 * three options (Size and Colour) gets a radio group per option, whose chosen values the cart
 * resolves to a variant (cart.c), so the page works without a script; variant_picker.js only
 * follows the choice with price, stock and picture and marks the values that cannot go with it.
 * A colour option is drawn as swatches (lib/colour_swatch.h), or the variant's own picture. A
 * group past a dozen choices is a <select>. Internal to src/shop. */
#ifndef CC_PRODUCT_PICKER_H
#define CC_PRODUCT_PICKER_H
#include "web/http.h"

/* Columns of the product page's variant rows (product.c's q_variants). */
enum product_picker_col {
	PICKER_OPTION1, PICKER_OPTION2, PICKER_OPTION3, PICKER_SKU, PICKER_PRICE, PICKER_COMPARE_AT,
	PICKER_CURRENCY, PICKER_STOCK, PICKER_POLICY, PICKER_ID, PICKER_IMAGE_ID,
};

/* What an add to the cart sent back to the page: the variant it chose (0: none; it opens on
 * that one), a message beside the quantity or beside the picker (NULL: none), and the option
 * values it asked for when they name no variant (so the page keeps them chosen). */
struct product_picker_problem {
	long long variant_id;
	bool short_stock;	/* variant_id was found short of stock: say what is left */
	const char *quantity_message, *picker_message;
	const char *asked[3];
};

/* Fills the picker (PICKER_GROUPS, each with CHOICES or a SELECT), PRICE_LINE, BUY or
 * ALL_SOLD_OUT, the SHORT message, and the VARIANT_DATA the script reads, into the product page's
 * d, from the product's option names `opts` and variant rows `vars`; `imgs` are the gallery rows
 * (a colour swatch may show its variant's picture). */
void product_picker_fill(struct req *r, tmpl_dict *d, const struct db_res *opts, const struct db_res *vars,
			 const struct db_res *imgs, const struct product_picker_problem *problem);

/* The product page of brand slug `brand` and product `handle` with `status`, the picker opening
 * as `problem` says: what an add to the cart answers when it cannot add (cart.c). */
int product_page(struct req *r, const char *brand, const char *handle, int status,
		 const struct product_picker_problem *problem);

#endif
