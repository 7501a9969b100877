/* country_view.h: the country <select> of every address form (checkout, sample requests): the
 * ISO 3166-1 names shown, the codes sent. */
#ifndef CC_COUNTRY_VIEW_H
#define CC_COUNTRY_VIEW_H
#include "web/tmpl.h"

/* One COUNTRIES section per country (CODE, NAME), SELECTED shown on `selected`'s. */
void country_view_options(tmpl_dict *d, const char *selected);

#endif
