/* gallery_view.h: the product page's pictures (product.tpl's gallery): a strip of slides that
 * snaps one picture at a time (swipe on a phone, arrow keys once focused, no script needed) and a
 * row of thumbnails that link to each slide. Every picture goes through image_view.h. */
#ifndef CC_GALLERY_VIEW_H
#define CC_GALLERY_VIEW_H
#include "web/http.h"

/* Adds one IMAGES slide per row of imgs (columns: image reference, alt, product_images.id, which
 * a variant's picture names) and, when there is more
 * than one, the THUMBS section with a THUMB per picture. The first slide loads eagerly. */
void gallery_view_fill(struct req *r, tmpl_dict *d, const struct db_res *imgs);

#endif
