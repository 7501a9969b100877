/* pay_form.h: application/x-www-form-urlencoded bodies for provider APIs, with the bracket keys
 * Stripe documents ("line_items[0][price_data][currency]"). */
#ifndef CC_PAY_FORM_H
#define CC_PAY_FORM_H
#include "lib/buf.h"

/* Appends "&key=value" (no '&' first), both percent-encoded: every byte but ALPHA DIGIT - . _ ~
 * as %XX, so brackets, braces and spaces travel unambiguously. */
void pay_form_add(struct buf *b, const char *key, const char *value);
void pay_form_add_int(struct buf *b, const char *key, long long value);

#endif
