/* gzip_page.h: the gzip form of a kept page (layout.h) without compressing its kept parts on every
 * view. A kept page's head markup and content are deflated once, when the page is kept, each on its
 * own (no back-reference before its start, ending byte-aligned on a sync flush); a view then
 * deflates only the few KB of layout around them and joins the streams into one gzip member, the
 * CRC-32 of the whole made from the parts' (crc32_combine). And since every visitor without a
 * session sees a kept page alike (csrf_anon.h: the forms' tokens change by the hour), the worker
 * also remembers the last answer of each kept page, its ETag and gzip form: a view whose page is
 * byte for byte that one (compared, not hashed) reuses both and deflates nothing. lighttpd's and
 * Apache's mod_deflate leave an answer that has a Content-Encoding alone, so it is compressed once. */
#ifndef CC_GZIP_PAGE_H
#define CC_GZIP_PAGE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/buf.h"
#include "web/http.h"

/* A kept part of a page: its bytes as the page holds them, and their raw deflate alone. */
struct gzip_piece {
	const char *plain;
	size_t len;
	const uint8_t *z;	/* ends in a sync flush: byte-aligned, no final block */
	size_t zlen;
	uint32_t crc;	/* CRC-32 of plain */
};

#define GZIP_PAGE_PIECES 2	/* a kept page's head markup, then its content */
#define GZIP_PAGE_KEY_MAX 200	/* as a kept page's (FRAGMENT_KEY_MAX) */
#define GZIP_PAGE_ETAG_MAX 48

struct gzip_page_last;

/* What the dispatcher knows of a kept page's compressed parts (req.gzip). */
struct gzip_page {
	const char *key;	/* the kept page's (layout_keep) */
	struct gzip_piece piece[GZIP_PAGE_PIECES];
	size_t n;
	size_t at[GZIP_PAGE_PIECES];	/* where each piece sits in the body (gzip_page_choose) */
	const struct gzip_page_last *last;	/* this worker's last answer of the page, when this one is it */
	struct buf plain;	/* the body before gzip_page_encode replaced it */
};

/* True when an Accept-Encoding value accepts gzip: "gzip" or "x-gzip" with a q above 0, or "*"
 * with a q above 0 when gzip is not named (RFC 9110 12.5.3; "gzip;q=0" refuses it). */
bool gzip_page_accepts(const char *accept_encoding);

/* Deflates plain (len bytes) on its own into out, in arena a. */
void gzip_page_piece(struct arena *a, const char *plain, size_t len, struct gzip_piece *out);

/* The pieces of a kept page serialised for the page cache, and read back with their plain bytes
 * (the kept head and content, in that order; either may be empty). False when blob is not one. */
void gzip_page_save(struct buf *out, const struct gzip_page *g);
bool gzip_page_load(const void *blob, size_t blob_len, const char *const plain[], const size_t len[],
		    struct gzip_page *g, size_t n);

/* One gzip member of body (len bytes): the pieces of g, found at g->at in that order, joined
 * with the deflated bytes around them. */
void gzip_page_build(struct arena *a, const char *body, size_t len, const struct gzip_page *g, struct buf *out);

/* The dispatcher's two steps around cache_headers_apply: choose, for a GET answered 200 with a
 * kept page (r->gzip), tells caches the answer varies with Accept-Encoding, hands cache_headers
 * the remembered ETag (r->etag) when the page is the last answer, and, when the request accepts
 * gzip and the page is the last answer or each piece is in the body as kept (a form's CSRF token
 * filled in after would change it), sets r->content_encoding ("gzip", which also names the ETag);
 * encode then replaces the body with its gzip form unless the answer became a 304, and remembers
 * the answer. HEAD and every other page are left alone. */
void gzip_page_choose(struct req *r);
void gzip_page_encode(struct req *r);

#endif
