/* order_ref.c: order references people read out: generating, reading back as typed, showing. */
#include <string.h>
#include <stdio.h>
#include <sodium.h>
#include "domain/commerce/order_ref.h"

/* Crockford's alphabet: no I, L, O or U, so what is read out is what is typed. */
static const char order_ref_digits[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void order_ref_new(char out[ORDER_REF_LEN + 1])
{
	for (size_t i = 0; i < ORDER_REF_LEN; i++)
		out[i] = order_ref_digits[randombytes_uniform(32)];
	out[ORDER_REF_LEN] = '\0';
}

static char order_ref_digit(char c)
{
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 32);
	if (c == 'I' || c == 'L')
		return '1';
	if (c == 'O')
		return '0';
	return c && strchr(order_ref_digits, c) ? c : 0;
}

bool order_ref_normalize(const char *in, char out[ORDER_REF_LEN + 1])
{
	char got[ORDER_REF_LEN + 3];	/* room for the prefix */
	size_t n = 0;
	for (const char *p = in; p && *p; p++) {
		if (*p == ' ' || *p == '-')
			continue;
		char c = order_ref_digit(*p);
		if (!c || n == sizeof got - 1)
			return false;
		got[n++] = c;
	}
	got[n] = '\0';
	const char *digits = n == ORDER_REF_LEN + 2 && got[0] == 'C' && got[1] == 'C' ? got + 2 : got;
	if (strlen(digits) != ORDER_REF_LEN)
		return false;
	memcpy(out, digits, ORDER_REF_LEN + 1);
	return true;
}

void order_ref_show(const char *ref, char out[ORDER_REF_SHOW_SIZE])
{
	if (strlen(ref) == ORDER_REF_LEN)
		snprintf(out, ORDER_REF_SHOWN_LEN + 1, "CC-%.4s-%.4s", ref, ref + 4);
	else
		snprintf(out, ORDER_REF_SHOW_SIZE, "%s", ref);
}
