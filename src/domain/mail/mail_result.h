/* mail_result.h: what became of one attempt to hand a mail on, as the outbox needs to know it. */
#ifndef CC_MAIL_RESULT_H
#define CC_MAIL_RESULT_H

enum mail_result {
	MAIL_SENT,
	MAIL_RETRY,	/* temporary: a 4xx answer, a refused or broken connection, a busy mailer */
	MAIL_DEAD,	/* permanent: a 5xx answer, an address the mailer refuses */
};

/* Room for why an attempt failed (outbox.last_error), never holding credentials. */
#define MAIL_ERROR_MAX 200

#endif
