/* catalog_write.h: the write side of an import: checked products in, rows of products, options,
 * images and variants out, CATALOG_BATCH products per transaction. Parses nothing: its products come
 * from catalog_parse.h in-process or from catalog_wire.h's decoder. */
#ifndef CC_CATALOG_WRITE_H
#define CC_CATALOG_WRITE_H
#include "domain/catalog/catalog.h"
#include "db/db.h"

/* Products wait here until a batch is full, then go in one transaction (db_txn, re-run on
 * deadlock: the batch is held so a re-run is exact). The products must stay alive until the
 * batch that holds them is written: catalog_writer_pending() == 0. */
struct catalog_writer {
	struct db *db;
	long long brand_id;
	struct arena *qa;		/* query results, reset per attempt */
	struct catalog_report *rep;		/* where committed batches are counted */
	struct catalog_product *items[CATALOG_BATCH];
	size_t n;
	unsigned long created, updated, unchanged;	/* of the batch being written */
	enum db_status rc;		/* the failure, when a batch could not be written */
};

void catalog_writer_init(struct catalog_writer *w, struct db *db, long long brand_id, struct catalog_report *rep);
/* Adds p; writes the batch when it is full. False when the database refused a batch (w->rc). */
bool catalog_writer_add(struct catalog_writer *w, struct catalog_product *p);
/* Writes what is waiting. False as above. */
bool catalog_writer_flush(struct catalog_writer *w);
size_t catalog_writer_pending(const struct catalog_writer *w);
void catalog_writer_free(struct catalog_writer *w);

/* 16-byte digest of everything an import writes for a product: equal digests, nothing to do. */
void catalog_product_digest(const struct catalog_product *p, uint8_t out[16]);
/* The cheapest variant price and the units on hand (positive stock), as grids show them. */
void catalog_product_totals(const struct catalog_product *p, long long *price_min, long long *stock);

/* The pieces of a batch (catalog_write.c, catalog_insert.c), inside the caller's transaction.
 * What the database holds for a product of a batch: its id (0: new) and whether its digest is
 * the imported one. Found for a whole batch in one round trip, rows locked (FOR UPDATE). */
struct catalog_found {
	long long id;
	bool same;
};
enum db_status catalog_find_products(struct db *db, struct arena *a, long long brand_id,
				 struct catalog_product *const *items, size_t n, struct catalog_found *found);
/* Inserts products that do not exist yet, with their options, images and variants. */
enum db_status catalog_insert_new(struct db *db, struct arena *a, long long brand_id,
			      struct catalog_product *const *items, size_t n);
/* Writes one product that exists (f->id set): updated in place, or nothing when unchanged. */
enum catalog_outcome { CATALOG_UPDATED, CATALOG_UNCHANGED };
enum db_status catalog_write_product(struct db *db, struct arena *a, const struct catalog_product *p,
				 const struct catalog_found *f, enum catalog_outcome *out);

#endif
