/* live_deal_claim.c: "POST /live/{id}/deals/{q}" — a buyer takes a flash deal: `quantity` units
 * (default 1) of the deal's variant are claimed for their cart (domain/live/live_deal.h: under the
 * deal row's lock, never more than the deal stock, at most the per-buyer limit), then added to
 * the cart by the cart's own add. The cart shows and charges the deal price while the claim is
 * held: until live_deal_hold_s (default 900) after the deal's end, or for good once ordered. A
 * deal that ended, sold out or passed its limit is a 409 saying which. */
#include "lib/config.h"
#include "domain/live/live_deal.h"
#include "shop/cart.h"
#include "shop/live_view.h"
#include "web/response.h"

int page_live_deal_claim(struct req *r)
{
	struct live_session s;
	int st;
	if (!live_session_load(r, &s, &st))
		return st;
	long long qty = 1;
	if (req_str(r, "quantity") && !req_int(r, "quantity", &qty)) {
		response_error(r, 422, "Choose a quantity from 1 to 10.");
		return REQ_DONE;
	}
	struct live_deal_claim c = { .a = r->arena, .session_id = s.id, .deal_id = req_id(r, "q"), .quantity = qty,
				     .variant_id = req_id(r, "variant"),
				     .hold_s = config_int("live_deal_hold_s", 900, 60, 86400) };
	enum db_status rc = cart_find(r, true, &c.cart_id);
	if (rc == DB_OK && c.deal_id)
		rc = db_txn(r->db, live_deal_claim_write, &c);
	if (rc == DB_CONFLICT && c.result == LIVE_DEAL_WRONG_VARIANT) {
		response_error(r, 422, "That option is not the one on deal.");
		return REQ_DONE;
	}
	if (rc == DB_CONFLICT || (rc == DB_OK && !c.deal_id)) {
		response_error(r, 409, c.result == LIVE_DEAL_SOLD_OUT ? "Sorry: this flash deal is sold out."
			: c.result == LIVE_DEAL_LIMIT ? "You have taken as many of this flash deal as one buyer may."
			: "This flash deal has ended.");
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	return cart_add_from(r, 0, 0);
}
