/* studio_layout.h: what the studio adds to every page's layout (struct app's layout hook). */
#ifndef CC_STUDIO_LAYOUT_H
#define CC_STUDIO_LAYOUT_H
#include "web/http.h"

/* The shop's extras (cart count, test-payments banner) and, since nothing behind a log-in or
 * about an account belongs in a search engine, noindex on every page. */
void studio_layout_show(struct req *r, tmpl_dict *layout);

#endif
