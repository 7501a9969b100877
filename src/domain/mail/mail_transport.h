/* mail_transport.h: how a composed mail leaves: a local sendmail(8) or an SMTP server (libcurl,
 * STARTTLS required unless configured off), with each failure sorted into "try again later" and
 * "give up" as the outbox needs. */
#ifndef CC_MAIL_TRANSPORT_H
#define CC_MAIL_TRANSPORT_H
#include "domain/mail/mail_smtp.h"

struct mail_transport {
	bool smtp;			/* else sendmail */
	const char *sendmail_path;	/* "" means none: mail stays in the outbox */
	struct mail_smtp server;
};

/* From config mail_transport = sendmail|smtp and its keys (sendmail_path; smtp_url, smtp_user,
 * smtp_password, smtp_starttls = required|off, smtp_ca_file, smtp_connect_timeout, smtp_timeout). False with a
 * message in err (never the password) if the configuration is unusable. */
bool mail_transport_config(struct mail_transport *t, char err[MAIL_ERROR_MAX]);

/* Line ends the transport expects in the message: CRLF on the wire, LF for a local sendmail. */
const char *mail_transport_eol(const struct mail_transport *t);

/* Delivers msg (len bytes) from `from` to `to` (both mime_address_ok); on failure err says why,
 * without credentials. */
enum mail_result mail_transport_send(const struct mail_transport *t, const char *from, const char *to,
				     const char *msg, size_t len, char err[MAIL_ERROR_MAX]);

#endif
