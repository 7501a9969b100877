/* api_products.h: what the product and variant resources share: reads and request parsing. */
#ifndef CC_API_PRODUCTS_H
#define CC_API_PRODUCTS_H
#include "api/api.h"
#include "domain/catalog/product.h"

extern const struct db_stmt api_q_products;	/* brand, after id, updated since, status x2, limit */
extern const struct db_stmt api_q_product;	/* id, brand */
extern const struct db_stmt api_q_variant;	/* id, brand */

/* The page's products as JSON objects with their options, images and variants. */
enum db_status api_products_json(struct req *r, long long brand_id, const struct db_res *p, json_t **out);
json_t *api_variant_json(struct req *r, const struct db_res *v, size_t i);
/* One product by id, as JSON; *out stays NULL when it is not the brand's. */
enum db_status api_product_by_id(struct req *r, long long brand_id, long long id, json_t **out);

/* A variant object from a request body; false with problem filled (field names as the API's). */
bool api_parse_variant(struct req *r, json_t *o, const char *currency, const char *prefix,
		       struct product_variant *v, struct product_problem *p);
/* Product fields present in o into in (absent ones keep their value); images replace all when
 * given (*images_set). false with problem filled. */
bool api_parse_fields(struct req *r, json_t *o, struct product_input *in, const char **status, bool *images_set,
		      struct product_problem *p);

#endif
