/* product_picker.h: the product's variant picker, on its page and on the cards that add it to
 * the cart without leaving (a video's). A product with one option (or none) gets one group whose
 * choices are its variants, each saying its price and stock; a product with two or three options
 * (Size and Colour) gets a radio group per option, whose chosen values the cart resolves to a
 * variant (cart.c), so the picker works without a script; variant_picker.js only follows the
 * choice with price, stock and picture and marks the values that cannot go with it, per form, so
 * several pickers share a page. A colour option is drawn as swatches (lib/colour_swatch.h), or the
 * variant's own picture. A group past a dozen choices is a <select>. Markup:
 * templates/product_picker.tpl, included at {{>PICKER}}. Internal to src/shop. */
#ifndef CC_PRODUCT_PICKER_H
#define CC_PRODUCT_PICKER_H
#include "web/http.h"

/* Columns of a picker's variant rows, in this order (PRODUCT_PICKER_COLS selects them from
 * variants as `va`). */
enum product_picker_col {
	PICKER_OPTION1, PICKER_OPTION2, PICKER_OPTION3, PICKER_SKU, PICKER_PRICE, PICKER_COMPARE_AT,
	PICKER_CURRENCY, PICKER_STOCK, PICKER_POLICY, PICKER_ID, PICKER_IMAGE_ID, PICKER_NCOLS,
};
#define PRODUCT_PICKER_COLS \
	"va.option1, va.option2, va.option3, va.sku, va.price, COALESCE(va.compare_at_price, 0), va.currency," \
	" va.stock, va.inventory_policy, va.id, COALESCE(va.image_id, 0)"
#define PRODUCT_PICKER_TYPES "ssssiisisii"

/* What an add to the cart sent back to the page: the variant it chose (0: none; it opens on
 * that one), a message beside the quantity or beside the picker (NULL: none), and the option
 * values it asked for when they name no variant (so the page keeps them chosen). */
struct product_picker_problem {
	long long variant_id;
	bool short_stock;	/* variant_id was found short of stock: say what is left */
	const char *quantity_message, *picker_message;
	const char *asked[3];
};

/* Fills the picker (included at PICKER in the BUY section) or ALL_SOLD_OUT, PRICE_LINE, the SHORT
 * message, and the VARIANT_DATA the script reads, into the product page's d, from product
 * `product_id`'s option names `opts` and variant rows `vars`; `imgs` are the gallery rows (a
 * colour swatch may show its variant's picture). */
void product_picker_fill(struct req *r, tmpl_dict *d, long long product_id, const struct db_res *opts,
			 const struct db_res *vars, const struct db_res *imgs, const struct product_picker_problem *problem);

/* A card's picker: when one of `vars` (product_picker_col rows of product `product_id`, whose
 * option names are `opts`) can be bought, adds section `form` to `card`, includes the picker at
 * PICKER in it and returns the section; else NULL (the card shows its sold-out mark). Every id
 * in it starts with `id_prefix` ("tag-2-"), unique on the page. A single variant is a hidden
 * field. `problem` (NULL: none) is what an add from this card was refused with: its message is
 * said beside the picker, its choice kept. No query: the caller reads every card's rows at once. */
tmpl_dict *product_picker_card_add(struct req *r, tmpl_dict *card, const char *form, const char *id_prefix,
				   long long product_id, const struct db_res *opts, const struct db_res *vars,
				   const struct product_picker_problem *problem);

/* The product page of brand slug `brand` and product `handle` with `status`, the picker opening
 * as `problem` says: what an add to the cart answers when it cannot add (cart.c). */
int product_page(struct req *r, const char *brand, const char *handle, int status,
		 const struct product_picker_problem *problem);

#endif
