/* catalog_import.c: one import, start to end: check every row, then write in batches, then
 * record the run. The same code serves crowdcartctl and the studio upload. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/buf.h"
#include "domain/catalog/catalog_csv.h"
#include "domain/catalog/catalog_map.h"

#define CHUNK 65536

static const struct db_stmt q_run = {
	"INSERT INTO import_runs (brand_id, user_id, format, source, status, rows_read, products,"
	" created, updated, unchanged, skipped, error_count, errors, started_at, finished_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	"iisssiiiiiiiss", "" };
static const struct db_stmt q_now = { "SELECT UTC_TIMESTAMP()", "", "s" };

static const char *const format_names[] = { "shopify", "woocommerce", "feed" };

bool cat_format_parse(const char *s, enum cat_format *out)
{
	for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum cat_format)i;
			return true;
		}
	return false;
}

const char *cat_format_name(enum cat_format f)
{
	return format_names[f];
}

static size_t mem_read(void *ctx, void *buf, size_t n)
{
	struct cat_mem *m = ctx;
	size_t k = m->len - m->pos < n ? m->len - m->pos : n;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	return k;
}

static bool mem_rewind(void *ctx)
{
	((struct cat_mem *)ctx)->pos = 0;
	return true;
}

struct cat_source cat_source_mem(struct cat_mem *m, const void *data, size_t len)
{
	m->p = data;
	m->len = len;
	m->pos = 0;
	return (struct cat_source){ mem_read, mem_rewind, m };
}

/* Pass two: products wait here until a batch is full, then go in one transaction. */
struct batch {
	struct db *db;
	long long brand_id;
	struct arena *qa;		/* query results, reset per attempt */
	struct cat_report *rep;		/* where committed batches are counted */
	struct cat_product *items[CAT_BATCH];
	size_t n;
	unsigned long created, updated, unchanged;
	enum db_status rc;
};

static enum db_status write_batch(struct db *db, void *ctx)
{
	struct batch *b = ctx;
	arena_reset(b->qa);
	b->created = b->updated = b->unchanged = 0;	/* a retried attempt counts afresh */
	struct cat_found found[CAT_BATCH];
	enum db_status rc = cat_find_products(db, b->qa, b->brand_id, b->items, b->n, found);
	if (rc != DB_OK)
		return rc;
	struct cat_product *fresh[CAT_BATCH];
	size_t nfresh = 0;
	for (size_t i = 0; i < b->n; i++) {
		if (!found[i].id) {
			fresh[nfresh++] = b->items[i];
			continue;
		}
		enum cat_outcome o;
		rc = cat_write_product(db, b->qa, b->items[i], &found[i], &o);
		if (rc != DB_OK)
			return rc;
		b->updated += o == CAT_UPDATED;
		b->unchanged += o == CAT_UNCHANGED;
	}
	b->created = nfresh;
	return nfresh ? cat_insert_new(db, b->qa, b->brand_id, fresh, nfresh) : DB_OK;
}

static bool flush(struct cat_run *run)
{
	struct batch *b = run->emit_ctx;
	if (b->n == 0)
		return true;
	b->rc = db_txn(b->db, write_batch, b);
	if (b->rc != DB_OK)
		return false;
	b->rep->created += b->created;
	b->rep->updated += b->updated;
	b->rep->unchanged += b->unchanged;
	b->n = 0;
	if (run->streaming)
		arena_reset(run->a);
	return true;
}

static bool emit_write(struct cat_run *run, struct cat_product *p)
{
	struct batch *b = run->emit_ctx;
	b->items[b->n++] = p;
	return b->n < CAT_BATCH || flush(run);
}

/* Pass one remembers every handle (not the products) so that two products never claim one. */
struct handles {
	struct arena *a;
	const char **key;
	unsigned long *line;
	size_t cap, n;
};

static size_t handle_slot(const struct handles *h, const char *key)
{
	uint64_t x = 1469598103934665603ULL;
	for (const char *s = key; *s; s++)
		x = (x ^ (unsigned char)*s) * 1099511628211ULL;
	size_t i = (size_t)x & (h->cap - 1);
	while (h->key[i] && strcmp(h->key[i], key) != 0)
		i = (i + 1) & (h->cap - 1);
	return i;
}

/* False (with the line of the first) if key was already there. */
static bool handle_add(struct handles *h, const char *key, unsigned long line, unsigned long *first)
{
	if (h->n * 2 >= h->cap) {
		struct handles g = { h->a, NULL, NULL, h->cap ? h->cap * 2 : 1024, 0 };
		g.key = arena_zalloc(h->a, g.cap * sizeof *g.key);
		g.line = arena_zalloc(h->a, g.cap * sizeof *g.line);
		for (size_t i = 0; i < h->cap; i++)
			if (h->key[i]) {
				size_t j = handle_slot(&g, h->key[i]);
				g.key[j] = h->key[i];
				g.line[j] = h->line[i];
				g.n++;
			}
		*h = g;
	}
	size_t i = handle_slot(h, key);
	if (h->key[i]) {
		*first = h->line[i];
		return false;
	}
	h->key[i] = arena_strdup(h->a, key);
	h->line[i] = line;
	h->n++;
	return true;
}

/* Pass one: count and forget. */
static bool emit_check(struct cat_run *run, struct cat_product *p)
{
	unsigned long first;
	if (*p->handle && !handle_add(run->emit_ctx, p->handle, p->line, &first))
		cat_err(run, p->line, "the handle \"%s\" is already taken by the product at line %lu"
			" (a product's rows must be together, and names must differ)", p->handle, first);
	run->rep->products++;
	run->rep->variants += p->nvars;
	run->rep->images += p->nimages;
	if (run->streaming)
		arena_reset(run->a);
	return true;
}

