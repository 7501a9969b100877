/* summary.c: plain text from HTML, joined and cut at a word (see summary.h). */
#include <stdbool.h>
#include <string.h>
#include "lib/buf.h"
#include "lib/htmltext.h"
#include "lib/text_memo.h"
#include "lib/summary.h"

#define SUMMARY_PARAGRAPHS 64
#define ELLIPSIS "\xe2\x80\xa6"

static bool starts_code_point(unsigned char c)
{
	return (c & 0xc0) != 0x80;
}

/* s cut to max_chars code points as summary.h says. */
static const char *summary_cut(struct arena *a, const char *s, size_t len, size_t max_chars)
{
	if (max_chars == 0)
		return "";
	/* Where the (max_chars - 1)th code point ends: room for the ellipsis after it. */
	size_t chars = 0, keep = 0;
	for (size_t i = 0; i < len; i++) {
		if (!starts_code_point((unsigned char)s[i]))
			continue;
		if (chars == max_chars - 1)
			keep = i;
		if (++chars > max_chars)
			break;
	}
	if (chars <= max_chars)
		return s;
	size_t cut = keep;
	while (cut > 0 && s[cut] != ' ')
		cut--;
	if (cut == 0)
		cut = keep;	/* one word longer than the whole summary: cut inside it */
	while (cut > 0 && s[cut - 1] == ' ')
		cut--;
	return arena_concat(a, arena_strndup(a, s, cut), ELLIPSIS, (char *)NULL);
}

const char *summary_text(struct arena *a, const char *html, size_t len, size_t max_chars)
{
	const char *paras[SUMMARY_PARAGRAPHS];
	size_t n = htmltext_paragraphs(a, html ? html : "", html ? len : 0, paras, SUMMARY_PARAGRAPHS);
	struct buf b;
	buf_init(&b, a, 256);
	for (size_t i = 0; i < n; i++) {
		if (b.len)
			buf_putc(&b, ' ');
		buf_puts(&b, paras[i]);
	}
	const char *s = buf_cstr(&b);
	return summary_cut(a, s, b.len, max_chars);
}

const char *summary_text_memo(struct arena *a, const char *html, size_t len, size_t max_chars)
{
	static struct text_memo memo;
	return text_memo_get(&memo, summary_text, a, html ? html : "", html ? len : 0, max_chars);
}

const char *summary_plain(struct arena *a, const char *text, size_t max_chars)
{
	struct buf b;
	buf_init(&b, a, 256);
	bool space = false;
	/* by runs, not byte by byte: a storefront's bio goes through here twice a view; and through a
	 * table, as strcspn and strspn build one of their own on every call */
	static const bool blank[256] = { [' '] = true, ['\t'] = true, ['\r'] = true, ['\n'] = true,
					 ['\f'] = true, ['\v'] = true };
	for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p;) {
		const unsigned char *q = p;
		while (*q && !blank[*q])
			q++;
		if (q > p) {
			if (space)
				buf_putc(&b, ' ');
			space = false;
			buf_put(&b, p, (size_t)(q - p));
			p = q;
		}
		while (blank[*p])
			p++;
		if (p > q)
			space = b.len > 0;
	}
	const char *s = buf_cstr(&b);
	return summary_cut(a, s, b.len, max_chars);
}

static const char *summary_plain_of(struct arena *a, const char *text, size_t len, size_t max_chars)
{
	return summary_plain(a, text, max_chars);	/* text_memo hands over the caller's string whole */
}

const char *summary_plain_memo(struct arena *a, const char *text, size_t max_chars)
{
	static struct text_memo memo;
	text = text ? text : "";
	return text_memo_get(&memo, summary_plain_of, a, text, strlen(text), max_chars);
}
