/* phone_number.h: phone numbers read by libphonenumber (Google's metadata for every region), through
 * one small extern "C" shim (phone_number.cc), as web/tmpl.cc does for ctemplate. Linked into the
 * programs that read numbers (the shop, which stores answers, and the studio, which checks a form's
 * region) and the unit tests; the others never load it. */
#ifndef CC_PHONE_NUMBER_H
#define CC_PHONE_NUMBER_H
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PHONE_NUMBER_E164_LEN 17	/* "+" 15 digits and the NUL */

/* True if `region` is an ISO 3166 alpha-2 code libphonenumber has numbering metadata for ("US"). */
bool phone_number_region_ok(const char *region);

/* Reads `typed` as dialled in `region` (a national number such as "(206) 555-0100" takes the
 * region's country code; "+..." and the region's own international prefix, e.g. "011" in the US,
 * name another country). True, with out set to E.164 ("+12065550100"), only if the number is
 * valid for its country by libphonenumber's metadata and carries no extension (E.164 cannot hold
 * one); else false and out "". */
bool phone_number_e164(const char *typed, const char *region, char out[PHONE_NUMBER_E164_LEN]);

#ifdef __cplusplus
}
#endif

#endif
