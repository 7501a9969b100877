/* address.h: a postal address printed the way its country writes it (docs/CHECKOUT.md,
 * "Addresses"): the postal code before or after the town, the region where it belongs, the
 * country's name last, no empty lines, and every part trimmed with inner runs of spaces made
 * one. Pure. */
#ifndef CC_ADDRESS_H
#define CC_ADDRESS_H
#include <stddef.h>
#include "lib/arena.h"

#define ADDRESS_MAX_LINES 7

struct address {
	const char *name, *line1, *line2, *city, *region, *postal, *country;	/* country: alpha-2 */
};

/* The lines, top to bottom, into out; returns how many. An unknown country code is printed as
 * given, with the postal code before the town. */
size_t address_lines(struct arena *a, const struct address *ad, const char *out[ADDRESS_MAX_LINES]);
/* The lines joined with sep ("\n", ", "). */
const char *address_text(struct arena *a, const struct address *ad, const char *sep);

#endif
