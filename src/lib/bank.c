/* bank.c: see bank.h. */
#include <ctype.h>
#include <string.h>
#include "lib/bank.h"

/* Copies in to out without spaces, upper-cased; false when longer than max or not A-Z/0-9. */
static bool bank_compact(const char *in, char *out, size_t max)
{
	size_t n = 0;
	for (const char *p = in; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ')
			continue;
		if (!isascii(c) || !isalnum(c) || n == max)
			return false;
		out[n++] = (char)toupper(c);
	}
	out[n] = '\0';
	return true;
}

bool bank_iban_normalise(const char *in, char out[BANK_IBAN_MAX + 1])
{
	if (!bank_compact(in, out, BANK_IBAN_MAX))
		return false;
	size_t n = strlen(out);
	if (n < 15 || !isupper((unsigned char)out[0]) || !isupper((unsigned char)out[1]) ||
	    !isdigit((unsigned char)out[2]) || !isdigit((unsigned char)out[3]))
		return false;
	/* The first four characters move to the end, letters count as 10..35, and the number taken
	 * mod 97 must be 1; computed digit by digit so it never overflows. */
	unsigned rem = 0;
	for (size_t k = 0; k < n; k++) {
		char c = out[(k + 4) % n];
		if (isdigit((unsigned char)c))
			rem = (rem * 10 + (unsigned)(c - '0')) % 97;
		else
			rem = (rem * 100 + (unsigned)(c - 'A' + 10)) % 97;
	}
	return rem == 1;
}

bool bank_bic_normalise(const char *in, char out[BANK_BIC_MAX + 1])
{
	if (!bank_compact(in, out, BANK_BIC_MAX))
		return false;
	size_t n = strlen(out);
	if (n != 8 && n != 11)
		return false;
	for (size_t i = 0; i < 6; i++)
		if (!isupper((unsigned char)out[i]))
			return false;
	return true;
}
