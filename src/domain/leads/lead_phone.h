/* lead_phone.h: a phone answer in E.164 ("+12065550100") for CRMs and dialers, beside the number
 * as typed, read by libphonenumber (lib/phone_number.h) in the form's region: a national number
 * takes that region's country code. "00" before a number is an international prefix whatever the
 * region (as most of the world dials it; no national number starts with it). A number
 * libphonenumber does not find valid for its country, or one with an extension, keeps only its
 * typed form. */
#ifndef CC_LEAD_PHONE_H
#define CC_LEAD_PHONE_H
#include <stdbool.h>
#include "lib/phone_number.h"

#define LEAD_PHONE_E164_LEN PHONE_NUMBER_E164_LEN
/* The region of a form that names none (brands record no country). */
#define LEAD_PHONE_DEFAULT_REGION "US"
/* Longer input is not a phone number; libphonenumber is not asked. */
#define LEAD_PHONE_TYPED_MAX 40

/* The region a form's numbers are read in: its own, else LEAD_PHONE_DEFAULT_REGION. */
const char *lead_phone_region(const char *form_region);
/* True and out set when `typed` is a valid number read in `region`; false (out "") otherwise. */
bool lead_phone_e164(const char *typed, const char *region, char out[LEAD_PHONE_E164_LEN]);

#endif
