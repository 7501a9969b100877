/* kv.c: form, cookie and path-segment parsers; pure, bounded by n, output in the arena. */
#include <string.h>
#include "web/kv.h"
#include "lib/utf8.h"

static const struct kv_limits kv_default_limits = {
	.max_fields = 256,
	.max_key = 256,
	.max_val = 64 * 1024,
};

/* A list under construction. items is sized up front from the separator count, so pushing
 * never reallocates and a huge header costs at most max_fields slots. */
struct kv_build {
	struct kvlist l;
	const struct kv_limits *lim;
};

static int kv_hex(uint8_t c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decoded length of s, measured before anything is allocated so an overlong field costs nothing. */
static enum kv_err kv_measure(const uint8_t *s, size_t n, size_t *len)
{
	size_t out = 0;
	for (size_t i = 0; i < n; i++, out++) {
		if (s[i] != '%')
			continue;
		if (n - i < 3 || kv_hex(s[i + 1]) < 0 || kv_hex(s[i + 2]) < 0)
			return KV_BAD_ESCAPE;
		i += 2;
	}
	*len = out;
	return KV_OK;
}

/* Escapes were checked by kv_measure; len is its result. */
static char *kv_unescape(struct arena *a, const uint8_t *s, size_t n, size_t len, bool plus_space)
{
	char *d = arena_alloc(a, len + 1);
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%') {
			d[j++] = (char)(kv_hex(s[i + 1]) << 4 | kv_hex(s[i + 2]));
			i += 2;
		} else if (plus_space && s[i] == '+') {
			d[j++] = ' ';
		} else {
			d[j++] = (char)s[i];
		}
	}
	d[j] = '\0';
	return d;
}

/* A NUL inside a value would make C-string users see a different value than length users. */
static bool kv_text_ok(const char *d, size_t len)
{
	return memchr(d, '\0', len) == NULL && utf8_valid((const uint8_t *)d, len);
}

/* Turns raw bytes into a checked, NUL-terminated string: percent-decoded if decode is set. */
static enum kv_err kv_text(struct arena *a, const uint8_t *s, size_t n, size_t max, bool decode,
			   bool plus_space, char **out, size_t *outlen)
{
	size_t len = n;
	if (decode) {
		enum kv_err e = kv_measure(s, n, &len);
		if (e != KV_OK)
			return e;
	}
	if (len > max)
		return KV_TOO_LONG;
	char *d = decode ? kv_unescape(a, s, n, len, plus_space) : arena_strndup(a, (const char *)s, n);
	if (!kv_text_ok(d, len))
		return KV_BAD_UTF8;
	*out = d;
	*outlen = len;
	return KV_OK;
}

static void kv_begin(struct kv_build *b, struct arena *a, const uint8_t *s, size_t n, uint8_t sep,
		     const struct kv_limits *lim)
{
	size_t pieces = 1;
	for (size_t i = 0; i < n; i++)
		pieces += s[i] == sep;
	b->lim = lim ? lim : &kv_default_limits;
	/* One slot more than allowed is never needed: the pair that would fill it is refused. */
	size_t cap = pieces < b->lim->max_fields ? pieces : b->lim->max_fields;
	b->l.items = cap ? arena_alloc(a, cap * sizeof *b->l.items) : NULL;
	b->l.n = 0;
}

static enum kv_err kv_push(struct kv_build *b, struct arena *a, const uint8_t *k, size_t klen,
			   const uint8_t *v, size_t vlen, bool decode)
{
	struct kv *kv;
	char *key, *val;
	enum kv_err e;

	if (b->l.n >= b->lim->max_fields)
		return KV_TOO_MANY;
	kv = &b->l.items[b->l.n];
	e = kv_text(a, k, klen, b->lim->max_key, decode, true, &key, &kv->keylen);
	if (e == KV_OK)
		e = kv_text(a, v, vlen, b->lim->max_val, decode, true, &val, &kv->vallen);
	if (e != KV_OK)
		return e;
	kv->key = key;
	kv->val = val;
	b->l.n++;
	return KV_OK;
}

