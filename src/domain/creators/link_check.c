/* link_check.c: see link_check.h. */
#include <string.h>
#include "domain/creators/link_check.h"
#include "domain/media/image_asset.h"

static bool plain_chars(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || strchr("\"'<>\\`", *p))
			return false;
	return strlen(s) <= LINK_URL_MAX;
}

bool link_check_web_url(const char *s)
{
	const char *host = strncmp(s, "https://", 8) == 0 ? s + 8 : strncmp(s, "http://", 7) == 0 ? s + 7 : NULL;
	return host && *host && *host != '/' && *host != '@' && *host != ':' && plain_chars(s);
}

bool link_check_avatar_url(const char *s)
{
	if (strncmp(s, "/static/", 8) == 0)
		return s[8] && !strstr(s, "..") && !strstr(s, "//") && plain_chars(s);
	return image_asset_path(s) || link_check_web_url(s);
}
