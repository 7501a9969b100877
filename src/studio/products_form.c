/* products_form.c: the product editor's form: load, read back, convert, render. */
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
	"SELECT url, alt, " IMAGE_REF_SQL("url", "url_hash") ", COALESCE((SELECT ia.error FROM image_assets ia"
	" WHERE ia.akey = SUBSTRING(url, 12, 32) AND ia.status = 'refused' AND url LIKE '" IMAGE_PATH_PREFIX "%'), '')"
	" FROM product_images WHERE product_id = ? ORDER BY position, id LIMIT 21", "i", "ssss" };
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

static bool problem(struct product_problem *p, struct req *r, size_t row, const char *name, const char *msg)
{
	p->field = arena_printf(r->arena, "variants[%zu].%s", row, name);
	p->msg = msg;
	return false;
}

bool pf_to_input(struct req *r, const struct acting_brand *b, const struct product_form *f, struct product_input *in,
		 struct product_problem *p)
{
	memset(in, 0, sizeof *in);
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
	for (size_t i = 0; i < f->nrows; i++) {
		const struct pf_row *w = &f->rows[i];
		if (row_blank(w))
			continue;	/* an emptied row deletes its variant */
		struct product_variant *v = &in->variants[in->nvariants];
		v->id = 0;
		if (*w->id && !input_id(w->id, &v->id))
			return problem(p, r, in->nvariants, "id", "This variant row is not valid; reload the page.");
		for (int k = 0; k < PRODUCT_MAX_OPTIONS; k++)
			v->opt[k] = w->opt[k];
		v->sku = w->sku;
		v->barcode = w->barcode;
		v->policy = w->policy;
		if (!money_parse(w->price, b->currency, &v->price))
			return problem(p, r, in->nvariants, "price", "Enter the price as a plain amount, like 12.50.");
		v->has_compare = *w->compare != '\0';
		if (v->has_compare && !money_parse(w->compare, b->currency, &v->compare_at))
			return problem(p, r, in->nvariants, "compare_at_price", "Enter the compare-at price as a plain amount, like 15.00, or leave it empty.");
		v->stock = 0;
		if (*w->stock && !req_int_value(r, "v_stock", w->stock, &v->stock))
			return problem(p, r, in->nvariants, "stock", "Enter the stock as a whole number.");
		in->nvariants++;
	}
	return product_check(r->arena, in, p);
}

/* "variants[1].price" -> "Variant 2, price"; "images[0].url" -> "Image 1, url"; others as they are. */
static const char *field_label(struct req *r, const char *field)
{
	size_t i;
	char what[40];
	if (sscanf(field, "variants[%zu].%39s", &i, what) == 2)
		return arena_printf(r->arena, "Variant %zu, %s", i + 1, what);
	if (sscanf(field, "images[%zu].%39s", &i, what) == 2)
		return arena_printf(r->arena, "Image %zu, %s", i + 1, what);
	return field;
}

/* The id of the editor's input a problem names (studio_product.tpl): "variants[1].price" ->
 * "v2-price", "images[0].url" -> "i1-url", a product field as it is; the title for what has none. */
static const char *field_id(struct req *r, const char *field)
{
	static const char *const own[] = { "title", "description", "product_type", "vendor", "tags",
					    "option1_name", "option2_name", "option3_name" };
	size_t i;
	char what[40];
	if (sscanf(field, "variants[%zu].%39[a-z_0-9]", &i, what) == 2)
		return arena_printf(r->arena, "v%zu-%s", i + 1, what);
	if (sscanf(field, "images[%zu].%39[a-z_0-9]", &i, what) == 2)
		return arena_printf(r->arena, "i%zu-url", i + 1);
	for (size_t k = 0; k < sizeof own / sizeof *own; k++)
		if (strcmp(field, own[k]) == 0)
			return field;
	return "title";
}

static void render_row(tmpl_dict *d, size_t n, const struct pf_row *w)
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
}

void pf_render(struct req *r, const struct acting_brand *b, const struct product_form *f, int status,
	       const struct product_problem *problem, bool saved)
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
	if (problem)
		form_errors_summary(d, &(struct form_error){ field_id(r, problem->field),
			arena_printf(r->arena, "%s: %s", field_label(r, problem->field), problem->msg) }, 1);
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
	for (size_t i = 0; i < f->nrows; i++)
		render_row(d, ++n, &f->rows[i]);
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
