/* lead_phone.c: E.164 from a phone number as typed (see lead_phone.h). */
#include <stdio.h>
#include <string.h>
#include "domain/leads/lead_phone.h"

const char *lead_phone_region(const char *form_region)
{
	return form_region && *form_region ? form_region : LEAD_PHONE_DEFAULT_REGION;
}

bool lead_phone_e164(const char *typed, const char *region, char out[LEAD_PHONE_E164_LEN])
{
	out[0] = '\0';
	size_t n = strlen(typed);
	if (n > LEAD_PHONE_TYPED_MAX)
		return false;
	char number[LEAD_PHONE_TYPED_MAX + 2];
	const char *p = typed + strspn(typed, " ");
	if (p[0] == '0' && p[1] == '0')
		snprintf(number, sizeof number, "+%s", p + 2);
	else
		snprintf(number, sizeof number, "%s", p);
	return phone_number_e164(number, region, out);
}
