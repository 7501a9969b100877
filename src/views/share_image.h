/* share_image.h: the one place that picks the picture a shared link shows (og:image, twitter:image,
 * the JSON-LD image), so that the 1200x630 renditions of the image pipeline replace the originals
 * here and nowhere else. */
#ifndef CC_SHARE_IMAGE_H
#define CC_SHARE_IMAGE_H
#include "web/http.h"

/* The absolute address (under base, "https://shop.example") of the picture for src, the best
 * image the page has (an absolute http(s) URL or a path on this site); NULL when there is none
 * or it is neither. */
const char *share_image_url(struct req *r, const char *base, const char *src);

#endif
