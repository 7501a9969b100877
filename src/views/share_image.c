/* share_image.c: the picture of a shared link, made absolute (see share_image.h). */
#include <string.h>
#include "views/image_view.h"
#include "views/share_image.h"

const char *share_image_url(struct req *r, const char *base, const char *src)
{
	if (!src || !*src)
		return NULL;
	/* an uploaded or fetched picture (a reference "@key..."): its 1200x630 rendition, once made */
	if (src[0] == '@')
		return image_view_share_url(r->arena, src);
	if (strncmp(src, "https://", 8) == 0 || strncmp(src, "http://", 7) == 0)
		return src;
	/* "//host/x" is another site's, scheme-relative: not ours to name. */
	if (src[0] == '/' && src[1] != '/' && base && *base)
		return arena_concat(r->arena, base, src, (char *)NULL);
	return NULL;
}
