/* dns_txt.h: what a DNS answer to "TXT <name>?" says about a brand domain's verification record.
 * The rule: one TXT record, its character-strings joined, equals crowdcart-verification=<token>
 * byte for byte; owner names compare case-insensitively. Pure (no I/O), so it can be fuzzed. */
#ifndef CC_DNS_TXT_H
#define CC_DNS_TXT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DNS_TXT_PREFIX "crowdcart-verification="
#define DNS_WHY_MAX 400		/* a result in plain words, NUL included */

/* Ordered: for several records the strongest wins (dns_txt_judge). */
enum dns_txt_outcome {
	DNS_TXT_NONE,		/* no TXT record at the name (no such name, or no TXT data) */
	DNS_TXT_OTHER,		/* TXT records, none starting with DNS_TXT_PREFIX */
	DNS_TXT_DIFFERS,	/* a DNS_TXT_PREFIX record with another value */
	DNS_TXT_MATCH,		/* a record equals DNS_TXT_PREFIX + token */
	DNS_TXT_FAILED,		/* the lookup says nothing about the record: timeout, SERVFAIL, a bad answer... */
};

/* One TXT record's value: its character-strings concatenated. */
struct dns_txt_value {
	const uint8_t *p;
	size_t len;
};

/* The rule over the records found at the name: DNS_TXT_MATCH if one of them is exactly
 * DNS_TXT_PREFIX + token, else DIFFERS, OTHER or (n == 0) NONE. */
enum dns_txt_outcome dns_txt_judge(const struct dns_txt_value *v, size_t n, const char *token);

/* Joins the character-strings of one TXT RDATA into out (cap bytes, not NUL-terminated) and
 * returns the joined length, which may exceed cap (then out holds the first cap bytes); -1 if
 * the RDATA is empty or a string's length runs past its end. */
long dns_txt_join(const uint8_t *rdata, size_t len, uint8_t *out, size_t cap);

/* Reads a whole DNS answer (msg, len) to the question "TXT <name>" (lower-case host name) and
 * returns the outcome for token, with why set to it in plain words ("verified", "no TXT record at
 * <name>", "a TXT record was found but its value differs", "lookup failed: ..."). TXT records are
 * taken at the name and at names a CNAME in the answer leads to. */
enum dns_txt_outcome dns_txt_answer(const uint8_t *msg, size_t len, const char *name, const char *token,
				    char why[DNS_WHY_MAX]);

/* The words for an error answer code (SERVFAIL, REFUSED...), possibly written into buf. */
const char *dns_rcode_text(int rcode, char buf[64]);
/* why for an outcome that is not DNS_TXT_FAILED. */
void dns_txt_describe(enum dns_txt_outcome o, const char *name, char why[DNS_WHY_MAX]);

#endif
