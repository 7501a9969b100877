/* catalog_insert.c: write the new products of a batch in multi-row INSERTs of fixed shapes, so a
 * fresh catalog costs a fraction of a round trip per row. Ids are read back by handle (and images
 * by product and position), never assumed consecutive (Galera hands them out with gaps). */
#include <string.h>
#include "domain/catalog/catalog_write.h"

#define R4(x) x ", " x ", " x ", " x
#define R16(x) R4(x) ", " R4(x) ", " R4(x) ", " R4(x)
#define T4(t) t t t t
#define T16(t) T4(t) T4(t) T4(t) T4(t)

#define INS_P "INSERT INTO products (brand_id, handle, title, description_html, product_type, vendor," \
	" tags, status, price_min, currency, stock_total, import_hash, created_at, updated_at) VALUES "
#define PROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
#define PT "isssssssisib"
static const struct db_stmt q_p1 = { INS_P PROW, PT, "" };
static const struct db_stmt q_p4 = { INS_P R4(PROW), T4(PT), "" };

#define INS_O "INSERT INTO product_options (product_id, position, name) VALUES "
static const struct db_stmt q_o1 = { INS_O "(?, ?, ?)", "iis", "" };
static const struct db_stmt q_o4 = { INS_O R4("(?, ?, ?)"), T4("iis"), "" };
static const struct db_stmt q_o16 = { INS_O R16("(?, ?, ?)"), T16("iis"), "" };

#define INS_I "INSERT INTO product_images (product_id, position, url, alt) VALUES "
static const struct db_stmt q_i1 = { INS_I "(?, ?, ?, ?)", "iiss", "" };
static const struct db_stmt q_i4 = { INS_I R4("(?, ?, ?, ?)"), T4("iiss"), "" };
static const struct db_stmt q_i16 = { INS_I R16("(?, ?, ?, ?)"), T16("iiss"), "" };

#define INS_V "INSERT INTO variants (product_id, position, external_id, sku, barcode, option1, option2," \
	" option3, price, compare_at_price, currency, stock, inventory_policy, image_id, stock_counted) VALUES "
#define VROW "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
#define VT "iissssssiisisii"
#define VCOLS 15
static const struct db_stmt q_v1 = { INS_V VROW, VT, "" };
static const struct db_stmt q_v4 = { INS_V R4(VROW), T4(VT), "" };

#define ID_N 60
#define Q10 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
static const struct db_stmt q_img_ids = {
	"SELECT id, product_id, position FROM product_images WHERE product_id IN ("
	Q10 ", " Q10 ", " Q10 ", " Q10 ", " Q10 ", " Q10 ")", T16("i") T16("i") T16("i") T4("i") T4("i") T4("i"), "iii" };
_Static_assert(ID_N == 60, "q_img_ids has ID_N placeholders");

/* Rows of ncols parameters each, through the biggest shape that fits, then smaller ones. */
static enum db_status insert_rows(struct db *db, struct arena *a, const struct db_stmt *big, size_t bign,
				  const struct db_stmt *mid, size_t midn, const struct db_stmt *one,
				  const struct db_param *rows, size_t ncols, size_t nrows)
{
	for (size_t done = 0; done < nrows;) {
		size_t left = nrows - done;
		const struct db_stmt *st = left >= bign ? big : mid && left >= midn ? mid : one;
		size_t k = st == big ? bign : st == mid ? midn : 1;
		enum db_status rc = db_query(db, a, st, rows + done * ncols, NULL);
		if (rc != DB_OK)
			return rc;
		done += k;
	}
	return DB_OK;
}

/* ids[p][k]: the id of image k of new product p, read back by (product, position). */
static enum db_status image_ids(struct db *db, struct arena *a, struct catalog_product *const *items,
				const long long *pid, size_t n, long long **ids)
{
	for (size_t at = 0; at < n; at += ID_N) {
		struct db_param params[ID_N];
		for (size_t i = 0; i < ID_N; i++)
			params[i] = DB_I(pid[at + (at + i < n ? i : 0)]);
		struct db_res res;
		enum db_status rc = db_query(db, a, &q_img_ids, params, &res);
		if (rc != DB_OK)
			return rc;
		for (size_t r = 0; r < res.nrows; r++) {
			long long product = db_at(&res, r, 1)->i, pos = db_at(&res, r, 2)->i;
			for (size_t i = at; i < n && i < at + ID_N; i++)
				if (pid[i] == product && pos >= 1 && (size_t)pos <= items[i]->nimages)
					ids[i][pos - 1] = db_at(&res, r, 0)->i;
		}
	}
	return DB_OK;
}

