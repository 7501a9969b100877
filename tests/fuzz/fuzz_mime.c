/* fuzz_mime.c: libFuzzer harness for the mail writer's promises: header text never starts a
 * header of its own and encoded words keep lines within 76; quoted-printable is printable ASCII
 * in lines of at most 76 that decode back to the input; addresses split only into valid ones. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "lib/mime_encode.h"

static struct arena *fuzz_arena;

/* Every line (CRLF-ended) within max, `first` more counted on the first one; every byte
 * printable ASCII or a tab, and no CR or LF outside a CRLF pair. */
static void fuzz_check_lines(const char *s, size_t first, size_t max, bool fold_only)
{
	size_t col = first;
	for (; *s; s++) {
		if (s[0] == '\r' && s[1] == '\n') {
			if (fold_only && s[2] != ' ')
				abort();	/* a header line break that is not folding starts a header */
			s++;
			col = 0;
			continue;
		}
		if (*s == '\r' || *s == '\n' || (((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e) && *s != '\t'))
			abort();
		if (++col > max)
			abort();
	}
}

static int fuzz_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	abort();	/* the encoder writes upper-case hex only */
}

/* Quoted-printable decoded; must equal the input with its CRLFs as LFs. */
static void fuzz_check_qp(const uint8_t *in, size_t n, const char *q)
{
	struct buf want, got;
	buf_init(&want, fuzz_arena, n + 1);
	for (size_t i = 0; i < n; i++)
		if (!(in[i] == '\r' && i + 1 < n && in[i + 1] == '\n'))
			buf_putc(&want, (char)in[i]);
	buf_init(&got, fuzz_arena, n + 1);
	for (const char *p = q; *p;) {
		if (p[0] == '=' && p[1] == '\r' && p[2] == '\n') {
			p += 3;
		} else if (p[0] == '=') {
			if (!p[1] || !p[2])
				abort();
			buf_putc(&got, (char)(fuzz_hex(p[1]) * 16 + fuzz_hex(p[2])));
			p += 3;
		} else if (p[0] == '\r' && p[1] == '\n') {
			buf_putc(&got, '\n');
			p += 2;
		} else {
			buf_putc(&got, *p++);
		}
	}
	if (got.len != want.len || memcmp(buf_cstr(&got), buf_cstr(&want), got.len) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!fuzz_arena) {
		if (sodium_init() < 0)
			abort();
		fuzz_arena = arena_new(1 << 16);
	}
	arena_reset(fuzz_arena);
	if (size == 0)
		return 0;
	size_t used = data[0] % 41;	/* "Subject: " and the like */
	char *text = arena_strndup(fuzz_arena, (const char *)data + 1, size - 1);

	struct buf h;
	buf_init(&h, fuzz_arena, 256);
	mime_encode_header_text(&h, used, text, "\r\n");
	const char *hs = buf_cstr(&h);
	fuzz_check_lines(hs, used, strstr(hs, "=?UTF-8?B?") ? MIME_LINE_MAX : (size_t)-1, true);

	struct buf q;
	buf_init(&q, fuzz_arena, 2 * size + 16);
	mime_encode_qp(&q, (const char *)data + 1, size - 1, "\r\n");
	fuzz_check_lines(buf_cstr(&q), 0, MIME_LINE_MAX, false);
	fuzz_check_qp(data + 1, size - 1, buf_cstr(&q));

	char name[256], addr[256];
	if (mime_address_split(text, name, addr, sizeof name)) {
		if (!mime_address_ok(addr))
			abort();
		struct buf a;
		buf_init(&a, fuzz_arena, 256);
		mime_encode_address(&a, 6, name, addr, "\r\n");
		fuzz_check_lines(buf_cstr(&a), 6, (size_t)-1, true);
	}
	return 0;
}
