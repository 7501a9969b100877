/* products_form.h: the product editor's form as strings (what the page shows and the browser
 * sends back), filled from the database or from a submitted form, and turned into a product. */
#ifndef CC_STUDIO_PRODUCTS_FORM_H
#define CC_STUDIO_PRODUCTS_FORM_H
#include "product.h"
#include "products.h"

/* Rows beyond the product's own, so a variant or image can be added without JavaScript. */
#define PF_BLANK_VARIANTS 2
#define PF_BLANK_IMAGES 2
/* The form parser allows 200 fields: 12 variant rows of 10 and 8 image rows of 2 fit with the rest. */
#define PF_MAX_VARIANT_ROWS 12
#define PF_MAX_IMAGE_ROWS 8

struct pf_row {
	const char *id, *opt[PROD_MAX_OPTIONS], *sku, *barcode, *price, *compare, *stock, *policy;
};

struct pf_img {
	const char *url, *alt;
};

struct prod_form {
	long long id;			/* 0 for a new product */
	const char *status, *handle;
	const char *title, *description, *type, *vendor, *tags, *opt_name[PROD_MAX_OPTIONS];
	struct pf_row rows[PF_MAX_VARIANT_ROWS + PF_BLANK_VARIANTS];
	size_t nrows;
	struct pf_img imgs[PF_MAX_IMAGE_ROWS + PF_BLANK_IMAGES];
	size_t nimgs;
};

/* false with a response made (404 if not the brand's product, 503/500). */
bool pf_load(struct req *r, const struct cat_brand *b, long long id, struct prod_form *f);
/* false (400 made) if the browser sent more rows than the form ever shows. */
bool pf_from_request(struct req *r, struct prod_form *f);
/* Parses prices and stock and checks every rule; false with the problem filled. */
bool pf_to_input(struct req *r, const struct cat_brand *b, const struct prod_form *f, struct prod_input *in,
		 struct prod_problem *p);
/* The editor page; problem may be NULL. */
void pf_render(struct req *r, const struct cat_brand *b, const struct prod_form *f, int status,
	       const struct prod_problem *problem, bool saved);

#endif
