/* region.c: the ISO 3166-2 subdivisions (78) of the countries whose tax commonly differs by
 * region (AU, CA, US), so a shopper who types "California" pays California's rate like one who
 * types "CA". */
#include <stdbool.h>
#include <string.h>
#include "domain/commerce/region.h"

struct region {
	char country[3];
	const char *code, *name;
};

static const struct region regions[] = {
	{ "AU", "ACT", "Australian Capital Territory" },
	{ "AU", "NSW", "New South Wales" },
	{ "AU", "NT", "Northern Territory" },
	{ "AU", "QLD", "Queensland" },
	{ "AU", "SA", "South Australia" },
	{ "AU", "TAS", "Tasmania" },
	{ "AU", "VIC", "Victoria" },
	{ "AU", "WA", "Western Australia" },
	{ "CA", "AB", "Alberta" },
	{ "CA", "BC", "British Columbia" },
	{ "CA", "MB", "Manitoba" },
	{ "CA", "NB", "New Brunswick" },
	{ "CA", "NL", "Newfoundland and Labrador" },
	{ "CA", "NS", "Nova Scotia" },
	{ "CA", "NT", "Northwest Territories" },
	{ "CA", "NU", "Nunavut" },
	{ "CA", "ON", "Ontario" },
	{ "CA", "PE", "Prince Edward Island" },
	{ "CA", "QC", "Quebec" },
	{ "CA", "SK", "Saskatchewan" },
	{ "CA", "YT", "Yukon" },
	{ "US", "AK", "Alaska" },
	{ "US", "AL", "Alabama" },
	{ "US", "AR", "Arkansas" },
	{ "US", "AS", "American Samoa" },
	{ "US", "AZ", "Arizona" },
	{ "US", "CA", "California" },
	{ "US", "CO", "Colorado" },
	{ "US", "CT", "Connecticut" },
	{ "US", "DC", "District of Columbia" },
	{ "US", "DE", "Delaware" },
	{ "US", "FL", "Florida" },
	{ "US", "GA", "Georgia" },
	{ "US", "GU", "Guam" },
	{ "US", "HI", "Hawaii" },
	{ "US", "IA", "Iowa" },
	{ "US", "ID", "Idaho" },
	{ "US", "IL", "Illinois" },
	{ "US", "IN", "Indiana" },
	{ "US", "KS", "Kansas" },
	{ "US", "KY", "Kentucky" },
	{ "US", "LA", "Louisiana" },
	{ "US", "MA", "Massachusetts" },
	{ "US", "MD", "Maryland" },
	{ "US", "ME", "Maine" },
	{ "US", "MI", "Michigan" },
	{ "US", "MN", "Minnesota" },
	{ "US", "MO", "Missouri" },
	{ "US", "MP", "Northern Mariana Islands" },
	{ "US", "MS", "Mississippi" },
	{ "US", "MT", "Montana" },
	{ "US", "NC", "North Carolina" },
	{ "US", "ND", "North Dakota" },
	{ "US", "NE", "Nebraska" },
	{ "US", "NH", "New Hampshire" },
	{ "US", "NJ", "New Jersey" },
	{ "US", "NM", "New Mexico" },
	{ "US", "NV", "Nevada" },
	{ "US", "NY", "New York" },
	{ "US", "OH", "Ohio" },
	{ "US", "OK", "Oklahoma" },
	{ "US", "OR", "Oregon" },
	{ "US", "PA", "Pennsylvania" },
	{ "US", "PR", "Puerto Rico" },
	{ "US", "RI", "Rhode Island" },
	{ "US", "SC", "South Carolina" },
	{ "US", "SD", "South Dakota" },
	{ "US", "TN", "Tennessee" },
	{ "US", "TX", "Texas" },
	{ "US", "UM", "United States Minor Outlying Islands" },
	{ "US", "UT", "Utah" },
	{ "US", "VA", "Virginia" },
	{ "US", "VI", "Virgin Islands, U.S." },
	{ "US", "VT", "Vermont" },
	{ "US", "WA", "Washington" },
	{ "US", "WI", "Wisconsin" },
	{ "US", "WV", "West Virginia" },
	{ "US", "WY", "Wyoming" },
};

/* a equals b[0..n) ignoring ASCII case. */
static bool same(const char *a, const char *b, size_t n)
{
	if (strlen(a) != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char x = a[i], y = b[i];
		if (x >= 'a' && x <= 'z')
			x = (char)(x - 32);
		if (y >= 'a' && y <= 'z')
			y = (char)(y - 32);
		if (x != y)
			return false;
	}
	return true;
}

const char *region_lookup(const char *country, const char *typed)
{
	if (!country || !typed)
		return NULL;
	while (*typed == ' ' || *typed == '\t')
		typed++;
	size_t n = strlen(typed);
	while (n && (typed[n - 1] == ' ' || typed[n - 1] == '\t'))
		n--;
	for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++)
		if (strcmp(regions[i].country, country) == 0 &&
		    (same(regions[i].code, typed, n) || same(regions[i].name, typed, n)))
			return regions[i].code;
	return NULL;
}
