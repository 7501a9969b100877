/* catalog_batch.c: the write side's front: products gathered into batches of CATALOG_BATCH, each
 * written in one transaction (existing ones found and updated in place, new ones inserted), and
 * the digest that lets an unchanged product cost no write at all. */
#include <string.h>
#include <sodium.h>
#include "domain/catalog/catalog_write.h"

void catalog_writer_init(struct catalog_writer *w, struct db *db, long long brand_id, struct catalog_report *rep)
{
	memset(w, 0, sizeof *w);
	w->db = db;
	w->brand_id = brand_id;
	w->qa = arena_new(1 << 16);
	w->rep = rep;
}

void catalog_writer_free(struct catalog_writer *w)
{
	arena_free(w->qa);
	w->qa = NULL;
}

size_t catalog_writer_pending(const struct catalog_writer *w)
{
	return w->n;
}

static enum db_status write_batch(struct db *db, void *ctx)
{
	struct catalog_writer *b = ctx;
	arena_reset(b->qa);
	b->created = b->updated = b->unchanged = 0;	/* a retried attempt counts afresh */
	struct catalog_found found[CATALOG_BATCH];
	enum db_status rc = catalog_find_products(db, b->qa, b->brand_id, b->items, b->n, found);
	if (rc != DB_OK)
		return rc;
	struct catalog_product *fresh[CATALOG_BATCH];
	size_t nfresh = 0;
	for (size_t i = 0; i < b->n; i++) {
		if (!found[i].id) {
			fresh[nfresh++] = b->items[i];
			continue;
		}
		enum catalog_outcome o;
		rc = catalog_write_product(db, b->qa, b->items[i], &found[i], &o);
		if (rc != DB_OK)
			return rc;
		b->updated += o == CATALOG_UPDATED;
		b->unchanged += o == CATALOG_UNCHANGED;
	}
	b->created = nfresh;
	return nfresh ? catalog_insert_new(db, b->qa, b->brand_id, fresh, nfresh) : DB_OK;
}

bool catalog_writer_flush(struct catalog_writer *w)
{
	if (w->n == 0)
		return true;
	w->rc = db_txn(w->db, write_batch, w);
	if (w->rc != DB_OK)
		return false;
	w->rep->created += w->created;
	w->rep->updated += w->updated;
	w->rep->unchanged += w->unchanged;
	w->n = 0;
	return true;
}

bool catalog_writer_add(struct catalog_writer *w, struct catalog_product *p)
{
	w->items[w->n++] = p;
	return w->n < CATALOG_BATCH || catalog_writer_flush(w);
}

static void dig_str(crypto_generichash_state *st, const char *s)
{
	uint64_t n = strlen(s);
	crypto_generichash_update(st, (const unsigned char *)&n, sizeof n);
	crypto_generichash_update(st, (const unsigned char *)s, n);
}

static void dig_int(crypto_generichash_state *st, long long v)
{
	crypto_generichash_update(st, (const unsigned char *)&v, sizeof v);
}

void catalog_product_digest(const struct catalog_product *p, uint8_t out[16])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, 16);
	const char *s[] = { p->handle, p->title, p->body_html, p->vendor, p->type, p->tags, p->status };
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		dig_str(&st, s[i]);
	dig_int(&st, (long long)p->nopts);
	for (size_t i = 0; i < p->nopts; i++)
		dig_str(&st, p->opt_name[i]);
	dig_int(&st, (long long)p->nimages);
	for (size_t i = 0; i < p->nimages; i++) {
		dig_str(&st, p->images[i].url);
		dig_str(&st, p->images[i].alt);
	}
	dig_int(&st, (long long)p->nvars);
	for (size_t i = 0; i < p->nvars; i++) {
		const struct catalog_variant *v = &p->vars[i];
		const char *vs[] = { v->ext_id, v->sku, v->barcode, v->opt[0], v->opt[1], v->opt[2],
				     v->currency, v->image_url };
		for (size_t k = 0; k < sizeof vs / sizeof vs[0]; k++)
			dig_str(&st, vs[k]);
		dig_int(&st, v->price);
		dig_int(&st, v->compare_at);
		dig_int(&st, v->stock);
		dig_int(&st, v->policy_continue);
		/* Only when set, so that the digests of every other product stay what they were. */
		if (v->stock_uncounted)
			dig_int(&st, 2);
	}
	crypto_generichash_final(&st, out, 16);
}

