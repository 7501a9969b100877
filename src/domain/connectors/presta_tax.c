/* presta_tax.c: tax rules and taxes -> the rates of each group, and a price with them (presta_tax.h). */
#include <ctype.h>
#include <string.h>
#include "domain/connectors/presta_api.h"
#include "domain/connectors/presta_tax.h"

#define HUNDRED_PERCENT 100000LL	/* in thousandths of a percent, PrestaShop's precision for a rate */

/* "20.000" in thousandths of a percent (PrestaShop keeps three decimals); -1 when not such a number. */
static long long parse_rate(const char *s)
{
	long long v = 0;
	int digits = 0, places = 0;
	for (; isdigit((unsigned char)*s) && digits < 4; s++, digits++)
		v = v * 10 + (*s - '0');
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s) && places < 3; s++, places++)
			v = v * 10 + (*s - '0');
	for (; places < 3; places++)
		v *= 10;
	return digits && !*s ? v : -1;
}

static long long tax_rate(struct arena *a, xmlNode *taxes, long long id)
{
	for (xmlNode *t = taxes ? taxes->children : NULL; t; t = t->next) {
		if (t->type != XML_ELEMENT_NODE || presta_xml_id(presta_xml_child(t, "id")) != id)
			continue;
		long long rate = parse_rate(presta_xml_text(a, presta_xml_child(t, "rate")));
		if (presta_xml_id(presta_xml_child(t, "active")) != 1 || presta_xml_id(presta_xml_child(t, "deleted")) != 0 ||
		    rate < 0 || rate > HUNDRED_PERCENT)
			return 0;
		return rate;
	}
	return 0;
}

static struct presta_tax_group *group_of(struct arena *a, struct presta_taxes *out, size_t *cap, long long id, bool *fresh)
{
	for (size_t i = 0; i < out->n; i++)
		if (out->groups[i].id == id) {
			*fresh = false;
			return &out->groups[i];
		}
	if (out->n == *cap) {
		size_t more = *cap ? 2 * *cap : 8;
		struct presta_tax_group *g = arena_zalloc(a, more * sizeof *g);
		if (out->n)
			memcpy(g, out->groups, out->n * sizeof *g);
		out->groups = g;
		*cap = more;
	}
	*fresh = true;
	struct presta_tax_group *g = &out->groups[out->n++];
	memset(g, 0, sizeof *g);
	g->id = id;
	return g;
}

void presta_tax_build(struct arena *a, xmlNode *rules, xmlNode *taxes, long long country, struct presta_taxes *out)
{
	size_t cap = 0;
	out->groups = NULL;
	out->n = 0;
	/* A group whose rule said "this tax only" takes no more. */
	long long closed[64];
	size_t nclosed = 0;
	for (xmlNode *r = rules ? rules->children : NULL; r; r = r->next) {
		if (r->type != XML_ELEMENT_NODE || presta_xml_id(presta_xml_child(r, "id_country")) != country ||
		    presta_xml_id(presta_xml_child(r, "id_state")) != 0)
			continue;
		const char *from = presta_xml_text(a, presta_xml_child(r, "zipcode_from"));
		const char *to = presta_xml_text(a, presta_xml_child(r, "zipcode_to"));
		if ((*from && strcmp(from, "0") != 0) || (*to && strcmp(to, "0") != 0))
			continue;
		long long id = presta_xml_id(presta_xml_child(r, "id_tax_rules_group"));
		bool done = false;
		for (size_t i = 0; i < nclosed && !done; i++)
			done = closed[i] == id;
		if (id <= 0 || done)
			continue;
		long long behavior = presta_xml_id(presta_xml_child(r, "behavior"));
		bool fresh;
		struct presta_tax_group *g = group_of(a, out, &cap, id, &fresh);
		if (fresh)
			g->compound = behavior == 2;
		long long rate = tax_rate(a, taxes, presta_xml_id(presta_xml_child(r, "id_tax")));
		if (rate > 0 && g->n < PRESTA_TAX_MAX)
			g->rate[g->n++] = rate;
		if (behavior == 0 && nclosed < sizeof closed / sizeof *closed)
			closed[nclosed++] = id;
	}
}

const struct presta_tax_group *presta_tax_find(const struct presta_taxes *t, long long group)
{
	for (size_t i = 0; t && i < t->n; i++)
		if (t->groups[i].id == group)
			return t->groups[i].n ? &t->groups[i] : NULL;
	return NULL;
}

long long presta_tax_minor_reduced(const struct presta_tax_group *g, long long micros, const struct presta_reduction *r,
				   long long div)
{
	/* an amount without tax comes off before the tax is added, as PrestaShop adds the tax to it */
	if (r && !r->percent && !r->with_tax)
		micros = micros > r->amount ? micros - r->amount : 0;
	__int128 num = micros, den = div;
	if (g && g->compound) {
		for (size_t i = 0; i < g->n; i++) {
			num *= HUNDRED_PERCENT + g->rate[i];
			den *= HUNDRED_PERCENT;
		}
	} else if (g) {
		long long sum = 0;
		for (size_t i = 0; i < g->n; i++)
			sum += g->rate[i];
		num *= HUNDRED_PERCENT + sum;
		den *= HUNDRED_PERCENT;
	}
	if (r && r->percent) {
		long long keep = 1000000 - (r->amount < 0 ? 0 : r->amount > 1000000 ? 1000000 : r->amount);
		num *= keep;
		den *= 1000000;
	} else if (r && r->with_tax) {
		num -= (__int128)r->amount * (den / div);
	}
	return num <= 0 ? 0 : (long long)((num + den / 2) / den);
}

long long presta_tax_minor(const struct presta_tax_group *g, long long micros, long long div)
{
	return presta_tax_minor_reduced(g, micros, NULL, div);
}
