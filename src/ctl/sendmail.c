/* sendmail.c: crowdcartctl send-mail: deliver the outbox through sendmail when configured. */
#include <stdio.h>
#include "lib/config.h"
#include "ctl/ctl.h"
#include "domain/mail/outbox.h"

int ctl_send_mail(struct db *db)
{
	const char *path = config_str("sendmail_path", "");
	if (!*path) {
		/* No mailer on this host: the mail stays in the outbox table for the operator. */
		printf("sendmail_path is not set: pending mail stays in the outbox\n");
		return 0;
	}
	struct arena *a = arena_new(65536);
	long total = 0, n;
	/* In batches, so a long queue is not read into memory at once. */
	do {
		arena_reset(a);
		n = outbox_send_pending(db, a, path, config_str("mail_from", "crowdcart <no-reply@localhost>"), 100);
		if (n > 0)
			total += n;
	} while (n == 100);
	arena_free(a);
	printf("sent %ld mails\n", total);
	return n < 0 ? 1 : 0;
}
