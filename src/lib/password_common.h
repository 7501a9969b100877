/* password_common.h: a local list of common breached passwords (ASVS 2.1.7), searched offline. */
#ifndef CC_PASSWORD_COMMON_H
#define CC_PASSWORD_COMMON_H
#include <stdbool.h>

/* True when lowered (ASCII letters already lowercased) is on the list. */
bool password_common_contains(const char *lowered);

#endif
