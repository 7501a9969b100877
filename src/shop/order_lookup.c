/* order_lookup.c: "/orders/lookup" — find an order by its number and the email it was placed
 * with. One answer for every miss, so it tells nothing about which part was wrong, and misses are
 * throttled per email and per client address (IPv6: its /64). Every lookup, hit or miss, also
 * spends budgets of the session and the address prefixes, so neither a fresh cookie nor the
 * addresses of one network multiply the guesses. */
#include <string.h>
#include "db/throttle.h"
#include "domain/commerce/order_ref.h"
#include "lib/netprefix.h"
#include "shop/abuse_guard.h"
#include "shop/cart.h"
#include "web/layout.h"
#include "web/response.h"
#include "shop/shop.h"
#include "views/page_meta.h"

static const struct db_stmt q_find = {
	"SELECT id FROM orders WHERE number = ? AND email = ?", "ss", "i" };
static const struct db_stmt q_find_reference = {
	"SELECT id FROM orders WHERE reference = ? AND email = ?", "ss", "i" };
static const struct db_stmt q_misses = {
	"SELECT COUNT(*) FROM order_lookup_attempts WHERE subject_hash = ?"
	" AND attempted_at > UTC_TIMESTAMP() - INTERVAL 15 MINUTE", "b", "i" };
static const struct db_stmt q_miss = {
	"INSERT INTO order_lookup_attempts (subject_hash, attempted_at) VALUES (?, UTC_TIMESTAMP())", "b", "" };
static const struct db_stmt q_purge = {
	"DELETE FROM order_lookup_attempts WHERE attempted_at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 100", "", "" };

/* Misses allowed in 15 minutes: per email, and per address. */
static const struct throttle_kind lookup_throttle = { "lookup-", &q_misses, &q_miss, &q_purge, 5, 100 };

/* Lookups in 15 minutes: a shopper checks an order or two; an address (/64) is a household or an
 * office, a /24 (/48) a site or a carrier's pool. */
#define LOOKUP_BUDGET \
	{ ABUSE_LIMIT_SESSION, 20, 900 }, { ABUSE_LIMIT_HOST, 60, 900 }, { ABUSE_LIMIT_NETWORK, 240, 900 }

static void form(struct req *r, int status, const char *error)
{
	tmpl_dict *d = layout_begin(r, "order_lookup.tpl", "Look up an order");
	page_meta_show(r, &(struct page_meta){
		.title = "Look up an order",
		.description = "Find an order you placed: its number and your email address show where it is.",
		.path = "/orders/lookup",
	});
	const char *n = req_form(r, "number"), *e = req_form(r, "email");
	tmpl_set(d, "NUMBER", n ? n : "");
	tmpl_set(d, "EMAIL", e ? e : "");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	layout_end(r, status);
}

int page_order_lookup_form(struct req *r)
{
	form(r, 200, NULL);
	return REQ_DONE;
}

int page_order_lookup(struct req *r)
{
	const char *email = req_form(r, "email");
	char number[CALC_ORDERNO_LEN + 1];
	if (!email || !*email || !req_form(r, "number") || !*req_form(r, "number")) {
		form(r, 422, "Enter the order number and the email address you ordered with.");
		return REQ_DONE;
	}
	char lower[255];
	size_t i = 0;
	for (; email[i] && i < sizeof lower - 1; i++)
		lower[i] = (char)(email[i] >= 'A' && email[i] <= 'Z' ? email[i] + 32 : email[i]);
	lower[i] = '\0';
	const char *wait;
	enum db_status rc = abuse_guard_take(r, "order-lookup", ABUSE_GUARD_RULES(LOOKUP_BUDGET), NULL, NULL, &wait);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (wait) {
		form(r, 429, arena_printf(r->arena, "Too many order lookups from your network right now. %s", wait));
		return REQ_DONE;
	}
	char host[NETPREFIX_TEXT];
	netprefix_of(r->remote_addr, NETPREFIX_HOST, host);
	struct throttle t;
	throttle_subjects(&lookup_throttle, r->secret, lower, host, &t);
	struct db_res o = { 0 };
	bool over;
	if ((rc = throttle_over(r->db, r->arena, &lookup_throttle, &t, &over)) != DB_OK)
		return req_db_fail(rc);
	if (over) {
		response_header(r, "Retry-After", "900");
		form(r, 429, "Too many lookups that did not match. Please wait 15 minutes and try again.");
		return REQ_DONE;
	}
	/* The short reference of a new order, or the 20-digit number of one placed before them. */
	char reference[ORDER_REF_LEN + 1], shown[ORDER_REF_SHOW_SIZE] = "";
	if (order_ref_normalize(req_form(r, "number"), reference)) {
		order_ref_show(reference, shown);
		rc = db_query(r->db, r->arena, &q_find_reference, (struct db_param[]){ DB_S(reference), DB_S(email) }, &o);
	} else if (calc_orderno_normalize(req_form(r, "number"), number)) {
		order_ref_show(number, shown);
		rc = db_query(r->db, r->arena, &q_find, (struct db_param[]){ DB_S(number), DB_S(email) }, &o);
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (o.nrows == 0) {
		if ((rc = throttle_record(r->db, &lookup_throttle, &t)) != DB_OK)
			return req_db_fail(rc);	/* 503 with Retry-After, not an answer to the guess */
		form(r, 404, "No order matches that number and email. Check both and try again.");
		return REQ_DONE;
	}
	tmpl_dict *d = layout_begin(r, "order.tpl", arena_printf(r->arena, "Order %s", shown));
	if ((rc = order_render(r, d, db_at(&o, 0, 0)->i)) != DB_OK)
		return req_db_fail(rc);
	page_meta_noindex(r);
	layout_end(r, 200);
	return REQ_DONE;
}
