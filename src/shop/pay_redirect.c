/* pay_redirect.c: a hosted payment started after the order transaction committed (no row lock is
 * ever held across a provider call), and released again when the provider cannot take it. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "web/layout.h"
#include "web/outbound.h"
#include "web/response.h"
#include "domain/commerce/payments.h"
#include "domain/commerce/pay_settle.h"
#include "shop/pay_redirect.h"

const struct payment_http pay_redirect_http = { outbound_call, NULL };

bool pay_redirect_one_currency(const struct cart *c)
{
	for (size_t k = 1; k < c->nbrands; k++)
		if (strcmp(c->brands[k].currency, c->brands[0].currency) != 0)
			return false;
	return true;
}

void pay_redirect_init(struct pay_redirect *pr, struct arena *a, const struct cart *c)
{
	pr->a = a;
	pr->cart = c;
	pr->numbers = arena_alloc(a, (c->nbrands ? c->nbrands : 1) * sizeof *pr->numbers);
	pr->n = 0;
	pr->row = 0;
}

void pay_redirect_order(struct pay_redirect *pr, const char *number)
{
	if (pr->cart && pr->n < pr->cart->nbrands)
		pr->numbers[pr->n++] = arena_strdup(pr->a, number);
}

static long long checkout_total(const struct cart *c)
{
	long long t = 0;
	for (size_t k = 0; k < c->nbrands; k++)
		t += c->brands[k].t.total;
	return t;
}

enum db_status pay_redirect_hold(struct db *db, struct pay_redirect *pr, long long checkout_id, const char *provider)
{
	return pay_settle_open(db, checkout_id, provider, checkout_total(pr->cart), pr->cart->brands[0].currency,
			       &pr->row);
}

/* What the provider is told: every order with its lines, shipping and tax, in one currency. */
static void describe(struct pay_redirect *pr, const char *ref, const char *email, const char *base,
		     const char *provider, struct payment_checkout *c)
{
	struct arena *a = pr->a;
	const struct cart *cart = pr->cart;
	struct payment_order *o = arena_zalloc(a, (cart->nbrands ? cart->nbrands : 1) * sizeof *o);
	for (size_t k = 0; k < cart->nbrands && k < pr->n; k++) {
		const struct cart_brand *b = &cart->brands[k];
		struct payment_line *l = arena_alloc(a, (b->nlines ? b->nlines : 1) * sizeof *l);
		for (size_t j = 0; j < b->nlines; j++) {
			const struct cart_line *cl = &b->lines[j];
			const char *title = *cl->variant_title ? arena_printf(a, "%s (%s)", cl->title, cl->variant_title) : cl->title;
			/* A line as charged: after its share of any discount. A share that does not divide
			 * by the quantity goes as one item "3 × title", so the amounts add up to the cent. */
			long long paid = cl->line_total - cl->discount;
			if (cl->discount == 0 || paid % cl->quantity == 0)
				l[j] = (struct payment_line){ title, paid / cl->quantity, cl->quantity };
			else
				l[j] = (struct payment_line){ arena_printf(a, "%lld × %s", cl->quantity, title), paid, 1 };
		}
		/* Prices that include tax: the lines and shipping are gross and the tax is inside them. */
		o[k] = (struct payment_order){ .number = pr->numbers[k], .brand = b->name,
					       .shipping = calc_shown_shipping(&b->t),
					       .tax = b->t.tax_included ? 0 : b->t.tax, .total = b->t.total,
					       .lines = l, .nlines = b->nlines };
	}
	/* Stripe takes expiries from 30 minutes to 24 hours ahead; the hold decides when crowdcart
	 * gives the stock back, the provider's expiry only when it stops taking the money. */
	long long minutes = payments_hold_minutes();
	long long ahead = (minutes < 30 ? 30 : minutes) * 60 + 60;
	if (ahead > 24 * 3600 - 60)
		ahead = 24 * 3600 - 60;
	*c = (struct payment_checkout){
		.reference = ref, .email = email, .currency = cart->brands[0].currency, .total = checkout_total(cart),
		.orders = o, .norders = pr->n,
		.return_url = arena_printf(a, "%s/checkout/return/%s", base, ref),
		.cancel_url = arena_printf(a, "%s/checkout/return/%s?cancelled=1", base, ref),
		.webhook_url = arena_printf(a, "%s/webhooks/payment/%s", base, provider),
		.expires_at = (long long)time(NULL) + ahead,
	};
}

int pay_redirect_replay(struct req *r, const char *ref)
{
	struct pay_settle_row row;
	bool hosted;
	enum db_status rc = pay_settle_by_checkout(r->db, r->arena, ref, &row, &hosted);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, hosted ? "/checkout/return/%s" : "/checkout/done/%s", ref));
	return REQ_DONE;
}

int pay_redirect_start(struct req *r, const struct payment_provider *p, struct pay_redirect *pr, const char *ref,
		       const char *email)
{
	const char *base = payments_base_url();
	struct payment_checkout c;
	struct payment_started out = { 0 };
	enum payment_outcome o = PAYMENT_DOWN;
	if (base) {
		describe(pr, ref, email, base, p->name, &c);
		o = p->start(&pay_redirect_http, r->arena, &c, &out);
	} else {
		out.message = "base_url is not set";
	}
	enum db_status rc = o == PAYMENT_OK ? pay_settle_started(r->db, pr->row, out.session_id, out.url) : DB_OK;
	if (o == PAYMENT_OK && rc == DB_OK) {
		tmpl_dict *d = layout_begin(r, "checkout_pay.tpl", "Taking you to the payment page");
		tmpl_set(d, "URL", out.url);
		tmpl_set(d, "PROVIDER", p->label);
		layout_end(r, 200);
		return REQ_DONE;
	}
	/* Nothing may be left waiting for a payment that was never asked for: give the stock back. */
	fprintf(stderr, "shop: %s checkout %s not started: %s\n", p->name, ref,
		out.message ? out.message : db_status_str(rc));
	struct pay_settle s = { .row = pr->row, .status = { .state = PAYMENT_FAILED },
				.note = arena_printf(r->arena, "%s did not start the payment", p->name) };
	rc = pay_settle_run(r->db, r->arena, &s);
	if (rc != DB_OK)
		return req_db_fail(rc);
	checkout_problem(r, o == PAYMENT_REFUSED ? 502 : 503, "The payment service did not answer",
			 "The payment service did not answer, so nothing was charged and the order was not "
			 "placed. Your items are still in the shop: try again in a moment, or choose another "
			 "way to pay.");
	return REQ_DONE;
}
