/* input.c: the validators of declared input fields (input.h); no I/O, fuzzable. */
#include <string.h>
#include "web/input.h"
#include "lib/money.h"
#include "lib/utf8.h"
#include "lib/validate.h"

#define ID_DIGITS 18	/* 10^18 - 1 fits a signed 64-bit integer and MariaDB's BIGINT */

static bool input_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

bool input_id(const char *s, long long *out)
{
	size_t n = s ? strlen(s) : 0;
	/* One id, one spelling: "007" is not 7, so a URL names a row in exactly one way. */
	if (n == 0 || n > ID_DIGITS || s[0] == '0' || !input_digits(s, n))
		return false;
	long long v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	if (out)
		*out = v;
	return true;
}

bool input_int(const char *s, long long min, long long max, long long *out)
{
	if (!s)
		return false;
	bool neg = s[0] == '-';
	const char *d = s + neg;
	size_t n = strlen(d);
	/* People type "05" into a stock box; unlike an id, a count has no one canonical spelling. */
	if (n == 0 || n > ID_DIGITS || !input_digits(d, n))
		return false;
	long long v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (d[i] - '0');
	if (neg)
		v = -v;
	if (v < min || v > max)
		return false;
	if (out)
		*out = v;
	return true;
}

/* The widest exponent any currency has (BHD, KWD...): the handler applies the real one. */
bool input_money(const char *s)
{
	long long minor;
	return money_parse(s, "BHD", &minor);
}

bool input_slug(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '-' ? s[i + 1] == '-' : !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return false;
	}
	return true;
}

bool input_enum(const char *s, const char *const *values)
{
	for (; s && values && *values; values++)
		if (strcmp(s, *values) == 0)
			return true;
	return false;
}

bool input_date(const char *s)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || !input_digits(s, 4) ||
	    !input_digits(s + 5, 2) || !input_digits(s + 8, 2))
		return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	/* 9998: a query's bound one day later must still be a date. */
	if (y < 1970 || y > 9998 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

bool input_url(const char *s)
{
	size_t skip;
	if (!s)
		return false;
	if (strncmp(s, "https://", 8) == 0)
		skip = 8;
	else if (strncmp(s, "http://", 7) == 0)
		skip = 7;
	else
		return false;
	if (s[skip] == '\0' || s[skip] == '/' || s[skip] == '?' || s[skip] == '#')
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return false;
	return true;
}

enum input_verdict input_check(const struct field *f, const char *val, size_t len)
{
	if (!val || len == 0)
		return f->required ? INPUT_MISSING : INPUT_OK;
	if (f->maxlen && utf8_len((const uint8_t *)val, len) > f->maxlen)
		return INPUT_TOO_LONG;
	/* A NUL inside would make the C string shorter than what was checked. */
	if (strlen(val) != len)
		return INPUT_BAD;
	bool ok;
	switch (f->type) {
	case FIELD_TEXT: ok = true; break;
	case FIELD_ID: ok = input_id(val, NULL); break;
	case FIELD_INT: ok = input_int(val, f->min, f->max, NULL); break;
	case FIELD_MONEY: ok = input_money(val); break;
	case FIELD_EMAIL: ok = validate_email(val); break;
	case FIELD_SLUG: ok = input_slug(val); break;
	case FIELD_ENUM: ok = input_enum(val, f->values); break;
	case FIELD_DATE: ok = input_date(val); break;
	case FIELD_URL: ok = input_url(val); break;
	default: ok = false; break;
	}
	return ok ? INPUT_OK : INPUT_BAD;
}

const char *input_undeclared_param(const char *pattern, const struct field *path, char *out, size_t outlen)
{
	for (const char *p = strchr(pattern, '{'); p; p = strchr(p + 1, '{')) {
		const char *end = strchr(p, '}');
		size_t n = end ? (size_t)(end - p - 1) : strlen(p + 1);
		if (outlen == 0 || n >= outlen)
			return pattern;	/* a name this long is declared nowhere either */
		memcpy(out, p + 1, n);
		out[n] = '\0';
		if (!input_field(path, out))
			return out;
	}
	return NULL;
}

const struct field *input_field(const struct field *list, const char *name)
{
	for (; list && list->name; list++)
		if (strcmp(list->name, name) == 0)
			return list;
	return NULL;
}

/* Keeps only the declared fields of l, each checked against its declaration. */
static int input_keep(const struct field *fields, struct kvlist *l, struct input_problem *why)
{
	size_t out = 0;
	for (size_t i = 0; i < l->n; i++) {
		const struct field *f = input_field(fields, l->items[i].key);
		if (!f)
			continue;
		enum input_verdict v = input_check(f, l->items[i].val, l->items[i].vallen);
		if (v == INPUT_TOO_LONG || (v == INPUT_BAD && !f->inline_error)) {
			why->field = f->name;
			why->what = v == INPUT_TOO_LONG ? "is too long" : "is not valid";
			return 400;
		}
		l->items[out++] = l->items[i];
	}
	l->n = out;
	return 0;
}

int input_validate(const struct field *path, const struct field *fields, const struct route_params *params,
		   struct kvlist *query, struct kvlist *form, struct input_problem *why)
{
	for (size_t i = 0; params && i < params->n; i++) {
		const struct field *f = input_field(path, params->name[i]);
		if (f && input_check(f, params->val[i], strlen(params->val[i])) != INPUT_OK)
			return 404;
	}
	int st = input_keep(fields, query, why);
	if (!st)
		st = input_keep(fields, form, why);
	for (const struct field *f = fields; !st && f && f->name; f++) {
		if (!f->required || f->inline_error)
			continue;
		const char *v = kv_get(form, f->name);
		if (!v)
			v = kv_get(query, f->name);
		if (!v || !*v) {
			why->field = f->name;
			why->what = "is required";
			st = 422;
		}
	}
	return st;
}
