/* mail_smtp.h: one mail over SMTP with libcurl (curl does the dot-stuffing and the SMTP dialogue). */
#ifndef CC_MAIL_SMTP_H
#define CC_MAIL_SMTP_H
#include <stdbool.h>
#include <stddef.h>
#include "domain/mail/mail_result.h"

struct mail_smtp {
	const char *url, *user, *password;	/* smtp://host:port or smtps://host:port */
	const char *ca_file;			/* "" for the system's CAs */
	bool starttls_required;
	long connect_timeout, timeout;		/* seconds */
};

/* A 5xx answer is MAIL_DEAD; any other failure (4xx, no connection, no STARTTLS offered when it
 * is required, a refused login, a timeout) MAIL_RETRY. curl_global_init first. */
enum mail_result mail_smtp_send(const struct mail_smtp *t, const char *from, const char *to,
				const char *msg, size_t len, char err[MAIL_ERROR_MAX]);

#endif
