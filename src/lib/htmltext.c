/* htmltext.c: a small state machine from HTML to text paragraphs; see htmltext.h. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include "lib/buf.h"
#include "lib/htmltext.h"

static bool tag_is(const char *tag, size_t n, const char *name)
{
	size_t k = strlen(name);
	return n >= k && strncasecmp(tag, name, k) == 0 &&
	       (n == k || isspace((unsigned char)tag[k]) || tag[k] == '/' || tag[k] == '>');
}

static bool breaks_block(const char *tag, size_t n)
{
	static const char *const names[] = { "/p", "br", "/li", "/div", "/h1", "/h2", "/h3", "/h4",
					     "/h5", "/h6", "/ul", "/ol", "/tr", "/blockquote", "p" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (tag_is(tag, n, names[i]))
			return true;
	return false;
}

/* Elements whose contents are not text for a reader. */
static const char *raw_element(const char *tag, size_t n)
{
	if (tag_is(tag, n, "script"))
		return "</script";
	if (tag_is(tag, n, "style"))
		return "</style";
	if (tag_is(tag, n, "template"))
		return "</template";
	return NULL;
}

static size_t entity(const char *s, size_t n, char *out)
{
	static const struct { const char *name; char c; } ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
		{ "&#39;", '\'' }, { "&apos;", '\'' }, { "&nbsp;", ' ' },
	};
	for (size_t i = 0; i < sizeof ents / sizeof ents[0]; i++) {
		size_t k = strlen(ents[i].name);
		if (n >= k && strncasecmp(s, ents[i].name, k) == 0) {
			*out = ents[i].c;
			return k;
		}
	}
	return 0;
}

static size_t flush(struct arena *a, struct buf *b, const char **out, size_t count, size_t max)
{
	while (b->len && b->p[b->len - 1] == ' ')
		b->len--;
	if (b->len && count < max)
		out[count++] = arena_strndup(a, b->p, b->len);
	b->len = 0;
	return count;
}

size_t htmltext_paragraphs(struct arena *a, const char *html, size_t len, const char **out, size_t max)
{
	struct buf b;
	buf_init(&b, a, len + 8);
	size_t count = 0;
	for (size_t i = 0; i < len;) {
		char c = html[i];
		if (c == '<') {
			const char *end = memchr(html + i, '>', len - i);
			if (!end)
				break;	/* an unterminated tag ends the text */
			const char *tag = html + i + 1;
			size_t n = (size_t)(end - tag);
			const char *closer = raw_element(tag, n);
			i = (size_t)(end - html) + 1;
			if (closer) {
				const char *stop = strcasestr(html + i, closer);	/* html is NUL-terminated */
				i = stop && (size_t)(stop - html) < len ? (size_t)(stop - html) : len;
				continue;
			}
			if (breaks_block(tag, n))
				count = flush(a, &b, out, count, max);
			else if (tag_is(tag, n, "li"))
				buf_puts(&b, "• ");
			else if (b.len && b.p[b.len - 1] != ' ')
				buf_putc(&b, ' ');
			continue;
		}
		char decoded;
		size_t used = c == '&' ? entity(html + i, len - i, &decoded) : 0;
		if (used) {
			c = decoded;
			i += used;
		} else {
			i++;
		}
		if (isspace((unsigned char)c)) {
			if (b.len && b.p[b.len - 1] != ' ')
				buf_putc(&b, ' ');
		} else {
			buf_putc(&b, c);
		}
	}
	return flush(a, &b, out, count, max);
}
