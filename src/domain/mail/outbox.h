/* outbox.h: mail is written to the outbox table inside the transaction of what it announces, so
 * it exists exactly when that did; crowdcartctl send-mail delivers it later. */
#ifndef CC_OUTBOX_H
#define CC_OUTBOX_H
#include "db/db.h"

#define OUTBOX_MAX_ATTEMPTS 5

/* Queues one plain-text mail. checkout_id/order_id: 0 for none. Call inside the caller's db_txn. */
enum db_status outbox_add(struct db *db, const char *to, const char *subject, const char *body,
			  long long checkout_id, long long order_id);

/* Sends up to `max` pending mails through `sendmail_path -t -i` (no shell), marking each sent, or
 * counting the attempt and marking it failed after OUTBOX_MAX_ATTEMPTS. Returns the number sent,
 * or -1 if the database failed. */
long outbox_send_pending(struct db *db, struct arena *a, const char *sendmail_path, const char *from, long max);

#endif
