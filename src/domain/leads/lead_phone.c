/* lead_phone.c: E.164 from an international phone number as typed (see lead_phone.h). */
#include <string.h>
#include "domain/leads/lead_phone.h"

bool lead_phone_e164(const char *typed, char out[LEAD_PHONE_E164_LEN])
{
	out[0] = '\0';
	const char *p = typed;
	while (*p == ' ')
		p++;
	if (*p == '+')
		p++;
	else if (p[0] == '0' && p[1] == '0')
		p += 2;
	else
		return false;
	char digits[LEAD_PHONE_E164_LEN];
	size_t n = 0;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n == 15)
				return false;
			digits[n++] = *p;
		} else if (strncmp(p, "(0)", 3) == 0 && n > 0) {
			p += 2;	/* "+44 (0)20": the national trunk prefix, not dialled from abroad */
		} else if (!strchr(" -.()/", *p)) {
			return false;
		}
	}
	if (n < 8 || digits[0] == '0')
		return false;
	out[0] = '+';
	memcpy(out + 1, digits, n);
	out[n + 1] = '\0';
	return true;
}
