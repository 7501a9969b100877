/* product_store.h: writes a brand's products in one transaction each, keeping the columns
 * denormalised from variants (products.price_min, stock_total, currency) exactly in step. Every
 * statement is scoped to the brand, so no caller can touch another brand's rows. */
#ifndef CC_PRODUCT_STORE_H
#define CC_PRODUCT_STORE_H
#include "domain/catalog/product.h"

/* What a save changes besides the product's own fields. */
enum {
	PRODUCT_SET_FIELDS = 1 << 0,	/* title, description, type, tags, vendor */
	PRODUCT_SET_OPTIONS = 1 << 1,
	PRODUCT_SET_IMAGES = 1 << 2,
	PRODUCT_SET_VARIANTS = 1 << 3,	/* variants with an id are updated, new ones added, others deleted */
	PRODUCT_SET_ALL = 0xf,
	PRODUCT_KEEP_DESCRIPTION = 1 << 4,	/* with PRODUCT_SET_FIELDS: leave the stored description as it is */
};

/* Results besides enum db_status: the product or variant is not this brand's (treat as 404), or
 * a variant id in the input is not one of the product's (422 on that field). */
struct product_result {
	long long id;
	bool missing;
	const char *bad_field;
};

/* New product with a handle made from the title (made unique within the brand). */
enum db_status product_create(struct db *db, struct arena *a, long long brand_id, const char *currency,
			   const char *status, const struct product_input *in, struct product_result *res);
/* status may be NULL (unchanged). */
enum db_status product_update(struct db *db, struct arena *a, long long brand_id, long long product_id,
			   const char *currency, unsigned what, const char *status,
			   const struct product_input *in, struct product_result *res);
enum db_status product_set_status(struct db *db, struct arena *a, long long brand_id, long long product_id, const char *status,
			       struct product_result *res);
enum db_status product_add_variant(struct db *db, struct arena *a, long long brand_id, long long product_id,
				const char *currency, const struct product_variant *v, struct product_result *res);
/* Changes the given fields of one variant (has_* flags) and re-derives its product's totals. */
struct product_variant_patch {
	bool has_price, has_compare, clear_compare, has_stock, has_policy, has_sku;
	long long price, compare_at, stock;
	const char *policy, *sku;
};
enum db_status product_patch_variant(struct db *db, struct arena *a, long long brand_id, long long variant_id,
				  const struct product_variant_patch *p, struct product_result *res);

#endif
