/* password_policy.c: one rule for every new password, so sign-up, reset and change cannot
 * drift apart. Length and a breached-password list, as NIST SP 800-63B and ASVS 2.1 ask;
 * composition rules are left out on purpose: they make passwords more predictable, not less. */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "lib/password.h"
#include "lib/password_common.h"
#include "lib/password_policy.h"

size_t password_policy_length(const char *pw)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;	/* a continuation byte: part of the code point already counted */
		if (*p == ' ' && p > (const unsigned char *)pw && p[-1] == ' ')
			continue;
		n++;
	}
	return n;
}

#define PASSWORD_POLICY_STR_(n) #n
#define PASSWORD_POLICY_STR(n) PASSWORD_POLICY_STR_(n)

/* Lowercases ASCII letters into out (of PASSWORD_BYTES_MAX + 1 bytes); false when pw is longer. */
#define PASSWORD_BYTES_MAX (PASSWORD_MAX * 4)
static bool password_policy_lower(const char *pw, char *out)
{
	size_t n = strlen(pw);
	if (n > PASSWORD_BYTES_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)pw[i]);
	out[n] = '\0';
	return true;
}

/* The email or its part before '@', typed as the password: the first guess of anyone who
 * knows the address. */
static bool password_policy_is_email(const char *lowered, const char *email)
{
	if (!email || !*email)
		return false;
	size_t local = strcspn(email, "@");
	return strcasecmp(lowered, email) == 0 ||
	       (strlen(lowered) == local && strncasecmp(lowered, email, local) == 0);
}

const char *password_policy_problem(const char *pw, const char *email)
{
	size_t len = password_policy_length(pw);
	char lowered[PASSWORD_BYTES_MAX + 1];
	if (len < PASSWORD_MIN || len > PASSWORD_MAX || !password_policy_lower(pw, lowered))
		return "Use a password of " PASSWORD_POLICY_STR(PASSWORD_MIN) " to " PASSWORD_POLICY_STR(PASSWORD_MAX)
		       " characters. A few words you will remember make a good one.";
	if (password_common_contains(lowered))
		return "That password is one of the most common ones, which attackers try first. Please choose another.";
	if (password_policy_is_email(lowered, email))
		return "Your password cannot be your email address. Please choose another.";
	return NULL;
}
