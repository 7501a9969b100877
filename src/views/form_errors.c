/* form_errors.c: see form_errors.h. */
#include <stdio.h>
#include "views/form_errors.h"

void form_errors_summary(tmpl_dict *d, const struct form_error *errors, size_t n)
{
	if (!n)
		return;
	tmpl_dict *s = tmpl_include(d, "ERROR_SUMMARY", "form_error_summary.tpl");
	tmpl_set(s, "HEADLINE", n == 1 ? "One thing to fix before you go on" : "A few things to fix before you go on");
	for (size_t i = 0; i < n && i < FORM_ERRORS_MAX; i++) {
		tmpl_dict *item = tmpl_add(s, "ITEMS");
		tmpl_set(item, "FIELD", errors[i].field);
		tmpl_set(item, "TEXT", errors[i].text);
	}
}

void form_errors_render(tmpl_dict *d, const struct form_error *errors, size_t n)
{
	form_errors_summary(d, errors, n);
	form_errors_mark(d, errors, n);
}

void form_errors_mark(tmpl_dict *d, const struct form_error *errors, size_t n)
{
	for (size_t i = 0; i < n && i < FORM_ERRORS_MAX; i++) {
		char section[40];
		snprintf(section, sizeof section, "ERR_%s", errors[i].field);
		for (char *p = section; *p; p++)
			*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p == '-' ? '_' : *p);
		tmpl_set(tmpl_add(d, section), "TEXT", errors[i].text);
	}
}
