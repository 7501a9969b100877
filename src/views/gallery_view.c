/* gallery_view.c: slides and thumbnails of the product page (gallery_view.h). */
#include "views/gallery_view.h"
#include "views/image_view.h"

void gallery_view_fill(struct req *r, tmpl_dict *d, const struct db_res *imgs)
{
	for (size_t i = 0; i < imgs->nrows; i++) {
		tmpl_dict *s = tmpl_add(d, "IMAGES");
		tmpl_set_int(s, "N", (long long)i + 1);
		tmpl_set_int(s, "IMAGE_ID", db_at(imgs, i, 2)->i);
		image_view_fill(r, s, "IMAGE", db_at(imgs, i, 0)->s, db_at(imgs, i, 1)->s, IMAGE_SLOT_MAIN, i == 0);
	}
	if (imgs->nrows < 2)
		return;
	tmpl_dict *t = tmpl_add(d, "THUMBS");
	for (size_t i = 0; i < imgs->nrows; i++) {
		tmpl_dict *th = tmpl_add(t, "THUMB");
		tmpl_set_int(th, "N", (long long)i + 1);
		tmpl_set_int(th, "COUNT", (long long)imgs->nrows);
		/* the link says which picture it opens; the thumbnail itself is decoration */
		image_view_fill(r, th, "IMAGE", db_at(imgs, i, 0)->s, "", IMAGE_SLOT_THUMB, true);
	}
}
