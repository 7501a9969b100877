/* notify.h: notices to brands and creators (a new order, a pick request, a payout sent...), each of
 * a kind its recipient may switch off (notify_kind.h). A notice is queued in the outbox inside the
 * caller's transaction, so it exists exactly when its event does; a switched-off kind queues
 * nothing. It goes to the account, not an address: the sender reads the account's address when it
 * sends. Every notice ends with its one-click unsubscribe link (notify_token.h) and the settings
 * page, absolute from base_url, and carries List-Unsubscribe to the same link. */
#ifndef CC_NOTIFY_H
#define CC_NOTIFY_H
#include <stdbool.h>
#include "db/db.h"
#include "domain/mail/notify_kind.h"

/* Where a notice's links point: "<base_url>/unsubscribe/<token>" (one click turns the kind off)
 * and "<base_url>/studio/account/notifications". */
#define NOTIFY_UNSUBSCRIBE_PATH "/unsubscribe/"
#define NOTIFY_SETTINGS_PATH "/studio/account/notifications"

/* Queues the notice to the account unless it switched the kind off; body is the text without the
 * footer. Call inside the caller's db_txn. */
enum db_status notify_user(struct db *db, struct arena *a, long long user_id, enum notify_kind k,
			   const char *subject, const char *body) DB_MUST_CHECK;
/* The same to the account that owns the brand, or the creator's account; nothing if there is none. */
enum db_status notify_brand(struct db *db, struct arena *a, long long brand_id, enum notify_kind k,
			    const char *subject, const char *body) DB_MUST_CHECK;
enum db_status notify_creator(struct db *db, struct arena *a, long long creator_id, enum notify_kind k,
			      const char *subject, const char *body) DB_MUST_CHECK;

/* Whether each kind is on for the account: on[k] (no stored choice means on). */
enum db_status notify_prefs_load(struct db *db, struct arena *a, long long user_id, bool on[NOTIFY__MAX]) DB_MUST_CHECK;
enum db_status notify_pref_set(struct db *db, long long user_id, enum notify_kind k, bool on) DB_MUST_CHECK;

/* The absolute link a base_url-less setup cannot make is relative ("" base); "" without a secret. */
const char *notify_unsubscribe_url(struct arena *a, long long user_id, enum notify_kind k);

#endif
