/* products_brand.c: the ids the catalog pages take from their paths. */
#include <string.h>
#include "studio/products.h"

long long catalog_id(const char *s)
{
	if (!s || !*s || *s == '0' || strlen(s) > 18)
		return 0;
	long long v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (*s - '0');
	}
	return v;
}
