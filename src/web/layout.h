/* layout.h: HTML pages are a content template included into layout.tpl. */
#ifndef CC_LAYOUT_H
#define CC_LAYOUT_H
#include "web/http.h"

/* Starts a page: returns the content template's dictionary for the handler to fill. */
tmpl_dict *layout_begin(struct req *r, const char *content_tpl, const char *title);
/* Expands the layout into the response body with the given status. */
void layout_end(struct req *r, int status);

/* Pages that every visitor sees alike (no form, nothing from the visitor's cookies or session
 * in the content) may keep their expanded content per worker for the cache TTL, under a key
 * naming the page ("@lena"): layout_cached() starts the page from the kept copy when there is
 * one (true: the handler does only its per-visit work, then layout_end), else layout_begin as
 * usual and layout_keep() before layout_end, which then keeps what it expands (fragment.h). */
bool layout_cached(struct req *r, const char *key);
void layout_keep(struct req *r, const char *key);
/* Markup for the page's <head> (description, canonical link, Open Graph, JSON-LD), already
 * expanded from an autoescaped template by its one writer (views/page_meta.c); NULL for none.
 * A kept page keeps it with its content. */
void layout_head(struct req *r, const char *html);
/* Formats minor units into an arena string ("$12.50"); "" on a bad currency. */
const char *layout_money(struct req *r, long long minor, const char *currency);

#endif
