/* cart.c: "/cart" — adding, changing and removing items (POST, then 303 back, so a reload never
 * repeats a change); the page itself is cart_page.c. */
#include <stdlib.h>
#include <string.h>
#include "shop/cart.h"
#include "views/cart_count.h"
#include "web/response.h"
#include "shop/shop.h"
#include "shop/product_picker.h"

static const struct db_stmt q_variant = {
	"SELECT v.price, v.stock, v.inventory_policy = 'deny', b.slug, p.handle, p.id FROM variants v"
	" JOIN products p ON p.id = v.product_id JOIN brands b ON b.id = p.brand_id"
	" WHERE v.id = ? AND p.status = 'active'", "i", "iiissi" };
/* The variant a product page's option groups name (product_picker.h): every option compared, an
 * option the product does not use being '' on both sides. */
static const struct db_stmt q_resolve = {
	"SELECT v.id FROM variants v WHERE v.product_id = ? AND v.option1 = ? AND v.option2 = ? AND v.option3 = ?"
	" ORDER BY v.position, v.id LIMIT 1", "isss", "i" };
static const struct db_stmt q_product_key = {
	"SELECT b.slug, p.handle FROM products p JOIN brands b ON b.id = p.brand_id"
	" WHERE p.id = ? AND p.status = 'active'", "i", "ss" };
static const struct db_stmt q_items = {
	"SELECT COUNT(*), COALESCE(SUM(quantity), 0), COALESCE(MAX(variant_id = ?), 0)"
	" FROM cart_items WHERE cart_id = ?", "ii", "iii" };
/* The medium (video, ad) is recorded only if the variant's product is tagged in that video or
 * listed in that ad (the subqueries give NULL otherwise, and for 0). An add that names a medium
 * holding the product replaces whatever the item had; any other add keeps it. */
static const struct db_stmt q_add = {
	"INSERT INTO cart_items (cart_id, variant_id, quantity, price_seen, added_at, video_id, ad_id)"
	" VALUES (?, ?, ?, ?, UTC_TIMESTAMP(),"
	" (SELECT t.video_id FROM video_tags t JOIN variants va ON va.product_id = t.product_id"
	"  WHERE t.video_id = ? AND va.id = ?),"
	" (SELECT ap.ad_id FROM ad_products ap JOIN variants va ON va.product_id = ap.product_id"
	"  WHERE ap.ad_id = ? AND va.id = ?))"
	" ON DUPLICATE KEY UPDATE"
	" quantity = LEAST(quantity + VALUES(quantity), 99), price_seen = VALUES(price_seen),"
	" video_id = IF(VALUES(video_id) IS NULL AND VALUES(ad_id) IS NULL, video_id, VALUES(video_id)),"
	" ad_id = IF(VALUES(video_id) IS NULL AND VALUES(ad_id) IS NULL, ad_id, VALUES(ad_id))",
	"iiiiiiii", "" };
static const struct db_stmt q_set = {
	"UPDATE cart_items SET quantity = ? WHERE cart_id = ? AND variant_id = ?", "iii", "" };
static const struct db_stmt q_remove = {
	"DELETE FROM cart_items WHERE cart_id = ? AND variant_id = ?", "ii", "" };
static const struct db_stmt q_count = {
	"SELECT COALESCE(SUM(quantity), 0) FROM cart_items WHERE cart_id = ?", "i", "i" };
static const struct db_stmt q_touch = {
	"UPDATE carts SET updated_at = UTC_TIMESTAMP() WHERE id = ?", "i", "" };

static int finish(struct req *r, long long cart_id, const char *next)
{
	struct db_res n;
	enum db_status rc = db_query(r->db, NULL, &q_touch, (struct db_param[]){ DB_I(cart_id) }, NULL);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_count, (struct db_param[]){ DB_I(cart_id) }, &n);
	if (rc != DB_OK)
		return req_db_fail(rc);
	cart_count_set(r, db_at(&n, 0, 0)->i);
	response_redirect(r, next);
	return REQ_DONE;
}

