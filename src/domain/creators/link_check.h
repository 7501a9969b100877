/* link_check.h: which URLs a creator may put on their public page. Pure functions. */
#ifndef CC_LINK_CHECK_H
#define CC_LINK_CHECK_H
#include <stdbool.h>

#define LINK_URL_MAX 500

/* An absolute http:// or https:// URL with a host, at most LINK_URL_MAX bytes, and no white
 * space, control characters, quotes, angle brackets or backslashes. */
bool link_check_web_url(const char *s);
/* An avatar: a web URL as above, a path under /static/ without "..", or an upload (/media/img/<key>). */
bool link_check_avatar_url(const char *s);

#endif
