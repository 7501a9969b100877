/* products_form.c: the product editor's form: load, read back, convert, render. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/money.h"
#include "web/layout.h"
#include "domain/media/image_asset.h"
#include "views/image_view.h"
#include "studio/products_form.h"
#include "views/form_errors.h"
#include "web/response.h"
#include "domain/connectors/connector_store.h"

/* Byte caps: four bytes per character of the column's character limit. */

static const struct db_stmt q_product = {
	"SELECT title, description_html, product_type, vendor, tags, status, handle FROM products"
	" WHERE id = ? AND brand_id = ?", "ii", "sssssss" };
static const struct db_stmt q_options = {
	"SELECT position, name FROM product_options WHERE product_id = ? ORDER BY position", "i", "is" };
static const struct db_stmt q_images = {
	"SELECT pi.url, pi.alt, " IMAGE_REF_SQL("pi.url", "pi.url_hash") ", COALESCE((SELECT ia.error FROM image_assets ia"
	" WHERE ia.akey = SUBSTRING(pi.url, 12, 32) AND ia.status = 'refused' AND pi.url LIKE '" IMAGE_PATH_PREFIX "%'), '')"
	" FROM product_images pi WHERE pi.product_id = ? ORDER BY pi.position, pi.id LIMIT 21", "i", "ssss" };
static const struct db_stmt q_variants = {
	"SELECT id, option1, option2, option3, sku, barcode, price, COALESCE(compare_at_price, -1), stock,"
	" inventory_policy FROM variants WHERE product_id = ? ORDER BY position, id LIMIT 101", "i", "issssiiiis" };

/* A studio thumbnail of an uploaded picture: the picture once the worker made it, else whether it
 * waits or why it was refused. img NULL or without ref: the form came back from the browser. */
static void pf_thumbnail(struct req *r, tmpl_dict *up, const struct pf_img *img)
{
	char key[IMAGE_KEY_LEN + 1];
	unsigned w, h;
	if (img && img->ref && image_view_parse(img->ref, key, &w, &h))
		image_view_fill(r, up, "THUMB", img->ref, "", IMAGE_SLOT_THUMB, true);
	else if (img && img->refusal && *img->refusal)
		tmpl_set(up, "STATE", arena_printf(r->arena, "Refused: %s Remove it and upload another.", img->refusal));
	else
		tmpl_set(up, "STATE", img && img->ref ? "Being processed: it shows here and in the shop in a moment."
						       : "Uploaded picture");
}

bool pf_load(struct req *r, const struct acting_brand *b, long long id, struct product_form *f, int *st)
{
	*st = REQ_DONE;
	memset(f, 0, sizeof *f);
	f->id = id;
	struct db_res p, o, im, v;
	enum db_status rc = db_query(r->db, r->arena, &q_product, (struct db_param[]){ DB_I(id), DB_I(b->id) }, &p);
	if (rc == DB_OK && p.nrows == 0) {
		response_error(r, 404, "That product is not in your catalog.");
		return false;
	}
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_options, (struct db_param[]){ DB_I(id) }, &o);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_images, (struct db_param[]){ DB_I(id) }, &im);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_variants, (struct db_param[]){ DB_I(id) }, &v);
	if (rc != DB_OK) {
		*st = req_db_fail(rc);
		return false;
	}
	if (v.nrows > PF_MAX_VARIANT_ROWS || im.nrows > PF_MAX_IMAGE_ROWS) {
		response_error(r, 409, "This product has more variants or images than the editor shows; edit it through the Shopping API.");
		return false;
	}
	f->title = db_at(&p, 0, 0)->s;
	f->description = product_html_text(r->arena, db_at(&p, 0, 1)->s);
	f->type = db_at(&p, 0, 2)->s;
	f->vendor = db_at(&p, 0, 3)->s;
	f->tags = db_at(&p, 0, 4)->s;
	f->status = db_at(&p, 0, 5)->s;
	f->handle = db_at(&p, 0, 6)->s;
	for (size_t i = 0; i < o.nrows; i++) {
		long long k = db_at(&o, i, 0)->i;
		if (k >= 1 && k <= PRODUCT_MAX_OPTIONS)
			f->opt_name[k - 1] = db_at(&o, i, 1)->s;
	}
	for (size_t i = 0; i < im.nrows; i++)
		f->imgs[f->nimgs++] = (struct pf_img){ db_at(&im, i, 0)->s, db_at(&im, i, 1)->s, db_at(&im, i, 2)->s,
						       db_at(&im, i, 3)->s };
	for (size_t i = 0; i < v.nrows; i++) {
		struct pf_row *row = &f->rows[f->nrows++];
		row->id = arena_printf(r->arena, "%lld", db_at(&v, i, 0)->i);
		for (int k = 0; k < PRODUCT_MAX_OPTIONS; k++)
			row->opt[k] = db_at(&v, i, 1 + k)->s;
		row->sku = db_at(&v, i, 4)->s;
		row->barcode = db_at(&v, i, 5)->s;
		row->price = product_decimal(r->arena, db_at(&v, i, 6)->i, b->currency);
		row->compare = db_at(&v, i, 7)->i < 0 ? "" : product_decimal(r->arena, db_at(&v, i, 7)->i, b->currency);
		row->stock = arena_printf(r->arena, "%lld", db_at(&v, i, 8)->i);
		row->policy = db_at(&v, i, 9)->s;
	}
	return true;
}

