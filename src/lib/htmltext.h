/* htmltext.h: turn untrusted HTML into plain-text paragraphs (the template escapes them).
 * Pure, no I/O; markup never survives, so nothing from it can run in a page. */
#ifndef CC_HTMLTEXT_H
#define CC_HTMLTEXT_H
#include <stddef.h>
#include "lib/arena.h"

/* Splits at block ends (</p>, <br>, </li>, </div>, </h1>..</h6>), drops all tags and the contents
 * of script/style/template, decodes &amp; &lt; &gt; &quot; &#39; &apos; &nbsp;, collapses white
 * space, prefixes list items with "• ". Returns the number of non-empty paragraphs (<= max). */
size_t htmltext_paragraphs(struct arena *a, const char *html, size_t len, const char **out, size_t max);

#endif
