/* test_mime.c: the mail writer: encoded words, quoted-printable, addresses and the message. */
#include <check.h>
#include <string.h>
#include <sodium.h>
#include "lib/mime_encode.h"
#include "lib/mime_message.h"
#include "lib/utf8.h"
#include "suites.h"

static struct arena *A;

static void setup(void)
{
	A = arena_new(65536);
}

static void teardown(void)
{
	arena_free(A);
}

static const char *header(size_t used, const char *text)
{
	struct buf b;
	buf_init(&b, A, 64);
	mime_encode_header_text(&b, used, text, "\r\n");
	return buf_cstr(&b);
}

static const char *qp(const char *text)
{
	struct buf b;
	buf_init(&b, A, 64);
	mime_encode_qp(&b, text, strlen(text), "\r\n");
	return buf_cstr(&b);
}

/* The longest line of s (CRLF-ended lines), counting `first` more on the first line. */
static size_t longest_line(const char *s, size_t first)
{
	size_t max = 0, n = first;
	for (; *s; s++) {
		if (s[0] == '\r' && s[1] == '\n') {
			max = n > max ? n : max;
			n = 0;
			s++;
		} else {
			n++;
		}
	}
	return n > max ? n : max;
}

/* What a reader makes of a header of encoded words: each decoded alone, as RFC 2047 requires,
 * and each valid UTF-8 on its own (no character split across two words). */
static const char *unwords(const char *s)
{
	struct buf out;
	buf_init(&out, A, 64);
	while ((s = strstr(s, "=?UTF-8?B?"))) {
		s += 10;
		const char *end = strstr(s, "?=");
		ck_assert_ptr_nonnull(end);
		unsigned char bin[128];
		size_t n;
		ck_assert_int_eq(sodium_base642bin(bin, sizeof bin, s, (size_t)(end - s), NULL, &n, NULL,
						   sodium_base64_VARIANT_ORIGINAL), 0);
		ck_assert(utf8_valid(bin, n));
		buf_put(&out, bin, n);
		s = end + 2;
	}
	return buf_cstr(&out);
}

static int hexval(char c)
{
	return c <= '9' ? c - '0' : c - 'A' + 10;
}

static const char *unqp(const char *s)
{
	struct buf out;
	buf_init(&out, A, 64);
	while (*s) {
		if (s[0] == '=' && s[1] == '\r' && s[2] == '\n') {
			s += 3;
		} else if (s[0] == '=') {
			buf_putc(&out, (char)(hexval(s[1]) * 16 + hexval(s[2])));
			s += 3;
		} else if (s[0] == '\r' && s[1] == '\n') {
			buf_putc(&out, '\n');
			s += 2;
		} else {
			buf_putc(&out, *s++);
		}
	}
	return buf_cstr(&out);
}

START_TEST(test_mime_ascii_header_text_stays_as_written)
{
	ck_assert_str_eq(header(9, "Your crowdcart order CC-123"), "Your crowdcart order CC-123");
}
END_TEST

START_TEST(test_mime_non_ascii_subject_is_encoded_words_within_76_columns)
{
	const char *subject = "Live now: Lena’s Küche — frühstück für alle, mit Crème brûlée und 🍓🍓🍓 Erdbeeren";
	const char *h = header(9, subject);
	ck_assert(strncmp(h, "=?UTF-8?B?", 10) == 0);
	ck_assert_uint_le(longest_line(h, 9), MIME_LINE_MAX);
	ck_assert_ptr_nonnull(strstr(h, "\r\n "));	/* folded, each continuation starts with a space */
	ck_assert_str_eq(unwords(h), subject);
}
END_TEST

START_TEST(test_mime_folding_never_splits_a_character)
{
	/* 4-byte characters in every alignment against the 45-byte words. */
	for (int lead = 0; lead < 4; lead++) {
		char s[200] = "";
		for (int i = 0; i < lead; i++)
			strcat(s, "x");
		for (int i = 0; i < 30; i++)
			strcat(s, "😀");
		const char *h = header(9 + (size_t)lead, s);
		ck_assert_uint_le(longest_line(h, 9 + (size_t)lead), MIME_LINE_MAX);
		ck_assert_str_eq(unwords(h), s);
	}
}
END_TEST

