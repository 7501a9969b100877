/* codes.h: discount codes in the studio. A brand makes codes for the creators in its programme
 * (creators with an approved pick of its products) or for itself, edits and disables them, sees
 * their uses and chooses whether a creator's code beats another creator's link; a creator sees
 * their codes and a link that carries each one. */
#ifndef CC_STUDIO_CODES_H
#define CC_STUDIO_CODES_H
#include "domain/commerce/discount.h"
#include "web/http.h"
#include "views/form_errors.h"

/* A code form as typed and as read: the rule (kind, value, minimum, limits, dates,
 * combinable), the dates as typed (YYYY-MM-DD, "" for none) and, for a new code, the text (and
 * normalized, when typed and valid) and the creator; and every problem found, by field. */
struct brand_code_form {
	struct discount_code rule;
	const char *code, *starts_on, *ends_on;
	const char *value_text, *min_text, *total_text, *per_customer_text;
	char normalized[DISCOUNT_CODE_MAX + 1];
	struct form_error errors[FORM_ERRORS_MAX];
	size_t nerrors;
};

/* Reads and checks the form's fields for brand b, noting every problem; true when there is none. */
bool brand_code_form_read(struct req *r, const struct acting_brand *b, struct brand_code_form *f);
/* Notes a problem found beyond the form's own fields (a taken code, a creator outside the programme). */
void brand_code_form_error(struct brand_code_form *f, const char *field, const char *text);
/* Includes the form's fields (studio_brand_code_fields.tpl) at {{>FIELDS}} of page, with f's values
 * and its problems: each beside its field, all in page's summary in the order of the form. */
void brand_code_form_fill(tmpl_dict *page, const char *currency, const struct brand_code_form *f);

int page_brand_codes(struct req *r);
int page_brand_code_create(struct req *r);
int page_brand_code_precedence(struct req *r);
int page_brand_code_edit(struct req *r);
int page_brand_code_save(struct req *r);
int page_brand_code_state(struct req *r);
int page_creator_codes(struct req *r);

#endif
