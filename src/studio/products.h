/* products.h: the brand studio's catalog pages (products, marketplace settings, API keys): their
 * handlers and the fields their routes declare. */
#ifndef CC_STUDIO_PRODUCTS_H
#define CC_STUDIO_PRODUCTS_H
#include "http.h"

/* A positive decimal id from a path parameter, else 0. */
long long cat_id(const char *s);

int page_products_list(struct req *r);
int page_products_new(struct req *r);
int page_products_create(struct req *r);
int page_products_edit(struct req *r);
int page_products_update(struct req *r);
int page_products_status(struct req *r);
int page_marketplace_form(struct req *r);
int page_marketplace_save(struct req *r);
int page_marketplace_product(struct req *r);
int page_api_keys(struct req *r);
int page_api_keys_create(struct req *r);
int page_api_keys_revoke(struct req *r);

extern const struct field products_list_fields[];
extern const struct field products_edit_fields[];
extern const struct field products_form_fields[];
extern const struct field products_status_fields[];
extern const struct field marketplace_fields[];
extern const struct field api_keys_fields[];

#endif