/* The n-th value of a repeated field ("" past the end): rows are the fields' n-th values. */
static const char *nth(const struct kvlist *l, const char *key, size_t n)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0 && n-- == 0)
			return l->items[i].val;
	return "";
}

static const char *field(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

/* The pictures in the order of their "Position" fields (the first is the card's), rows without a
 * usable number keeping their place among equals; a form without them keeps the rows' order. */
static void pf_reorder_images(struct req *r, const struct kvlist *l, struct product_form *f)
{
	if (kv_count(l, "i_pos") != f->nimgs)
		return;
	long long pos[PF_ACCEPT_IMAGE_ROWS];
	for (size_t i = 0; i < f->nimgs; i++)
		if (!req_int_value(r, "i_pos", nth(l, "i_pos", i), &pos[i]))
			pos[i] = (long long)i + 1;
	for (size_t i = 1; i < f->nimgs; i++)	/* insertion sort: stable, and at most 30 rows */
		for (size_t j = i; j > 0 && pos[j - 1] > pos[j]; j--) {
			long long tp = pos[j];
			pos[j] = pos[j - 1];
			pos[j - 1] = tp;
			struct pf_img ti = f->imgs[j];
			f->imgs[j] = f->imgs[j - 1];
			f->imgs[j - 1] = ti;
		}
}

bool pf_from_request(struct req *r, struct product_form *f)
{
	memset(f, 0, sizeof *f);
	f->title = field(r, "title");
	f->description = field(r, "description");
	f->type = field(r, "product_type");
	f->vendor = field(r, "vendor");
	f->tags = field(r, "tags");
	f->opt_name[0] = field(r, "option1_name");
	f->opt_name[1] = field(r, "option2_name");
	f->opt_name[2] = field(r, "option3_name");
	size_t nrows = kv_count(&r->form, "v_price"), nimgs = kv_count(&r->form, "i_url");
	if (nrows > PF_ACCEPT_VARIANT_ROWS || nimgs > PF_ACCEPT_IMAGE_ROWS) {
		response_error(r, 400, "The form has more variant or image rows than the editor allows.");
		return false;
	}
	const struct kvlist *l = &r->form;
	for (size_t i = 0; i < nrows; i++)
		f->rows[f->nrows++] = (struct pf_row){ nth(l, "v_id", i), { nth(l, "v_opt1", i), nth(l, "v_opt2", i),
			nth(l, "v_opt3", i) }, nth(l, "v_sku", i), nth(l, "v_barcode", i), nth(l, "v_price", i),
			nth(l, "v_compare", i), nth(l, "v_stock", i), nth(l, "v_policy", i) };
	for (size_t i = 0; i < nimgs; i++)
		f->imgs[f->nimgs++] = (struct pf_img){ nth(l, "i_url", i), nth(l, "i_alt", i), NULL, NULL };
	pf_reorder_images(r, l, f);
	return true;
}

static bool row_blank(const struct pf_row *w)
{
	return !*w->opt[0] && !*w->opt[1] && !*w->opt[2] && !*w->sku && !*w->barcode && !*w->price &&
	       !*w->compare && !*w->stock;
}

/* A field the product's checks name by its place among the kept variants and images
 * ("variants[1].price": the second variant), renamed by its row of the form, which may also hold
 * emptied rows: the message then sits beside what the brand typed. */
const char *pf_form_field(struct req *r, const struct product_form *f, const char *field)
{
	size_t i;
	int used;
	if (sscanf(field, "variants[%zu]%n", &i, &used) == 1)
		for (size_t k = 0; k < f->nrows; k++)
			if (!row_blank(&f->rows[k]) && i-- == 0)
				return arena_printf(r->arena, "variants[%zu]%s", k, field + used);
	if (sscanf(field, "images[%zu]%n", &i, &used) == 1)
		for (size_t k = 0; k < f->nimgs; k++)
			if (*f->imgs[k].url && i-- == 0)
				return arena_printf(r->arena, "images[%zu]%s", k, field + used);
	return field;
}

static const char *const own_fields[] = { "title", "description", "product_type", "vendor", "tags",
					   "option1_name", "option2_name", "option3_name", "variants" };
/* A variant cell's input id suffix and name in a message: "price" -> "v2-price", "Variant 2, price". */
static const struct { const char *field, *id, *label; } cells[] = {
	{ "id", "option1", "row" }, { "option1", "option1", "option 1" }, { "option2", "option2", "option 2" },
	{ "option3", "option3", "option 3" }, { "sku", "sku", "SKU" }, { "barcode", "barcode", "barcode" },
	{ "price", "price", "price" }, { "compare_at_price", "compare_at_price", "compare-at price" },
	{ "stock", "stock", "stock" }, { "inventory_policy", "policy", "when out of stock" },
};

static size_t cell_of(const char *what)
{
	size_t c = 0;
	while (c < sizeof cells / sizeof *cells && strcmp(cells[c].field, what))
		c++;
	return c;
}

/* Where a field comes down the page: the product's own fields, the variant rows cell by cell,
 * then the pictures. */
static size_t form_rank(const char *field)
{
	size_t i;
	char what[40];
	if (sscanf(field, "variants[%zu].%39s", &i, what) == 2)
		return 100 + i * 16 + cell_of(what);
	if (sscanf(field, "images[%zu].%39s", &i, what) == 2)
		return 10000 + i * 2 + (strcmp(what, "alt") == 0);
	for (size_t k = 0; k < sizeof own_fields / sizeof *own_fields; k++)
		if (strcmp(field, own_fields[k]) == 0)
			return k;
	return 9999;	/* "images": the pictures' fieldset */
}

/* The summary reads in the order of the form, though a row's typing mistakes are found first. */
static void sort_by_form_order(struct product_problems *ps)
{
	for (size_t i = 1; i < ps->n; i++)	/* insertion sort: stable, and at most 16 */
		for (size_t j = i; j > 0 && form_rank(ps->list[j - 1].field) > form_rank(ps->list[j].field); j--) {
			struct product_problem t = ps->list[j];
			ps->list[j] = ps->list[j - 1];
			ps->list[j - 1] = t;
		}
}

static void problem(struct product_problems *ps, struct req *r, size_t row, const char *name, const char *msg)
{
	if (ps->n < PRODUCT_MAX_PROBLEMS)
		ps->list[ps->n++] = (struct product_problem){ arena_printf(r->arena, "variants[%zu].%s", row, name), msg };
}

bool pf_to_input(struct req *r, const struct acting_brand *b, const struct product_form *f, struct product_input *in,
		 struct product_problems *ps)
{
	memset(in, 0, sizeof *in);
	memset(ps, 0, sizeof *ps);
	in->title = f->title;
	in->description = f->description;
	in->type = f->type;
	in->vendor = f->vendor;
	in->tags = f->tags;
	for (int k = 0; k < PRODUCT_MAX_OPTIONS; k++)
		in->opt_name[k] = f->opt_name[k];
	in->images = arena_zalloc(r->arena, sizeof *in->images * (f->nimgs + 1));
	for (size_t i = 0; i < f->nimgs; i++)
		/* a row without an address is one taken off (an upload set to "remove" keeps its alt text) */
		if (*f->imgs[i].url)
			in->images[in->nimages++] = (struct product_image){ f->imgs[i].url, f->imgs[i].alt };
	in->variants = arena_zalloc(r->arena, sizeof *in->variants * (f->nrows + 1));
	/* A value that does not read as its type is reported here and counts as 0 below, so the
	 * product's own checks add the other problems without repeating this one. */
	for (size_t i = 0; i < f->nrows; i++) {
		const struct pf_row *w = &f->rows[i];
		if (row_blank(w))
			continue;	/* an emptied row deletes its variant */
		struct product_variant *v = &in->variants[in->nvariants];
		v->id = 0;
		if (*w->id && !input_id(w->id, &v->id)) {
			v->id = 0;
			problem(ps, r, in->nvariants, "id", "This variant row is not valid; reload the page.");
		}
		for (int k = 0; k < PRODUCT_MAX_OPTIONS; k++)
			v->opt[k] = w->opt[k];
		v->sku = w->sku;
		v->barcode = w->barcode;
		v->policy = w->policy;
		if (!money_parse(w->price, b->currency, &v->price)) {
			v->price = 0;
			problem(ps, r, in->nvariants, "price", "Enter the price as a plain amount, like 12.50.");
		}
		v->has_compare = *w->compare != '\0';
		if (v->has_compare && !money_parse(w->compare, b->currency, &v->compare_at)) {
			v->has_compare = false;
			problem(ps, r, in->nvariants, "compare_at_price", "Enter the compare-at price as a plain amount, like 15.00, or leave it empty.");
		}
		v->stock = 0;
		if (*w->stock && !req_int_value(r, "v_stock", w->stock, &v->stock)) {
			v->stock = 0;
			problem(ps, r, in->nvariants, "stock", "Enter the stock as a whole number.");
		}
		in->nvariants++;
	}
	product_check_all(r->arena, in, ps);
	for (size_t i = 0; i < ps->n; i++)
		ps->list[i].field = pf_form_field(r, f, ps->list[i].field);
	sort_by_form_order(ps);
	return ps->n == 0;
}

static const char *const own_labels[] = { "Title", "Description", "Category", "Vendor", "Tags", "Option 1 name",
					   "Option 2 name", "Option 3 name", "Variants" };

/* Where a problem goes on the page: the form row it names (or SIZE_MAX), the id of its input,
 * its name in the summary, and the section beside its input that shows its message. */
struct placed {
	size_t variant, image;
	const char *id, *label, *section;
};

static struct placed place(struct req *r, const char *field)
{
	struct placed at = { SIZE_MAX, SIZE_MAX, "images", "Images", "ERR_IMAGES" };
	size_t i;
	char what[40];
	if (sscanf(field, "variants[%zu].%39[a-z_0-9]", &i, what) == 2) {
		size_t c = cell_of(what);
		if (c == sizeof cells / sizeof *cells)
			c = 0;
		at.variant = i;
		at.id = arena_printf(r->arena, "v%zu-%s", i + 1, cells[c].id);
		at.label = arena_printf(r->arena, "Variant %zu, %s", i + 1, cells[c].label);
		at.section = arena_printf(r->arena, "ERR_%s", cells[c].field);
	} else if (sscanf(field, "images[%zu].%39[a-z_0-9]", &i, what) == 2) {
		bool alt = strcmp(what, "alt") == 0;
		at.image = i;
		at.id = arena_printf(r->arena, "i%zu-%s", i + 1, alt ? "alt" : "url");
		at.label = arena_printf(r->arena, "Image %zu, %s", i + 1, alt ? "alt text" : "address");
		at.section = alt ? "ERR_alt" : "ERR_url";
	} else {
		for (size_t k = 0; k < sizeof own_fields / sizeof *own_fields; k++)
			if (strcmp(field, own_fields[k]) == 0) {
				at.id = own_fields[k];
				at.label = own_labels[k];
				at.section = arena_printf(r->arena, "ERR_%s", own_fields[k]);
			}
	}
	char *up = arena_printf(r->arena, "%s", at.section);
	for (char *p = up; *p; p++)
		*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	at.section = up;
	return at;
}

static tmpl_dict *render_row(tmpl_dict *d, size_t n, const struct pf_row *w)
{
	tmpl_dict *row = tmpl_add(d, "ROW");
	tmpl_set_int(row, "N", (long long)n);
	tmpl_set(row, "ID", w->id ? w->id : "");
	tmpl_set(row, "OPT1", w->opt[0] ? w->opt[0] : "");
	tmpl_set(row, "OPT2", w->opt[1] ? w->opt[1] : "");
	tmpl_set(row, "OPT3", w->opt[2] ? w->opt[2] : "");
	tmpl_set(row, "SKU", w->sku ? w->sku : "");
	tmpl_set(row, "BARCODE", w->barcode ? w->barcode : "");
	tmpl_set(row, "PRICE", w->price ? w->price : "");
	tmpl_set(row, "COMPARE", w->compare ? w->compare : "");
	tmpl_set(row, "STOCK", w->stock ? w->stock : "");
	tmpl_show(row, w->policy && strcmp(w->policy, "continue") == 0 ? "CONTINUE" : "DENY");
	return row;
}

/* Every problem in the summary, and each beside its input: the top-level fields' sections, a
 * variant row's cells, a picture's address or alt text. */
static void render_problems(struct req *r, tmpl_dict *d, const struct product_problems *ps, tmpl_dict *const *rows,
			    size_t nrows, tmpl_dict *const *imgs, size_t nimgs)
{
	struct form_error errors[FORM_ERRORS_MAX];
	size_t n = 0;
	for (size_t i = 0; i < ps->n && n < FORM_ERRORS_MAX; i++) {
		struct placed at = place(r, ps->list[i].field);
		tmpl_dict *where = at.variant != SIZE_MAX ? (at.variant < nrows ? rows[at.variant] : NULL)
				 : at.image != SIZE_MAX ? (at.image < nimgs ? imgs[at.image] : NULL) : d;
		if (!where) {	/* a row the page no longer has: the message goes with the variants */
			at.id = "variants";
			at.section = "ERR_VARIANTS";
			where = d;
		}
		tmpl_set(tmpl_add(where, at.section), "TEXT", ps->list[i].msg);
		errors[n++] = (struct form_error){ at.id, arena_printf(r->arena, "%s: %s", at.label, ps->list[i].msg) };
	}
	form_errors_summary(d, errors, n);
}

void pf_render(struct req *r, const struct acting_brand *b, const struct product_form *f, int status,
	       const struct product_problems *problems, bool saved)
{
	tmpl_dict *d = layout_begin(r, "studio_product.tpl", f->id ? "Edit product" : "New product");
	tmpl_set(d, "HEADING", f->id ? "Edit product" : "New product");
	tmpl_set(d, "ACTION", f->id ? arena_printf(r->arena, "/studio/products/%lld", f->id) : "/studio/products");
	tmpl_set(d, "CURRENCY", b->currency);
	tmpl_set(d, "TITLE_VALUE", f->title ? f->title : "");
	tmpl_set(d, "DESCRIPTION", f->description ? f->description : "");
	tmpl_set(d, "PRODUCT_TYPE", f->type ? f->type : "");
	tmpl_set(d, "VENDOR", f->vendor ? f->vendor : "");
	tmpl_set(d, "TAGS", f->tags ? f->tags : "");
	tmpl_set(d, "OPTION1_NAME", f->opt_name[0] ? f->opt_name[0] : "");
	tmpl_set(d, "OPTION2_NAME", f->opt_name[1] ? f->opt_name[1] : "");
	tmpl_set(d, "OPTION3_NAME", f->opt_name[2] ? f->opt_name[2] : "");
	bool problem = problems && problems->n;
	if (saved)
		tmpl_show(d, "SAVED");
	const char *shop = NULL, *platform = "";
	if (f->id && connector_store_synced_from(r->db, r->arena, b->id, f->id, &shop, &platform) == DB_OK && shop) {
		tmpl_dict *synced = tmpl_add(d, "SYNCED");
		tmpl_set(synced, "SHOP", shop);
		tmpl_set(synced, "PLATFORM", strcmp(platform, "woocommerce") == 0 ? "WooCommerce"
					     : strcmp(platform, "prestashop") == 0 ? "PrestaShop" : "Shopify");
	}
	size_t n = 0;
	tmpl_dict **rows = arena_zalloc(r->arena, sizeof *rows * (f->nrows + 1));
	tmpl_dict **imgs = arena_zalloc(r->arena, sizeof *imgs * (f->nimgs + 1));
	for (size_t i = 0; i < f->nrows; i++)
		rows[i] = render_row(d, ++n, &f->rows[i]);
	static const struct pf_row blank = { "", { "", "", "" }, "", "", "", "", "", "deny" };
	size_t blank_rows = problem ? 0 : f->more ? PF_MORE_VARIANTS : PF_BLANK_VARIANTS;
	for (size_t i = 0; i < blank_rows && f->nrows + i < PF_MAX_VARIANT_ROWS; i++)
		render_row(d, ++n, &blank);
	if (f->nrows >= PF_MAX_VARIANT_ROWS)
		tmpl_show(d, "VARIANTS_FULL");
	n = 0;
	size_t blank_imgs = problem ? 0 : f->more ? PF_MORE_IMAGES : PF_BLANK_IMAGES;
	for (size_t i = 0; i < f->nimgs + blank_imgs && (i < f->nimgs || i < PF_MAX_IMAGE_ROWS); i++) {
		tmpl_dict *im = tmpl_add(d, "IMAGE");
		if (i < f->nimgs)
			imgs[i] = im;
		tmpl_set_int(im, "N", (long long)++n);
		const char *url = i < f->nimgs ? f->imgs[i].url : "";
		tmpl_set(im, "URL", url);
		tmpl_set(im, "ALT", i < f->nimgs ? f->imgs[i].alt : "");
		/* An upload is kept by its hidden path and shown as a thumbnail; an address is typed. */
		if (image_asset_path(url))
			pf_thumbnail(r, tmpl_add(im, "UPLOADED"), i < f->nimgs ? &f->imgs[i] : NULL);
		else
			tmpl_show(im, "TYPED");
	}
	if (problem)
		render_problems(r, d, problems, rows, f->nrows, imgs, f->nimgs);
	if (f->id) {
		tmpl_dict *s = tmpl_add(d, "STATUS_ACTIONS");
		tmpl_set_int(s, "ID", f->id);
		tmpl_set(s, "STATUS", f->status ? f->status : "");
		tmpl_set(s, "PUBLIC_PATH", arena_printf(r->arena, "/p/%s/%s", b->slug, f->handle ? f->handle : ""));
		if (!f->status || strcmp(f->status, "active"))
			tmpl_show(s, "CAN_PUBLISH");
		if (f->status && strcmp(f->status, "active") == 0)
			tmpl_show(s, "CAN_UNPUBLISH");
		if (!f->status || strcmp(f->status, "archived"))
			tmpl_show(s, "CAN_ARCHIVE");
	}
	layout_end(r, status);
}
