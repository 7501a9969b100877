/* multipart.c: find the boundary, cut the body at its delimiters, read each part's headers. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include "web/multipart.h"
#include "lib/utf8.h"

#define MAX_BOUNDARY 70		/* RFC 2046 */

static const uint8_t *find(const uint8_t *h, size_t hn, const uint8_t *n, size_t nn)
{
	return nn <= hn ? memmem(h, hn, n, nn) : NULL;
}

/* Value of parameter `key` in a header value like `form-data; name="a"; filename="b.csv"`.
 * Quoted values may hold backslash escapes; an unquoted one ends at ';' or white space. */
static char *header_param(struct arena *a, const char *v, size_t vn, const char *key)
{
	size_t kn = strlen(key);
	for (size_t i = 0; i < vn; i++) {
		if (v[i] != ';')
			continue;
		size_t j = i + 1;
		while (j < vn && (v[j] == ' ' || v[j] == '\t'))
			j++;
		if (vn - j <= kn || strncasecmp(v + j, key, kn) != 0 || v[j + kn] != '=')
			continue;
		j += kn + 1;
		char *out = arena_alloc(a, vn - j + 1);
		size_t o = 0;
		if (j < vn && v[j] == '"') {
			for (j++; j < vn && v[j] != '"'; j++) {
				if (v[j] == '\\' && j + 1 < vn)
					j++;
				out[o++] = v[j];
			}
			if (j >= vn)
				return NULL;	/* unterminated quote */
		} else {
			for (; j < vn && v[j] != ';' && v[j] != ' ' && v[j] != '\t'; j++)
				out[o++] = v[j];
		}
		out[o] = '\0';
		return out;
	}
	return NULL;
}

static bool text_ok(const char *s)
{
	return s && utf8_valid((const uint8_t *)s, strlen(s));
}

/* Reads the header block [h, h+hn) of one part into p. */
static enum mp_err part_headers(struct arena *a, const char *h, size_t hn, struct mp_part *p)
{
	p->name = p->filename = NULL;
	p->content_type = "";
	bool disposition = false;
	while (hn) {
		const char *eol = memmem(h, hn, "\r\n", 2);
		size_t ln = eol ? (size_t)(eol - h) : hn;
		const char *colon = memchr(h, ':', ln);
		if (!colon)
			return MP_MALFORMED;
		size_t nn = (size_t)(colon - h);
		const char *v = colon + 1;
		size_t vn = ln - nn - 1;
		while (vn && (*v == ' ' || *v == '\t'))
			v++, vn--;
		if (nn == 19 && strncasecmp(h, "Content-Disposition", 19) == 0) {
			if (vn < 9 || strncasecmp(v, "form-data", 9) != 0 || (vn > 9 && v[9] != ';'))
				return MP_MALFORMED;
			disposition = true;
			p->name = header_param(a, v, vn, "name");
			p->filename = header_param(a, v, vn, "filename");
		} else if (nn == 12 && strncasecmp(h, "Content-Type", 12) == 0) {
			p->content_type = arena_strndup(a, v, vn);
		}
		if (!eol)
			break;
		h += ln + 2;
		hn -= ln + 2;
	}
	if (!disposition || !p->name || !*p->name)
		return MP_MALFORMED;
	if (!text_ok(p->name) || (p->filename && !text_ok(p->filename)) || !text_ok(p->content_type))
		return MP_BAD_UTF8;
	return MP_OK;
}

static bool get_boundary(struct arena *a, const char *ct, char **out)
{
	static const char mt[] = "multipart/form-data";
	if (!ct || strncasecmp(ct, mt, sizeof mt - 1) != 0 ||
	    (ct[sizeof mt - 1] != ';' && ct[sizeof mt - 1] != '\0'))
		return false;
	char *b = header_param(a, ct, strlen(ct), "boundary");
	size_t n = b ? strlen(b) : 0;
	if (n == 0 || n > MAX_BOUNDARY)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)b[i] < 0x20 || (unsigned char)b[i] > 0x7e)
			return false;
	*out = b;
	return true;
}

