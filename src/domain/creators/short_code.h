/* short_code.h: codes for creator short links (/s/{code}): 16 base32 characters, 80 random bits. */
#ifndef CC_SHORT_CODE_H
#define CC_SHORT_CODE_H
#include <stdbool.h>

#define SHORT_CODE_LEN 16

/* A new random code (lowercase RFC 4648 base32 alphabet), NUL-terminated. */
void short_code_new(char out[SHORT_CODE_LEN + 1]);
/* True if s has exactly the form short_code_new makes; checked before any lookup. */
bool short_code_valid(const char *s);

#endif