static void notice(struct cat_report *rep, unsigned long line, const char *msg)
{
	if (rep->nnotices < CAT_MAX_NOTICES)
		rep->notices[rep->nnotices++] = (struct cat_error){ line, msg };
}

/* Reads the whole source through the format's mapper. False when reading stopped early. */
static bool read_all(struct cat_run *run, const struct cat_source *src)
{
	static const catcsv_record_fn record[] = { cat_shopify_record, cat_woo_record, cat_feed_record };
	static bool (*const finish[])(struct cat_run *) = { cat_shopify_finish, cat_woo_finish, cat_feed_finish };
	char *chunk = xmalloc(CHUNK);
	struct catcsv c;
	size_t n = src->read(src->ctx, chunk, CHUNK);
	char delim = run->fmt == CAT_FEED ? catcsv_sniff(chunk, n) : ',';
	catcsv_init(&c, delim, record[run->fmt], run);
	bool ok = true;
	if (n == 0)
		ok = cat_err(run, 1, "the file is empty");
	while (ok && n > 0) {
		ok = catcsv_feed(&c, chunk, n);
		n = ok ? src->read(src->ctx, chunk, CHUNK) : 0;
	}
	ok = ok && catcsv_finish(&c);
	if (c.err[0])
		cat_err(run, c.err_line, "%s", c.err);
	/* Accepted, as Excel writes them, but said: the uploader sees what was changed. */
	if (c.bom)
		notice(run->rep, 1, "UTF-8 byte-order mark removed");
	if (c.crlf_line)
		notice(run->rep, c.crlf_line, "CRLF (Windows) line ends, read as line breaks");
	if (ok && !run->header_done)
		ok = cat_err(run, 1, "the file has no header row");
	ok = ok && finish[run->fmt](run);
	catcsv_free(&c);
	free(chunk);
	return ok;
}

static void run_init(struct cat_run *run, struct arena *a, enum cat_format f, const char *currency,
		     struct cat_report *rep)
{
	memset(run, 0, sizeof *run);
	run->fmt = f;
	run->currency = currency;
	run->a = a;
	run->rep = rep;
	run->streaming = f == CAT_SHOPIFY;
}

static void record_run(struct db *db, long long brand_id, enum cat_format f, const char *source,
		       const char *status, const char *started, struct cat_report *rep)
{
	struct buf errs;
	buf_init(&errs, rep->a, 1024);
	for (size_t i = 0; i < rep->nnotices; i++)
		buf_printf(&errs, "line %lu: notice: %s\n", rep->notices[i].line, rep->notices[i].msg);
	for (size_t i = 0; i < rep->nerrors; i++)
		buf_printf(&errs, "line %lu: %s\n", rep->errors[i].line, rep->errors[i].msg);
	if (rep->fatal)
		buf_printf(&errs, "%s\n", rep->fatal);
	char src[256];
	snprintf(src, sizeof src, "%s", source ? source : "");
	struct db_param user = rep->user_id ? DB_I(rep->user_id) : DB_NULL;
	enum db_status rc = db_query(db, rep->a, &q_run,
		(struct db_param[]){ DB_I(brand_id), user, DB_S(cat_format_name(f)), DB_S(src), DB_S(status),
				     DB_I(rep->rows), DB_I(rep->products), DB_I(rep->created), DB_I(rep->updated),
				     DB_I(rep->unchanged), DB_I(rep->skipped), DB_I(rep->error_count),
				     DB_S(buf_cstr(&errs)), DB_S(started) }, NULL);
	if (rc != DB_OK)
		fprintf(stderr, "catalog: could not record the import run: %s\n", db_status_str(rc));
}

bool catalog_import(struct db *db, long long brand_id, const char *currency, enum cat_format f,
		    const struct cat_source *src, const char *source_name, struct cat_report *rep)
{
	struct arena *a = arena_new(1 << 16);
	struct cat_run run;
	const char *started = "1970-01-01 00:00:00";
	struct db_res now;
	if (db && db_query(db, rep->a, &q_now, NULL, &now) == DB_OK && now.nrows)
		started = db_at(&now, 0, 0)->s;
	run_init(&run, a, f, currency, rep);
	struct handles seen = { .a = arena_new(1 << 16) };
	run.emit = emit_check;
	run.emit_ctx = &seen;
	bool ok = read_all(&run, src) && rep->error_count == 0;
	arena_free(seen.a);
	if (ok && db) {
		if (!src->rewind(src->ctx)) {
			rep->fatal = "the file could not be read a second time";
			ok = false;
		} else {
			struct cat_report scratch = { .a = rep->a };	/* pass two's counts repeat pass one's */
			arena_reset(a);
			struct batch b = { .db = db, .brand_id = brand_id, .qa = arena_new(1 << 16), .rep = rep };
			run_init(&run, a, f, currency, &scratch);
			run.emit = emit_write;
			run.emit_ctx = &b;
			ok = read_all(&run, src) && flush(&run);
			if (!ok)
				rep->fatal = arena_printf(rep->a, "the database stopped the import (%s); "
							  "batches already written stay, run the same file again to finish",
							  db_status_str(b.rc));
			arena_free(b.qa);
		}
	}
	if (db)
		record_run(db, brand_id, f, source_name, ok ? "ok" : rep->fatal ? "failed" : "rejected", started, rep);
	arena_free(a);
	return ok;
}
