/* mime_encode.c: RFC 2047 encoded words and quoted-printable bodies for outgoing mail. */
#include <string.h>
#include <sodium.h>
#include "lib/mime_encode.h"

#define WORD_OPEN "=?UTF-8?B?"
#define WORD_OVERHEAD 12	/* "=?UTF-8?B?" and "?=" */

static bool is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

/* Plain header text is printable ASCII that no reader could take for an encoded word. */
static bool header_needs_words(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0x80 || (p[0] == '=' && p[1] == '?'))
			return true;
	return false;
}

/* The most bytes of s[0..n) that fit in `chars` base64 characters without cutting a UTF-8
 * sequence: a reader decodes each word on its own, so a character split over two is lost. */
static size_t word_bytes(const unsigned char *s, size_t n, size_t chars)
{
	size_t k = chars / 4 * 3;
	if (k >= n)
		return n;
	while (k > 0 && (s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

/* Encoded words for s, starting at column col; returns the column after the last. */
static size_t put_words(struct buf *b, size_t col, const unsigned char *s, size_t n, const char *eol)
{
	char b64[MIME_LINE_MAX + 1];
	while (n > 0) {
		size_t room = col + WORD_OVERHEAD + 4 < MIME_LINE_MAX ? MIME_LINE_MAX - col - WORD_OVERHEAD : 0;
		size_t k = word_bytes(s, n, room);
		if (k == 0 && col > 1) {
			/* Not even one character fits after what the line holds: continue on the next. */
			buf_puts(b, eol);
			buf_putc(b, ' ');
			col = 1;
			continue;
		}
		if (k == 0)	/* no character starts within a whole line: not UTF-8, cut where it fills */
			k = room / 4 * 3 < n ? room / 4 * 3 : n;
		sodium_bin2base64(b64, sizeof b64, s, k, sodium_base64_VARIANT_ORIGINAL);
		buf_puts(b, WORD_OPEN);
		buf_puts(b, b64);
		buf_puts(b, "?=");
		col += WORD_OVERHEAD + strlen(b64);
		s += k;
		n -= k;
		if (n > 0) {
			buf_puts(b, eol);
			buf_putc(b, ' ');
			col = 1;
		}
	}
	return col;
}

/* Header text with controls as spaces, in b's arena. */
static char *header_clean(struct buf *b, const char *text)
{
	char *s = arena_strdup(b->a, text);
	for (char *p = s; *p; p++)
		if (is_control((unsigned char)*p))
			*p = ' ';
	return s;
}

static size_t header_text(struct buf *b, size_t used, const char *text, const char *eol)
{
	char *s = header_clean(b, text);
	if (!header_needs_words(s)) {
		buf_puts(b, s);
		return used + strlen(s);
	}
	return put_words(b, used, (const unsigned char *)s, strlen(s), eol);
}

void mime_encode_header_text(struct buf *b, size_t used, const char *text, const char *eol)
{
	header_text(b, used, text, eol);
}

/* RFC 5322 atext and spaces: a display name that needs no quotes. */
static bool phrase_plain(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		if (!alnum && !strchr(" !#$%&'*+-/=?^_`{|}~", c))
			return false;
	}
	return true;
}

void mime_encode_address(struct buf *b, size_t used, const char *name, const char *addr, const char *eol)
{
	if (!name || !*name) {
		buf_puts(b, addr);
		return;
	}
	char *s = header_clean(b, name);
	size_t col;
	if (header_needs_words(s)) {
		col = put_words(b, used, (const unsigned char *)s, strlen(s), eol);
	} else if (phrase_plain(s)) {
		buf_puts(b, s);
		col = used + strlen(s);
	} else {
		buf_putc(b, '"');
		for (const char *p = s; *p; p++) {
			if (*p == '"' || *p == '\\')
				buf_putc(b, '\\');
			buf_putc(b, *p);
		}
		buf_putc(b, '"');
		col = used + strlen(s) + 2;
	}
	if (col + strlen(addr) + 3 > MIME_LINE_MAX) {
		buf_puts(b, eol);
		buf_putc(b, ' ');
	} else {
		buf_putc(b, ' ');
	}
	buf_putc(b, '<');
	buf_puts(b, addr);
	buf_putc(b, '>');
}

bool mime_address_ok(const char *addr)
{
	const char *at = strrchr(addr, '@');
	size_t n = strlen(addr);
	if (!at || at == addr || !at[1] || n > 254)
		return false;
	for (const unsigned char *p = (const unsigned char *)addr; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || strchr("<>\"(),;:\\[]", *p))
			return false;
	return strchr(addr, '@') == at;
}

bool mime_address_split(const char *s, char *name, char *addr, size_t n)
{
	const char *lt = strrchr(s, '<'), *gt = lt ? strchr(lt, '>') : NULL;
	const char *a = s, *ae = s + strlen(s), *ne = s;
	if (lt && gt && !gt[1 + strspn(gt + 1, " \t")]) {
		a = lt + 1;
		ae = gt;
		ne = lt;
	}
	while (a < ae && *a == ' ')
		a++;
	while (ae > a && ae[-1] == ' ')
		ae--;
	while (*s == ' ' && s < ne)
		s++;
	while (ne > s && ne[-1] == ' ')
		ne--;
	if (ne > s && *s == '"' && ne[-1] == '"' && ne - s >= 2) {
		s++;
		ne--;
	}
	if ((size_t)(ae - a) >= n || (size_t)(ne - s) >= n)
		return false;
	memcpy(addr, a, (size_t)(ae - a));
	addr[ae - a] = '\0';
	memcpy(name, s, (size_t)(ne - s));
	name[ne - s] = '\0';
	return mime_address_ok(addr);
}

/* One encoded line (without its end): soft breaks keep every output line within MIME_LINE_MAX,
 * an escape is never split, and blanks at the end are escaped since transports strip them. */
static void qp_line(struct buf *b, const unsigned char *s, size_t n, const char *eol)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t col = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		bool last = i + 1 == n;
		bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
		size_t w = literal ? 1 : 3;
		/* The last character may take the column a soft break's "=" would otherwise need. */
		if (col + w > MIME_LINE_MAX - 1 && !(last && col + w <= MIME_LINE_MAX)) {
			buf_putc(b, '=');
			buf_puts(b, eol);
			col = 0;
		}
		if (literal) {
			buf_putc(b, (char)c);
		} else {
			buf_putc(b, '=');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
		col += w;
	}
}

void mime_encode_qp(struct buf *b, const char *text, size_t n, const char *eol)
{
	const unsigned char *s = (const unsigned char *)text, *end = s + n;
	while (s < end) {
		const unsigned char *nl = memchr(s, '\n', (size_t)(end - s));
		const unsigned char *le = nl ? nl : end;
		if (nl && le > s && le[-1] == '\r')
			le--;
		qp_line(b, s, (size_t)(le - s), eol);
		if (!nl)
			break;
		buf_puts(b, eol);
		s = nl + 1;
	}
}
