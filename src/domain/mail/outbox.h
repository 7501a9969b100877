/* outbox.h: mail is written to the outbox table inside the transaction of what it announces, so
 * it exists exactly when that did; crowdcartctl send-mail delivers it later (ctl/sendmail.c),
 * retrying temporary failures with backoff and leaving permanent ones 'dead' for the operator. */
#ifndef CC_OUTBOX_H
#define CC_OUTBOX_H
#include "db/db.h"

/* Attempts before a mail that keeps failing temporarily is given up as dead. */
#define OUTBOX_MAX_ATTEMPTS 5

/* Queues one transactional plain-text mail. checkout_id/order_id: 0 for none. Call inside the
 * caller's db_txn. */
enum db_status outbox_add(struct db *db, const char *to, const char *subject, const char *body,
			  long long checkout_id, long long order_id);

/* A mail due for an attempt, its strings in the caller's arena. */
struct outbox_mail {
	long long id;
	long long created;		/* Unix time: with id, a Message-ID that stays the same on retries */
	long attempts;			/* made so far */
	const char *to, *subject, *body;
	const char *unsubscribe_url;	/* "" unless the recipient may stop this kind of mail */
	const char *calendar;		/* NULL, or an .ics sent as an attachment (notify_text.calendar) */
};

/* Up to max pending mails whose next attempt is due (only those to `to` unless it is NULL), each
 * claimed for ten minutes so that another sender (on another node) leaves it alone; *n of them
 * in *out. */
enum db_status outbox_claim_due(struct db *db, struct arena *a, const char *to, long max, struct outbox_mail **out,
			       size_t *n);
enum db_status outbox_mark_sent(struct db *db, long long id);
/* A temporary failure: the next attempt retry_seconds * 2^(attempts made - 1) later (at most a
 * day), or dead once OUTBOX_MAX_ATTEMPTS have been made. */
enum db_status outbox_mark_retry(struct db *db, long long id, const char *error, long retry_seconds);
/* A permanent failure (the server refused the mail or its address): no more attempts. */
enum db_status outbox_mark_dead(struct db *db, long long id, const char *error);

/* A dead mail pending again with a fresh count of attempts (its last_error kept until the next
 * one), once the operator fixed the cause; *revived false if it is not dead. */
enum db_status outbox_revive(struct db *db, long long id, bool *revived);

/* Dead mails, for the admin page and the health check; -1 if the database failed. */
long outbox_dead_count(struct db *db);
/* The newest dead mails, up to max: columns id, to_addr, subject, attempts, last_error, created_at. */
enum db_status outbox_dead_list(struct db *db, struct arena *a, long max, struct db_res *res);

#endif
