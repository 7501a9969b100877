/* image_fetch.h: GET an imported picture's URL for the pipeline, through the same guard as every
 * outbound call (outbound.h: the host's addresses checked by netcheck and pinned, no redirect,
 * no proxy, short timeouts) with the picture's byte limit. */
#ifndef CC_IMAGE_FETCH_H
#define CC_IMAGE_FETCH_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define IMAGE_FETCH_ERR_LEN 200	/* image_fetches.error holds 255 */

struct image_fetched {
	uint8_t *data;	/* malloc'd; free() it */
	size_t len;
};

/* Fetches url (http or https) with allow (CIDRs let through despite netcheck, "" for none).
 * False with err set: not a URL we fetch, an address refused, an answer other than 200, a body
 * over IMAGE_MAX_BYTES, a timeout. *permanent when trying again cannot help (refused, too big,
 * not found). */
bool image_fetch(const char *url, const char *allow, struct image_fetched *out, bool *permanent,
		 char err[IMAGE_FETCH_ERR_LEN]);

#endif
