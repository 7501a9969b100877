/* lead_ics.h: an appointment as an iCalendar file (RFC 5545) that calendar apps import: one event,
 * times in UTC, text escaped and lines folded at 75 octets. Pure, unit-tested. */
#ifndef CC_LEAD_ICS_H
#define CC_LEAD_ICS_H
#include <time.h>
#include "lib/buf.h"

struct lead_ics_event {
	const char *uid;	/* unique and stable: "lead-42@host" */
	time_t start, stamp;
	int minutes;
	const char *summary, *description;
};

void lead_ics(struct buf *b, const struct lead_ics_event *e);

#endif
