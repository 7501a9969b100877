/* pay_form.c: form-encoded request bodies for provider APIs. */
#include <stdio.h>
#include "domain/commerce/pay_form.h"

static void encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '.' || *p == '_' || *p == '~') {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

void pay_form_add(struct buf *b, const char *key, const char *value)
{
	if (b->len)
		buf_putc(b, '&');
	encode(b, key);
	buf_putc(b, '=');
	encode(b, value ? value : "");
}

void pay_form_add_int(struct buf *b, const char *key, long long value)
{
	char n[24];
	snprintf(n, sizeof n, "%lld", value);
	pay_form_add(b, key, n);
}
