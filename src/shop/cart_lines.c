/* cart_lines.c: finding the request's cart, and reading it as it stands now: current prices,
 * stock and brand rates, grouped into one future order per brand with its totals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "shop/cart.h"
#include "domain/commerce/country.h"
#include "domain/commerce/region.h"
#include "domain/live/live_deal.h"
#include "views/tax_view.h"
#include "views/discount_view.h"
#include "views/image_view.h"
#include "web/layout.h"
#include "web/response.h"

static const struct db_stmt q_by_token = {
	"SELECT id FROM carts WHERE token_hash = ?", "b", "i" };
static const struct db_stmt q_by_user = {
	"SELECT id, user_id IS NOT NULL FROM carts WHERE user_id = ? OR token_hash = ?"
	" ORDER BY user_id IS NULL LIMIT 1", "ib", "ii" };
static const struct db_stmt q_adopt = {
	"UPDATE carts SET user_id = ? WHERE id = ? AND user_id IS NULL", "ii", "" };
static const struct db_stmt q_claim = {
	"UPDATE carts SET user_id = ?, token_hash = ?, updated_at = UTC_TIMESTAMP() WHERE id = ? AND user_id IS NULL",
	"ibi", "" };
static const struct db_stmt q_create = {
	"INSERT INTO carts (token_hash, user_id, created_at, updated_at)"
	" VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "bn", "" };
static const struct db_stmt q_create_user = {
	"INSERT INTO carts (token_hash, user_id, created_at, updated_at)"
	" VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())", "bi", "" };
/* A line's picture: the product's first image, as a reference for views/image_view.h. */
#define CART_LINE_PICTURE_SQL \
	"COALESCE((SELECT " IMAGE_REF_SQL("pi.url", "pi.url_hash") " FROM product_images pi" \
	" WHERE pi.product_id = v.product_id ORDER BY pi.position, pi.id LIMIT 1), '')"
/* The cart's lines with everything an order needs; `picture` is the picture's column. Each brand's
 * rates come by primary key: shipping to the country, else its zone, else the flat rate; tax for
 * the region, else the country, else the brand's default (with no region, "", both joins find the
 * country's row). Joins rather than dependent subqueries: MariaDB gave each of those a temporary
 * table (its subquery cache) on every reading, three a cart. */
#define CART_LINES_SQL(picture, notice, notice_join) \
	"SELECT ci.variant_id, ci.quantity, ci.price_seen, v.price, v.currency, v.stock," \
	" v.inventory_policy = 'deny', v.sku, v.option1, v.option2, v.option3," \
	" p.id, p.title, p.handle, p.status = 'active'," \
	" b.id, b.slug, b.name, b.currency," \
	" COALESCE(ship_country.rate, ship_zone.rate, b.shipping_flat_rate)," \
	" COALESCE(tax_region.rate_bps, tax_country.rate_bps, b.tax_rate_bps)," \
	" COALESCE(ci.video_id, 0), COALESCE(ci.ad_id, 0), b.prices_include_tax," \
	" COALESCE(tax_region.region, '')," \
	" " picture ", COALESCE(b.owner_user_id, 0), " notice \
	" FROM cart_items ci JOIN variants v ON v.id = ci.variant_id" \
	" JOIN products p ON p.id = v.product_id JOIN brands b ON b.id = p.brand_id" notice_join \
	" LEFT JOIN brand_shipping_rates ship_country ON ship_country.brand_id = b.id AND ship_country.dest = ?" \
	" LEFT JOIN brand_shipping_rates ship_zone ON ship_zone.brand_id = b.id AND ship_zone.dest = ?" \
	" LEFT JOIN brand_tax_rates tax_region ON tax_region.brand_id = b.id AND tax_region.country = ?" \
	"  AND tax_region.region = ?" \
	" LEFT JOIN brand_tax_rates tax_country ON tax_country.brand_id = b.id AND tax_country.country = ?" \
	"  AND tax_country.region = ''" \
	" WHERE ci.cart_id = ? LIMIT 50"
