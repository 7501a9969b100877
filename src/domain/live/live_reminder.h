/* live_reminder.h: "remind me" with double opt-in. Asking stores the address unconfirmed and
 * mails it a one-time confirmation link (random token, stored as its hash, valid 48 hours);
 * only confirmed reminders are mailed at go-live (studio/live_control.c); every mail carries a
 * stop link. Asking again sends no second mail while a link is still valid, and never after the
 * address stopped the reminder. Links are absolute, from the base_url given. */
#ifndef CC_LIVE_REMINDER_H
#define CC_LIVE_REMINDER_H
#include <stdbool.h>
#include "db/db.h"

#define LIVE_REMINDER_CONFIRM_HOURS 48

/* What the row for (session, email) says, read under its lock. */
struct live_reminder_row {
	bool exists, confirmed, stopped, link_valid;
};

/* Whether asking now mails a (new) confirmation link. */
bool live_reminder_needs_mail(const struct live_reminder_row *row);

struct live_reminder_ask {
	long long session_id;
	const char *email;
	const char *title, *creator_name, *starts_at;	/* for the mail */
	const char *base_url;
};

/* Records the ask and queues the confirmation mail when one is due, in one transaction. */
enum db_status live_reminder_ask(struct db *db, struct arena *a, struct live_reminder_ask *q) DB_MUST_CHECK;

/* What a link leads to: its session (0 when the link is unknown, used or expired), its title,
 * whether that session is still to start, and for a stop link whether it was already used. */
struct live_reminder_link {
	long long session_id;
	const char *title;
	bool scheduled, stopped;
};

/* A confirmation token as mailed: its reminder, without changing anything. */
enum db_status live_reminder_confirm_find(struct db *db, struct arena *a, const char *token,
					  struct live_reminder_link *out) DB_MUST_CHECK;
/* Confirms it: out->session_id 0 when the link is unknown, used or expired. */
enum db_status live_reminder_confirm(struct db *db, struct arena *a, const char *token,
				     struct live_reminder_link *out) DB_MUST_CHECK;
/* A stop token as mailed: its reminder, without changing anything. */
enum db_status live_reminder_stop_find(struct db *db, struct arena *a, const char *token,
				       struct live_reminder_link *out) DB_MUST_CHECK;
/* Stops the reminder (idempotent): out->session_id 0 when the link is unknown. */
enum db_status live_reminder_stop(struct db *db, struct arena *a, const char *token,
				  struct live_reminder_link *out) DB_MUST_CHECK;

#endif
