/* lead_status.h: where a lead stands in the brand's work (raw, qualified, unqualified, contacted,
 * converted) and the qualifying rule that sets the first step from the answers. Pure, unit-tested
 * in tests/unit/test_lead_centre.c. */
#ifndef CC_LEAD_STATUS_H
#define CC_LEAD_STATUS_H
#include <stdbool.h>
#include <stddef.h>

enum lead_status { LEAD_RAW, LEAD_QUALIFIED, LEAD_UNQUALIFIED, LEAD_CONTACTED, LEAD_CONVERTED, LEAD__NSTATUS };

/* "raw", "qualified"...; false for anything else. */
bool lead_status_parse(const char *s, enum lead_status *st);
const char *lead_status_name(enum lead_status st);
/* What the studio shows ("Raw", "Qualified"...). */
const char *lead_status_label(enum lead_status st);

/* One answered choice field: its qualifying and disqualifying options (one per line) and the
 * options chosen. */
struct lead_status_answer {
	const char *qualifying, *disqualifying;
	const char *const *vals;
	size_t nvals;
};

/* The status the answers earn: unqualified if any chosen option disqualifies (a single "no" is
 * decisive), else qualified if any qualifies, else raw. */
enum lead_status lead_status_from_answers(const struct lead_status_answer *a, size_t n);

/* Whether a status derived from answers may replace `current`: only while nobody has set the
 * status by hand and the lead has not been worked past qualification. */
bool lead_status_auto_applies(enum lead_status current, bool by_hand);

/* Normalises labels typed as "vip, Spring fair ,vip" into "vip,Spring fair" (trimmed, commas
 * between, duplicates dropped, at most `max` labels of at most 40 bytes); false if the result
 * does not fit outlen or a label is too long. */
bool lead_status_labels(const char *typed, char *out, size_t outlen, size_t max);

#endif
