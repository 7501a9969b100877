/* tmpl.h: the C face of ctemplate. Templates are parsed once per process (tmpl_init) and every
 * template starts with an AUTOESCAPE pragma, so values set here are escaped on output. */
#ifndef CC_TMPL_H
#define CC_TMPL_H
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tmpl_dict tmpl_dict;
typedef void (*tmpl_emit_fn)(void *ctx, const char *s, size_t n);

/* Sets the template root and parses every *.tpl under it; false (and a message on stderr) if
 * one fails to parse. Call before forking workers so they share the parsed templates. */
bool tmpl_init(const char *root);

tmpl_dict *tmpl_new(void);
void tmpl_free(tmpl_dict *d);
void tmpl_set(tmpl_dict *d, const char *key, const char *val);
void tmpl_setn(tmpl_dict *d, const char *key, const char *val, size_t n);
/* The same without copying val, which must outlive d (request arena memory does): for a kept
 * page's content, tens of KB that a copy per view would only move around. */
void tmpl_setn_borrowed(tmpl_dict *d, const char *key, const char *val, size_t n);
void tmpl_set_int(tmpl_dict *d, const char *key, long long v);
/* Visible in every included template of this expansion (user name, CSRF token). */
void tmpl_set_global(tmpl_dict *d, const char *key, const char *val);
/* Visible in every expansion of this process, set once at start (the fingerprinted static
 * file names of web/asset.c); the value is copied. */
void tmpl_set_process_global(const char *key, const char *val);
void tmpl_show(tmpl_dict *d, const char *section);
/* One more repetition of a section; returns its dictionary (owned by d). */
tmpl_dict *tmpl_add(tmpl_dict *d, const char *section);
/* Includes `file` at {{>name}}; returns the included template's dictionary (owned by d). */
tmpl_dict *tmpl_include(tmpl_dict *d, const char *name, const char *file);
/* Expands file with d through emit; false on a missing template or an exception. */
bool tmpl_expand(const char *file, const tmpl_dict *d, tmpl_emit_fn emit, void *ctx);

#ifdef __cplusplus
}
#endif
#endif
