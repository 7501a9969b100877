/* import.c: "/studio/import" — a brand uploads a catalog file (Shopify, WooCommerce or feed CSV/TSV)
 * and sees the import report; the same importer as crowdcartctl import. */
#include <string.h>
#include "domain/catalog/catalog_import.h"
#include "web/layout.h"
#include "studio/products.h"
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_runs = {
	"SELECT started_at, format, source, status, products, created, updated, unchanged, error_count"
	" FROM import_runs WHERE brand_id = ? ORDER BY started_at DESC, id DESC LIMIT 10", "i", "ssssiiiii" };

static const char *const formats[][2] = {
	{ "shopify", "Shopify product CSV" },
	{ "woocommerce", "WooCommerce product CSV" },
	{ "feed", "Catalog feed (Google Merchant Center, Meta, TikTok; CSV or TSV)" },
};

static int import_form(struct req *r, const struct acting_brand *b, int status, const char *error)
{
	struct db_res runs;
	enum db_status rc = db_query(r->db, r->arena, &q_runs, (struct db_param[]){ DB_I(b->id) }, &runs);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_import.tpl", "Import your catalog");
	tmpl_set(d, "BRAND_NAME", b->name);
	const char *chosen = req_form(r, "format");
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
		tmpl_dict *f = tmpl_add(d, "FORMAT");
		tmpl_set(f, "VALUE", formats[i][0]);
		tmpl_set(f, "LABEL", formats[i][1]);
		if ((chosen && strcmp(chosen, formats[i][0]) == 0) || (!chosen && i == 0))
			tmpl_show(f, "CHECKED");
	}
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	tmpl_dict *table = runs.nrows ? tmpl_add(d, "HAS_RUNS") : NULL;
	for (size_t i = 0; i < runs.nrows; i++) {
		tmpl_dict *row = tmpl_add(table, "RUN");
		static const char *const keys[] = { "AT", "FORMAT", "SOURCE", "STATUS" };
		for (size_t k = 0; k < 4; k++)
			tmpl_set(row, keys[k], db_at(&runs, i, k)->s);
		static const char *const counts[] = { "PRODUCTS", "CREATED", "UPDATED", "UNCHANGED", "ERRORS" };
		for (size_t k = 0; k < 5; k++)
			tmpl_set_int(row, counts[k], db_at(&runs, i, 4 + k)->i);
	}
	layout_end(r, status);
	return REQ_DONE;
}

int page_import_form(struct req *r)
{
	const struct acting_brand *b = r->brand;
	return import_form(r, b, 200, NULL);
}

static void report_page(struct req *r, const struct acting_brand *b, const char *name, enum catalog_format f,
			const struct catalog_report *rep, bool ok)
{
	tmpl_dict *d = layout_begin(r, "studio_import_report.tpl", "Import report");
	tmpl_set(d, "FILE", name);
	tmpl_set(d, "FORMAT", catalog_format_name(f));
	tmpl_set(d, "BRAND_SLUG", b->slug);
	static const char *const keys[] = { "ROWS", "PRODUCTS", "VARIANTS", "IMAGES", "CREATED", "UPDATED",
					    "UNCHANGED", "SKIPPED", "ERROR_COUNT" };
	const unsigned long vals[] = { rep->rows, rep->products, rep->variants, rep->images, rep->created,
				       rep->updated, rep->unchanged, rep->skipped, rep->error_count };
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		tmpl_set_int(d, keys[k], (long long)vals[k]);
	tmpl_show(d, ok ? "OK" : "REJECTED");
	if (ok && rep->created + rep->updated == 0)
		tmpl_show(d, "NOTHING_CHANGED");
	tmpl_dict *table = rep->nerrors ? tmpl_add(d, "ERROR_TABLE") : NULL;
	for (size_t i = 0; i < rep->nerrors; i++) {
		tmpl_dict *e = tmpl_add(table, "ERRORS");
		tmpl_set_int(e, "LINE", (long long)rep->errors[i].line);
		tmpl_set(e, "MESSAGE", rep->errors[i].msg);
	}
	for (size_t i = 0; i < rep->nnotices; i++) {
		tmpl_dict *e = tmpl_add(d, "NOTICES");
		tmpl_set_int(e, "LINE", (long long)rep->notices[i].line);
		tmpl_set(e, "MESSAGE", rep->notices[i].msg);
	}
	if (rep->error_count > rep->nerrors)
		tmpl_set_int(tmpl_add(d, "MORE_ERRORS"), "N", (long long)(rep->error_count - rep->nerrors));
	if (rep->fatal)
		tmpl_set(tmpl_add(d, "FATAL"), "TEXT", rep->fatal);
	layout_end(r, ok ? 200 : rep->fatal ? 503 : 422);
}

int page_import(struct req *r)
{
	const struct acting_brand *b = r->brand;
	enum catalog_format f;
	const char *fmt = req_form(r, "format");
	if (!fmt || !catalog_format_parse(fmt, &f))
		return import_form(r, b, 422, "Choose the kind of file you are uploading.");
	const struct mp_part *file = multipart_file(&r->files, "file");
	if (!file || file->len == 0)
		return import_form(r, b, 422, "Choose a file to upload (it was missing or empty).");
	struct catalog_mem mem;
	struct catalog_source src = catalog_source_mem(&mem, file->data, file->len);
	struct catalog_report rep = { .a = r->arena, .user_id = r->sess.user_id };
	const char *name = *file->filename ? file->filename : "upload";
	bool ok = catalog_import(r->db, b->id, b->currency, f, &src, name, &rep);
	report_page(r, b, name, f, &rep, ok);
	return REQ_DONE;
}
