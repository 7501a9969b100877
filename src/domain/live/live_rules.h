/* live_rules.h: the pure rules of live shopping: session states, the question rate
 * limit, blocked-word matching, the start time a creator types, and replay offsets. No I/O, so
 * they are unit-tested (tests/unit/test_live.c). */
#ifndef CC_LIVE_RULES_H
#define CC_LIVE_RULES_H
#include <stdbool.h>
#include <stddef.h>

#define LIVE_TITLE_MAX 200
#define LIVE_QUESTION_MAX 280	/* characters of a question */
#define LIVE_ANSWER_MAX 1000
#define LIVE_NAME_MAX 60	/* a viewer's display name */
#define LIVE_WORDS_MAX 1000	/* a session's own blocked-word list */
#define LIVE_LINEUP_MAX 20
#define LIVE_PINS_MAX 3		/* products pinned at once */
#define LIVE_CHAT_MAX 200	/* characters of a chat message */
#define LIVE_CHAT_SLOW_MAX 300	/* the longest slow mode, in seconds */
/* A chat message at most every LIVE_CHAT_MIN_GAP_S seconds per viewer even without slow mode. */
#define LIVE_CHAT_MIN_GAP_S 1
#define LIVE_POLL_QUESTION_MAX 140
#define LIVE_POLL_OPTION_MAX 60
#define LIVE_POLL_OPTIONS_MAX 4
#define LIVE_EVENTS_MAX 100	/* events in one poll answer; further behind means reset */
/* The rate limit per viewer and session: one question per LIVE_RATE_SHORT_S seconds and at
 * most LIVE_RATE_LONG_N per LIVE_RATE_LONG_S seconds. */
#define LIVE_RATE_SHORT_S 10
#define LIVE_RATE_LONG_S 60
#define LIVE_RATE_LONG_N 5

enum live_state { LIVE_SCHEDULED = 0, LIVE_LIVE, LIVE_ENDED, LIVE__BAD };

enum live_state live_state_parse(const char *s);	/* LIVE__BAD if unknown */
const char *live_state_name(enum live_state s);		/* "" for LIVE__BAD */
/* Only forward, one step at a time: scheduled -> live -> ended. */
bool live_state_next_ok(enum live_state from, enum live_state to);

/* Whether a viewer who asked `in_short` questions in the last LIVE_RATE_SHORT_S seconds and
 * `in_long` in the last LIVE_RATE_LONG_S may ask another. */
bool live_rate_ok(long long in_short, long long in_long);

/* The first entry of a comma-separated word list found in `text`, compared without ASCII case
 * and only as a whole word or phrase (a letter, digit or non-ASCII byte on either side means
 * it is part of a longer word: "class" does not contain "ass"). Entries are trimmed; empty ones
 * are skipped. Writes the entry (at most outlen-1 bytes) to out and returns true, else false. */
bool live_blocked_word(const char *text, const char *list, char *out, size_t outlen);

/* A start time as an <input type="datetime-local"> sends it, "YYYY-MM-DDTHH:MM" (optionally
 * ":SS", or a space for the 'T'), read as UTC; writes "YYYY-MM-DD HH:MM:SS" to out[20]. False
 * if malformed or not a real date between 2000 and 2099. */
bool live_parse_start(const char *s, char out[20]);

/* Whether `name` is one of the reactions a viewer may send: heart, fire, clap, laugh, wow. */
bool live_reaction_ok(const char *name);

/* The seconds a viewer must still wait before chatting again under a slow mode of `slow_s`
 * seconds (at least LIVE_CHAT_MIN_GAP_S), whose last message was `since_ms` milliseconds ago
 * (negative: never); 0 when they may post now. */
long long live_chat_wait_s(long long slow_s, long long since_ms);

/* "m:ss" (or "h:mm:ss" from an hour on) for a replay offset in seconds; negatives become 0:00. */
void live_offset_text(long long seconds, char *out, size_t outlen);

/* Milliseconds to whole seconds of replay offset, never negative. */
long long live_offset_s(long long pinned_ms, long long started_ms);

#endif
