/* products_save.c: create and save products from the editor, and publish/unpublish/archive. */
#include <string.h>
#include "studio/products_form.h"
#include "domain/catalog/product_store.h"
#include "web/response.h"

static const struct db_stmt q_description = {
	"SELECT description_html FROM products WHERE id = ? AND brand_id = ?", "ii", "s" };

/* The editor shows a description as text; an imported one is HTML. Saved back unchanged, the
 * stored HTML is kept, so changing a price does not flatten an imported description. */
static bool description_unchanged(struct req *r, long long brand_id, long long id, const char *typed)
{
	struct db_res d;
	if (db_query(r->db, r->arena, &q_description, (struct db_param[]){ DB_I(id), DB_I(brand_id) }, &d) != DB_OK ||
	    d.nrows == 0)
		return false;	/* the save itself will report what is wrong */
	const char *shown = product_html_text(r->arena, db_at(&d, 0, 0)->s);
	const char *again = product_html_text(r->arena, product_text_html(r->arena, typed));
	return strcmp(shown, again) == 0;
}

int page_products_new(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct product_form f;
	memset(&f, 0, sizeof f);
	pf_render(r, b, &f, 200, NULL, false);
	return REQ_DONE;
}

int page_products_edit(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	struct product_form f;
	if (!id) {
		response_error(r, 404, "That product is not in your catalog.");
		return REQ_DONE;
	}
	int st;
	if (!pf_load(r, b, id, &f, &st))
		return st;
	const char *saved = req_query(r, "saved"), *more = req_query(r, "more");
	f.more = more && *more;
	pf_render(r, b, &f, 200, NULL, saved && *saved);
	return REQ_DONE;
}

/* Shared by create and update: read, check, write, redirect to the editor. */
static int save(struct req *r, long long id)
{
	const struct acting_brand *b = r->brand;
	struct product_form f;
	if (!pf_from_request(r, &f))
		return REQ_DONE;
	f.id = id;
	struct product_input in;
	struct product_problems ps;
	if (!pf_to_input(r, b, &f, &in, &ps)) {
		pf_render(r, b, &f, 422, &ps, false);
		return REQ_DONE;
	}
	struct product_result res;
	unsigned what = PRODUCT_SET_ALL | (id && description_unchanged(r, b->id, id, f.description) ? PRODUCT_KEEP_DESCRIPTION : 0);
	enum db_status rc = id ? product_update(r->db, r->arena, b->id, id, b->currency, what, NULL, &in, &res)
			       : product_create(r->db, r->arena, b->id, b->currency, "draft", &in, &res);
	if (rc == DB_CONFLICT && res.missing) {
		response_error(r, 404, "That product is not in your catalog.");
		return REQ_DONE;
	}
	if (rc == DB_CONFLICT && res.bad_field) {
		ps = (struct product_problems){ .n = 1 };
		ps.list[0] = (struct product_problem){ pf_form_field(r, &f, res.bad_field), "This variant no longer exists; reload the page." };
		pf_render(r, b, &f, 409, &ps, false);
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	const char *after = req_form(r, "after");
	bool more = after && strcmp(after, "more") == 0;
	response_redirect(r, arena_printf(r->arena, "/studio/products/%lld?saved=1%s", res.id, more ? "&more=1" : ""));
	return REQ_DONE;
}

int page_products_create(struct req *r)
{
	return save(r, 0);
}

int page_products_update(struct req *r)
{
	long long id = req_id(r, "id");
	if (!id) {
		response_error(r, 404, "That product is not in your catalog.");
		return REQ_DONE;
	}
	return save(r, id);
}

int page_products_status(struct req *r)
{
	const struct acting_brand *b = r->brand;
	long long id = req_id(r, "id");
	const char *action = req_form(r, "action");
	const char *status = !action ? NULL : strcmp(action, "publish") == 0 ? "active"
			   : strcmp(action, "unpublish") == 0 ? "draft" : strcmp(action, "archive") == 0 ? "archived" : NULL;
	if (!status) {
		response_error(r, 400, "Choose publish, unpublish or archive.");
		return REQ_DONE;
	}
	struct product_result res;
	enum db_status rc = id ? product_set_status(r->db, r->arena, b->id, id, status, &res) : DB_CONFLICT;
	if (rc == DB_CONFLICT) {
		response_error(r, 404, "That product is not in your catalog.");
		return REQ_DONE;
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/products/%lld?saved=1", id));
	return REQ_DONE;
}
