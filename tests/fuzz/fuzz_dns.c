/* fuzz_dns.c: libFuzzer harness for reading DNS TXT answers (dns_txt_answer), joining TXT
 * character-strings and the verification rule, and their promises (dns_txt.h). */
#include <stdlib.h>
#include <string.h>
#include "domain/ads/dns_txt.h"

#define NAME "shop.example.com"
#define TOKEN "0123456789abcdef0123456789abcdef"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	/* The bytes as a whole answer: an outcome in range, a sentence that says it. */
	char why[DNS_WHY_MAX];
	memset(why, 'x', sizeof why);
	enum dns_txt_outcome o = dns_txt_answer(data, size, NAME, TOKEN, why);
	if (!memchr(why, '\0', sizeof why) || !*why)
		abort();
	if (o == DNS_TXT_FAILED) {
		if (strncmp(why, "lookup failed: ", 15) != 0)
			abort();
	} else if (o == DNS_TXT_MATCH || o == DNS_TXT_DIFFERS || o == DNS_TXT_OTHER || o == DNS_TXT_NONE) {
		char want[DNS_WHY_MAX];
		dns_txt_describe(o, NAME, want);
		if (strcmp(why, want) != 0)
			abort();
	} else {
		abort();
	}
	/* The bytes as one TXT RDATA: the joined length never exceeds the input, and a cap holds. */
	uint8_t out[64];
	long n = dns_txt_join(data, size, out, sizeof out);
	if (n < -1 || (n >= 0 && (size_t)n >= size))
		abort();
	/* The bytes as one joined value: a match is exactly the value, nothing near it. */
	struct dns_txt_value v = { data, size };
	enum dns_txt_outcome r = dns_txt_judge(&v, 1, TOKEN);
	bool exact = size == strlen(DNS_TXT_PREFIX TOKEN) && memcmp(data, DNS_TXT_PREFIX TOKEN, size) == 0;
	if ((r == DNS_TXT_MATCH) != exact || r == DNS_TXT_NONE || r == DNS_TXT_FAILED)
		abort();
	return 0;
}