START_TEST(test_mime_header_text_cannot_start_a_header)
{
	ck_assert_str_eq(header(9, "Hi\r\nBcc: victim@example.com"), "Hi  Bcc: victim@example.com");
	const char *h = header(9, "Grüße\r\nBcc: victim@example.com");
	ck_assert_ptr_null(strstr(h, "\r\nBcc"));
	ck_assert_str_eq(unwords(h), "Grüße  Bcc: victim@example.com");
	/* Text that looks like an encoded word is encoded, so it reads as written. */
	ck_assert_str_eq(unwords(header(9, "=?UTF-8?B?SGk=?=")), "=?UTF-8?B?SGk=?=");
}
END_TEST

START_TEST(test_mime_header_text_that_is_not_utf8_still_ends_within_76)
{
	char s[200];
	memset(s, 0x87, sizeof s - 1);	/* continuation bytes only: no character boundary anywhere */
	s[sizeof s - 1] = '\0';
	ck_assert_uint_le(longest_line(header(40, s), 40), MIME_LINE_MAX);
}
END_TEST

START_TEST(test_mime_qp_escapes_non_ascii_and_equals)
{
	ck_assert_str_eq(qp("Grüße = 5 €\n"), "Gr=C3=BC=C3=9Fe =3D 5 =E2=82=AC\r\n");
	ck_assert_str_eq(qp("a\r\nb\n"), "a\r\nb\r\n");
}
END_TEST

START_TEST(test_mime_qp_escapes_blanks_at_a_line_end_and_leaves_dots)
{
	ck_assert_str_eq(qp("end \nand\t\n.\n"), "end=20\r\nand=09\r\n.\r\n");
}
END_TEST

START_TEST(test_mime_qp_soft_breaks_keep_lines_within_76)
{
	char line[400] = "";
	for (int i = 0; i < 300; i++)
		strcat(line, i % 7 == 3 ? "é" : "a");
	strcat(line, "\nshort\n");
	const char *q = qp(line);
	ck_assert_uint_le(longest_line(q, 0), MIME_LINE_MAX);
	ck_assert_ptr_nonnull(strstr(q, "=\r\n"));
	ck_assert_str_eq(unqp(q), line);
	/* Every alignment of an escape against the line end: none is split, all decode back. */
	for (int k = 70; k < 80; k++) {
		char s[200];
		memset(s, 'b', (size_t)k);
		strcpy(s + k, "ü=end ");
		const char *e = qp(s);
		ck_assert_uint_le(longest_line(e, 0), MIME_LINE_MAX);
		ck_assert_str_eq(unqp(e), s);
	}
	/* Exactly 76 characters need no soft break. */
	char full[77];
	memset(full, 'c', 76);
	full[76] = '\0';
	ck_assert_str_eq(qp(full), full);
}
END_TEST

START_TEST(test_mime_addresses_plain_quoted_and_encoded)
{
	struct buf b;
	buf_init(&b, A, 64);
	mime_encode_address(&b, 6, "crowdcart", "no-reply@shop.example", "\r\n");
	ck_assert_str_eq(buf_cstr(&b), "crowdcart <no-reply@shop.example>");
	buf_init(&b, A, 64);
	mime_encode_address(&b, 6, "Lena \"Co\", Shop", "l@shop.example", "\r\n");
	ck_assert_str_eq(buf_cstr(&b), "\"Lena \\\"Co\\\", Shop\" <l@shop.example>");
	buf_init(&b, A, 64);
	mime_encode_address(&b, 6, "Jürgen", "j@shop.example", "\r\n");
	ck_assert_str_eq(buf_cstr(&b), "=?UTF-8?B?SsO8cmdlbg==?= <j@shop.example>");
	buf_init(&b, A, 64);
	mime_encode_address(&b, 6, "", "j@shop.example", "\r\n");
	ck_assert_str_eq(buf_cstr(&b), "j@shop.example");
}
END_TEST

