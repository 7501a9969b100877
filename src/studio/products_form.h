/* products_form.h: the product editor's form as strings (what the page shows and the browser
 * sends back), filled from the database or from a submitted form, and turned into a product. */
#ifndef CC_STUDIO_PRODUCTS_FORM_H
#define CC_STUDIO_PRODUCTS_FORM_H
#include "domain/catalog/product.h"
#include "studio/products.h"

/* Rows beyond the product's own, so a variant or image can be added without JavaScript; "save
 * and add more rows" asks for the larger number. */
#define PF_BLANK_VARIANTS 3
#define PF_BLANK_IMAGES 2
#define PF_MORE_VARIANTS 20
#define PF_MORE_IMAGES 5
/* What a product may have (Shopify's 100 variants, our 20 images); the form never shows more rows. */
#define PF_MAX_VARIANT_ROWS PRODUCT_MAX_VARIANTS
#define PF_MAX_IMAGE_ROWS PRODUCT_MAX_IMAGES
/* Rows a request may carry: beyond the product's limit, so that a 101st variant gets a clear 422
 * from product_check rather than a bare 400; beyond this, the request is not from our form. */
#define PF_ACCEPT_VARIANT_ROWS (PF_MAX_VARIANT_ROWS + 20)
#define PF_ACCEPT_IMAGE_ROWS (PF_MAX_IMAGE_ROWS + 10)
/* Form pairs the editor's routes accept: 10 per variant row, 3 per image row, 12 others. */
#define PF_MAX_FIELDS (PF_ACCEPT_VARIANT_ROWS * 10 + PF_ACCEPT_IMAGE_ROWS * 3 + 20)

struct pf_row {
	const char *id, *opt[PRODUCT_MAX_OPTIONS], *sku, *barcode, *price, *compare, *stock, *policy;
};

struct pf_img {
	const char *url, *alt;
	const char *ref;	/* its image reference (IMAGE_REF_SQL) when loaded, for the thumbnail; else NULL */
	const char *refusal;	/* an upload the worker refused: why ("" otherwise) */
};

struct product_form {
	long long id;			/* 0 for a new product */
	const char *status, *handle;
	const char *title, *description, *type, *vendor, *tags, *opt_name[PRODUCT_MAX_OPTIONS];
	struct pf_row rows[PF_ACCEPT_VARIANT_ROWS];
	size_t nrows;
	struct pf_img imgs[PF_ACCEPT_IMAGE_ROWS];
	size_t nimgs;
	bool more;			/* show PF_MORE_* blank rows */
};

/* false with *st what to answer: REQ_DONE with a 404 (not the brand's product) or 409 made, or a
 * database failure. */
bool pf_load(struct req *r, const struct acting_brand *b, long long id, struct product_form *f, int *st);
/* false (400 made) if the browser sent more rows than the form ever shows. */
bool pf_from_request(struct req *r, struct product_form *f);
/* Parses prices and stock and checks every rule; false with every problem in ps, each named by
 * its row of the form ("variants[3].price" is the form's fourth row), in the form's order. */
bool pf_to_input(struct req *r, const struct acting_brand *b, const struct product_form *f, struct product_input *in,
		 struct product_problems *ps);
/* A field named by its place among the kept variants or images, renamed by its row of the form. */
const char *pf_form_field(struct req *r, const struct product_form *f, const char *field);
/* The editor page; problems may be NULL. */
void pf_render(struct req *r, const struct acting_brand *b, const struct product_form *f, int status,
	       const struct product_problems *problems, bool saved);

#endif
