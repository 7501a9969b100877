/* order_ref.h: the order reference people read out and type: "CC-7KQ4-M2XP", eight random
 * Crockford base32 digits (40 bits) in two groups of four behind the shop's prefix. Random, so it
 * says nothing of how many orders there are; short, so a collision is possible and the unique
 * index on orders.reference turns it into a retry. The 20-digit order number stays the
 * order's internal name (links, payment references) and is still accepted wherever one is typed.
 * No I/O but randomness. */
#ifndef CC_ORDER_REF_H
#define CC_ORDER_REF_H
#include <stdbool.h>

#define ORDER_REF_LEN 8		/* the stored digits, without prefix and dashes */
#define ORDER_REF_SHOWN_LEN 12	/* "CC-XXXX-XXXX" */
#define ORDER_REF_SHOW_SIZE 24	/* what order_ref_show writes: a shown reference or an old order's number, and the NUL */

void order_ref_new(char out[ORDER_REF_LEN + 1]);
/* The stored digits of a reference as typed: case, spaces and dashes ignored, the "CC" prefix
 * optional, I and L read as 1 and O as 0 (the digits people mistake them for). False unless
 * that leaves exactly ORDER_REF_LEN base32 digits. */
bool order_ref_normalize(const char *in, char out[ORDER_REF_LEN + 1]);
/* "CC-7KQ4-M2XP" from the stored "7KQ4M2XP"; a value that is not ORDER_REF_LEN digits is copied
 * as it is (truncated to fit), so an old order's 20-digit number shows unchanged. */
void order_ref_show(const char *ref, char out[ORDER_REF_SHOW_SIZE]);

#endif
