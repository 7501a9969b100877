/* validate.h: rules for values people type: emails, creator handles, slugs. Pure functions. */
#ifndef CC_VALIDATE_H
#define CC_VALIDATE_H
#include <stdbool.h>
#include <stddef.h>

#define HANDLE_MIN 3
#define HANDLE_MAX 30

/* A deliberately plain check: one '@', a non-empty local part, a dotted domain, no spaces or
 * control characters, at most 254 bytes. Delivery is the real test. */
bool validate_email(const char *s);
/* NULL if acceptable as a creator handle, else a message for the person: 3 to 30 characters,
 * letters, digits and '_', starting with a letter, not a reserved word (studio, api, admin...).
 * Uniqueness is case-insensitive, enforced by the database. */
const char *validate_handle(const char *s);
/* Lowercase ASCII letters, digits and single '-' from a name ("Northwind & Co." ->
 * "northwind-co"); false if nothing usable remains. */
bool validate_slugify(const char *name, char *out, size_t outlen);
/* True if s has a character other than white space. */
bool validate_has_text(const char *s);

#endif