enum mp_err multipart_parse(struct arena *a, const char *content_type, const uint8_t *body,
			    size_t len, const struct mp_limits *lim, struct mp_list *out)
{
	out->items = NULL;
	out->n = 0;
	char *boundary;
	if (!get_boundary(a, content_type, &boundary))
		return MP_BAD_TYPE;
	/* "\r\n--boundary"; the first delimiter may also sit at the very start of the body. */
	size_t bn = strlen(boundary);
	uint8_t *delim = arena_alloc(a, bn + 4);
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, bn);
	size_t dn = bn + 4;
	const uint8_t *p;
	if (len >= dn - 2 && memcmp(body, delim + 2, dn - 2) == 0)
		p = body + dn - 2;
	else if ((p = find(body, len, delim, dn)) != NULL)
		p += dn;
	else
		return MP_MALFORMED;
	size_t cap = 8;
	out->items = arena_alloc(a, cap * sizeof *out->items);
	for (;;) {
		size_t left = len - (size_t)(p - body);
		if (left >= 2 && p[0] == '-' && p[1] == '-')
			return MP_OK;	/* closing delimiter; the epilogue is ignored */
		/* Transport padding, then the CRLF that ends the delimiter line. */
		while (left && (*p == ' ' || *p == '\t'))
			p++, left--;
		if (left < 2 || p[0] != '\r' || p[1] != '\n')
			return MP_MALFORMED;
		p += 2, left -= 2;
		if (out->n == lim->max_parts)
			return MP_TOO_MANY;
		const uint8_t *hend = find(p, left < lim->max_header + 4 ? left : lim->max_header + 4,
					   (const uint8_t *)"\r\n\r\n", 4);
		size_t hn;
		if (hend)
			hn = (size_t)(hend - p);
		else if (left >= 2 && p[0] == '\r' && p[1] == '\n')
			hn = 0, hend = p - 2;	/* a part with no headers at all */
		else
			return left > lim->max_header ? MP_HEADER_TOO_LONG : MP_MALFORMED;
		if (hn > lim->max_header)
			return MP_HEADER_TOO_LONG;
		if (out->n == cap) {
			struct mp_part *grown = arena_alloc(a, 2 * cap * sizeof *grown);
			memcpy(grown, out->items, cap * sizeof *grown);
			out->items = grown;
			cap *= 2;
		}
		struct mp_part *part = &out->items[out->n];
		enum mp_err e = part_headers(a, (const char *)p, hn, part);
		if (e != MP_OK)
			return e;
		const uint8_t *data = hend + 4;
		size_t dleft = len - (size_t)(data - body);
		const uint8_t *next = find(data, dleft, delim, dn);
		if (!next)
			return MP_MALFORMED;
		part->data = data;
		part->len = (size_t)(next - data);
		if (!part->filename && part->len > lim->max_field)
			return MP_FIELD_TOO_LONG;
		out->n++;
		p = next + dn;
	}
}

enum mp_err multipart_split(struct arena *a, const struct mp_list *parts, struct kvlist *form,
			    struct mp_list *files)
{
	form->items = arena_alloc(a, (parts->n + 1) * sizeof *form->items);
	files->items = arena_alloc(a, (parts->n + 1) * sizeof *files->items);
	form->n = files->n = 0;
	for (size_t i = 0; i < parts->n; i++) {
		const struct mp_part *p = &parts->items[i];
		if (p->filename) {
			files->items[files->n++] = *p;
			continue;
		}
		if (!utf8_valid(p->data, p->len) || memchr(p->data, '\0', p->len))
			return MP_BAD_UTF8;
		struct kv *kv = &form->items[form->n++];
		kv->key = p->name;
		kv->keylen = strlen(p->name);
		kv->val = arena_strndup(a, (const char *)p->data, p->len);
		kv->vallen = p->len;
	}
	return MP_OK;
}

const struct mp_part *multipart_file(const struct mp_list *files, const char *name)
{
	for (size_t i = 0; files && i < files->n; i++)
		if (strcmp(files->items[i].name, name) == 0)
			return &files->items[i];
	return NULL;
}

const char *multipart_err_str(enum mp_err e)
{
	switch (e) {
	case MP_OK: return "ok";
	case MP_BAD_TYPE: return "not multipart/form-data with a boundary";
	case MP_MALFORMED: return "malformed multipart body";
	case MP_TOO_MANY: return "too many parts";
	case MP_HEADER_TOO_LONG: return "part header too long";
	case MP_FIELD_TOO_LONG: return "form field too long";
	case MP_BAD_UTF8: return "text that is not UTF-8";
	}
	return "unknown error";
}