/* A failed parse hands back an empty list, never a partial one a caller might half-trust. */
static enum kv_err kv_finish(struct kv_build *b, enum kv_err e, struct kvlist *out)
{
	if (e == KV_OK) {
		*out = b->l;
	} else {
		out->items = NULL;
		out->n = 0;
	}
	return e;
}

enum kv_err kv_parse_form(struct arena *a, const uint8_t *s, size_t n,
			  const struct kv_limits *lim, struct kvlist *out)
{
	struct kv_build b;
	enum kv_err e = KV_OK;

	kv_begin(&b, a, s, n, '&', lim);
	for (size_t i = 0; i < n && e == KV_OK;) {
		const uint8_t *p = s + i;
		const uint8_t *amp = memchr(p, '&', n - i);
		size_t plen = amp ? (size_t)(amp - p) : n - i;
		i += plen + (amp != NULL);
		if (plen == 0)
			continue;
		const uint8_t *eq = memchr(p, '=', plen);
		size_t klen = eq ? (size_t)(eq - p) : plen;
		/* "=v" names nothing a handler could ask for. */
		if (klen == 0)
			continue;
		const uint8_t *v = eq ? eq + 1 : p + plen;
		e = kv_push(&b, a, p, klen, v, (size_t)(p + plen - v), true);
	}
	return kv_finish(&b, e, out);
}

static bool kv_ows(uint8_t c)
{
	return c == ' ' || c == '\t';
}

static void kv_trim(const uint8_t **p, size_t *n)
{
	while (*n > 0 && kv_ows((*p)[0])) {
		(*p)++;
		(*n)--;
	}
	while (*n > 0 && kv_ows((*p)[*n - 1]))
		(*n)--;
}

enum kv_err kv_parse_cookies(struct arena *a, const uint8_t *s, size_t n,
			     const struct kv_limits *lim, struct kvlist *out)
{
	struct kv_build b;
	enum kv_err e = KV_OK;

	kv_begin(&b, a, s, n, ';', lim);
	for (size_t i = 0; i < n && e == KV_OK;) {
		const uint8_t *p = s + i;
		const uint8_t *semi = memchr(p, ';', n - i);
		size_t plen = semi ? (size_t)(semi - p) : n - i;
		i += plen + (semi != NULL);
		const uint8_t *eq = memchr(p, '=', plen);
		if (!eq)
			continue;
		const uint8_t *k = p, *v = eq + 1;
		size_t klen = (size_t)(eq - p), vlen = (size_t)(p + plen - v);
		kv_trim(&k, &klen);
		kv_trim(&v, &vlen);
		if (klen == 0)
			continue;
		if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
			v++;
			vlen -= 2;
		}
		e = kv_push(&b, a, k, klen, v, vlen, false);
	}
	return kv_finish(&b, e, out);
}

enum kv_err kv_decode_segment(struct arena *a, const char *s, size_t n, char **out, size_t *outlen)
{
	return kv_text(a, (const uint8_t *)s, n, (size_t)-1, true, false, out, outlen);
}

const char *kv_get(const struct kvlist *l, const char *key)
{
	if (!l || !key)
		return NULL;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return l->items[i].val;
	return NULL;
}

size_t kv_count(const struct kvlist *l, const char *key)
{
	size_t count = 0;
	if (!l || !key)
		return 0;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			count++;
	return count;
}

const char *kv_err_str(enum kv_err e)
{
	switch (e) {
	case KV_OK:
		return "ok";
	case KV_BAD_ESCAPE:
		return "bad percent-escape";
	case KV_BAD_UTF8:
		return "invalid UTF-8 or NUL byte";
	case KV_TOO_MANY:
		return "too many fields";
	case KV_TOO_LONG:
		return "field too long";
	}
	return "unknown error";
}
