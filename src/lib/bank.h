/* bank.h: bank identifiers: IBAN (ISO 13616, checked with mod-97) and BIC (ISO 9362). Pure. */
#ifndef CC_BANK_H
#define CC_BANK_H
#include <stdbool.h>
#include <stddef.h>

#define BANK_IBAN_MAX 34
#define BANK_BIC_MAX 11

/* The IBAN without spaces, in capitals, into out (BANK_IBAN_MAX + 1 bytes), if it is one: two
 * letters, two check digits, 11..30 letters or digits, and mod-97 of the rearranged number is 1.
 * "de89 3704 0044 0532 0130 00" -> "DE89370400440532013000". */
bool bank_iban_normalise(const char *in, char out[BANK_IBAN_MAX + 1]);

/* A BIC in capitals into out (BANK_BIC_MAX + 1 bytes): 4 letters (bank), 2 letters (country),
 * 2 letters or digits (place), optionally 3 more (branch). */
bool bank_bic_normalise(const char *in, char out[BANK_BIC_MAX + 1]);

#endif
