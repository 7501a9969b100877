/* payments.c: "crowdcartctl payments reconcile [--checkout REF]" — asks each provider about every
 * hosted payment still open (or that checkout's) and settles what it answers — and the worker's release of holds that outlived
 * payment_hold_minutes. Both settle through pay_settle.h, like the webhook and the return page,
 * so whichever learns the outcome first records it and the others change nothing. */
#include <stdio.h>
#include <string.h>
#include "web/outbound.h"
#include "domain/commerce/payments.h"
#include "domain/commerce/pay_settle.h"
#include "ctl/ctl.h"

#define PAYMENTS_BATCH 200

static const struct payment_http http = { outbound_call, NULL };

/* Providers that did not answer during this pass: not asked again until the next one, so a
 * provider that is down costs one timeout per pass, not one per payment. */
struct silent {
	const char *names[PAYMENT_MAX_PROVIDERS];
	size_t n;
};

static bool is_silent(const struct silent *q, const char *name)
{
	for (size_t i = 0; i < q->n; i++)
		if (strcmp(q->names[i], name) == 0)
			return true;
	return false;
}

/* The provider's answer for one open payment session; false (nothing known) when it did not
 * give one, or the session never reached the provider. */
static bool ask(struct arena *a, const struct pay_settle_row *row, struct payment_status *st, struct silent *q)
{
	const struct payment_provider *p = payments_find(row->provider);
	if (!p || p->kind != PAYMENT_REDIRECT || !*row->session_id || is_silent(q, p->name))
		return false;
	enum payment_outcome o = p->fetch(&http, a, row->session_id, st);
	if (o == PAYMENT_OK)
		return true;
	if (o == PAYMENT_DOWN && q->n < PAYMENT_MAX_PROVIDERS)
		q->names[q->n++] = p->name;
	fprintf(stderr, "crowdcartctl: %s did not say how payment %.80s stands: %s\n", row->provider, row->session_id,
		st->message ? st->message : "no answer");
	return false;
}

/* A hold is over and the provider has not been paid: it is asked to stop taking the payment
 * (where it can), then asked again, so a payment made in between is still seen as paid. */
static bool stop(struct arena *a, const struct pay_settle_row *row, struct payment_status *st, struct silent *q)
{
	const struct payment_provider *p = payments_find(row->provider);
	const char *why = NULL;
	if (!p->cancel)
		return true;
	if (p->cancel(&http, a, row->session_id, &why) != PAYMENT_OK)
		fprintf(stderr, "crowdcartctl: %s payment %.80s not stopped: %s\n", row->provider, row->session_id,
			why ? why : "no answer");
	return ask(a, row, st, q);
}

/* Settles up to a batch of open payment sessions; release: only those whose hold is over, and
 * failing those the provider does not call paid. The number settled either way, -1 on a
 * database failure. */
static long settle_open(struct db *db, struct arena *a, bool release)
{
	struct pay_settle_row *rows;
	size_t n;
	if (pay_settle_open_rows(db, a, release, PAYMENTS_BATCH, &rows, &n) != DB_OK)
		return -1;
	long done = 0;
	struct silent q = { .n = 0 };
	for (size_t i = 0; i < n; i++) {
		struct pay_settle s = { .row = rows[i].row, .hold_over_only = release,
					.note = release ? "the hold expired" : "reconcile" };
		bool known = ask(a, &rows[i], &s.status, &q);
		if (!known && !release)
			continue;
		if (release && known && s.status.state == PAYMENT_PENDING)
			known = stop(a, &rows[i], &s.status, &q);
		if (release && (!known || s.status.state == PAYMENT_PENDING))
			s.status.state = PAYMENT_FAILED;	/* release: the stock goes back; a late payment is still honoured */
		if (pay_settle_run(db, a, &s) != DB_OK)
			return -1;
		if (s.result == PAY_SETTLE_PAID || s.result == PAY_SETTLE_FAILED)
			done++;
		if (s.result == PAY_SETTLE_MISMATCH) {
			fprintf(stderr, "crowdcartctl: payment %.80s paid another amount or currency than its checkout; "
				"not marked paid%s\n", rows[i].session_id, release ? ", its hold released: refund it at the provider" : "");
			/* never paid as asked: the stock must not stay held for it forever */
			struct pay_settle f = { .row = rows[i].row, .hold_over_only = true, .note = "the hold expired",
						.status = { .state = PAYMENT_FAILED } };
			if (release && pay_settle_run(db, a, &f) != DB_OK)
				return -1;
		}
	}
	return done;
}

long ctl_payments_release(struct db *db, struct arena *a)
{
	arena_reset(a);	/* the worker loops with one arena */
	long n = settle_open(db, a, true);
	return n < 0 || pay_settle_forget_events(db, 1000) < 0 ? -1 : n;
}

/* One checkout's payment, by its reference: 1 if settled, 0 if not, -1 on a database failure. */
static long settle_one(struct db *db, struct arena *a, const char *ref)
{
	struct pay_settle_row row;
	bool found;
	if (pay_settle_by_checkout(db, a, ref, &row, &found) != DB_OK)
		return -1;
	struct silent q = { .n = 0 };
	struct pay_settle s = { .row = row.row, .note = "reconcile" };
	if (!found || (strcmp(row.status, "pending") != 0 && strcmp(row.status, "starting") != 0) ||
	    !ask(a, &row, &s.status, &q))
		return 0;
	if (pay_settle_run(db, a, &s) != DB_OK)
		return -1;
	return s.result == PAY_SETTLE_PAID || s.result == PAY_SETTLE_FAILED;
}

int ctl_payments(struct db *db, int argc, char **argv)
{
	const char *ref = ctl_opt(argc, argv, "--checkout");
	if (argc < 1 || strcmp(argv[0], "reconcile") != 0 || argc != (ref ? 3 : 1)) {
		fprintf(stderr, "usage: crowdcartctl payments reconcile [--checkout REF]\n");
		return 2;
	}
	if (!ctl_notices_ready() || !outbound_init())
		return 1;
	struct arena *a = arena_new(1 << 16);
	long n = ref ? settle_one(db, a, ref) : settle_open(db, a, false);
	arena_free(a);
	if (n < 0) {
		fprintf(stderr, "crowdcartctl payments: database error\n");
		return 1;
	}
	printf("settled %ld payment(s)\n", n);
	return 0;
}
