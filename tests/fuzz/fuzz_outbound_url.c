/* fuzz_outbound_url.c: libFuzzer harness for the URL readers of what users save and what the
 * operator configures (outbound_url_refusal, base_url_parse), and their promises. */
#include <stdlib.h>
#include <string.h>
#include "lib/base_url.h"
#include "lib/netcheck.h"
#include "lib/outbound_url.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	/* A refusal is a sentence; an accepted URL is http(s) with no user info and a host that is no
	 * hidden or non-public address. */
	char msg[OUTBOUND_URL_MSG];
	memset(msg, 'x', sizeof msg);
	const char *why = outbound_url_refusal(s, "", msg);
	if (why && (why != msg || !memchr(msg, '\0', sizeof msg) || !*msg))
		abort();
	if (!why) {
		const char *h = strncmp(s, "https://", 8) == 0 ? s + 8 : strncmp(s, "http://", 7) == 0 ? s + 7 : NULL;
		if (!h || memchr(h, '@', strcspn(h, "/?#")))
			abort();
		char host[256];
		size_t n = h[0] == '[' ? strcspn(h, "]") + 1 : strcspn(h, ":/?#");
		if (n == 0 || n >= sizeof host || (h[0] != '[' && h[n - 1] == '.'))
			abort();
		memcpy(host, h, n);
		host[n] = '\0';
		struct netcheck_addr a;
		if (netcheck_literal(host, &a) && netcheck_blocked(&a))
			abort();
	}
	/* base_url: a prefix of the input, without trailing slashes, starting with http(s)://. */
	char base[BASE_URL_MAX];
	if (base_url_parse(s, base)) {
		size_t n = strlen(base);
		if (n == 0 || base[n - 1] == '/' || strncmp(s, base, n) != 0 ||
		    (strncmp(base, "https://", 8) != 0 && strncmp(base, "http://", 7) != 0) || strpbrk(base, " \"'<>\r\n"))
			abort();
	}
	free(s);
	return 0;
}
