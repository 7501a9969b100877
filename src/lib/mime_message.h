/* mime_message.h: one outgoing mail as clients expect it: Date, Message-ID, encoded Subject and
 * names, a quoted-printable text part and, when there is one, an HTML alternative, and an optional
 * calendar attachment; List-Unsubscribe on mail the recipient may stop. Pure: the caller gives the time and the ids. */
#ifndef CC_MIME_MESSAGE_H
#define CC_MIME_MESSAGE_H
#include <time.h>
#include "lib/buf.h"

struct mime_message {
	const char *from_name, *from_addr;	/* from_name may be empty */
	const char *to_addr;
	const char *subject;
	time_t date;
	const char *message_id;		/* "local@host", without the angle brackets */
	const char *unsubscribe_url;	/* NULL or "" for transactional mail */
	const char *text;		/* UTF-8, lines ended by LF */
	const char *html;		/* NULL for a text-only mail */
	/* NULL, or an iCalendar file (CRLF lines, METHOD:PUBLISH) sent after the text as a
	 * text/calendar attachment "appointment.ics" in a multipart/mixed message. */
	const char *calendar;
};

/* The message, every line ended by eol ("\r\n" for SMTP, "\n" for a local sendmail). Addresses
 * must have passed mime_address_ok. */
void mime_message_write(struct buf *b, const struct mime_message *m, const char *eol);

#endif
