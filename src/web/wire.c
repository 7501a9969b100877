/* wire.c: RFC 3339 times and page cursors for the Shopping API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "web/wire.h"
#include "web/input.h"

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* "YYYY-MM-DD?hh:mm:ss" with sep at position 10. */
static bool stamp(const char *s, char sep)
{
	return digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' && digits(s + 8, 2) && s[10] == sep &&
	       digits(s + 11, 2) && s[13] == ':' && digits(s + 14, 2) && s[16] == ':' && digits(s + 17, 2);
}

bool wire_time_out(const char *t, char out[21])
{
	if (!t || strlen(t) != 19 || !stamp(t, ' '))
		return false;
	memcpy(out, t, 19);
	out[10] = 'T';
	out[19] = 'Z';
	out[20] = '\0';
	return true;
}

bool wire_time_in(const char *s, char out[20])
{
	if (!s || strlen(s) < 20 || !(stamp(s, 'T') || stamp(s, 't')))
		return false;
	const char *z = s + 19;
	if (*z == '.') {
		size_t n = 0;
		while (z[1 + n] >= '0' && z[1 + n] <= '9')
			n++;
		if (n == 0 || n > 9)
			return false;
		z += 1 + n;
	}
	if (strcmp(z, "Z") && strcmp(z, "z") && strcmp(z, "+00:00"))
		return false;
	int mo = atoi(s + 5), d = atoi(s + 8), h = atoi(s + 11), mi = atoi(s + 14), se = atoi(s + 17);
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60)
		return false;
	memcpy(out, s, 19);
	out[10] = ' ';
	out[19] = '\0';
	return true;
}

/* Versioned, so the ordering behind a cursor may change later without misreading old ones. */
void wire_cursor(long long id, char out[WIRE_CURSOR_MAX + 1])
{
	char plain[24];
	int n = snprintf(plain, sizeof plain, "v1:%lld", id);
	sodium_bin2base64(out, WIRE_CURSOR_MAX + 1, (const unsigned char *)plain, (size_t)n,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool wire_cursor_id(const char *s, long long *id)
{
	unsigned char plain[32];
	size_t n;
	if (!s || strlen(s) > WIRE_CURSOR_MAX || sodium_base642bin(plain, sizeof plain - 1, s, strlen(s), NULL, &n, NULL,
								  sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return false;
	plain[n] = '\0';
	if (n < 4 || memcmp(plain, "v1:", 3) != 0 || strlen((const char *)plain) != n)
		return false;
	*id = wire_id((const char *)plain + 3);
	return *id > 0;
}

long long wire_id(const char *s)
{
	long long id;
	return input_id(s, &id) ? id : 0;
}
