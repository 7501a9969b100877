/* password_policy.h: what a new password must be (ASVS 2.1): long enough, not too long, not a
 * common breached password, not the account's own email; no composition rules. */
#ifndef CC_PASSWORD_POLICY_H
#define CC_PASSWORD_POLICY_H
#include <stddef.h>

/* Characters counted as ASVS 2.1.1 counts them: code points, a run of spaces as one. pw must be
 * valid UTF-8 (the form parser guarantees it). */
size_t password_policy_length(const char *pw);
/* NULL when pw may be set as the password of the account with this email (sign-up, reset,
 * change), else a sentence for the form that says what to do instead. */
const char *password_policy_problem(const char *pw, const char *email);

#endif
