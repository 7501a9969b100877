/* catalog_write.c: find a batch's products that exist, and update one in place (variants matched
 * by external id, SKU or option values, so their ids survive), or leave it when its digest says
 * nothing changed. New products go through catalog_insert.c. Runs inside the caller's
 * transaction and is safe to re-run. */
#include <string.h>
#include "domain/catalog/catalog_write.h"

/* One round trip finds FIND_N products of a batch at once (db.c binds at most DB_MAX_BIND, 64,
 * values; unused slots repeat a handle of the batch). */
#define FIND_N 60
#define Q10 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
#define S10 "ssssssssss"
static const struct db_stmt q_find = {
	"SELECT id, handle, COALESCE(import_hash, '') FROM products WHERE brand_id = ? AND handle IN ("
	Q10 ", " Q10 ", " Q10 ", " Q10 ", " Q10 ", " Q10 ") FOR UPDATE", "i" S10 S10 S10 S10 S10 S10, "isb" };
static const struct db_stmt q_upd_product = {
	"UPDATE products SET title = ?, description_html = ?, product_type = ?, vendor = ?, tags = ?,"
	" status = ?, price_min = ?, currency = ?, stock_total = ?, import_hash = ?,"
	" updated_at = UTC_TIMESTAMP() WHERE id = ?", "ssssssisibi", "" };
static const struct db_stmt q_del_options = {
	"DELETE FROM product_options WHERE product_id = ?", "i", "" };
static const struct db_stmt q_ins_option = {
	"INSERT INTO product_options (product_id, position, name) VALUES (?, ?, ?)", "iis", "" };
static const struct db_stmt q_del_images = {
	"DELETE FROM product_images WHERE product_id = ?", "i", "" };
static const struct db_stmt q_ins_image = {
	"INSERT INTO product_images (product_id, position, url, alt) VALUES (?, ?, ?, ?)", "iiss", "" };
static const struct db_stmt q_variants = {
	"SELECT id, external_id, sku, option1, option2, option3 FROM variants WHERE product_id = ?"
	" ORDER BY position, id", "i", "isssss" };
/* New variants go in multi-row INSERTs of fixed shapes (4, 2, 1 rows; db.c binds at most 64
 * values): fewer round trips, one prepared statement per shape. */
#define INS_V "INSERT INTO variants (product_id, position, external_id, sku, barcode, option1, option2," \
	" option3, price, compare_at_price, currency, stock, inventory_policy, image_id, stock_counted) VALUES "
#define VROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define VT "iissssssiisisii"
#define VCOLS 15
static const struct db_stmt q_ins_v1 = { INS_V VROW, VT, "" };
static const struct db_stmt q_ins_v2 = { INS_V VROW ", " VROW, VT VT, "" };
static const struct db_stmt q_ins_v4 = { INS_V VROW ", " VROW ", " VROW ", " VROW, VT VT VT VT, "" };

static const struct db_stmt q_upd_variant = {
	"UPDATE variants SET position = ?, external_id = ?, sku = ?, barcode = ?, option1 = ?,"
	" option2 = ?, option3 = ?, price = ?, compare_at_price = ?, currency = ?, stock = ?,"
	" inventory_policy = ?, image_id = ?, stock_counted = ? WHERE id = ?", "issssssiisisiii", "" };
static const struct db_stmt q_del_variant = {
	"DELETE FROM variants WHERE id = ?", "i", "" };

/* The existing variant row (of res) that v replaces, or -1. */
static long long match_variant(const struct db_res *res, bool *used, const struct catalog_variant *v)
{
	for (int pass = 0; pass < 3; pass++)
		for (size_t i = 0; i < res->nrows; i++) {
			if (used[i])
				continue;
			const char *ext = db_at(res, i, 1)->s, *sku = db_at(res, i, 2)->s;
			bool hit = pass == 0 ? *v->ext_id && strcmp(ext, v->ext_id) == 0
				 : pass == 1 ? *v->sku && strcmp(sku, v->sku) == 0
				 : !*v->ext_id && !*ext && strcmp(db_at(res, i, 3)->s, v->opt[0]) == 0 &&
				   strcmp(db_at(res, i, 4)->s, v->opt[1]) == 0 &&
				   strcmp(db_at(res, i, 5)->s, v->opt[2]) == 0;
			if (hit) {
				used[i] = true;
				return (long long)i;
			}
		}
	return -1;
}

