/* region.h: what a shopper typed as a state or province, read as the region code a brand's tax
 * table uses. Pure: a static table. */
#ifndef CC_REGION_H
#define CC_REGION_H

/* The ISO 3166-2 region code ("CA") that `typed` names in `country` ("US"): its code or its
 * English name, in any case, with spaces around it ignored. For AU, CA and US only; NULL for any
 * other country or anything the table does not name. */
const char *region_lookup(const char *country, const char *typed);

#endif
