/* media_from.h: the "from" parameter naming the video or ad a product page was reached from
 * (?from=video.12, ?from=ad.spring-sale), so the page's add-to-cart goes through that medium's own
 * cart route and the sale is counted for it. Pure functions, unit-tested. */
#ifndef CC_MEDIA_FROM_H
#define CC_MEDIA_FROM_H
#include <stdbool.h>

#define MEDIA_FROM_MAX 70	/* "ad." and a slug of at most 64 characters, with room */

struct media_from {
	long long video_id;	/* > 0: a video */
	const char *ad_slug;	/* else, when not NULL: an ad's slug, pointing into the parsed text */
};

/* Reads "video.<id>" (1 to 18 digits, not 0) or "ad.<slug>" (1 to 64 of a-z, 0-9, '-'). False for
 * anything else (NULL, empty, unknown kinds, bad ids or slugs), with *out cleared. Whether the
 * medium exists and holds the product is the caller's question for the database. */
bool media_from_parse(const char *s, struct media_from *out);

#endif
