/* mime_encode.h: the encodings mail needs on its way out: RFC 2047 encoded words for header text
 * that is not plain ASCII, and quoted-printable (RFC 2045) for UTF-8 bodies. Pure: no I/O. */
#ifndef CC_MIME_ENCODE_H
#define CC_MIME_ENCODE_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/buf.h"

/* Lines of an encoded header or body, their end included, stay within this (RFC 2045 and 2047). */
#define MIME_LINE_MAX 76

/* Header text (a Subject, a display name) after `used` characters of its line ("Subject: "):
 * printable ASCII goes as it is; anything else as UTF-8 base64 encoded words of at most
 * MIME_LINE_MAX characters per line, folded with eol + space, never splitting a character.
 * CR, LF and other controls become spaces first: a value cannot start a header of its own. */
void mime_encode_header_text(struct buf *b, size_t used, const char *text, const char *eol);

/* An address header value: `addr` alone, or the display name (plain, quoted when it holds
 * specials, encoded words when not ASCII) and <addr>. */
void mime_encode_address(struct buf *b, size_t used, const char *name, const char *addr, const char *eol);

/* True if addr is one plain mailbox (local@domain, printable ASCII, no spaces, <>, quotes or
 * controls): the only kind the sender puts in a header or hands to a transport. */
bool mime_address_ok(const char *addr);

/* Splits "Display Name <local@domain>" (or a bare address) into its parts, copied into out of
 * size n each; false if the address part is not mime_address_ok. */
bool mime_address_split(const char *s, char *name, char *addr, size_t n);

/* text (lines ended by LF or CRLF) as quoted-printable: lines end in eol, none longer than
 * MIME_LINE_MAX (soft breaks "=" where a line is longer), '=' and non-ASCII bytes as =XX, a
 * space or tab before a line end as =20/=09. Dots at a line start stay: stuffing them is the
 * SMTP transport's job. */
void mime_encode_qp(struct buf *b, const char *text, size_t n, const char *eol);

#endif