START_TEST(test_mime_address_split_and_check)
{
	char name[64], addr[64];
	ck_assert(mime_address_split("crowdcart <no-reply@localhost>", name, addr, sizeof name));
	ck_assert_str_eq(name, "crowdcart");
	ck_assert_str_eq(addr, "no-reply@localhost");
	ck_assert(mime_address_split(" \"Shöp\" <a@b.example> ", name, addr, sizeof name));
	ck_assert_str_eq(name, "Shöp");
	ck_assert_str_eq(addr, "a@b.example");
	ck_assert(mime_address_split("a@b.example", name, addr, sizeof name));
	ck_assert_str_eq(name, "");
	ck_assert_str_eq(addr, "a@b.example");
	const char *bad[] = { "", "nobody", "@b.example", "a@", "a b@c.example", "a@b@c.example", "a@b.example\r\nBcc: x@y",
		"<a@b.example>x" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!mime_address_split(bad[i], name, addr, sizeof name), "accepted: %s", bad[i]);
}
END_TEST

static const char *message(const char *html, const char *unsubscribe)
{
	struct mime_message m = {
		.from_name = "crowdcart", .from_addr = "no-reply@shop.example", .to_addr = "ada@example.com",
		.subject = "Live now: Küche", .date = 1796482814, .message_id = "42.1796482800.outbox@shop.example",
		.unsubscribe_url = unsubscribe, .text = "Hello\n", .html = html,
	};
	struct buf b;
	buf_init(&b, A, 1024);
	mime_message_write(&b, &m, "\r\n");
	return buf_cstr(&b);
}

START_TEST(test_mime_message_has_the_headers_clients_expect)
{
	const char *m = message(NULL, NULL);
	ck_assert(strncmp(m, "Date: Sat, 05 Dec 2026 15:00:14 +0000\r\n", 39) == 0);
	ck_assert_ptr_nonnull(strstr(m, "\r\nFrom: crowdcart <no-reply@shop.example>\r\n"));
	ck_assert_ptr_nonnull(strstr(m, "\r\nTo: ada@example.com\r\n"));
	ck_assert_ptr_nonnull(strstr(m, "\r\nSubject: =?UTF-8?B?"));
	ck_assert_ptr_nonnull(strstr(m, "\r\nMessage-ID: <42.1796482800.outbox@shop.example>\r\n"));
	ck_assert_ptr_nonnull(strstr(m, "\r\nContent-Type: text/plain; charset=utf-8\r\n"
				       "Content-Transfer-Encoding: quoted-printable\r\n\r\nHello\r\n"));
	ck_assert_ptr_null(strstr(m, "List-Unsubscribe"));
	ck_assert_ptr_null(strstr(m, "multipart"));
}
END_TEST