/* Where a successful add goes: back to the video whose card it came from (back=video: the video
 * page names the variant added and opens its cart drawer, video.c), else on to the cart. */
static const char *added_next(struct req *r, long long video_id, long long variant)
{
	const char *back = req_form(r, "back");
	return video_id && back && strcmp(back, "video") == 0
		? arena_printf(r->arena, "/v/%lld?added=%lld#cart-drawer", video_id, variant) : "/cart";
}

/* A refused add is answered on the page the shopper added from, with `status` and the message
 * beside the picker: the caller's (`answer`, a video's card) or else the product page. */
static int refuse(struct req *r, cart_refusal_fn answer, long long product, const char *brand, const char *handle,
		  int status, const struct product_picker_problem *p)
{
	return answer ? answer(r, product, status, p) : product_page(r, brand, handle, status, p);
}

int page_cart_add(struct req *r)
{
	return cart_add_from(r, 0, 0);
}

static const char *option_asked(struct req *r, int n)
{
	const char *v = req_str(r, n == 1 ? "option1" : n == 2 ? "option2" : "option3");
	return v ? v : "";
}

/* The variant a picker's option groups chose (fields product, option1..3), or 0 having answered:
 * the page added from again with a 422 beside the picker when no variant has those values, a 404
 * when the product left the shop. */
static long long resolve_options(struct req *r, cart_refusal_fn answer, long long product, int *answered)
{
	const char *o1 = option_asked(r, 1), *o2 = option_asked(r, 2), *o3 = option_asked(r, 3);
	struct db_res v, key;
	enum db_status rc = db_query(r->db, r->arena, &q_resolve, (struct db_param[]){ DB_I(product), DB_S(o1), DB_S(o2), DB_S(o3) }, &v);
	if (rc == DB_OK && v.nrows)
		return db_at(&v, 0, 0)->i;
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_product_key, (struct db_param[]){ DB_I(product) }, &key);
	if (rc != DB_OK) {
		*answered = req_db_fail(rc);
		return 0;
	}
	if (!key.nrows) {
		response_error(r, 404, "That product is no longer in the shop.");
		*answered = REQ_DONE;
		return 0;
	}
	const char *asked = arena_printf(r->arena, "%s%s%s%s%s", o1, *o2 ? " / " : "", o2, *o3 ? " / " : "", o3);
	struct product_picker_problem p = {
		.picker_message = *asked ? arena_printf(r->arena, "%s is not made: choose another combination.", asked)
					 : "Choose an option first.",
		.asked = { o1, o2, o3 },
	};
	*answered = refuse(r, answer, product, db_at(&key, 0, 0)->s, db_at(&key, 0, 1)->s, 422, &p);
	return 0;
}

int cart_add_from(struct req *r, long long video_id, long long ad_id)
{
	return cart_add_answering(r, video_id, ad_id, NULL);
}

