/* product_store.c: one db_txn per save; each transaction function only reads its context and
 * writes results it sets from scratch, so db_txn may re-run it after a deadlock. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "domain/catalog/product_store.h"
#include "domain/search/search_index.h"
#include "lib/validate.h"

static const struct db_stmt q_lock = {
	"SELECT id FROM products WHERE id = ? AND brand_id = ? FOR UPDATE", "ii", "i" };
static const struct db_stmt q_exists = {
	"SELECT id FROM products WHERE id = ? AND brand_id = ?", "ii", "i" };
static const struct db_stmt q_insert = {
	"INSERT INTO products (brand_id, handle, title, description_html, product_type, vendor, tags, status,"
	" currency, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	"issssssss", "" };
static const struct db_stmt q_fields = {
	/* import_hash is cleared: after a hand edit, re-importing the same file must write again. */
	"UPDATE products SET title = ?, description_html = COALESCE(?, description_html), product_type = ?, vendor = ?, tags = ?,"
	" import_hash = NULL WHERE id = ? AND brand_id = ?", "sssssii", "" };
static const struct db_stmt q_status = {
	"UPDATE products SET status = ?, import_hash = NULL, updated_at = UTC_TIMESTAMP() WHERE id = ? AND brand_id = ?",
	"sii", "" };
static const struct db_stmt q_del_options = { "DELETE FROM product_options WHERE product_id = ?", "i", "" };
static const struct db_stmt q_add_option = {
	"INSERT INTO product_options (product_id, position, name) VALUES (?, ?, ?)", "iis", "" };
static const struct db_stmt q_unlink_images = {
	"UPDATE variants SET image_id = NULL WHERE product_id = ?", "i", "" };
static const struct db_stmt q_del_images = { "DELETE FROM product_images WHERE product_id = ?", "i", "" };
static const struct db_stmt q_add_image = {
	"INSERT INTO product_images (product_id, position, url, alt) VALUES (?, ?, ?, ?)", "iiss", "" };
static const struct db_stmt q_variant_ids = {
	"SELECT id FROM variants WHERE product_id = ?", "i", "i" };
static const struct db_stmt q_del_variant = {
	"DELETE FROM variants WHERE id = ? AND product_id = ?", "ii", "" };
