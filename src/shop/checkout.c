/* checkout.c: "/checkout" — the guest checkout form (email, shipping address with the country
 * from a list, payment), and the review step that shows the current summary for that
 * destination, with any price change, before the shopper pays. */
#include <string.h>
#include "shop/cart.h"
#include "views/country_view.h"
#include "shop/cart_codes.h"
#include "domain/commerce/address.h"
#include "domain/commerce/country.h"
#include "web/layout.h"
#include "domain/commerce/payments.h"
#include "web/response.h"
#include "shop/pay_redirect.h"
#include "shop/shop.h"
#include "lib/validate.h"

static const char *field(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

size_t checkout_form_check(struct req *r, struct checkout_form *f, struct form_error out[CHECKOUT_MAX_ERRORS])
{
	f->email = field(r, "email");
	f->name = field(r, "name");
	f->line1 = field(r, "line1");
	f->line2 = field(r, "line2");
	f->city = field(r, "city");
	f->region = field(r, "region");
	f->postal = field(r, "postal");
	f->country = field(r, "country");
	f->provider = field(r, "provider");
	const struct country *c = country_find(f->country);
	if (c)	/* the table's spelling: uppercase */
		f->country = c->code;
	/* Every mistake at once, in the form's order: one round trip fixes them all. */
	size_t n = 0;
	if (!validate_email(f->email))
		out[n++] = (struct form_error){ "email", "Enter a valid email address, like name@example.com: your confirmation goes there." };
	if (!validate_has_text(f->name))
		out[n++] = (struct form_error){ "name", "Enter the name the parcel is addressed to." };
	if (!validate_has_text(f->line1))
		out[n++] = (struct form_error){ "line1", "Enter the street address." };
	if (!validate_has_text(f->city))
		out[n++] = (struct form_error){ "city", "Enter the town or city." };
	if (!validate_has_text(f->postal))
		out[n++] = (struct form_error){ "postal", "Enter the postal code." };
	if (!c)
		out[n++] = (struct form_error){ "country", "Choose the country from the list." };
	if (!payments_offered(f->provider))
		out[n++] = (struct form_error){ "provider", "Choose how you want to pay." };
	return n;
}

const char *checkout_form_read(struct req *r, struct checkout_form *f, const char **which)
{
	struct form_error e[CHECKOUT_MAX_ERRORS];
	if (!checkout_form_check(r, f, e))
		return NULL;
	*which = e[0].field;
	return e[0].text;
}

void checkout_form_fill(struct req *r, tmpl_dict *d, const struct checkout_form *f)
{
	tmpl_set(d, "EMAIL", f->email);
	tmpl_set(d, "NAME", f->name);
	tmpl_set(d, "LINE1", f->line1);
	tmpl_set(d, "LINE2", f->line2);
	tmpl_set(d, "CITY", f->city);
	tmpl_set(d, "REGION", f->region);
	tmpl_set(d, "POSTAL", f->postal);
	tmpl_set(d, "COUNTRY", f->country);
	country_view_options(d, f->country);
	const char *lines[ADDRESS_MAX_LINES];
	size_t n = address_lines(r->arena, &(struct address){ f->name, f->line1, f->line2, f->city, f->region,
							       f->postal, f->country }, lines);
	for (size_t i = 0; i < n; i++)
		tmpl_set(tmpl_add(d, "ADDRESS_LINES"), "LINE", lines[i]);
	const struct payment_provider *p[PAYMENT_MAX_PROVIDERS];
	n = payments_choices(p);
	for (size_t i = 0; i < n; i++) {
		tmpl_dict *pd = tmpl_add(d, "PROVIDERS");
		tmpl_set(pd, "VALUE", p[i]->name);
		tmpl_set(pd, "LABEL", p[i]->label);
		if (strcmp(p[i]->name, f->provider) == 0 || (!*f->provider && i == 0))
			tmpl_show(pd, "CHECKED");
		if (strcmp(p[i]->name, f->provider) == 0)
			tmpl_set(d, "PROVIDER_LABEL", p[i]->label);
	}
	tmpl_set(d, "PROVIDER", f->provider);
}

void checkout_problem(struct req *r, int status, const char *title, const char *message)
{
	tmpl_dict *d = layout_begin(r, "checkout_problem.tpl", title);
	tmpl_set(d, "HEADLINE", title);
	tmpl_set(d, "MESSAGE", message);
	layout_end(r, status);
}

static int form_page(struct req *r, int status, const struct checkout_form *f, const struct form_error *errors,
		     size_t nerrors)
{
	long long id;
	struct cart c;
	enum db_status rc = cart_find(r, false, &id);
	if (rc == DB_OK)	/* the summary for the country chosen so far */
		rc = cart_load_known(r->db, r->arena, id, country_find(f->country) ? f->country : "", f->region,
				     &(struct cart_known){ .unpictured = true }, &c);
	if (rc == DB_OK)
		rc = cart_codes_apply(r, r->db, &c, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (c.nlines == 0) {
		response_redirect(r, "/cart");
		return REQ_DONE;
	}
	tmpl_dict *d = layout_begin(r, "checkout.tpl", "Checkout");
	checkout_form_fill(r, d, f);
	cart_render(r, d, &c);
	cart_codes_render(r, d, &c, false);
	form_errors_render(d, errors, nerrors);
	layout_end(r, status);
	return REQ_DONE;
}

int page_checkout(struct req *r)
{
	static const struct checkout_form empty = { "", "", "", "", "", "", "", "", "" };
	return form_page(r, 200, &empty, NULL, 0);
}

/* "Change address" on the review page: the form again, with what was typed. */
int page_checkout_edit(struct req *r)
{
	struct checkout_form f;
	const char *which;
	checkout_form_read(r, &f, &which);
	return form_page(r, 200, &f, NULL, 0);
}

void checkout_review_page(struct req *r, const struct checkout_form *f, const struct cart *c, int status,
			  const char *notice)
{
	tmpl_dict *d = layout_begin(r, "checkout_review.tpl", "Review your order");
	checkout_form_fill(r, d, f);
	cart_render(r, d, c);
	cart_codes_render(r, d, c, false);
	if (notice)
		tmpl_set(tmpl_add(d, "NOTICE"), "TEXT", notice);
	if (c->changed)
		tmpl_show(d, "CHANGED");
	if (c->unavailable) {
		tmpl_show(d, "BLOCKED");
	} else {
		char token[CALC_TOKEN_LEN + 1];
		calc_token_new(r->secret, r->sess.hash, token);
		tmpl_dict *p = tmpl_add(d, "PLACE");
		tmpl_set(p, "TOKEN", token);
		tmpl_set(p, "VERSION", c->version);
	}
	layout_end(r, status);
}

int page_checkout_review(struct req *r)
{
	struct checkout_form f;
	struct form_error errors[CHECKOUT_MAX_ERRORS];
	size_t nerrors = checkout_form_check(r, &f, errors);
	if (nerrors)
		return form_page(r, 422, &f, errors, nerrors);
	const char *problem = NULL;
	const char *code = req_form(r, "code");
	enum db_status rc = code && *code ? cart_codes_add(r, code, f.email, &problem) : DB_OK;
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (problem)
		return form_page(r, 422, &f, &(struct form_error){ "code", problem }, 1);
	long long id;
	struct cart c;
	rc = cart_find(r, false, &id);
	if (rc == DB_OK)
		rc = cart_load_known(r->db, r->arena, id, f.country, f.region, &(struct cart_known){ .unpictured = true }, &c);
	if (rc == DB_OK)
		rc = cart_codes_apply(r, r->db, &c, f.email);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (c.nlines == 0) {
		response_redirect(r, "/cart");
		return REQ_DONE;
	}
	const struct payment_provider *p = payments_find(f.provider);
	if (p && p->kind == PAYMENT_REDIRECT && !pay_redirect_one_currency(&c))
		return form_page(r, 422, &f, &(struct form_error){ "provider", PAY_REDIRECT_MIXED_TEXT }, 1);
	checkout_review_page(r, &f, &c, 200, NULL);
	return REQ_DONE;
}
