/* router.c: matches a raw request path against a routing table; table order is precedence. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "web/kv.h"
#include "web/router.h"

/* A "{name}" match before decoding: both halves point into the pattern and the path. */
struct route_capture {
	const char *name, *val;
	size_t namelen, vallen;
};

static const struct {
	unsigned bit;
	const char *name;
} router_methods[] = {
	{HTTP_GET, "GET"},
	{HTTP_HEAD, "HEAD"},
	{HTTP_POST, "POST"},
	{HTTP_PUT, "PUT"},
	{HTTP_DELETE, "DELETE"},
	{HTTP_PATCH, "PATCH"},
	{HTTP_OPTIONS, "OPTIONS"},
};

static size_t router_seglen(const char *s)
{
	size_t i = 0;
	while (s[i] != '\0' && s[i] != '/')
		i++;
	return i;
}

static bool router_dots(const char *s, size_t n)
{
	return (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.');
}

/* Only canonical paths are routed: a handler must never meet "//", "." or ".." segments that
 * a proxy or a file lookup might resolve differently than we did. */
static bool router_path_ok(const char *path)
{
	if (!path || path[0] != '/')
		return false;
	for (const char *p = path + 1;; p++) {
		size_t len = router_seglen(p);
		if (len == 0 && p[len] == '/')
			return false;
		if (router_dots(p, len))
			return false;
		p += len;
		if (*p == '\0')
			return true;
	}
}

/* Structural match only; percent-decoding waits until the method fits, so a 405 costs no
 * allocation. A malformed pattern is a bug in compiled-in code, hence abort(). */
static bool router_match(const char *pat, const char *path, struct route_capture *cap, size_t *ncap)
{
	const char *p = pat + 1, *q = path + 1;

	*ncap = 0;
	if (pat[0] != '/')
		abort();
	for (;;) {
		size_t pl = router_seglen(p), ql = router_seglen(q);
		const char *brace = memchr(p, '{', pl);
		if (!brace) {
			if (pl != ql || memcmp(p, q, pl) != 0)
				return false;
		} else {
			size_t pre = (size_t)(brace - p);
			if (pl - pre < 3 || p[pl - 1] != '}' || *ncap == ROUTE_MAX_PARAMS)
				abort();
			/* ql > pre: an empty parameter never matches. */
			if (ql <= pre || memcmp(p, q, pre) != 0)
				return false;
			cap[*ncap] = (struct route_capture){
				.name = brace + 1, .namelen = pl - pre - 2,
				.val = q + pre, .vallen = ql - pre,
			};
			(*ncap)++;
		}
		if (p[pl] == '\0' || q[ql] == '\0')
			return p[pl] == '\0' && q[ql] == '\0';
		p += pl + 1;
		q += ql + 1;
	}
}

/* GET routes answer HEAD without listing it. */
static unsigned router_effective(unsigned methods)
{
	return methods & HTTP_GET ? methods | HTTP_HEAD : methods;
}

static enum route_result router_decode(struct arena *a, const struct route_capture *cap,
				       size_t ncap, struct route_params *out)
{
	for (size_t k = 0; k < ncap; k++) {
		char *v;
		size_t vlen;
		if (kv_decode_segment(a, cap[k].val, cap[k].vallen, &v, &vlen) != KV_OK)
			return ROUTE_BAD_PATH;
		/* "%2F" or "%2E%2E" would smuggle a path separator or a dot segment past router_path_ok. */
		if (memchr(v, '/', vlen) || router_dots(v, vlen))
			return ROUTE_BAD_PATH;
		out->name[k] = arena_strndup(a, cap[k].name, cap[k].namelen);
		out->val[k] = v;
	}
	out->n = ncap;
	return ROUTE_FOUND;
}

enum route_result router_find(const void *table, size_t n, size_t stride, unsigned method,
			      const char *path, struct arena *a, size_t *index,
			      struct route_params *params, unsigned *allowed)
{
	unsigned allow = 0;

	if (params)
		params->n = 0;
	if (allowed)
		*allowed = 0;
	if (!router_path_ok(path))
		return ROUTE_NOT_FOUND;
	for (size_t i = 0; i < n; i++) {
		const struct route_pattern *r = (const void *)((const char *)table + i * stride);
		struct route_capture cap[ROUTE_MAX_PARAMS];
		struct route_params found = {.n = 0};
		size_t ncap;

		if (!router_match(r->pattern, path, cap, &ncap))
			continue;
		if (!(router_effective(r->methods) & method)) {
			allow |= router_effective(r->methods);
			continue;
		}
		if (router_decode(a, cap, ncap, &found) != ROUTE_FOUND)
			return ROUTE_BAD_PATH;
		if (index)
			*index = i;
		if (params)
			*params = found;
		return ROUTE_FOUND;
	}
	if (!allow)
		return ROUTE_NOT_FOUND;
	if (allowed)
		*allowed = allow;
	return ROUTE_BAD_METHOD;
}

/* Method names are case-sensitive (RFC 9110), so "get" is not GET. */
unsigned router_method(const char *name)
{
	for (size_t i = 0; name && i < sizeof router_methods / sizeof router_methods[0]; i++)
		if (strcmp(name, router_methods[i].name) == 0)
			return router_methods[i].bit;
	return HTTP_OTHER;
}

/* HEAD is listed wherever GET is, since GET routes answer it. A name that does not fit is left
 * out whole rather than cut, and out is always NUL-terminated. */
void router_allow_header(unsigned methods, char *out, size_t outlen)
{
	size_t len = 0;

	if (!out || outlen == 0)
		return;
	out[0] = '\0';
	methods = router_effective(methods);
	for (size_t i = 0; i < sizeof router_methods / sizeof router_methods[0]; i++) {
		if (!(methods & router_methods[i].bit))
			continue;
		const char *sep = len ? ", " : "";
		size_t seplen = strlen(sep), namelen = strlen(router_methods[i].name);
		if (outlen - len <= seplen + namelen)
			break;
		memcpy(out + len, sep, seplen);
		memcpy(out + len + seplen, router_methods[i].name, namelen);
		len += seplen + namelen;
		out[len] = '\0';
	}
}
