/* csrf_anon.h: CSRF tokens for visitors without a session, checked with no server-side row.
 *
 * A cookieless page cannot carry a session-bound token without creating the session (a write per
 * view) and making the page differ per visitor (uncacheable). Its forms carry instead
 *     HHHHHHHH.<base64url HMAC-SHA256(secret, "anon-csrf" 0 HHHHHHHH 0 action-path)>
 * where HHHHHHHH is the hour (Unix time / 3600, hex): the same for every visitor of the page within
 * the hour, so a shared cache may keep the page. A token outside any form (for a script that builds
 * forms as the page changes: live questions' upvotes) is the page's: scope "anon-csrf-page" over
 * the page's path, good for every path under it. The token is no secret (anyone may GET it); what
 * it proves is that the form was one this shop rendered for that action, recently. The defence
 * against cross-site posts is the browser's: docs/SECURITY.md "Anonymous forms" argues it. */
#ifndef CC_CSRF_ANON_H
#define CC_CSRF_ANON_H
#include <stdbool.h>
#include <stdint.h>
#include "lib/buf.h"

#define CSRF_ANON_LEN 52	/* 8 hex digits, '.', 43 base64url characters */
#define CSRF_ANON_BUCKET_S 3600
/* A form stays good for 3 to 4 hours after the page was rendered (or cached). */
#define CSRF_ANON_BUCKETS_BACK 3

/* What the layout renders in place of a token; csrf_anon_fill replaces each one. Same length. Its
 * '~', which no token has and the autoescaper leaves as it is, is a byte pages seldom hold: the
 * fill finds placeholders by it (a '.', in every price and file name, took a call per dot). */
#define CSRF_ANON_PLACEHOLDER "00000000~csrf-placeholder-filled-in-as-the-page-ends"

/* The token for a form posting to path (no query string) in the bucket holding `now`. */
void csrf_anon_make(const uint8_t secret[32], const char *path, long long now, char out[CSRF_ANON_LEN + 1]);
/* The token of the page at path, good for path and every path under it (never for "/"'s). */
void csrf_anon_make_page(const uint8_t secret[32], const char *path, long long now, char out[CSRF_ANON_LEN + 1]);
/* True when submitted is a token made within the last CSRF_ANON_BUCKETS_BACK hours for path, or a
 * page's token for path or a path above it. */
bool csrf_anon_check(const uint8_t secret[32], const char *path, const char *submitted, long long now);
/* Replaces every placeholder in the page: with session_csrf when the visitor has a session, else
 * with the anonymous token for the action of the <form> it sits in (the page's token when it sits
 * in none, or its form names no local action). Returns false, leaving the page alone, when it holds no placeholder. */
bool csrf_anon_fill(struct buf *page, const uint8_t secret[32], const char *session_csrf,
		    const char *page_path, long long now);

#endif
