/* video_rules.c: media URL and tag time checks, and the video feed score (video_rules.h). */
#include <string.h>
#include "domain/video/video_rules.h"

bool video_url_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > VIDEO_URL_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= ' ' || c >= 0x7f || strchr("\"'<>\\`", c))
			return false;
	}
	if (strstr(s, "/../") || (n >= 3 && strcmp(s + n - 3, "/..") == 0))
		return false;
	if (strncmp(s, "/media/", 7) == 0)
		return n > 7;
	if (strncmp(s, "https://", 8) != 0)
		return false;
	const char *host = s + 8;
	size_t hl = strcspn(host, "/?#");
	return hl > 0 && host[0] != '@' && !memchr(host, '@', hl);	/* no user@host tricks */
}

bool video_mp4_ok(const unsigned char *p, unsigned long long n)
{
	if (n < 16 || memcmp(p + 4, "ftyp", 4) != 0)
		return false;
	unsigned long long size = (unsigned long long)p[0] << 24 | (unsigned long long)p[1] << 16 |
				  (unsigned long long)p[2] << 8 | p[3];
	if (size != 1 && (size < 16 || size > n))	/* 1: a 64-bit size follows; ftyp never needs it */
		return false;
	for (int i = 8; i < 12; i++)
		if (p[i] < 0x20 || p[i] > 0x7e)
			return false;
	return true;
}

long video_seconds(const char *s)
{
	if (!s || !*s || strlen(s) > 8)
		return -1;
	long total = 0, part = 0;
	int colons = 0, digits = 0;
	for (const char *p = s; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			part = part * 10 + (*p - '0');
			digits++;
		} else if (*p == ':' && digits > 0 && colons < 2) {
			if (colons > 0 && part > 59)
				return -1;
			total = total * 60 + part;
			part = 0;
			digits = 0;
			colons++;
		} else {
			return -1;
		}
	}
	if (digits == 0 || (colons > 0 && part > 59))
		return -1;
	total = total * 60 + part;
	return total <= VIDEO_MAX_SECONDS ? total : -1;
}

long long video_score(long long sales_14d, long long views_14d, long long age_hours)
{
	if (sales_14d < 0)
		sales_14d = 0;
	if (views_14d < 0)
		views_14d = 0;
	if (age_hours < 0)
		age_hours = 0;
	return (100 * sales_14d + views_14d + 1) * 24 * 1000 / (age_hours + 24);
}

const char *video_spot_check(bool has_x, long long x, bool has_y, long long y, const char *label)
{
	if (has_x != has_y)
		return "needs both x and y for its hotspot, or neither";
	if (!has_x)
		return label && *label ? "has a hotspot label but no position" : NULL;
	if (x < 0 || x > 100 || y < 0 || y > 100)
		return "needs a hotspot x and y from 0 to 100 (percent of the frame)";
	return NULL;
}
