/* lead_condition.h: conditional questions — which fields of a lead form are shown for the answers
 * given so far. Pure, unit-tested in tests/unit/test_lead_centre.c; the public form applies it on
 * the server (hidden answers are dropped, newly shown questions asked as a next step) and
 * static/js/leadform.js applies the same rule live. */
#ifndef CC_LEAD_CONDITION_H
#define CC_LEAD_CONDITION_H
#include <stdbool.h>
#include <stddef.h>

struct lead_condition {
	int source;		/* index of the earlier field it depends on; -1: always shown */
	const char *options;	/* shown when an answer to the source is one of these lines */
	const char *const *vals;	/* this field's own answers */
	size_t nvals;
};

/* Fills shown[0..n): a field is shown when it has no condition, or its source is itself shown and
 * one of the source's answers is among its options. A source at or after the field (a reorder made
 * it so) counts as no condition, so a question never becomes unreachable. */
void lead_condition_shown(const struct lead_condition *c, size_t n, bool *shown);

#endif
