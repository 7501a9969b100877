/* summary.h: the plain text of untrusted HTML on one line, cut to a length at a word: what a meta
 * description, a shared link's preview and a merchant feed's description carry. */
#ifndef CC_SUMMARY_H
#define CC_SUMMARY_H
#include <stddef.h>
#include "lib/arena.h"

/* The paragraphs of html (htmltext.h: no markup survives, entities decoded) joined by spaces, at
 * most max_chars code points: a longer text is cut after its last whole word that fits, and ends
 * in "…" (counted). Never splits a UTF-8 sequence. Pure. */
const char *summary_text(struct arena *a, const char *html, size_t len, size_t max_chars);
/* summary_text as a page shows it on every view (a product's description): the worker remembers
 * its last answers (text_memo.h). */
const char *summary_text_memo(struct arena *a, const char *html, size_t len, size_t max_chars);
/* The same for text that is already plain (a bio, a headline: '<' in it is a character, not
 * markup): white space runs become one space, then the same cut. Pure. */
const char *summary_plain(struct arena *a, const char *text, size_t max_chars);
/* summary_plain remembered the same way, for a text every view of a page shows (a bio). */
const char *summary_plain_memo(struct arena *a, const char *text, size_t max_chars);

#endif