enum db_status catalog_insert_new(struct db *db, struct arena *a, long long brand_id,
			      struct catalog_product *const *items, size_t n)
{
	size_t nopt = 0, nimg = 0, nvar = 0;
	bool var_images = false;
	struct db_param *prow = arena_alloc(a, n * 12 * sizeof *prow);
	for (size_t i = 0; i < n; i++) {
		const struct catalog_product *p = items[i];
		uint8_t *digest = arena_alloc(a, 16);
		catalog_product_digest(p, digest);
		long long price_min, stock;
		catalog_product_totals(p, &price_min, &stock);
		struct db_param r[12] = { DB_I(brand_id), DB_S(p->handle), DB_S(p->title), DB_S(p->body_html),
					  DB_S(p->type), DB_S(p->vendor), DB_S(p->tags), DB_S(p->status),
					  DB_I(price_min), DB_S(p->vars[0].currency), DB_I(stock), DB_B(digest, 16) };
		memcpy(prow + i * 12, r, sizeof r);
		nopt += p->nopts;
		nimg += p->nimages;
		nvar += p->nvars;
		for (size_t k = 0; k < p->nvars; k++)
			var_images |= *p->vars[k].image_url != '\0';
	}
	enum db_status rc = insert_rows(db, a, &q_p4, 4, NULL, 0, &q_p1, prow, 12, n);
	struct catalog_found *found = arena_alloc(a, n * sizeof *found);
	if (rc != DB_OK || (rc = catalog_find_products(db, a, brand_id, items, n, found)) != DB_OK)
		return rc;
	long long *pid = arena_alloc(a, n * sizeof *pid);
	long long **img = arena_alloc(a, n * sizeof *img);
	struct db_param *orow = arena_alloc(a, (nopt + 1) * 3 * sizeof *orow);
	struct db_param *irow = arena_alloc(a, (nimg + 1) * 4 * sizeof *irow);
	size_t o = 0, m = 0;
	for (size_t i = 0; i < n; i++) {
		const struct catalog_product *p = items[i];
		if (!found[i].id)
			return DB_ERR;	/* just inserted in this transaction: cannot happen */
		pid[i] = found[i].id;
		img[i] = arena_zalloc(a, (p->nimages + 1) * sizeof **img);
		for (size_t k = 0; k < p->nopts; k++, o++) {
			struct db_param r[3] = { DB_I(pid[i]), DB_I(k + 1), DB_S(p->opt_name[k]) };
			memcpy(orow + o * 3, r, sizeof r);
		}
		for (size_t k = 0; k < p->nimages; k++, m++) {
			struct db_param r[4] = { DB_I(pid[i]), DB_I(k + 1), DB_S(p->images[k].url), DB_S(p->images[k].alt) };
			memcpy(irow + m * 4, r, sizeof r);
		}
	}
	if ((rc = insert_rows(db, a, &q_o16, 16, &q_o4, 4, &q_o1, orow, 3, nopt)) != DB_OK ||
	    (rc = insert_rows(db, a, &q_i16, 16, &q_i4, 4, &q_i1, irow, 4, nimg)) != DB_OK ||
	    (var_images && (rc = image_ids(db, a, items, pid, n, img)) != DB_OK))
		return rc;
	struct db_param *vrow = arena_alloc(a, (nvar + 1) * VCOLS * sizeof *vrow);
	size_t v = 0;
	for (size_t i = 0; i < n; i++) {
		const struct catalog_product *p = items[i];
		for (size_t k = 0; k < p->nvars; k++, v++) {
			const struct catalog_variant *x = &p->vars[k];
			struct db_param image = DB_NULL;
			for (size_t j = 0; *x->image_url && j < p->nimages; j++)
				if (strcmp(p->images[j].url, x->image_url) == 0 && img[i][j])
					image = DB_I(img[i][j]);
			struct db_param r[VCOLS] = { DB_I(pid[i]), DB_I(k + 1), DB_S(x->ext_id), DB_S(x->sku),
						     DB_S(x->barcode), DB_S(x->opt[0]), DB_S(x->opt[1]), DB_S(x->opt[2]),
						     DB_I(x->price), x->compare_at >= 0 ? DB_I(x->compare_at) : DB_NULL,
						     DB_S(x->currency), DB_I(x->stock),
						     DB_S(x->policy_continue ? "continue" : "deny"), image,
						     DB_I(!x->stock_uncounted) };
			memcpy(vrow + v * VCOLS, r, sizeof r);
		}
	}
	return insert_rows(db, a, &q_v4, 4, NULL, 0, &q_v1, vrow, VCOLS, nvar);
}
