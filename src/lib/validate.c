/* validate.c: see validate.h. */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "lib/validate.h"

/* Paths of our own that a handle must never shadow, plus names people would be misled by. */
static const char *const reserved[] = {
	"about", "ad", "admin", "administrator", "api", "app", "b", "cart", "checkout", "crowdcart",
	"f", "go", "help", "live", "login", "logout", "me", "orders", "p", "root", "s", "settings",
	"shop", "signup", "static", "staff", "studio", "support", "system", "v", "www",
};

bool validate_email(const char *s)
{
	size_t n = strlen(s);
	const char *at = strchr(s, '@');
	if (n < 3 || n > 254 || !at || at == s || strchr(at + 1, '@'))
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == '<' || *p == '>' || *p == '"')
			return false;
	const char *dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1] != '\0';
}

const char *validate_handle(const char *s)
{
	size_t n = strlen(s);
	if (n < HANDLE_MIN || n > HANDLE_MAX)
		return "A handle is 3 to 30 characters long.";
	if (!isalpha((unsigned char)s[0]) || !isascii((unsigned char)s[0]))
		return "A handle starts with a letter.";
	for (const char *p = s; *p; p++)
		if (!isascii((unsigned char)*p) || !(isalnum((unsigned char)*p) || *p == '_'))
			return "A handle uses only letters, digits and underscores.";
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (strcasecmp(s, reserved[i]) == 0)
			return "That handle is reserved. Please choose another.";
	return NULL;
}

bool validate_slugify(const char *name, char *out, size_t outlen)
{
	size_t o = 0;
	bool dash = false;
	if (outlen == 0)
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p && o + 1 < outlen; p++) {
		if (isascii(*p) && isalnum(*p)) {
			if (dash && o)
				out[o++] = '-';
			if (o + 1 < outlen)
				out[o++] = (char)tolower(*p);
			dash = false;
		} else {
			dash = true;
		}
	}
	out[o] = '\0';
	return o > 0;
}

bool validate_has_text(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return true;
	return false;
}
