/* html.h: the one HTML/XML escaper (after cgit's html.c) for the few places that write markup
 * themselves: the sanitiser's output, product descriptions typed as plain text, SVG charts.
 * Everything else goes through ctemplate's AUTOESCAPE. */
#ifndef CC_HTML_H
#define CC_HTML_H
#include <stddef.h>
#include "lib/buf.h"

/* Appends n bytes of s with & < > " ' escaped, safe in element text and in quoted attribute values. */
void html_escape(struct buf *b, const char *s, size_t n);
/* The same for a NUL-terminated string; NULL appends nothing. */
void html_escape_str(struct buf *b, const char *s);

#endif
