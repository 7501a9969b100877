/* catalog_import.c: one import in one process, start to end: check every row, then parse again
 * and write in batches, then record the run. The studio upload runs it; crowdcartctl import splits
 * the same two sides across a confined child and itself (src/ctl/import_sandbox.c). */
#include <stdio.h>
#include "lib/buf.h"
#include "domain/catalog/catalog_import.h"
#include "domain/search/search_index.h"
#include "domain/catalog/catalog_parse.h"
#include "domain/catalog/catalog_write.h"

static const struct db_stmt q_run = {
	"INSERT INTO import_runs (brand_id, user_id, format, source, status, rows_read, products,"
	" created, updated, unchanged, skipped, error_count, errors, started_at, finished_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	"iisssiiiiiiiss", "" };
static const struct db_stmt q_now = { "SELECT UTC_TIMESTAMP()", "", "s" };

const char *catalog_run_started(struct db *db, struct arena *a)
{
	struct db_res now;
	if (db && db_query(db, a, &q_now, NULL, &now) == DB_OK && now.nrows)
		return db_at(&now, 0, 0)->s;
	return "1970-01-01 00:00:00";
}

void catalog_run_record(struct db *db, long long brand_id, enum catalog_format f, const char *source,
			const char *status, const char *started, struct catalog_report *rep)
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
		(struct db_param[]){ DB_I(brand_id), user, DB_S(catalog_format_name(f)), DB_S(src), DB_S(status),
				     DB_I(rep->rows), DB_I(rep->products), DB_I(rep->created), DB_I(rep->updated),
				     DB_I(rep->unchanged), DB_I(rep->skipped), DB_I(rep->error_count),
				     DB_S(buf_cstr(&errs)), DB_S(started) }, NULL);
	if (rc != DB_OK)
		fprintf(stderr, "catalog: could not record the import run: %s\n", db_status_str(rc));
}


/* Pass two: each product goes to the writer; the parser may reuse their memory once the batch
 * that holds them is written. The end of the file writes the last batch. */
static enum catalog_sink_ret sink_write(void *ctx, struct catalog_product *p)
{
	struct catalog_writer *w = ctx;
	if (!p)
		return catalog_writer_flush(w) ? CATALOG_SINK_RELEASE : CATALOG_SINK_STOP;
	if (!catalog_writer_add(w, p))
		return CATALOG_SINK_STOP;
	return catalog_writer_pending(w) ? CATALOG_SINK_KEEP : CATALOG_SINK_RELEASE;
}

const char *catalog_write_failed(struct arena *a, enum db_status rc)
{
	return arena_printf(a, "the database stopped the import (%s); batches already written stay,"
			    " run the same file again to finish", db_status_str(rc));
}

/* The largest file a studio upload takes holds fewer products than this. */
#define CATALOG_INDEX_AT_IMPORT 20000

bool catalog_import(struct db *db, long long brand_id, const char *currency, enum catalog_format f,
		    const struct catalog_source *src, const char *source_name, struct catalog_report *rep)
{
	const char *started = catalog_run_started(db, rep->a);
	bool ok = catalog_parse(f, currency, src, rep, NULL, NULL);
	if (ok && db) {
		if (!src->rewind(src->ctx)) {
			rep->fatal = "the file could not be read a second time";
			ok = false;
		} else {
			struct catalog_report scratch = { .a = rep->a };	/* pass two's counts repeat pass one's */
			struct catalog_writer w;
			catalog_writer_init(&w, db, brand_id, rep);
			ok = catalog_parse(f, currency, src, &scratch, sink_write, &w);
			if (!ok)
				rep->fatal = catalog_write_failed(rep->a, w.rc);
			catalog_writer_free(&w);
			/* Search shows the imported text at once; what this misses, the worker indexes. */
			long long indexed;
			if (ok)
				db_best_effort(search_index_stale(db, rep->a, brand_id, CATALOG_INDEX_AT_IMPORT, &indexed));
		}
	}
	if (db)
		catalog_run_record(db, brand_id, f, source_name, ok ? "ok" : rep->fatal ? "failed" : "rejected",
				   started, rep);
	return ok;
}
