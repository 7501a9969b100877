/* lead_phone.h: a phone answer in E.164 ("+12065550100") for CRMs and dialers, beside the number
 * as typed. A documented subset of libphonenumber's work (docs/LEADS.md), pure and unit-tested:
 * only international numbers (a leading "+" or "00") are converted, since a national number's
 * country is unknown; a "(0)" trunk prefix after the country code is dropped; the result has 8 to
 * 15 digits and a country code not starting with 0. The country code itself is not checked
 * against ITU's list, nor the length per country. */
#ifndef CC_LEAD_PHONE_H
#define CC_LEAD_PHONE_H
#include <stdbool.h>

#define LEAD_PHONE_E164_LEN 17	/* "+" 15 digits and the NUL */

/* True and out set when `typed` is an international number; false (out "") otherwise. */
bool lead_phone_e164(const char *typed, char out[LEAD_PHONE_E164_LEN]);

#endif
