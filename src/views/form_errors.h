/* form_errors.h: how a form sent back with mistakes shows them: every one at once, beside its
 * field (the template's ERR_<FIELD> section, with aria-describedby="<field>-error"), and in a
 * summary at the top that takes the focus (autofocus, no script needed) and links to each
 * field. The template places {{>ERROR_SUMMARY}} above the form. */
#ifndef CC_FORM_ERRORS_H
#define CC_FORM_ERRORS_H
#include <stddef.h>
#include "web/tmpl.h"

/* One mistake: the field's id and name (lowercase, as in the form) and what to do about it. */
struct form_error {
	const char *field, *text;
};

#define FORM_ERRORS_MAX 16

void form_errors_render(tmpl_dict *d, const struct form_error *errors, size_t n);
/* The fields' ERR_<FIELD> sections alone (a dash in the id is an underscore in the section), for
 * fields in an included template's dictionary or a page with several forms. */
void form_errors_mark(tmpl_dict *d, const struct form_error *errors, size_t n);
/* The summary alone, for a form that marks its fields itself (the lead form, whose fields are the
 * brand's): each item links to errors[i].field, the id of the field's input (or first choice). */
void form_errors_summary(tmpl_dict *d, const struct form_error *errors, size_t n);

#endif