START_TEST(test_mime_message_alternative_parts_and_unsubscribe)
{
	const char *m = message("<p>Hello</p>", "https://shop.example/unsubscribe?t=abc");
	ck_assert_ptr_nonnull(strstr(m, "\r\nList-Unsubscribe: <https://shop.example/unsubscribe?t=abc>\r\n"
				       "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
	const char *ct = strstr(m, "Content-Type: multipart/alternative; boundary=\"=_crowdcart_alternative\"\r\n\r\n");
	ck_assert_ptr_nonnull(ct);
	const char *text = strstr(ct, "--=_crowdcart_alternative\r\nContent-Type: text/plain; charset=utf-8\r\n");
	ck_assert_ptr_nonnull(text);
	const char *html = strstr(text, "--=_crowdcart_alternative\r\nContent-Type: text/html; charset=utf-8\r\n"
				  "Content-Transfer-Encoding: quoted-printable\r\n\r\n<p>Hello</p>\r\n");
	ck_assert_ptr_nonnull(html);
	ck_assert_ptr_nonnull(strstr(html, "\r\n--=_crowdcart_alternative--\r\n"));
	/* An address that could break the header line is left out, not written. */
	ck_assert_ptr_null(strstr(message(NULL, "https://x.example/\r\nBcc: y@z"), "List-Unsubscribe"));
}
END_TEST

START_TEST(test_mime_message_calendar_is_a_base64_part_after_the_text)
{
	const char *ics = "BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\nDTSTART:20260330T070000Z\r\nEND:VCALENDAR\r\n";
	struct mime_message m = {
		.from_addr = "no-reply@shop.example", .to_addr = "ada@example.com", .subject = "New lead",
		.date = 1796482814, .message_id = "1.2.outbox@shop.example", .text = "Hello\n", .html = "<p>Hello</p>",
		.calendar = ics,
	};
	struct buf b;
	buf_init(&b, A, 1024);
	mime_message_write(&b, &m, "\r\n");
	const char *s = buf_cstr(&b);
	const char *mixed = strstr(s, "Content-Type: multipart/mixed; boundary=\"=_crowdcart_mixed\"\r\n\r\n"
				   "--=_crowdcart_mixed\r\nContent-Type: multipart/alternative;");
	ck_assert_ptr_nonnull(mixed);
	const char *alt_end = strstr(mixed, "--=_crowdcart_alternative--\r\n");
	ck_assert_ptr_nonnull(alt_end);
	const char *cal = strstr(alt_end, "--=_crowdcart_mixed\r\nContent-Type: text/calendar; charset=utf-8; method=PUBLISH;"
				 " name=\"appointment.ics\"\r\nContent-Disposition: attachment; filename=\"appointment.ics\"\r\n"
				 "Content-Transfer-Encoding: base64\r\n\r\n");
	ck_assert_ptr_nonnull(cal);
	const char *b64 = strstr(cal, "\r\n\r\n") + 4;
	const char *end = strstr(b64, "\r\n--=_crowdcart_mixed--\r\n");
	ck_assert_ptr_nonnull(end);
	/* Lines of at most 76 characters that decode back to the exact file, CRLF kept. */
	unsigned char out[256];
	size_t n = 0, got;
	for (const char *p = b64; p < end;) {
		const char *nl = strstr(p, "\r\n");
		ck_assert_int_le(nl - p, 76);
		ck_assert_int_eq(sodium_base642bin(out + n, sizeof out - n, p, (size_t)(nl - p), NULL, &got, NULL,
						   sodium_base64_VARIANT_ORIGINAL), 0);
		n += got;
		p = nl + 2;
	}
	ck_assert_int_eq((int)n, (int)strlen(ics));
	ck_assert(memcmp(out, ics, n) == 0);
}
END_TEST

Suite *mime_suite(void)
{
	Suite *s = suite_create("mime");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_mime_ascii_header_text_stays_as_written);
	tcase_add_test(tc, test_mime_non_ascii_subject_is_encoded_words_within_76_columns);
	tcase_add_test(tc, test_mime_folding_never_splits_a_character);
	tcase_add_test(tc, test_mime_header_text_cannot_start_a_header);
	tcase_add_test(tc, test_mime_header_text_that_is_not_utf8_still_ends_within_76);
	tcase_add_test(tc, test_mime_qp_escapes_non_ascii_and_equals);
	tcase_add_test(tc, test_mime_qp_escapes_blanks_at_a_line_end_and_leaves_dots);
	tcase_add_test(tc, test_mime_qp_soft_breaks_keep_lines_within_76);
	tcase_add_test(tc, test_mime_addresses_plain_quoted_and_encoded);
	tcase_add_test(tc, test_mime_address_split_and_check);
	tcase_add_test(tc, test_mime_message_has_the_headers_clients_expect);
	tcase_add_test(tc, test_mime_message_alternative_parts_and_unsubscribe);
	tcase_add_test(tc, test_mime_message_calendar_is_a_base64_part_after_the_text);
	suite_add_tcase(s, tc);
	return s;
}
