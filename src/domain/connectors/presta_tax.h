/* presta_tax.h: PrestaShop's tax on a product's price, as its front office shows it. The
 * Webservice's `price` is without tax; the product's tax rules group holds rules per country, each
 * naming a tax (its rate); the shop's default country (configuration PS_COUNTRY_DEFAULT) picks the
 * rules a visitor who has not said where they are pays, unless taxes are off (PS_TAX 0). Rules are
 * applied as PrestaShop's TaxRulesTaxManager does: in order, up to the first whose behaviour is
 * "this tax only" (0); the first rule's behaviour says whether the rates add up (1) or each applies
 * to the price with the taxes before it (2). Pure: the lists are read by presta_sync.c. */
#ifndef CC_PRESTA_TAX_H
#define CC_PRESTA_TAX_H
#include <stdbool.h>
#include <libxml/tree.h>
#include "lib/arena.h"

#define PRESTA_TAX_MAX 3	/* taxes of one group in one country; more is not a real shop */

struct presta_tax_group {
	long long id;
	size_t n;
	long long rate[PRESTA_TAX_MAX];	/* thousandths of a percent: 20 % is 20000 */
	bool compound;			/* one after another, rather than added up */
};

struct presta_taxes {
	struct presta_tax_group *groups;
	size_t n;
};

/* The groups' taxes in country from the Webservice's tax_rules and taxes lists (display=full, the
 * rules already filtered by group and country; NULL: none). Rules for a state or a range of postal
 * codes are not the whole country's and are left out; a tax inactive or deleted counts for nothing. */
void presta_tax_build(struct arena *a, xmlNode *rules, xmlNode *taxes, long long country, struct presta_taxes *out);

/* The group's taxes; NULL when untaxed (group 0, or no rule for the country). */
const struct presta_tax_group *presta_tax_find(const struct presta_taxes *t, long long group);

/* A price of `micros` millionths with the group's taxes, in units of 1/div of the currency (div 100:
 * cents), rounded half up once at the end, as the front office rounds the price it shows. 0 <= micros <=
 * PRESTA_TAX_MAX_MICROS. */
#define PRESTA_TAX_MAX_MICROS 10000000000000LL	/* ten million in any currency */
long long presta_tax_minor(const struct presta_tax_group *g, long long micros, long long div);

/* A specific price's reduction (PrestaShop's specific_prices): a fraction of the price with tax
 * (percent, in millionths: 0.2 is 200000), or an amount in millionths of the currency, with tax
 * included (with_tax) or taken before the tax is added. */
struct presta_reduction {
	bool percent, with_tax;
	long long amount;
};

/* The same price less the reduction (NULL: none), never below 0, rounded once as above. */
long long presta_tax_minor_reduced(const struct presta_tax_group *g, long long micros, const struct presta_reduction *r,
				   long long div);

#endif
