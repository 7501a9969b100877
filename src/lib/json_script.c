/* json_script.c: serialise JSON for an HTML script data block, nothing in it able to end the block. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/buf.h"
#include "lib/json_script.h"

/* What a string byte becomes: NULL for itself, else its escape. jansson's JSON_ESCAPE_SLASH forms
 * ("\/", "\n", "\u001F" in capitals) are kept so the page stays the bytes it was; '<', '>' and '&'
 * are the three HTML reads. Bytes of 0x80 and up are copied: jansson only holds valid UTF-8. */
static const char *const json_script_escapes[256] = {
	"\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
	"\\b",     "\\t",     "\\n",     "\\u000B", "\\f",     "\\r",     "\\u000E", "\\u000F",
	"\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
	"\\u0018", "\\u0019", "\\u001A", "\\u001B", "\\u001C", "\\u001D", "\\u001E", "\\u001F",
	['"'] = "\\\"", ['\\'] = "\\\\", ['/'] = "\\/",
	['<'] = "\\u003c", ['>'] = "\\u003e", ['&'] = "\\u0026",
};

/* Writes escape `esc` at out; where it ends. */
static inline char *json_script_escape(char *out, const char *esc)
{
	if (esc[1] == 'u') {	/* sizes the compiler knows: no call per escape */
		memcpy(out, esc, 6);
		return out + 6;
	}
	memcpy(out, esc, 2);
	return out + 2;
}

#ifdef __SSE2__
#include <emmintrin.h>
/* Which of the 16 bytes in v json_script_escapes has an escape for, a bit each: control bytes,
 * '"', '\\', '/', '<', '>' and '&'. */
static unsigned json_script_mask16(__m128i v)
{
	__m128i m = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1f)), _mm_set1_epi8(0x1f));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('/')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('<')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

void json_script_string(struct buf *b, const char *s, size_t n)
{
	/* Room for the worst case first (every byte a six-byte escape, and the quotes), then bytes
	 * written in place: an address's every '/' is an escape, and two buf_put calls per escape
	 * cost more than the bytes. */
	if (n > (SIZE_MAX - 2) / 6)
		abort();
	buf_reserve(b, n * 6 + 2);
	char *out = b->p + b->len;
	*out++ = '"';
	size_t i = 0;
#ifdef __SSE2__
	/* Sixteen bytes at a time up to the next byte with an escape, where a byte at a time cost
	 * about seven instructions a byte (a storefront's names, addresses and bio). Each 16-byte
	 * store stays in the room reserved: at most 6 i bytes are written for the first i. */
	while (i + 16 <= n) {
		__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
		_mm_storeu_si128((__m128i *)out, v);
		unsigned mask = json_script_mask16(v);
		if (!mask) {
			out += 16;
			i += 16;
			continue;
		}
		unsigned k = (unsigned)__builtin_ctz(mask);
		out += k;
		i += k;
		out = json_script_escape(out, json_script_escapes[(unsigned char)s[i++]]);
	}
#endif
	for (; i < n; i++) {
		const char *esc = json_script_escapes[(unsigned char)s[i]];
		if (!esc) {
			*out++ = s[i];
			continue;
		}
		out = json_script_escape(out, esc);
	}
	*out++ = '"';
	b->len = (size_t)(out - b->p);
}

/* Written straight into the arena as jansson's json_dumps would (compact, keys in the order they
 * were set): json_dumps plus a copy to escape cost the JSON-LD of a storefront a third of a view's
 * instructions. false for a value it does not write the same way (a real number). */
static bool json_script_value(struct buf *b, const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: {
		const char *key;
		json_t *item;
		bool first = true;
		buf_putc(b, '{');
		json_object_foreach((json_t *)v, key, item) {
			if (!first)
				buf_putc(b, ',');
			first = false;
			json_script_string(b, key, strlen(key));
			buf_putc(b, ':');
			if (!json_script_value(b, item))
				return false;
		}
		buf_putc(b, '}');
		return true;
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *item;
		buf_putc(b, '[');
		json_array_foreach(v, i, item) {
			if (i)
				buf_putc(b, ',');
			if (!json_script_value(b, item))
				return false;
		}
		buf_putc(b, ']');
		return true;
	}
	case JSON_STRING:
		json_script_string(b, json_string_value(v), json_string_length(v));
		return true;
	case JSON_INTEGER: {
		char n[24];
		char *p = n + sizeof n;
		json_int_t i = json_integer_value(v);
		/* unsigned, so the most negative value negates without overflow */
		unsigned long long u = i < 0 ? 0ULL - (unsigned long long)i : (unsigned long long)i;
		do
			*--p = (char)('0' + u % 10);
		while (u /= 10);
		if (i < 0)
			*--p = '-';
		buf_put(b, p, (size_t)(n + sizeof n - p));
		return true;
	}
	case JSON_TRUE:
		buf_puts(b, "true");
		return true;
	case JSON_FALSE:
		buf_puts(b, "false");
		return true;
	case JSON_NULL:
		buf_puts(b, "null");
		return true;
	default:
		return false;
	}
}

/* The slow way, for what json_script_value leaves to jansson. */
static const char *json_script_dump_jansson(struct arena *a, const json_t *v)
{
	/* JSON_ESCAPE_SLASH turns every '/' into "\/"; the three left are the ones HTML reads. */
	char *s = json_dumps(v, JSON_COMPACT | JSON_ESCAPE_SLASH);
	if (!s)
		return NULL;
	size_t len = strlen(s);
	struct buf b;
	buf_init(&b, a, len + len / 8 + 64);
	/* Outside strings JSON has none of them, so escaping everywhere keeps the meaning. */
	for (const char *p = s;;) {
		size_t run = strcspn(p, "<>&");
		buf_put(&b, p, run);
		p += run;
		if (!*p)
			break;
		buf_puts(&b, *p == '<' ? "\\u003c" : *p == '>' ? "\\u003e" : "\\u0026");
		p++;
	}
	free(s);
	return buf_cstr(&b);
}

const char *json_script_dump(struct arena *a, const json_t *v)
{
	/* json_dumps writes only an object or an array at the top */
	if (!json_is_object(v) && !json_is_array(v))
		return NULL;
	struct buf b;
	buf_init(&b, a, 1024);
	if (!json_script_value(&b, v))
		return json_script_dump_jansson(a, v);
	return buf_cstr(&b);
}
