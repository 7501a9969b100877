/* base_url.c: the configured public address, checked once for every absolute link. */
#include <string.h>
#include "lib/base_url.h"
#include "lib/config.h"

bool base_url_parse(const char *s, char out[BASE_URL_MAX])
{
	size_t scheme = strncmp(s, "https://", 8) == 0 ? 8 : strncmp(s, "http://", 7) == 0 ? 7 : 0;
	size_t n = strlen(s);
	while (n > scheme && s[n - 1] == '/')
		n--;
	if (!scheme || n == scheme || n >= BASE_URL_MAX || s[scheme] == '/')
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f || strchr("\"'<>\\^`{|}", s[i]))
			return false;
	memcpy(out, s, n);
	out[n] = '\0';
	return true;
}

/* A page asks for its absolute address a few times a view: the last answer is kept with the
 * setting it came from, so a reloaded configuration (the unit tests load several) is parsed anew. */
bool base_url_get(char out[BASE_URL_MAX])
{
	static char seen[BASE_URL_MAX], parsed[BASE_URL_MAX];
	static bool known, usable;
	const char *raw = config_str("base_url", "");
	if (!known || strcmp(raw, seen) != 0) {
		usable = base_url_parse(raw, parsed);
		known = strlen(raw) < sizeof seen;
		if (known)
			strcpy(seen, raw);
	}
	if (usable)
		strcpy(out, parsed);
	return usable;
}
