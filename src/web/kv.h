/* kv.h: key/value lists produced by the query, form and cookie parsers. No I/O, fuzzable. */
#ifndef CC_KV_H
#define CC_KV_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/arena.h"

struct kv {
	const char *key;	/* NUL-terminated, decoded, valid UTF-8 */
	const char *val;
	size_t keylen, vallen;
};

struct kvlist {
	struct kv *items;	/* in input order; repeated keys are kept */
	size_t n;
};

struct kv_limits {
	size_t max_fields;	/* more pairs than this: KV_TOO_MANY */
	size_t max_key;		/* decoded key longer than this (bytes): KV_TOO_LONG */
	size_t max_val;		/* decoded value longer than this (bytes): KV_TOO_LONG */
};

enum kv_err {
	KV_OK = 0,
	KV_BAD_ESCAPE,		/* '%' not followed by two hex digits */
	KV_BAD_UTF8,		/* decoded key or value is not valid UTF-8, or holds a NUL */
	KV_TOO_MANY,
	KV_TOO_LONG,
};

/* application/x-www-form-urlencoded and query strings: '&' separates pairs ("a=1&&b" skips the
 * empty pair), '+' is a space, a key without '=' has the value "". */
enum kv_err kv_parse_form(struct arena *a, const uint8_t *s, size_t n,
			  const struct kv_limits *lim, struct kvlist *out);

/* Cookie header: "a=1; b=2"; whitespace around names and values trimmed, surrounding double
 * quotes removed, no percent-decoding, pairs without '=' skipped. */
enum kv_err kv_parse_cookies(struct arena *a, const uint8_t *s, size_t n,
			     const struct kv_limits *lim, struct kvlist *out);

/* Percent-decode one path segment ('+' stays '+'). Returns KV_OK, KV_BAD_ESCAPE or KV_BAD_UTF8. */
enum kv_err kv_decode_segment(struct arena *a, const char *s, size_t n, char **out, size_t *outlen);

const char *kv_get(const struct kvlist *l, const char *key);	/* first value or NULL */
size_t kv_count(const struct kvlist *l, const char *key);
const char *kv_err_str(enum kv_err e);

#endif
