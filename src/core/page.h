/* page.h: HTML pages are a content template included into layout.tpl. */
#ifndef CC_PAGE_H
#define CC_PAGE_H
#include "http.h"

/* Starts a page: returns the content template's dictionary for the handler to fill. */
tmpl_dict *page_begin(struct req *r, const char *content_tpl, const char *title);
/* Expands the layout into the response body with the given status. */
void page_end(struct req *r, int status);
/* Formats minor units into an arena string ("$12.50"); "" on a bad currency. */
const char *page_money(struct req *r, long long minor, const char *currency);

#endif
