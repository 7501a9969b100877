/* discount_link.c: the discount code a creator's link carries, held in a cookie (see
 * discount_link.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "views/discount_link.h"
#include "web/response.h"

void discount_link_remember(struct req *r)
{
	char code[DISCOUNT_CODE_MAX + 1], text[DISCOUNT_CODE_MAX + 24];
	if (!discount_code_normalize(req_query(r, "code"), code))
		return;
	snprintf(text, sizeof text, "%s.%lld", code, (long long)time(NULL));
	response_cookie(r, DISCOUNT_LINK_COOKIE, text, (long)DISCOUNT_LINK_DAYS * 86400);
}

bool discount_link_read(struct req *r, char code[DISCOUNT_CODE_MAX + 1], long long *at)
{
	const char *v = kv_get(&r->cookies, DISCOUNT_LINK_COOKIE), *dot = v ? strrchr(v, '.') : NULL;
	if (!dot || (size_t)(dot - v) > DISCOUNT_CODE_MAX)
		return false;
	char head[DISCOUNT_CODE_MAX + 1];
	memcpy(head, v, (size_t)(dot - v));
	head[dot - v] = '\0';
	size_t digits = strspn(dot + 1, "0123456789");
	if (digits == 0 || digits > 18 || dot[1 + digits] != '\0' || !discount_code_normalize(head, code))
		return false;
	*at = strtoll(dot + 1, NULL, 10);
	return true;
}

void discount_link_forget(struct req *r)
{
	if (kv_get(&r->cookies, DISCOUNT_LINK_COOKIE))
		response_cookie(r, DISCOUNT_LINK_COOKIE, "", 0);
}
