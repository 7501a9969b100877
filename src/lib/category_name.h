/* category_name.h: a product's category from what an import or the editor gives: a product type
 * ("Desk Accessories") or a Google product category path ("Home & Garden > Decor > Vases"), named
 * by its last segment and addressed by a slug (/c/{slug}). Pure, no I/O. */
#ifndef CC_CATEGORY_NAME_H
#define CC_CATEGORY_NAME_H
#include <stddef.h>
#include "lib/arena.h"

#define CATEGORY_NAME_MAX 120
#define CATEGORY_SLUG_MAX 64

/* The last " > " segment, trimmed, at most CATEGORY_NAME_MAX bytes cut at a character boundary
 * ("" when there is none). */
const char *category_name(struct arena *a, const char *type);
/* Lowercase ASCII letters and digits, every other run of characters one '-', none at either end,
 * at most CATEGORY_SLUG_MAX bytes ("Home & Garden" -> "home-garden"); "" when nothing is left. */
const char *category_slug(struct arena *a, const char *name);

#endif
