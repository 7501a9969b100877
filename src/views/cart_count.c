/* cart_count.c: see cart_count.h. */
#include <stdio.h>
#include <string.h>
#include "views/cart_count.h"
#include "web/response.h"

void cart_count_show(struct req *r, tmpl_dict *layout)
{
	const char *n = kv_get(&r->cookies, CART_COUNT_COOKIE);
	if (n && strlen(n) <= 4 && *n >= '1' && *n <= '9' && strspn(n, "0123456789") == strlen(n))
		tmpl_set(tmpl_add(layout, "CART_COUNT"), "N", n);
}

void cart_count_set(struct req *r, long long count)
{
	char n[24];
	snprintf(n, sizeof n, "%lld", count);
	response_cookie(r, CART_COUNT_COOKIE, count > 0 ? n : "", count > 0 ? 30L * 86400 : 0);
}
