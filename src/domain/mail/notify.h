/* notify.h: notices to brands and creators (a new order, a pick request, a payout sent...), each of
 * a kind its recipient may switch off (notify_kind.h). A notice is queued in the outbox inside the
 * caller's transaction, so it exists exactly when its event does; a switched-off kind queues
 * nothing. It goes to the account, not an address: the sender reads the account's address when it
 * sends. Its words come from the kind's section of templates/mail_notice.tpl, filled with the
 * caller's values by the program's renderer (the domain sees no templates: notify_renderer_set);
 * every notice ends with its one-click unsubscribe link (notify_token.h) and the settings page,
 * absolute from base_url, and carries List-Unsubscribe to the same link. */
#ifndef CC_NOTIFY_H
#define CC_NOTIFY_H
#include <stdbool.h>
#include "db/db.h"
#include "domain/mail/notify_kind.h"

/* Where a notice's links point: "<base_url>/unsubscribe/<token>" (one click turns the kind off)
 * and "<base_url>/studio/account/notifications". */
#define NOTIFY_UNSUBSCRIBE_PATH "/unsubscribe/"
#define NOTIFY_SETTINGS_PATH "/studio/account/notifications"

/* The values a notice's template section is filled with: "NAME" sets {{NAME}}; "#ROW" adds one
 * more row of section ROW, its {{TEXT}} the value (an order's items, an optional note). */
struct notify_field {
	const char *name, *value;
};
struct notify_text {
	struct arena *a;
	struct notify_field *f;
	size_t n, cap;
	/* NULL, or an iCalendar file the notice carries as a text/calendar attachment (an
	 * appointment booked with a lead); notify_user only. */
	const char *calendar;
};
void notify_text_init(struct notify_text *t, struct arena *a);
void notify_text_add(struct notify_text *t, const char *name, const char *value);
/* One row of section `row` ("#ROW") per line of text: a value's own line ends would be spaces
 * once escaped, so text of several lines goes in as rows. */
void notify_text_add_lines(struct notify_text *t, const char *row, const char *text);

/* Turns a section of the template (a kind's name, or an owed mail's: "order_shipped") and its
 * values into the mail's text: the subject on the first line, then the body; a switchable notice
 * ends with why it came and how to stop it. NULL if the template failed. Set once by each program
 * before it serves. */
typedef const char *(*notify_render_fn)(struct arena *a, const char *section, bool switchable,
					const struct notify_text *t);
void notify_renderer_set(notify_render_fn fn);

/* Queues the notice to the account unless it switched the kind off. Call inside the caller's
 * db_txn. */
enum db_status notify_user(struct db *db, struct arena *a, long long user_id, enum notify_kind k,
			   const struct notify_text *t) DB_MUST_CHECK;
/* A notice rendered but not yet queued, for a caller that has read the recipient's switch as on
 * in its own transaction and writes the notice with another mail (notify_owed_with). */
struct notify_mail {
	long long user_id;	/* 0: nothing to send */
	const char *kind, *subject, *body, *stop, *calendar;
};
/* The notice notify_user would queue, in *m; false (and m->user_id 0) if there is none. */
bool notify_user_render(struct arena *a, long long user_id, enum notify_kind k, const struct notify_text *t,
			struct notify_mail *m);
/* The same to the account that owns the brand, or the creator's account; nothing if there is none. */
enum db_status notify_brand(struct db *db, struct arena *a, long long brand_id, enum notify_kind k,
			    const struct notify_text *t) DB_MUST_CHECK;
enum db_status notify_creator(struct db *db, struct arena *a, long long creator_id, enum notify_kind k,
			      const struct notify_text *t) DB_MUST_CHECK;

/* Mail owed to its recipient, so always sent and never switchable: a shopper's order
 * confirmation, shipping notice and refund, a creator's lowered commission. Its words are the
 * template's `section` filled with t and BASE; queued to the address `to` inside the caller's
 * db_txn, tied to the checkout or order when there is one (0 if not). */
enum db_status notify_owed(struct db *db, struct arena *a, const char *to, const char *section,
			   const struct notify_text *t, long long checkout_id, long long order_id) DB_MUST_CHECK;

/* notify_owed and the rendered notice n (its switch read as on) in one statement: one round trip
 * for the two mails a checkout always queues. */
enum db_status notify_owed_with(struct db *db, struct arena *a, const char *to, const char *section,
				const struct notify_text *t, long long checkout_id, long long order_id,
				const struct notify_mail *n) DB_MUST_CHECK;

/* Whether each kind is on for the account: on[k] (no stored choice means on). */
enum db_status notify_prefs_load(struct db *db, struct arena *a, long long user_id, bool on[NOTIFY__MAX]) DB_MUST_CHECK;
enum db_status notify_pref_set(struct db *db, long long user_id, enum notify_kind k, bool on) DB_MUST_CHECK;

/* The absolute link a base_url-less setup cannot make is relative ("" base); "" without a secret. */
const char *notify_unsubscribe_url(struct arena *a, long long user_id, enum notify_kind k);

#endif
