/* tmpl_escape.h: a faster HTML escape behind ctemplate's auto-escaping, the same bytes out. */
#ifndef CC_TMPL_ESCAPE_H
#define CC_TMPL_ESCAPE_H
#include <stdbool.h>
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif

/* Makes ctemplate's HTML escape (every :h of auto-escaping, and the URL modifiers that chain to it)
 * the 16-bytes-at-a-time one of tmpl_escape.cc. Once, before any template is expanded. */
void tmpl_escape_install(void);
/* Whether that escape writes exactly what ctemplate's own does for in[0..n): for the tests. */
bool tmpl_escape_same(const char *in, size_t n);

#ifdef __cplusplus
}
#endif
#endif