static const struct db_stmt q_lines = {
	CART_LINES_SQL(CART_LINE_PICTURE_SQL, "0", ""), "sssssi", "iiiisiissssissiisssiiiiissii" };
/* The checkout's pages show no pictures (its form, the review, a refused order's review), and
 * their subqueries cost MariaDB about 0.08 ms of CPU a Place order (docs/CHECKOUT.md). They read
 * whether the brand owner switched the new-order notice off (notify.h: a row only for a switched
 * kind), by key, so that placing the order writes the notice with the shopper's mail in one
 * statement instead of asking for it in its own. */
static const struct db_stmt q_lines_unpictured = {
	CART_LINES_SQL("''", "np.user_id IS NULL", " LEFT JOIN notification_prefs np ON np.user_id = b.owner_user_id"
		       " AND np.kind = 'brand_order' AND np.enabled = 0"),
	"sssssi", "iiiisiissssissiisssiiiiissii" };

/* An anonymous cart's key, kept in a cookie so the cart survives signing in: the log-in replaces
 * the session (and with it the cart's token_hash), and the key lets the signed-in shopper claim
 * the cart. "<id>.<MAC>", the MAC keyed with the server secret, so no other cart can be named. */
static const char *cart_key(struct req *r, long long id)
{
	char msg[40], hex[33];
	uint8_t mac[32];
	snprintf(msg, sizeof msg, "cart:%lld", id);
	token_keyed_hash(r->secret, msg, strlen(msg), mac);
	sodium_bin2hex(hex, sizeof hex, mac, 16);
	return arena_printf(r->arena, "%lld.%s", id, hex);
}

/* The cart named by a valid key cookie, or 0. */
static long long keyed_cart(struct req *r)
{
	const char *k = kv_get(&r->cookies, CART_KEY_COOKIE), *dot = k ? strchr(k, '.') : NULL;
	long long id;
	if (!dot || !input_id(arena_strndup(r->arena, k, (size_t)(dot - k)), &id))
		return 0;
	const char *want = cart_key(r, id);
	return strlen(want) == strlen(k) && sodium_memcmp(want, k, strlen(k)) == 0 ? id : 0;
}

static enum db_status find(struct req *r, long long *id)
{
	struct db_res res;
	enum db_status rc;
	*id = 0;
	if (!r->sess.present)
		return DB_OK;
	if (!r->sess.user_id) {
		rc = db_query(r->db, r->arena, &q_by_token, (struct db_param[]){ DB_B(r->sess.hash, 32) }, &res);
		if (rc == DB_OK && res.nrows)
			*id = db_at(&res, 0, 0)->i;
		return rc;
	}
	rc = db_query(r->db, r->arena, &q_by_user,
		      (struct db_param[]){ DB_I(r->sess.user_id), DB_B(r->sess.hash, 32) }, &res);
	if (rc == DB_OK && res.nrows == 0 && (*id = keyed_cart(r))) {
		/* The cart filled before signing in, if nobody has claimed it yet. */
		rc = db_query(r->db, NULL, &q_claim, (struct db_param[]){
			DB_I(r->sess.user_id), DB_B(r->sess.hash, 32), DB_I(*id) }, NULL);
		if (rc == DB_OK && db_affected(r->db) == 1)
			response_cookie(r, CART_KEY_COOKIE, "", 0);
		else
			*id = 0;
		return rc;
	}
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	*id = db_at(&res, 0, 0)->i;
	/* A cart filled before signing in in this session becomes the user's. */
	if (!db_at(&res, 0, 1)->i)
		rc = db_query(r->db, NULL, &q_adopt, (struct db_param[]){ DB_I(r->sess.user_id), DB_I(*id) }, NULL);
	return rc;
}

