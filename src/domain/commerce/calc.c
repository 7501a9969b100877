/* calc.c: checkout arithmetic in integer minor units and its random identifiers. */
#include <stdio.h>
#include <string.h>
#include "domain/commerce/calc.h"

static const char b32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

long long calc_tax(long long amount, unsigned bps)
{
	if (amount <= 0 || bps == 0)
		return 0;
	if (bps > CALC_MAX_BPS)
		bps = CALC_MAX_BPS;
	/* (q*10000 + r) * bps / 10000, the remainder part rounded half up: no product overflows. */
	long long q = amount / 10000, r = amount % 10000;
	return q * (long long)bps + (r * (long long)bps + 5000) / 10000;
}

bool calc_line_total(long long unit, long long quantity, long long *out)
{
	if (unit < 0 || quantity < 0 || unit > CALC_MAX_AMOUNT || (quantity && unit > CALC_MAX_AMOUNT / quantity))
		return false;
	*out = unit * quantity;
	return true;
}

long long calc_tax_included(long long gross, unsigned bps)
{
	if (gross <= 0 || bps == 0)
		return 0;
	if (bps > CALC_MAX_BPS)
		bps = CALC_MAX_BPS;
	/* gross * bps / d, d = 10000 + bps, split like calc_tax; half up: 2 * remainder >= d. */
	long long d = 10000 + (long long)bps, q = gross / d, rb = gross % d * (long long)bps;
	return q * (long long)bps + rb / d + (2 * (rb % d) >= d);
}

static long long line_tax(long long amount, unsigned bps, bool included)
{
	return included ? calc_tax_included(amount, bps) : calc_tax(amount, bps);
}

bool calc_order(const long long *lines, size_t nlines, long long shipping, unsigned tax_bps, bool tax_included,
		struct calc_totals *out)
{
	memset(out, 0, sizeof *out);
	out->tax_included = tax_included;
	if (shipping < 0 || shipping > CALC_MAX_AMOUNT)
		return false;
	long long goods = 0, goods_tax = 0;
	for (size_t i = 0; i < nlines; i++) {
		if (lines[i] < 0 || lines[i] > CALC_MAX_AMOUNT)
			return false;
		goods += lines[i];
		goods_tax += line_tax(lines[i], tax_bps, tax_included);
		if (goods > CALC_MAX_AMOUNT)
			return false;
	}
	long long ship = nlines ? shipping : 0;
	out->shipping_tax = line_tax(ship, tax_bps, tax_included);
	out->tax = goods_tax + out->shipping_tax;
	out->subtotal = tax_included ? goods - goods_tax : goods;
	out->shipping = tax_included ? ship - out->shipping_tax : ship;
	out->total = out->subtotal + out->shipping + out->tax;
	return out->total <= CALC_MAX_AMOUNT;
}

long long calc_shown_subtotal(const struct calc_totals *t)
{
	return t->tax_included ? t->subtotal + t->tax - t->shipping_tax : t->subtotal;
}

long long calc_shown_shipping(const struct calc_totals *t)
{
	return t->tax_included ? t->shipping + t->shipping_tax : t->shipping;
}

static void random_b32(char *out, size_t n)
{
	for (size_t i = 0; i < n; i++)
		out[i] = b32[randombytes_uniform(32)];
	out[n] = '\0';
}

void calc_orderno_new(char out[CALC_ORDERNO_LEN + 1])
{
	random_b32(out, CALC_ORDERNO_LEN);
}

void calc_ref_new(char out[CALC_REF_LEN + 1])
{
	random_b32(out, CALC_REF_LEN);
}

bool calc_orderno_normalize(const char *in, char out[CALC_ORDERNO_LEN + 1])
{
	size_t n = 0;
	for (const char *p = in; p && *p; p++) {
		char c = *p;
		if (c == ' ' || c == '-')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 32);
		if (c == 'I' || c == 'L')
			c = '1';
		else if (c == 'O')
			c = '0';
		if (!strchr(b32, c) || n == CALC_ORDERNO_LEN)
			return false;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == CALC_ORDERNO_LEN;
}

bool calc_ref_valid(const char *s)
{
	return s && strlen(s) == CALC_REF_LEN && strspn(s, b32) == CALC_REF_LEN;
}

static void token_mac(const uint8_t secret[32], const uint8_t session_hash[32], const uint8_t nonce[16],
		      uint8_t mac[16])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, secret, 32, 16);
	crypto_generichash_update(&st, (const uint8_t *)"checkout", 8);
	crypto_generichash_update(&st, session_hash, 32);
	crypto_generichash_update(&st, nonce, 16);
	crypto_generichash_final(&st, mac, 16);
}

void calc_token_new(const uint8_t secret[32], const uint8_t session_hash[32], char out[CALC_TOKEN_LEN + 1])
{
	uint8_t raw[32];
	randombytes_buf(raw, 16);
	token_mac(secret, session_hash, raw, raw + 16);
	sodium_bin2hex(out, CALC_TOKEN_LEN + 1, raw, sizeof raw);
}

bool calc_token_check(const uint8_t secret[32], const uint8_t session_hash[32], const char *token)
{
	uint8_t raw[32], mac[16];
	size_t len;
	if (!token || strlen(token) != CALC_TOKEN_LEN ||
	    sodium_hex2bin(raw, sizeof raw, token, CALC_TOKEN_LEN, NULL, &len, NULL) != 0 || len != sizeof raw)
		return false;
	token_mac(secret, session_hash, raw, mac);
	return sodium_memcmp(mac, raw + 16, 16) == 0;
}

void calc_token_hash(const char *token, uint8_t out[32])
{
	crypto_generichash(out, 32, (const uint8_t *)token, strlen(token), NULL, 0);
}

void calc_version_init(struct calc_version *v)
{
	crypto_generichash_init(&v->st, NULL, 0, 16);
}

void calc_version_add(struct calc_version *v, long long n)
{
	char tmp[24];
	int len = snprintf(tmp, sizeof tmp, "%lld;", n);
	crypto_generichash_update(&v->st, (const uint8_t *)tmp, (size_t)len);
}

void calc_version_add_str(struct calc_version *v, const char *s)
{
	/* Length-prefixed, so ("ab","c") and ("a","bc") differ. */
	calc_version_add(v, (long long)strlen(s));
	crypto_generichash_update(&v->st, (const uint8_t *)s, strlen(s));
}

void calc_version_final(struct calc_version *v, char out[CALC_VERSION_LEN + 1])
{
	uint8_t h[16];
	crypto_generichash_final(&v->st, h, sizeof h);
	sodium_bin2hex(out, CALC_VERSION_LEN + 1, h, sizeof h);
}
