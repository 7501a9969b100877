/* country_view.c: the country options (country_view.h). */
#include <string.h>
#include "domain/commerce/country.h"
#include "views/country_view.h"

void country_view_options(tmpl_dict *d, const char *selected)
{
	for (size_t i = 0; i < country_count(); i++) {
		const struct country *c = country_at(i);
		tmpl_dict *cd = tmpl_add(d, "COUNTRIES");
		tmpl_set(cd, "CODE", c->code);
		tmpl_set(cd, "NAME", c->name);
		if (strcmp(c->code, selected) == 0)
			tmpl_show(cd, "SELECTED");
	}
}
