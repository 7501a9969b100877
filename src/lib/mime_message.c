/* mime_message.c: writes one outgoing mail (headers, text part, HTML alternative). */
#include <string.h>
#include <sodium.h>
#include "lib/mime_encode.h"
#include "lib/mime_message.h"

/* Quoted-printable output never holds "=_" ('=' is always followed by two hex digits or a line
 * end), so this boundary cannot occur inside a part and needs no randomness. */
#define MIME_BOUNDARY "=_crowdcart_alternative"
/* The same holds for base64, whose alphabet has no '='-then-'_' either. */
#define MIME_MIXED_BOUNDARY "=_crowdcart_mixed"

/* RFC 5322 date in UTC, with English names whatever the locale. */
static void put_date(struct buf *b, time_t t)
{
	static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec" };
	struct tm tm;
	gmtime_r(&t, &tm);
	buf_printf(b, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday, months[tm.tm_mon],
		   tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void put_part(struct buf *b, const char *type, const char *body, const char *eol)
{
	buf_printf(b, "Content-Type: %s; charset=utf-8", type);
	buf_puts(b, eol);
	buf_puts(b, "Content-Transfer-Encoding: quoted-printable");
	buf_puts(b, eol);
	buf_puts(b, eol);
	mime_encode_qp(b, body, strlen(body), eol);
	size_t n = strlen(body);
	if (n == 0 || body[n - 1] != '\n')
		buf_puts(b, eol);
}

/* An address that can stand between angle brackets on a header line: no blanks, controls or <>. */
static bool url_fits_header(const char *url)
{
	if (!*url || strlen(url) > 900)
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p >= 0x7f || *p == '<' || *p == '>')
			return false;
	return true;
}

/* The text, or the text and its HTML alternative: the whole body of a mail without attachment. */
static void put_body(struct buf *b, const struct mime_message *m, const char *eol)
{
	if (!m->html) {
		put_part(b, "text/plain", m->text, eol);
		return;
	}
	buf_puts(b, "Content-Type: multipart/alternative; boundary=\"" MIME_BOUNDARY "\"");
	buf_puts(b, eol);
	buf_puts(b, eol);
	buf_puts(b, "--" MIME_BOUNDARY);
	buf_puts(b, eol);
	put_part(b, "text/plain", m->text, eol);
	buf_puts(b, "--" MIME_BOUNDARY);
	buf_puts(b, eol);
	put_part(b, "text/html", m->html, eol);
	buf_puts(b, "--" MIME_BOUNDARY "--");
	buf_puts(b, eol);
}

/* The .ics as its own part. base64 keeps its CRLF line ends exact (RFC 5545 requires them)
 * whatever line ends the transport uses; method=PUBLISH matches the file's METHOD: the event is
 * for the calendar, not an invitation a client would answer to the sending address. */
static void put_calendar(struct buf *b, const char *ics, const char *eol)
{
	buf_puts(b, "--" MIME_MIXED_BOUNDARY);
	buf_puts(b, eol);
	buf_puts(b, "Content-Type: text/calendar; charset=utf-8; method=PUBLISH; name=\"appointment.ics\"");
	buf_puts(b, eol);
	buf_puts(b, "Content-Disposition: attachment; filename=\"appointment.ics\"");
	buf_puts(b, eol);
	buf_puts(b, "Content-Transfer-Encoding: base64");
	buf_puts(b, eol);
	buf_puts(b, eol);
	/* 57 bytes a line make 76 characters. */
	size_t n = strlen(ics);
	for (size_t i = 0; i < n; i += 57) {
		size_t k = n - i < 57 ? n - i : 57;
		char line[80];
		sodium_bin2base64(line, sizeof line, (const unsigned char *)ics + i, k, sodium_base64_VARIANT_ORIGINAL);
		buf_puts(b, line);
		buf_puts(b, eol);
	}
}

void mime_message_write(struct buf *b, const struct mime_message *m, const char *eol)
{
	buf_puts(b, "Date: ");
	put_date(b, m->date);
	buf_puts(b, eol);
	buf_puts(b, "From: ");
	mime_encode_address(b, 6, m->from_name, m->from_addr, eol);
	buf_puts(b, eol);
	buf_printf(b, "To: %s", m->to_addr);
	buf_puts(b, eol);
	buf_puts(b, "Subject: ");
	mime_encode_header_text(b, 9, m->subject, eol);
	buf_puts(b, eol);
	buf_printf(b, "Message-ID: <%s>", m->message_id);
	buf_puts(b, eol);
	if (m->unsubscribe_url && url_fits_header(m->unsubscribe_url)) {
		/* RFC 8058: a POST of List-Unsubscribe=One-Click to this address unsubscribes, so a
		 * mail client's button works without the recipient opening a page. */
		buf_printf(b, "List-Unsubscribe: <%s>", m->unsubscribe_url);
		buf_puts(b, eol);
		buf_puts(b, "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
		buf_puts(b, eol);
	}
	buf_puts(b, "MIME-Version: 1.0");
	buf_puts(b, eol);
	if (m->calendar) {
		buf_puts(b, "Content-Type: multipart/mixed; boundary=\"" MIME_MIXED_BOUNDARY "\"");
		buf_puts(b, eol);
		buf_puts(b, eol);
		buf_puts(b, "--" MIME_MIXED_BOUNDARY);
		buf_puts(b, eol);
	}
	put_body(b, m, eol);
	if (m->calendar) {
		put_calendar(b, m->calendar, eol);
		buf_puts(b, "--" MIME_MIXED_BOUNDARY "--");
		buf_puts(b, eol);
	}
}
