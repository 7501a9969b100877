/* money.c: ISO 4217 exponents, display formatting and strict parsing of integer minor-unit amounts. */
#include <string.h>
#include "lib/money.h"

/* Parsed amounts stop here (10^13 minor units), far below LLONG_MAX, so sums of a cart's lines
 * cannot overflow either. */
#define MONEY_MAX 10000000000000LL

/* ISO 4217 currencies whose minor unit is not 2 decimal places (money.h). */
#define MONEY_C_CODE(c) #c,
static const char money_exp0[][4] = { MONEY_EXP0_CODES(MONEY_C_CODE) };
static const char money_exp3[][4] = { MONEY_EXP3_CODES(MONEY_C_CODE) };

static const struct {
	char code[4];
	const char *symbol;
} money_symbols[] = {
	{"USD", "$"},
	{"EUR", "\u20ac"},
	{"GBP", "\u00a3"},
	{"JPY", "\u00a5"},
};

#define MONEY_COUNT(t) (sizeof(t) / sizeof((t)[0]))

/* code is a checked 3-letter code with its NUL: a 4-byte memcmp compiles to one comparison,
 * where strcmp cost a call per entry on every price a page shows. */
static bool money_listed(const char (*list)[4], size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (memcmp(list[i], code, 4) == 0)
			return true;
	return false;
}

int money_exponent(const char *currency)
{
	if (!currency)
		return -1;
	for (int i = 0; i < 3; i++)
		if (currency[i] < 'A' || currency[i] > 'Z')
			return -1;
	if (currency[3] != '\0')
		return -1;
	/* A page shows its prices in one or two currencies: the last answer is kept (a pure
	 * function of the four bytes) rather than the two lists searched for every price. */
	static char last[4];
	static int last_exponent;
	if (memcmp(last, currency, 4) == 0)
		return last_exponent;
	int e = money_listed(money_exp0, MONEY_COUNT(money_exp0), currency) ? 0
		: money_listed(money_exp3, MONEY_COUNT(money_exp3), currency) ? 3 : 2;
	memcpy(last, currency, 4);
	last_exponent = e;
	return e;
}

static const char *money_symbol(const char *currency)
{
	for (size_t i = 0; i < MONEY_COUNT(money_symbols); i++)
		if (memcmp(money_symbols[i].code, currency, 4) == 0)
			return money_symbols[i].symbol;
	return NULL;
}

/* Writes v in decimal, with a "," every three digits if grouped, exactly width digits
 * (zero-padded) if width is non-zero. Returns the length; p has room for 27 bytes. */
static size_t money_digits(char *p, unsigned long long v, int width, bool grouped)
{
	char rev[32];
	size_t n = 0, digits = 0;
	do {
		if (grouped && digits > 0 && digits % 3 == 0)
			rev[n++] = ',';
		rev[n++] = (char)('0' + v % 10);
		v /= 10;
		digits++;
	} while (v > 0 || (int)digits < width);
	for (size_t i = 0; i < n; i++)
		p[i] = rev[n - 1 - i];
	return n;
}

/* The amount into out: with `shown`, as a page shows it (symbol or code, thousands grouped), else
 * the plain decimal. money_format and money_decimal differ in nothing else. */
static bool money_write(char *out, size_t outlen, long long minor, const char *currency, bool shown)
{
	int e = money_exponent(currency);
	char buf[64];
	size_t len = 0;

	if (out && outlen > 0)
		out[0] = '\0';
	if (!out || e < 0)
		return false;
	/* Negating in unsigned arithmetic keeps LLONG_MIN representable. */
	unsigned long long mag = minor < 0 ? 0ULL - (unsigned long long)minor : (unsigned long long)minor;
	unsigned long long scale = 1;
	for (int i = 0; i < e; i++)
		scale *= 10;
	const char *sym = shown ? money_symbol(currency) : NULL;

	if (minor < 0)
		buf[len++] = '-';
	if (sym) {
		memcpy(buf + len, sym, strlen(sym));
		len += strlen(sym);
	}
	len += money_digits(buf + len, mag / scale, 0, shown);
	if (e > 0) {
		buf[len++] = '.';
		len += money_digits(buf + len, mag % scale, e, false);
	}
	if (shown && !sym) {
		buf[len++] = ' ';
		memcpy(buf + len, currency, 3);
		len += 3;
	}
	if (len >= outlen)
		return false;
	memcpy(out, buf, len);
	out[len] = '\0';
	return true;
}

/* A grid shows the same few dozen prices on every view: each worker remembers the last ones it
 * wrote, in slots picked by amount. A memo, not state: an entry is a pure function of its amount and
 * code, both compared whole. */
#define MONEY_MEMO_SLOTS 256
struct money_memo {
	long long minor;
	char currency[4];
	unsigned char len;	/* 0: an empty slot (no amount is written as nothing) */
	char text[27];
};
static struct money_memo money_memos[MONEY_MEMO_SLOTS];

bool money_format(char *out, size_t outlen, long long minor, const char *currency)
{
	if (money_exponent(currency) < 0)
		return money_write(out, outlen, minor, currency, true);
	struct money_memo *m = &money_memos[((unsigned long long)minor * 0x9e3779b97f4a7c15ULL) >> 56];
	if (m->minor != minor || memcmp(m->currency, currency, 4) != 0 || !m->len) {
		char text[64];
		if (!money_write(text, sizeof text, minor, currency, true))
			return money_write(out, outlen, minor, currency, true);
		size_t len = strlen(text);
		if (len >= sizeof m->text)
			return money_write(out, outlen, minor, currency, true);
		m->minor = minor;
		memcpy(m->currency, currency, 4);
		memcpy(m->text, text, len + 1);
		m->len = (unsigned char)len;
	}
	if (!out || m->len >= outlen) {
		if (out && outlen > 0)
			out[0] = '\0';
		return false;
	}
	memcpy(out, m->text, m->len + 1u);
	return true;
}

bool money_decimal(char *out, size_t outlen, long long minor, const char *currency)
{
	return money_write(out, outlen, minor, currency, false);
}

static bool money_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

/* Checking the bound after every digit keeps the accumulator far from overflow however many
 * digits (or leading zeros) arrive. */
bool money_parse(const char *s, const char *currency, long long *minor)
{
	int e = money_exponent(currency);
	long long v = 0;
	int frac = 0;
	size_t i = 0;

	if (e < 0 || !s || !minor || !money_isdigit(s[0]))
		return false;
	for (; money_isdigit(s[i]); i++) {
		v = v * 10 + (s[i] - '0');
		if (v > MONEY_MAX)
			return false;
	}
	if (s[i] == '.') {
		i++;
		if (!money_isdigit(s[i]))
			return false;
		for (; money_isdigit(s[i]); i++, frac++) {
			if (frac == e)
				return false;
			v = v * 10 + (s[i] - '0');
			if (v > MONEY_MAX)
				return false;
		}
	}
	if (s[i] != '\0')
		return false;
	for (; frac < e; frac++) {
		v *= 10;
		if (v > MONEY_MAX)
			return false;
	}
	*minor = v;
	return true;
}
