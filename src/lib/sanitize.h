/* sanitize.h: allowlist HTML sanitiser for untrusted rich text (imported product descriptions). */
#ifndef CC_SANITIZE_H
#define CC_SANITIZE_H
#include <stddef.h>
#include "lib/arena.h"

/* Largest input sanitize_html accepts; longer input is cut at this many bytes first. */
#define SANITIZE_MAX_INPUT (256 * 1024)

/* Parses `html` with libxml2's HTML parser and writes back only p, br, ul, ol, li, strong, em,
 * b, i and a (with an http(s) href, given rel="nofollow ugc"); script, style and other
 * active content are dropped with their contents, comments are dropped, every other element is
 * reduced to its text. The result is well-formed, escaped, NUL-terminated UTF-8 in arena `a`
 * ("" for empty or unparseable input). Pure apart from libxml2's own allocations; no I/O. */
const char *sanitize_html(struct arena *a, const char *html, size_t len, size_t *outlen);

#endif