int cart_add_answering(struct req *r, long long video_id, long long ad_id, cart_refusal_fn answer)
{
	long long vid = req_id(r, "variant"), qty = 1, product = req_id(r, "product");
	if (req_str(r, "quantity") && !req_int(r, "quantity", &qty))
		qty = 0;
	if (!vid && product && qty) {
		int answered = REQ_DONE;
		if (!(vid = resolve_options(r, answer, product, &answered)))
			return answered;
	}
	if (!vid || !qty) {
		response_error(r, 422, "Choose an option and a quantity from 1 to 99.");
		return REQ_DONE;
	}
	struct db_res v, items;
	long long cart_id;
	enum db_status rc = db_query(r->db, r->arena, &q_variant, (struct db_param[]){ DB_I(vid) }, &v);
	if (rc == DB_OK && v.nrows == 0) {
		response_error(r, 404, "That product is no longer in the shop.");
		return REQ_DONE;
	}
	if (rc == DB_OK && db_at(&v, 0, 2)->i && db_at(&v, 0, 1)->i < qty && !video_id && !ad_id) {
		/* Back to the product page, which says how many are left beside its button: a shopper
		 * who asked for too many is not sent to a dead end. */
		response_redirect(r, arena_printf(r->arena, "/p/%s/%s?short=%lld#buy", db_at(&v, 0, 3)->s,
						  db_at(&v, 0, 4)->s, vid));
		return REQ_DONE;
	}
	if (rc == DB_OK && db_at(&v, 0, 2)->i && db_at(&v, 0, 1)->i < qty) {
		long long left = db_at(&v, 0, 1)->i;
		if (!answer) {
			response_error(r, 409, left > 0 ? arena_printf(r->arena, "Only %lld left of that option.", left)
						   : "Sorry, that option is sold out.");
			return REQ_DONE;
		}
		/* beside the picker, naming the combination asked for when it was asked by its values */
		struct product_picker_problem p = { .variant_id = vid };
		for (int k = 0; k < 3; k++)
			p.asked[k] = option_asked(r, k + 1);
		const char *name = arena_printf(r->arena, "%s%s%s%s%s", p.asked[0], *p.asked[1] ? " / " : "", p.asked[1],
						*p.asked[2] ? " / " : "", p.asked[2]);
		if (!*name)
			name = "This option";
		p.picker_message = left > 0 ? arena_printf(r->arena, "Only %lld left of %s: choose %lld or fewer.", left, name, left)
					    : arena_printf(r->arena, "%s is sold out: choose another option.", name);
		return refuse(r, answer, db_at(&v, 0, 5)->i, db_at(&v, 0, 3)->s, db_at(&v, 0, 4)->s, 409, &p);
	}
	if (rc == DB_OK)
		rc = cart_find(r, true, &cart_id);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_items, (struct db_param[]){ DB_I(vid), DB_I(cart_id) }, &items);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (db_at(&items, 0, 0)->i >= CART_MAX_ITEMS && !db_at(&items, 0, 2)->i) {
		/* The product page again, the message beside the button the shopper just pressed. */
		struct product_picker_problem p = {
			.variant_id = vid,
			.quantity_message = arena_printf(r->arena, "Your cart is full (%d different items): check out or remove"
							 " something first, then add this again.", CART_MAX_ITEMS),
		};
		return refuse(r, answer, db_at(&v, 0, 5)->i, db_at(&v, 0, 3)->s, db_at(&v, 0, 4)->s, 409, &p);
	}
	rc = db_query(r->db, NULL, &q_add,
		      (struct db_param[]){ DB_I(cart_id), DB_I(vid), DB_I(qty), DB_I(db_at(&v, 0, 0)->i),
					   DB_I(video_id), DB_I(vid), DB_I(ad_id), DB_I(vid) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	return finish(r, cart_id, added_next(r, video_id, vid));
}

/* quantity 0 removes the item; the remove button is the same with no quantity field. */
static int change(struct req *r, bool remove)
{
	long long vid = req_id(r, "variant"), qty = 0;
	if (!vid || (!remove && !req_int(r, "quantity", &qty))) {
		response_error(r, 422, "Enter a quantity from 0 to 99.");
		return REQ_DONE;
	}
	long long cart_id;
	enum db_status rc = cart_find(r, false, &cart_id);
	if (rc == DB_OK && !cart_id) {
		response_redirect(r, "/cart");
		return REQ_DONE;
	}
	if (rc == DB_OK)
		rc = qty ? db_query(r->db, NULL, &q_set, (struct db_param[]){ DB_I(qty), DB_I(cart_id), DB_I(vid) }, NULL)
			 : db_query(r->db, NULL, &q_remove, (struct db_param[]){ DB_I(cart_id), DB_I(vid) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	return finish(r, cart_id, "/cart");
}

int page_cart_update(struct req *r)
{
	return change(r, false);
}

int page_cart_remove(struct req *r)
{
	return change(r, true);
}
