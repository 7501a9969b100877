/* login_throttle.h: sign-in throttling that slows guessing without locking the owner out. Each
 * failure is counted against its (account, client network prefix) pair: the first few are free,
 * then each next attempt from that pair waits 1, 2, 4 ... seconds after the last failure, up to
 * a cap. A prefix failing across many accounts slows the same way past a budget. Only failures
 * from many distinct prefixes lock the account itself, for the window; its owner still gets in
 * through an emailed one-time link (account_link.h). Nothing sleeps: a wait is answered at once
 * with how long it is (429 + Retry-After). Accounts and prefixes are keyed hashes, never stored
 * in clear. Design notes: docs/SECURITY.md, "Sign-in throttling". */
#ifndef CC_LOGIN_THROTTLE_H
#define CC_LOGIN_THROTTLE_H
#include <stdbool.h>
#include <stdint.h>
#include "db/db.h"

#define LOGIN_WINDOW_S 900		/* failures older than 15 minutes no longer count */
#define LOGIN_FREE_FAILURES 3		/* per pair, before the first delay */
#define LOGIN_PAIR_CAP_S 300
/* Failures one prefix may make across all accounts in the window before it is slowed: generous,
 * since an office or a mobile carrier puts many people behind one prefix. */
#define LOGIN_PREFIX_BUDGET 30
#define LOGIN_PREFIX_CAP_S 60
/* Distinct prefixes failing on one account in the window that lock it: a distributed attack. */
#define LOGIN_LOCK_PREFIXES 20
/* And a ceiling whatever the spread (ASVS 2.2.1: no more than 100 failures an hour on one
 * account); a single prefix cannot reach it: its own delays allow it under 50 an hour. */
#define LOGIN_LOCK_HOUR_FAILURES 100

/* The three subjects of one attempt. */
struct login_subject {
	uint8_t pair[32], account[32], prefix[32];
};

/* What the window holds for one attempt's subjects. */
struct login_counts {
	long long pair_failures, pair_since_ms;		/* ms since the pair's latest failure */
	long long prefix_failures, prefix_since_ms;
	long long account_prefixes;			/* distinct prefixes failing on the account */
	long long account_hour_failures;		/* the account's failures in the last hour */
};

enum login_verdict { LOGIN_GO, LOGIN_WAIT, LOGIN_LOCKED };
struct login_wait {
	enum login_verdict verdict;
	long long seconds;	/* LOGIN_WAIT, LOGIN_LOCKED: when to come back (Retry-After) */
};

/* The subjects of an attempt on email (compared without letter case) from a client address. */
void login_throttle_subject(const uint8_t secret[32], const char *email, const char *address,
			    struct login_subject *s);
/* Seconds to wait after `failures` (0 for the first `free` ones, then 1, 2, 4 ... up to cap). */
long long login_throttle_delay(long long failures, long long free, long long cap);
/* The verdict on counts; with_lock false leaves out the account-wide lock (the pair and prefix
 * delays stay), for a password asked again of someone already signed in. Pure. */
struct login_wait login_throttle_judge(const struct login_counts *c, bool with_lock);
/* Reads the counts and judges them: one statement. */
enum db_status login_throttle_check(struct db *db, struct arena *a, const struct login_subject *s,
				    bool with_lock, struct login_wait *w) DB_MUST_CHECK;
/* Counts one failure. One that cannot be counted must not be answered as a failure (guesses
 * would run past the throttle while writes fail): the caller answers the status instead. */
enum db_status login_throttle_fail(struct db *db, const struct login_subject *s) DB_MUST_CHECK;
/* After a success: the pair starts again from zero (best effort; rows left only throttle more,
 * and age out). */
void login_throttle_forget_pair(struct db *db, const struct login_subject *s);
/* After the owner proved they hold the mailbox (a reset): the account's failures are forgotten,
 * lock included. Best effort, as above. */
void login_throttle_forget_account(struct db *db, const struct login_subject *s);

#endif
