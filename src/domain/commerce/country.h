/* country.h: the ISO 3166-1 alpha-2 country list that checkout offers (names shown, codes sent
 * and stored), how each country writes a postal address, and the shipping zone a country belongs
 * to. Pure: a static table. */
#ifndef CC_COUNTRY_H
#define CC_COUNTRY_H
#include <stdbool.h>
#include <stddef.h>

/* Where the postal code and the town go (docs/CHECKOUT.md, "Addresses"). */
enum address_style {
	ADDRESS_POSTAL_CITY,		/* "10115 Berlin": most of Europe and the default */
	ADDRESS_CITY_COMMA_REGION_POSTAL,	/* "Springfield, IL 62701": US, JP */
	ADDRESS_CITY_REGION_POSTAL,	/* "Montréal QC H2X 1Y4": CA, AU, NZ */
	ADDRESS_POSTCODE_LAST_LINE,	/* town, then "SW1A 1AA" on its own line: GB, IE */
};

struct country {
	char code[3];		/* "DE" */
	const char *name;	/* "Germany", UTF-8 */
	enum address_style style;
	bool eu;		/* in the EU shipping zone */
};

#define COUNTRY_ZONE_EU "EU"	/* not an assigned country code, so it can share a column with them */

/* All countries, sorted by name (accents ignored) for a list a person reads. */
size_t country_count(void);
const struct country *country_at(size_t i);
/* The country with this two-letter code, either case; NULL for anything else. */
const struct country *country_find(const char *code);
/* The shipping zone of a country ("EU"), or NULL. */
const char *country_zone(const char *code);

#endif
