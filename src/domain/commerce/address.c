/* address.c: postal addresses in each country's own order, with no stray spaces. */
#include <stdbool.h>
#include <string.h>
#include "domain/commerce/address.h"
#include "domain/commerce/country.h"

/* s with leading and trailing white space gone and inner runs of it made one space. */
static const char *tidy(struct arena *a, const char *s)
{
	if (!s)
		return "";
	char *out = arena_alloc(a, strlen(s) + 1), *o = out;
	for (; *s; s++) {
		bool space = *s == ' ' || *s == '\t' || *s == '\r' || *s == '\n';
		if (!space)
			*o++ = *s;
		else if (o > out && o[-1] != ' ')
			*o++ = ' ';
	}
	if (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	return out;
}

/* The non-empty parts joined with sep; "" when all are empty. */
static const char *join(struct arena *a, const char *sep, const char *p1, const char *p2, const char *p3)
{
	const char *parts[3] = { p1, p2, p3 };
	const char *out = "";
	for (int i = 0; i < 3; i++)
		if (*parts[i])
			out = *out ? arena_printf(a, "%s%s%s", out, sep, parts[i]) : parts[i];
	return out;
}

static void add(const char *out[ADDRESS_MAX_LINES], size_t *n, const char *line)
{
	if (*line && *n < ADDRESS_MAX_LINES)
		out[(*n)++] = line;
}

size_t address_lines(struct arena *a, const struct address *ad, const char *out[ADDRESS_MAX_LINES])
{
	const char *city = tidy(a, ad->city), *region = tidy(a, ad->region), *postal = tidy(a, ad->postal);
	const struct country *c = country_find(ad->country);
	size_t n = 0;
	add(out, &n, tidy(a, ad->name));
	add(out, &n, tidy(a, ad->line1));
	add(out, &n, tidy(a, ad->line2));
	switch (c ? c->style : ADDRESS_POSTAL_CITY) {
	case ADDRESS_CITY_COMMA_REGION_POSTAL:
		add(out, &n, join(a, ", ", city, join(a, " ", region, postal, ""), ""));
		break;
	case ADDRESS_CITY_REGION_POSTAL:
		add(out, &n, join(a, " ", city, region, postal));
		break;
	case ADDRESS_POSTCODE_LAST_LINE:
		add(out, &n, city);
		add(out, &n, region);
		add(out, &n, postal);
		break;
	case ADDRESS_POSTAL_CITY:
		add(out, &n, join(a, " ", postal, city, ""));
		add(out, &n, region);
		break;
	}
	add(out, &n, c ? c->name : tidy(a, ad->country));
	return n;
}

const char *address_text(struct arena *a, const struct address *ad, const char *sep)
{
	const char *lines[ADDRESS_MAX_LINES];
	size_t n = address_lines(a, ad, lines);
	const char *out = "";
	for (size_t i = 0; i < n; i++)
		out = i ? arena_printf(a, "%s%s%s", out, sep, lines[i]) : lines[i];
	return out;
}
