/* products.h: the brand studio's catalog pages (products, marketplace settings, API keys): their
 * handlers and the fields their routes declare. */
#ifndef CC_STUDIO_PRODUCTS_H
#define CC_STUDIO_PRODUCTS_H
#include "web/http.h"


int page_products_list(struct req *r);
int page_products_new(struct req *r);
int page_products_create(struct req *r);
int page_products_edit(struct req *r);
int page_products_update(struct req *r);
int page_products_status(struct req *r);
/* product_images.c: a picture uploaded for one of the brand's products (image_upload.h) */
int page_product_image_upload(struct req *r);
int page_marketplace_form(struct req *r);
int page_marketplace_save(struct req *r);
int page_marketplace_product(struct req *r);
int page_api_keys(struct req *r);
int page_api_keys_create(struct req *r);
int page_api_keys_revoke(struct req *r);

#endif