static enum db_status write_children(struct db *db, struct arena *a, long long pid,
				     const struct catalog_product *p)
{
	enum db_status rc;
	struct db_param id[] = { DB_I(pid) };
	if ((rc = db_query(db, a, &q_del_options, id, NULL)) != DB_OK ||
	    (rc = db_query(db, a, &q_del_images, id, NULL)) != DB_OK)
		return rc;
	for (size_t k = 0; k < p->nopts; k++)
		if ((rc = db_query(db, a, &q_ins_option,
				   (struct db_param[]){ DB_I(pid), DB_I(k + 1), DB_S(p->opt_name[k]) }, NULL)) != DB_OK)
			return rc;
	long long *img_id = arena_alloc(a, (p->nimages + 1) * sizeof *img_id);
	for (size_t i = 0; i < p->nimages; i++) {
		if ((rc = db_query(db, a, &q_ins_image,
				   (struct db_param[]){ DB_I(pid), DB_I(i + 1), DB_S(p->images[i].url),
							DB_S(p->images[i].alt) }, NULL)) != DB_OK)
			return rc;
		img_id[i] = (long long)db_insert_id(db);
	}
	struct db_res old = { 0 };
	if ((rc = db_query(db, a, &q_variants, id, &old)) != DB_OK)
		return rc;
	bool *used = arena_zalloc(a, old.nrows + 1);
	struct db_param *rows = arena_alloc(a, (p->nvars + 1) * VCOLS * sizeof *rows);
	size_t nnew = 0;
	for (size_t i = 0; i < p->nvars; i++) {
		const struct catalog_variant *v = &p->vars[i];
		struct db_param image = DB_NULL, compare = v->compare_at >= 0 ? DB_I(v->compare_at) : DB_NULL;
		for (size_t k = 0; *v->image_url && k < p->nimages; k++)
			if (strcmp(p->images[k].url, v->image_url) == 0)
				image = DB_I(img_id[k]);
		const char *policy = v->policy_continue ? "continue" : "deny";
		long long row = match_variant(&old, used, v);
		if (row >= 0) {
			rc = db_query(db, a, &q_upd_variant,
				      (struct db_param[]){ DB_I(i + 1), DB_S(v->ext_id), DB_S(v->sku), DB_S(v->barcode),
							   DB_S(v->opt[0]), DB_S(v->opt[1]), DB_S(v->opt[2]),
							   DB_I(v->price), compare, DB_S(v->currency), DB_I(v->stock),
							   DB_S(policy), image, DB_I(!v->stock_uncounted),
							   DB_I(db_at(&old, (size_t)row, 0)->i) }, NULL);
			if (rc != DB_OK)
				return rc;
			continue;
		}
		struct db_param r[VCOLS] = { DB_I(pid), DB_I(i + 1), DB_S(v->ext_id), DB_S(v->sku), DB_S(v->barcode),
					     DB_S(v->opt[0]), DB_S(v->opt[1]), DB_S(v->opt[2]), DB_I(v->price), compare,
					     DB_S(v->currency), DB_I(v->stock), DB_S(policy), image,
					     DB_I(!v->stock_uncounted) };
		memcpy(rows + nnew++ * VCOLS, r, sizeof r);
	}
	static const struct db_stmt *const shapes[] = { &q_ins_v4, &q_ins_v2, &q_ins_v1 };
	static const size_t sizes[] = { 4, 2, 1 };
	for (size_t done = 0, s = 0; done < nnew;) {
		if (nnew - done < sizes[s]) {
			s++;
			continue;
		}
		if ((rc = db_query(db, a, shapes[s], rows + done * VCOLS, NULL)) != DB_OK)
			return rc;
		done += sizes[s];
	}
	for (size_t i = 0; i < old.nrows; i++)
		if (!used[i] && (rc = db_query(db, a, &q_del_variant,
					       (struct db_param[]){ DB_I(db_at(&old, i, 0)->i) }, NULL)) != DB_OK)
			return rc;
	return DB_OK;
}

static enum db_status find_some(struct db *db, struct arena *a, long long brand_id,
				struct catalog_product *const *items, size_t n, struct catalog_found *found);

enum db_status catalog_find_products(struct db *db, struct arena *a, long long brand_id,
				 struct catalog_product *const *items, size_t n, struct catalog_found *found)
{
	for (size_t at = 0; at < n; at += FIND_N) {
		enum db_status rc = find_some(db, a, brand_id, items + at, n - at < FIND_N ? n - at : FIND_N, found + at);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

static enum db_status find_some(struct db *db, struct arena *a, long long brand_id,
				struct catalog_product *const *items, size_t n, struct catalog_found *found)
{
	struct db_param params[1 + FIND_N];
	params[0] = DB_I(brand_id);
	for (size_t i = 0; i < FIND_N; i++)
		params[1 + i] = DB_S(items[i < n ? i : 0]->handle);
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_find, params, &res);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < n; i++) {
		found[i].id = 0;
		for (size_t r = 0; r < res.nrows; r++)
			if (strcmp(db_at(&res, r, 1)->s, items[i]->handle) == 0) {
				const struct db_val *h = db_at(&res, r, 2);
				found[i].id = db_at(&res, r, 0)->i;
				found[i].same = false;
				uint8_t digest[16];
				catalog_product_digest(items[i], digest);
				found[i].same = h->len == sizeof digest && memcmp(h->s, digest, sizeof digest) == 0;
			}
	}
	return DB_OK;
}

void catalog_product_totals(const struct catalog_product *p, long long *price_min, long long *stock)
{
	*price_min = p->vars[0].price;
	*stock = 0;
	for (size_t i = 0; i < p->nvars; i++) {
		if (p->vars[i].price < *price_min)
			*price_min = p->vars[i].price;
		if (p->vars[i].stock > 0)
			*stock += p->vars[i].stock;
	}
}

enum db_status catalog_write_product(struct db *db, struct arena *a, const struct catalog_product *p,
				 const struct catalog_found *f, enum catalog_outcome *out)
{
	if (f->same) {
		*out = CATALOG_UNCHANGED;
		return DB_OK;
	}
	uint8_t digest[16];
	catalog_product_digest(p, digest);
	long long price_min, stock;
	catalog_product_totals(p, &price_min, &stock);
	enum db_status rc = db_query(db, a, &q_upd_product,
		(struct db_param[]){ DB_S(p->title), DB_S(p->body_html), DB_S(p->type), DB_S(p->vendor),
				     DB_S(p->tags), DB_S(p->status), DB_I(price_min), DB_S(p->vars[0].currency),
				     DB_I(stock), DB_B(digest, sizeof digest), DB_I(f->id) }, NULL);
	*out = CATALOG_UPDATED;
	return rc != DB_OK ? rc : write_children(db, a, f->id, p);
}