enum db_status cart_find(struct req *r, bool create, long long *id)
{
	enum db_status rc = find(r, id);
	if (rc != DB_OK || *id || !create || !r->sess.present)
		return rc;
	rc = r->sess.user_id
		? db_query(r->db, NULL, &q_create_user,
			   (struct db_param[]){ DB_B(r->sess.hash, 32), DB_I(r->sess.user_id) }, NULL)
		: db_query(r->db, NULL, &q_create, (struct db_param[]){ DB_B(r->sess.hash, 32), DB_NULL }, NULL);
	if (rc == DB_OK) {
		*id = (long long)db_insert_id(r->db);
		if (!r->sess.user_id)
			response_cookie(r, CART_KEY_COOKIE, cart_key(r, *id), 30L * 86400);
	} else if (rc == DB_DUP)	/* another request of this session made it first */
		rc = find(r, id);
	return rc;
}

static const char *variant_title(struct arena *a, const struct db_res *res, size_t row)
{
	const char *o[3] = { db_at(res, row, 8)->s, db_at(res, row, 9)->s, db_at(res, row, 10)->s };
	if (!*o[0])
		return "";
	if (!*o[1])
		return o[0];
	if (!*o[2])
		return arena_printf(a, "%s / %s", o[0], o[1]);
	return arena_printf(a, "%s / %s / %s", o[0], o[1], o[2]);
}

static void read_line(struct arena *a, const struct db_res *res, size_t i, struct cart_line *l)
{
	l->variant_id = db_at(res, i, 0)->i;
	l->quantity = db_at(res, i, 1)->i;
	l->price_seen = db_at(res, i, 2)->i;
	l->unit_price = db_at(res, i, 3)->i;
	l->currency = db_at(res, i, 4)->s;
	l->stock = db_at(res, i, 5)->i;
	l->deny = db_at(res, i, 6)->i != 0;
	l->sku = db_at(res, i, 7)->s;
	l->variant_title = variant_title(a, res, i);
	l->product_id = db_at(res, i, 11)->i;
	l->title = db_at(res, i, 12)->s;
	l->url = arena_printf(a, "/p/%s/%s", db_at(res, i, 16)->s, db_at(res, i, 13)->s);
	l->image = db_at(res, i, 25)->s;
	l->short_stock = l->deny && l->stock < l->quantity;
	l->unavailable = !db_at(res, i, 14)->i || l->short_stock;
	l->price_changed = l->price_seen != l->unit_price;
	l->video_id = db_at(res, i, 21)->i;
	l->ad_id = db_at(res, i, 22)->i;
	if (!calc_line_total(l->unit_price, l->quantity, &l->line_total))
		l->unavailable = true;
}

/* The rows' order by brand, then variant, in which a cart is read: sorted here rather than by an
 * ORDER BY across the joined tables, which has MariaDB write every reading (the place order's too)
 * into a temporary table, an on-disk one when the picture's long column comes along. */
static size_t *cart_lines_order(struct arena *a, const struct db_res *res)
{
	size_t *ord = arena_alloc(a, (res->nrows ? res->nrows : 1) * sizeof *ord);
	for (size_t i = 0; i < res->nrows; i++) {
		long long brand = db_at(res, i, 15)->i, variant = db_at(res, i, 0)->i;
		size_t j = i;
		for (; j > 0; j--) {
			long long b = db_at(res, ord[j - 1], 15)->i, v = db_at(res, ord[j - 1], 0)->i;
			if (b < brand || (b == brand && v < variant))
				break;
			ord[j] = ord[j - 1];
		}
		ord[j] = i;
	}
	return ord;
}

/* The region as a key of the tax table: "California" or "ca " in the US -> "CA"; elsewhere the
 * code as typed, uppercase; "" unless that is 1 to 3 letters or digits. */
