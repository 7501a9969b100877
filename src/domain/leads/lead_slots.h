/* lead_slots.h: the appointment question's arithmetic — a brand's weekly availability in its own
 * time zone ("mon 09:00-12:00, wed 14:00-17:30"), cut into slots of a fixed length, turned into UTC
 * by the C library's time zone rules (so a slot on the day clocks change lands where a wall clock
 * says), less those inside the notice period. Pure but for the process's TZ, which is set and put
 * back around each conversion. Unit-tested across DST changes in tests/unit/test_lead_centre.c. */
#ifndef CC_LEAD_SLOTS_H
#define CC_LEAD_SLOTS_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define LEAD_SLOTS_MAX_WINDOWS 21	/* three a day */
#define LEAD_SLOTS_DAYS 14		/* how far ahead slots are offered */
#define LEAD_SLOTS_MAX 200		/* offered at most */
#define LEAD_SLOT_VALUE_LEN 18		/* "2026-03-29T07:00Z" and its NUL */

struct lead_slots_window {
	int wday;		/* 0 = Sunday, as struct tm */
	int from, to;		/* minutes after local midnight, from < to */
};

struct lead_slots_rule {
	struct lead_slots_window w[LEAD_SLOTS_MAX_WINDOWS];
	size_t nw;
	int slot_minutes;	/* 5 to 480 */
	int notice_minutes;	/* no slot starts sooner than this after now */
	char tz[64];		/* IANA name, e.g. "Europe/Berlin" */
};

/* Parses "mon 09:00-12:00, tue 14:00-17:00" (separated by commas, semicolons or lines; days mon..sun;
 * 24 h times). NULL if fine, else a message for the brand. Checks the zone exists. */
const char *lead_slots_parse(const char *weekly, int slot_minutes, int notice_minutes, const char *tz,
			     struct lead_slots_rule *rule);

/* The slot starts (UTC) offered from `now` for LEAD_SLOTS_DAYS days, in order; returns how many
 * (at most max). A local time that does not exist (the hour skipped in spring) is never offered. */
size_t lead_slots_list(const struct lead_slots_rule *rule, time_t now, time_t *out, size_t max);

/* "2026-03-29T07:00Z": how a slot travels in a form and is stored. */
void lead_slots_value(time_t t, char out[LEAD_SLOT_VALUE_LEN]);
/* The reverse; false if malformed. */
bool lead_slots_parse_value(const char *s, time_t *t);
/* "Mon 30 Mar 2026, 09:00" in the rule's zone, for the shopper. */
void lead_slots_label(const struct lead_slots_rule *rule, time_t t, char *out, size_t outlen);

#endif
