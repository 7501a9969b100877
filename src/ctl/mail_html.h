/* mail_html.h: the HTML alternative of a mail, made from its text through templates/mail.tpl,
 * auto-escaped like every page: a name holding markup stays text, links become links. */
#ifndef CC_MAIL_HTML_H
#define CC_MAIL_HTML_H
#include "lib/arena.h"

/* The page, in a; NULL if the template failed. tmpl_init first. */
const char *mail_html_render(struct arena *a, const char *subject, const char *text);

#endif