static const struct db_stmt q_add_variant = {
	"INSERT INTO variants (product_id, position, sku, barcode, option1, option2, option3, price,"
	" compare_at_price, currency, stock, inventory_policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	"iisssssiisis", "" };
static const struct db_stmt q_set_variant = {
	"UPDATE variants SET position = ?, sku = ?, barcode = ?, option1 = ?, option2 = ?, option3 = ?,"
	" price = ?, compare_at_price = ?, currency = ?, stock = ?, inventory_policy = ?"
	" WHERE id = ? AND product_id = ?", "isssssiisisii", "" };
static const struct db_stmt q_next_position = {
	"SELECT COALESCE(MAX(position), 0) + 1 FROM variants WHERE product_id = ?", "i", "i" };
static const struct db_stmt q_option_names = {
	"SELECT position, name FROM product_options WHERE product_id = ?", "i", "is" };
/* Negative stock (selling on with policy continue) counts as none in the total. Every hand change
 * of variants ends here, so here import_hash is cleared too: a re-import then restores the file. */
static const struct db_stmt q_totals = {
	"UPDATE products SET price_min = COALESCE((SELECT MIN(v.price) FROM variants v WHERE v.product_id = ?), 0),"
	" stock_total = COALESCE((SELECT SUM(GREATEST(v.stock, 0)) FROM variants v WHERE v.product_id = ?), 0),"
	" currency = ?, import_hash = NULL, updated_at = UTC_TIMESTAMP() WHERE id = ?", "iisi", "" };
static const struct db_stmt q_variant_owner = {
	"SELECT v.product_id, v.price, COALESCE(v.compare_at_price, -1), v.compare_at_price IS NULL, v.stock,"
	" v.inventory_policy, v.sku, p.currency FROM variants v JOIN products p ON p.id = v.product_id"
	" WHERE v.id = ? AND p.brand_id = ? FOR UPDATE", "ii", "iiiiisss" };
static const struct db_stmt q_patch_variant = {
	"UPDATE variants SET price = ?, compare_at_price = ?, stock = ?, inventory_policy = ?, sku = ? WHERE id = ?",
	"iiissi", "" };

struct save {
	struct arena *a;
	long long brand_id, product_id;
	const char *currency, *status;
	unsigned what;
	const struct product_input *in;
	const struct product_variant *one;
	const struct product_variant_patch *patch;
	struct product_result *res;
};

static struct db_param compare_param(const struct product_variant *v)
{
	return v->has_compare ? DB_I(v->compare_at) : DB_NULL;
}

static enum db_status totals(struct db *db, long long product_id, const char *currency)
{
	return db_query(db, NULL, &q_totals, (struct db_param[]){ DB_I(product_id), DB_I(product_id),
		DB_S(currency), DB_I(product_id) }, NULL);
}

static const char *str(const char *s)
{
	return s ? s : "";
}

static enum db_status insert_variant(struct db *db, long long product_id, long long position, const char *currency,
				     const struct product_variant *v)
{
	return db_query(db, NULL, &q_add_variant, (struct db_param[]){ DB_I(product_id), DB_I(position),
		DB_S(str(v->sku)), DB_S(str(v->barcode)), DB_S(str(v->opt[0])), DB_S(str(v->opt[1])),
		DB_S(str(v->opt[2])), DB_I(v->price), compare_param(v), DB_S(currency), DB_I(v->stock),
		DB_S(v->policy) }, NULL);
}

static enum db_status write_options(struct db *db, const struct save *s)
{
	enum db_status rc = db_query(db, NULL, &q_del_options, (struct db_param[]){ DB_I(s->product_id) }, NULL);
	for (int k = 0; rc == DB_OK && k < PRODUCT_MAX_OPTIONS; k++)
		if (s->in->opt_name[k] && *s->in->opt_name[k])
			rc = db_query(db, NULL, &q_add_option, (struct db_param[]){ DB_I(s->product_id), DB_I(k + 1),
				DB_S(s->in->opt_name[k]) }, NULL);
	return rc;
}

static enum db_status write_images(struct db *db, const struct save *s)
{
	enum db_status rc = db_query(db, NULL, &q_unlink_images, (struct db_param[]){ DB_I(s->product_id) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_del_images, (struct db_param[]){ DB_I(s->product_id) }, NULL);
	for (size_t i = 0; rc == DB_OK && i < s->in->nimages; i++)
		rc = db_query(db, NULL, &q_add_image, (struct db_param[]){ DB_I(s->product_id), DB_I(i + 1),
			DB_S(s->in->images[i].url), DB_S(str(s->in->images[i].alt)) }, NULL);
	return rc;
}

/* Variants with an id must already be the product's; the ones left out are deleted. */
static enum db_status write_variants(struct db *db, const struct save *s)
{
	struct db_res have;
	enum db_status rc = db_query(db, s->a, &q_variant_ids, (struct db_param[]){ DB_I(s->product_id) }, &have);
	if (rc != DB_OK)
		return rc;
	for (size_t i = 0; i < s->in->nvariants; i++) {
		long long id = s->in->variants[i].id;
		bool found = id == 0;
		for (size_t j = 0; !found && j < have.nrows; j++)
			found = db_at(&have, j, 0)->i == id;
		if (!found) {
			s->res->bad_field = arena_printf(s->a, "variants[%zu].id", i);
			return DB_CONFLICT;
		}
	}
	for (size_t j = 0; j < have.nrows; j++) {
		long long id = db_at(&have, j, 0)->i;
		bool kept = false;
		for (size_t i = 0; !kept && i < s->in->nvariants; i++)
			kept = s->in->variants[i].id == id;
		if (!kept && (rc = db_query(db, NULL, &q_del_variant, (struct db_param[]){ DB_I(id), DB_I(s->product_id) }, NULL)) != DB_OK)
			return rc;
	}
	for (size_t i = 0; i < s->in->nvariants; i++) {
		const struct product_variant *v = &s->in->variants[i];
		if (v->id == 0)
			rc = insert_variant(db, s->product_id, (long long)i + 1, s->currency, v);
		else
			rc = db_query(db, NULL, &q_set_variant, (struct db_param[]){ DB_I(i + 1), DB_S(str(v->sku)),
				DB_S(str(v->barcode)), DB_S(str(v->opt[0])), DB_S(str(v->opt[1])), DB_S(str(v->opt[2])),
				DB_I(v->price), compare_param(v), DB_S(s->currency), DB_I(v->stock), DB_S(v->policy),
				DB_I(v->id), DB_I(s->product_id) }, NULL);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

static enum db_status write_children(struct db *db, struct save *s)
{
	enum db_status rc = DB_OK;
	if (s->what & PRODUCT_SET_OPTIONS)
		rc = write_options(db, s);
	if (rc == DB_OK && (s->what & PRODUCT_SET_IMAGES))
		rc = write_images(db, s);
	if (rc == DB_OK && (s->what & PRODUCT_SET_VARIANTS))
		rc = write_variants(db, s);
	if (rc == DB_OK)
		rc = totals(db, s->product_id, s->currency);
	return rc;
}

static enum db_status create_fn(struct db *db, void *ctx)
{
	struct save *s = ctx;
	const struct product_input *in = s->in;
	char slug[121];
	if (!validate_slugify(in->title, slug, 100))
		snprintf(slug, sizeof slug, "product");
	const char *handle = slug;
	enum db_status rc;
	/* A taken handle gets a random suffix; a few tries make a collision vanishingly unlikely. */
	for (int tries = 0;; tries++) {
		rc = db_query(db, NULL, &q_insert, (struct db_param[]){ DB_I(s->brand_id), DB_S(handle),
			DB_S(in->title), DB_S(product_text_html(s->a, in->description)), DB_S(str(in->type)),
			DB_S(str(in->vendor)), DB_S(str(in->tags)), DB_S(s->status), DB_S(s->currency) }, NULL);
		if (rc != DB_DUP || tries == 4)
			break;
		handle = arena_printf(s->a, "%s-%08x", slug, randombytes_random());
	}
	if (rc != DB_OK)
		return rc;
	s->product_id = (long long)db_insert_id(db);
	s->res->id = s->product_id;
	return write_children(db, s);
}

/* Search shows saved text at once. Should indexing fail, the save still stands: crowdcartctl
 * worker finds the row stale and indexes it (docs/SEARCH.md). */
static void search_follow(struct db *db, struct arena *a, long long product_id)
{
	db_best_effort(search_index_product(db, a, product_id));
}

enum db_status product_create(struct db *db, struct arena *a, long long brand_id, const char *currency,
			   const char *status, const struct product_input *in, struct product_result *res)
{
	memset(res, 0, sizeof *res);
	struct save s = { .a = a, .brand_id = brand_id, .currency = currency, .status = status,
			  .what = PRODUCT_SET_ALL, .in = in, .res = res };
	enum db_status rc = db_txn(db, create_fn, &s);
	if (rc == DB_OK)
		search_follow(db, a, res->id);
	return rc;
}

/* Locks the product row, so concurrent saves of one product queue instead of interleaving. */
static enum db_status lock_product(struct db *db, struct save *s)
{
	struct db_res r;
	enum db_status rc = db_query(db, s->a, &q_lock, (struct db_param[]){ DB_I(s->product_id), DB_I(s->brand_id) }, &r);
	if (rc == DB_OK && r.nrows == 0) {
		s->res->missing = true;
		return DB_CONFLICT;
	}
	return rc;
}

static enum db_status update_fn(struct db *db, void *ctx)
{
	struct save *s = ctx;
	s->res->missing = false;
	s->res->bad_field = NULL;
	enum db_status rc = lock_product(db, s);
	if (rc == DB_OK && (s->what & PRODUCT_SET_FIELDS))
		rc = db_query(db, NULL, &q_fields, (struct db_param[]){ DB_S(s->in->title),
			(s->what & PRODUCT_KEEP_DESCRIPTION) ? DB_NULL : DB_S(product_text_html(s->a, s->in->description)),
			DB_S(str(s->in->type)), DB_S(str(s->in->vendor)), DB_S(str(s->in->tags)), DB_I(s->product_id),
			DB_I(s->brand_id) }, NULL);
	if (rc == DB_OK && s->status)
		rc = db_query(db, NULL, &q_status, (struct db_param[]){ DB_S(s->status), DB_I(s->product_id),
			DB_I(s->brand_id) }, NULL);
	if (rc == DB_OK)
		rc = write_children(db, s);
	return rc;
}

enum db_status product_update(struct db *db, struct arena *a, long long brand_id, long long product_id,
			   const char *currency, unsigned what, const char *status,
			   const struct product_input *in, struct product_result *res)
{
	memset(res, 0, sizeof *res);
	res->id = product_id;
	struct save s = { .a = a, .brand_id = brand_id, .product_id = product_id, .currency = currency,
			  .status = status, .what = what, .in = in, .res = res };
	enum db_status rc = db_txn(db, update_fn, &s);
	if (rc == DB_OK && (what & PRODUCT_SET_FIELDS))
		search_follow(db, a, product_id);
	return rc;
}

enum db_status product_set_status(struct db *db, struct arena *a, long long brand_id, long long product_id, const char *status,
			       struct product_result *res)
{
	memset(res, 0, sizeof *res);
	res->id = product_id;
	enum db_status rc = db_query(db, NULL, &q_status, (struct db_param[]){ DB_S(status), DB_I(product_id),
		DB_I(brand_id) }, NULL);
	if (rc != DB_OK || db_affected(db) > 0)
		return rc;
	/* Nothing changed: either not this brand's product, or already so within the same second. */
	struct db_res r;
	rc = db_query(db, a, &q_exists, (struct db_param[]){ DB_I(product_id), DB_I(brand_id) }, &r);
	res->missing = rc == DB_OK && r.nrows == 0;
	return res->missing ? DB_CONFLICT : rc;
}

static enum db_status add_variant_fn(struct db *db, void *ctx)
{
	struct save *s = ctx;
	s->res->missing = false;
	s->res->bad_field = NULL;
	enum db_status rc = lock_product(db, s);
	struct db_res names, pos;
	if (rc == DB_OK)
		rc = db_query(db, s->a, &q_option_names, (struct db_param[]){ DB_I(s->product_id) }, &names);
	if (rc != DB_OK)
		return rc;
	const char *opt_name[PRODUCT_MAX_OPTIONS] = { NULL, NULL, NULL };
	for (size_t i = 0; i < names.nrows; i++) {
		long long k = db_at(&names, i, 0)->i;
		if (k >= 1 && k <= PRODUCT_MAX_OPTIONS)
			opt_name[k - 1] = db_at(&names, i, 1)->s;
	}
	struct product_problem p;
	if (!product_check_variant(s->a, s->one, opt_name, "variant", &p)) {
		s->res->bad_field = p.field + strlen("variant.");
		return DB_CONFLICT;
	}
	rc = db_query(db, s->a, &q_next_position, (struct db_param[]){ DB_I(s->product_id) }, &pos);
	if (rc == DB_OK)
		rc = insert_variant(db, s->product_id, db_at(&pos, 0, 0)->i, s->currency, s->one);
	if (rc == DB_OK) {
		s->res->id = (long long)db_insert_id(db);
		rc = totals(db, s->product_id, s->currency);
	}
	return rc;
}

enum db_status product_add_variant(struct db *db, struct arena *a, long long brand_id, long long product_id,
				const char *currency, const struct product_variant *v, struct product_result *res)
{
	memset(res, 0, sizeof *res);
	struct save s = { .a = a, .brand_id = brand_id, .product_id = product_id, .currency = currency,
			  .one = v, .res = res };
	return db_txn(db, add_variant_fn, &s);
}

static enum db_status patch_variant_fn(struct db *db, void *ctx)
{
	struct save *s = ctx;
	const struct product_variant_patch *p = s->patch;
	s->res->missing = false;
	s->res->bad_field = NULL;
	struct db_res v;
	enum db_status rc = db_query(db, s->a, &q_variant_owner, (struct db_param[]){ DB_I(s->res->id), DB_I(s->brand_id) }, &v);
	if (rc != DB_OK)
		return rc;
	if (v.nrows == 0) {
		s->res->missing = true;
		return DB_CONFLICT;
	}
	long long product_id = db_at(&v, 0, 0)->i;
	long long price = p->has_price ? p->price : db_at(&v, 0, 1)->i;
	bool compare_null = p->clear_compare || (!p->has_compare && db_at(&v, 0, 3)->i);
	long long compare = p->has_compare ? p->compare_at : db_at(&v, 0, 2)->i;
	long long stock = p->has_stock ? p->stock : db_at(&v, 0, 4)->i;
	const char *policy = p->has_policy ? p->policy : db_at(&v, 0, 5)->s;
	const char *sku = p->has_sku ? p->sku : db_at(&v, 0, 6)->s;
	if (stock < 0 && strcmp(policy, "deny") == 0) {
		s->res->bad_field = "stock";
		return DB_CONFLICT;
	}
	rc = db_query(db, NULL, &q_patch_variant, (struct db_param[]){ DB_I(price), compare_null ? DB_NULL : DB_I(compare),
		DB_I(stock), DB_S(policy), DB_S(sku), DB_I(s->res->id) }, NULL);
	if (rc == DB_OK)
		rc = totals(db, product_id, db_at(&v, 0, 7)->s);
	return rc;
}

enum db_status product_patch_variant(struct db *db, struct arena *a, long long brand_id, long long variant_id,
				  const struct product_variant_patch *p, struct product_result *res)
{
	memset(res, 0, sizeof *res);
	res->id = variant_id;
	struct save s = { .a = a, .brand_id = brand_id, .patch = p, .res = res };
	return db_txn(db, patch_variant_fn, &s);
}