static const char *region_key(struct arena *a, const char *country, const char *region)
{
	const char *known = region_lookup(country, region);
	if (known)
		return known;
	char key[4];
	size_t n = 0;
	for (const char *p = region ? region : ""; *p; p++) {
		char ch = *p;
		if (ch == ' ' || ch == '\t')
			continue;
		if (ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 32);
		if (n == 3 || !((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')))
			return "";
		key[n++] = ch;
	}
	key[n] = '\0';
	return arena_strdup(a, key);
}

const char *cart_tax_place(struct arena *a, const struct cart *c, const struct cart_brand *b)
{
	return tax_view_place(a, c->country, b->tax_region);
}

enum db_status cart_load(struct db *db, struct arena *a, long long id, struct cart *c)
{
	return cart_load_to(db, a, id, "", "", c);
}

enum db_status cart_load_to(struct db *db, struct arena *a, long long id, const char *country, const char *region,
			    struct cart *c)
{
	return cart_load_known(db, a, id, country, region, NULL, c);
}

enum db_status cart_load_known(struct db *db, struct arena *a, long long id, const char *country, const char *region,
			       const struct cart_known *known, struct cart *c)
{
	memset(c, 0, sizeof *c);
	c->no_codes = known && known->no_codes;
	c->id = id;
	c->country = country;
	c->region = region_key(a, country, region);
	const char *zone = country_zone(country);
	struct db_res res = { 0 };
	if (id) {
		const struct db_stmt *q = known && known->unpictured ? &q_lines_unpictured : &q_lines;
		enum db_status rc = db_query(db, a, q, (struct db_param[]){
			DB_S(country), DB_S(zone ? zone : ""), DB_S(country), DB_S(c->region), DB_S(country),
			DB_I(id) }, &res);
		if (rc != DB_OK)
			return rc;
	}
	/* Flash-deal prices held for this cart (domain/live/live_deal.h): inside the checkout's
	 * transaction too, so a hold that expired since the review changes the version. */
	struct live_deal_price *held = NULL;
	size_t nheld = 0;
	if (id && !(known && known->no_deals)) {
		enum db_status rc = live_deal_held(db, a, id, &held, &nheld);
		if (rc != DB_OK)
			return rc;
	}
	c->deals_held = nheld > 0;
	c->brands = arena_zalloc(a, (res.nrows ? res.nrows : 1) * sizeof *c->brands);
	struct cart_line *lines = arena_zalloc(a, (res.nrows ? res.nrows : 1) * sizeof *lines);
	struct calc_version v;
	calc_version_init(&v);
	calc_version_add_str(&v, c->country);
	calc_version_add_str(&v, c->region);
	const size_t *ord = cart_lines_order(a, &res);
	for (size_t k = 0; k < res.nrows; k++) {
		size_t i = ord[k];
		long long brand_id = db_at(&res, i, 15)->i;
		struct cart_brand *b = c->nbrands ? &c->brands[c->nbrands - 1] : NULL;
		if (!b || b->brand_id != brand_id) {
			b = &c->brands[c->nbrands++];
			b->brand_id = brand_id;
			b->slug = db_at(&res, i, 16)->s;
			b->name = db_at(&res, i, 17)->s;
			b->currency = db_at(&res, i, 18)->s;
			b->shipping_rate = db_at(&res, i, 19)->i;
			b->tax_bps = (unsigned)db_at(&res, i, 20)->i;
			b->tax_included = db_at(&res, i, 23)->i != 0;
			b->tax_region = db_at(&res, i, 24)->s;
			b->owner_user_id = db_at(&res, i, 26)->i;
			b->owner_notice = db_at(&res, i, 27)->i != 0;
			b->lines = &lines[k];
			calc_version_add(&v, brand_id);
			calc_version_add(&v, b->shipping_rate);
			calc_version_add(&v, b->tax_bps);
			calc_version_add(&v, b->tax_included);
			calc_version_add_str(&v, b->tax_region);
			calc_version_add_str(&v, b->currency);
		}
		struct cart_line *l = &lines[k];
		read_line(a, &res, i, l);
		if (live_deal_price_for(held, nheld, l->variant_id, l->quantity, l->currency, &l->unit_price)) {
			l->price_changed = false;
			if (!calc_line_total(l->unit_price, l->quantity, &l->line_total))
				l->unavailable = true;
		}
		b->nlines++;
		b->mixed_currency |= strcmp(l->currency, b->currency) != 0;
		c->count += l->quantity;
		c->changed |= l->price_changed;
		c->unavailable |= l->unavailable;
		calc_version_add(&v, l->variant_id);
		calc_version_add(&v, l->quantity);
		calc_version_add(&v, l->unit_price);
		calc_version_add_str(&v, l->currency);
	}
	c->nlines = res.nrows;
	for (size_t k = 0; k < c->nbrands; k++) {
		struct cart_brand *b = &c->brands[k];
		long long *amounts = arena_alloc(a, (b->nlines ? b->nlines : 1) * sizeof *amounts);
		size_t n = 0;
		for (size_t j = 0; j < b->nlines; j++)
			if (!b->lines[j].unavailable)
				amounts[n++] = b->lines[j].line_total;
		if (b->mixed_currency || !calc_order(amounts, n, b->shipping_rate, b->tax_bps, b->tax_included, &b->t))
			c->unavailable = true;
	}
	calc_version_final(&v, c->version);
	return DB_OK;
}

void cart_render(struct req *r, tmpl_dict *d, const struct cart *c)
{
	for (size_t k = 0; k < c->nbrands; k++) {
		const struct cart_brand *b = &c->brands[k];
		tmpl_dict *bd = tmpl_add(d, "BRANDS");
		tmpl_set(bd, "BRAND", b->name);
		for (size_t j = 0; j < b->nlines; j++) {
			const struct cart_line *l = &b->lines[j];
			tmpl_dict *ld = tmpl_add(bd, "LINES");
			tmpl_set_int(ld, "VARIANT_ID", l->variant_id);
			tmpl_set(ld, "TITLE", l->title);
			tmpl_set(ld, "URL", l->url);
			/* a phone shows the lines as cards, each with its picture */
			image_view_fill(r, ld, "THUMB", l->image, "", IMAGE_SLOT_CHIP, false);
			if (*l->variant_title)
				tmpl_set(tmpl_add(ld, "VARIANT"), "TEXT", l->variant_title);
			tmpl_set_int(ld, "QUANTITY", l->quantity);
			tmpl_set(ld, "UNIT_PRICE", layout_money(r, l->unit_price, l->currency));
			tmpl_set(ld, "LINE_TOTAL", layout_money(r, l->line_total, l->currency));
			if (l->price_changed) {
				tmpl_dict *pc = tmpl_add(ld, "PRICE_CHANGED");
				tmpl_set(pc, "WAS", layout_money(r, l->price_seen, l->currency));
				tmpl_set(pc, "NOW", layout_money(r, l->unit_price, l->currency));
				tmpl_set(pc, "DIRECTION", l->unit_price > l->price_seen ? "went up" : "went down");
			}
			if (l->unavailable) {
				tmpl_dict *u = tmpl_add(ld, "UNAVAILABLE");
				if (l->deny && l->stock > 0)
					tmpl_set(u, "TEXT", arena_printf(r->arena, "Only %lld left: lower the quantity to order it.", l->stock));
				else
					tmpl_set(u, "TEXT", "Sold out: remove it to check out.");
			}
		}
		if (b->mixed_currency) {
			tmpl_show(bd, "MIXED_CURRENCY");
			continue;
		}
		tax_view_totals(r, bd, &b->t, b->currency, b->tax_bps, cart_tax_place(r->arena, c, b));
		discount_view_line(r, bd, &b->t, b->discount, b->currency);
	}
	tmpl_set_int(d, "COUNT", c->count);
	if (c->nbrands > 1)
		tmpl_set_int(tmpl_add(d, "SPLIT"), "N", (long long)c->nbrands);
}

