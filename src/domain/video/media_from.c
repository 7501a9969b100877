/* media_from.c: reading the product page's "from" parameter (see media_from.h). */
#include <string.h>
#include "domain/video/media_from.h"

#define SLUG_MAX 64

bool media_from_parse(const char *s, struct media_from *out)
{
	*out = (struct media_from){ 0, NULL };
	if (!s)
		return false;
	if (strncmp(s, "video.", 6) == 0) {
		const char *d = s + 6;
		size_t n = strlen(d);
		if (n == 0 || n > 18 || strspn(d, "0123456789") != n)
			return false;
		long long id = 0;
		for (; *d; d++)
			id = id * 10 + (*d - '0');
		out->video_id = id;
		return id > 0;
	}
	if (strncmp(s, "ad.", 3) == 0) {
		size_t n = strlen(s + 3);
		if (n == 0 || n > SLUG_MAX || strspn(s + 3, "abcdefghijklmnopqrstuvwxyz0123456789-") != n)
			return false;
		out->ad_slug = s + 3;
		return true;
	}
	return false;
}
