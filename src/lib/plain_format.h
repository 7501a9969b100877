/* plain_format.h: the printf formats pages build their strings with ("%s", "%lld", "%zu" and text
 * between), written by hand: vsnprintf's general machinery cost about a thousand instructions a
 * call, for a path or a label, dozens of times a view. */
#ifndef CC_PLAIN_FORMAT_H
#define CC_PLAIN_FORMAT_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* What vsnprintf(out, cap, fmt, ap) writes, when fmt holds only plain conversions (%%, %s, and
 * %d %i %u with no length, l, ll or z, and perhaps a zero flag with a one-digit width: "%02lld")
 * and the result with its NUL fits in cap: true, *len the length. Else false (a flag, a width, a precision, another conversion, a NULL string, or too
 * long): the caller formats with vsnprintf from its own copy of the arguments. Consumes ap. */
bool plain_format(char *out, size_t cap, size_t *len, const char *fmt, va_list ap);

#endif
