/* cart_codes_pages.c: typing a discount code into the cart (the cart page's form and the
 * checkout form's field) and removing one (POST /cart/code/remove, also for a code a creator's
 * link carried). */
#include <string.h>
#include "shop/cart_codes.h"
#include "views/discount_link.h"
#include "web/response.h"
#include "shop/shop.h"

static const struct db_stmt q_code_id = {
	"SELECT id FROM discount_codes WHERE code = ?", "s", "i" };
static const struct db_stmt q_count = {
	"SELECT COUNT(*), COALESCE(MAX(code_id = ?), 0) FROM cart_codes WHERE cart_id = ?", "ii", "ii" };
static const struct db_stmt q_add = {
	"INSERT IGNORE INTO cart_codes (cart_id, code_id, applied_at) VALUES (?, ?, UTC_TIMESTAMP())", "ii", "" };
static const struct db_stmt q_remove = {
	"DELETE FROM cart_codes WHERE cart_id = ? AND code_id = ?", "ii", "" };
static const struct db_stmt q_remove_text = {
	"DELETE cc FROM cart_codes cc JOIN discount_codes d ON d.id = cc.code_id WHERE cc.cart_id = ? AND d.code = ?",
	"is", "" };

enum db_status cart_codes_add(struct req *r, const char *typed, const char *email, const char **problem)
{
	char code[DISCOUNT_CODE_MAX + 1];
	long long cart_id;
	struct db_res id, n;
	*problem = NULL;
	if (!discount_code_normalize(typed, code)) {
		*problem = "Enter the code as you were given it: 3 to 32 letters, digits or dashes.";
		return DB_OK;
	}
	enum db_status rc = cart_find(r, false, &cart_id);
	if (rc == DB_OK && !cart_id) {
		*problem = "Add something to your cart first, then the code.";
		return DB_OK;
	}
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_code_id, (struct db_param[]){ DB_S(code) }, &id);
	if (rc != DB_OK)
		return rc;
	if (id.nrows == 0) {
		*problem = arena_printf(r->arena, "There is no code %s. Check the spelling: letters, digits and dashes.", code);
		return DB_OK;
	}
	long long code_id = db_at(&id, 0, 0)->i;
	rc = db_query(r->db, r->arena, &q_count, (struct db_param[]){ DB_I(code_id), DB_I(cart_id) }, &n);
	if (rc != DB_OK || db_at(&n, 0, 1)->i)	/* already on the cart */
		return rc;
	if (db_at(&n, 0, 0)->i >= DISCOUNT_MAX_PER_CART) {
		*problem = "Your cart holds 5 codes already: remove one first.";
		return DB_OK;
	}
	if ((rc = db_query(r->db, NULL, &q_add, (struct db_param[]){ DB_I(cart_id), DB_I(code_id) }, NULL)) != DB_OK)
		return rc;
	/* Kept only if it applies to this cart as it is now; otherwise the shopper reads why. */
	struct cart c;
	if ((rc = cart_load(r->db, r->arena, cart_id, &c)) != DB_OK || (rc = cart_codes_apply(r, r->db, &c, email)) != DB_OK)
		return rc;
	for (size_t i = 0; i < c.ncodes; i++) {
		const struct cart_code *k = &c.codes[i];
		if (k->unknown || k->rule.id != code_id || k->verdict == DISCOUNT_OK)
			continue;
		*problem = arena_printf(r->arena, "%s: %s", code, discount_verdict_text(k->verdict));
		return db_query(r->db, NULL, &q_remove, (struct db_param[]){ DB_I(cart_id), DB_I(code_id) }, NULL);
	}
	return DB_OK;
}

int page_cart_code_add(struct req *r)
{
	const char *problem;
	enum db_status rc = cart_codes_add(r, req_form(r, "code"), NULL, &problem);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (problem)
		return cart_page(r, 422, problem);
	response_redirect(r, "/cart");
	return REQ_DONE;
}

int page_cart_code_remove(struct req *r)
{
	char code[DISCOUNT_CODE_MAX + 1], linked[DISCOUNT_CODE_MAX + 1];
	long long cart_id, at;
	if (!discount_code_normalize(req_form(r, "code"), code)) {
		response_error(r, 422, "Choose a code to remove.");
		return REQ_DONE;
	}
	if (discount_link_read(r, linked, &at) && strcmp(linked, code) == 0)
		discount_link_forget(r);
	enum db_status rc = cart_find(r, false, &cart_id);
	if (rc == DB_OK && cart_id)
		rc = db_query(r->db, NULL, &q_remove_text, (struct db_param[]){ DB_I(cart_id), DB_S(code) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/cart");
	return REQ_DONE;
}
