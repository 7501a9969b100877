/* ads.c: "/studio/ads" — a brand's collection ads: the list, which also shows creators' own ads of
 * its products (read-only, "by @handle", with a take-down button: ads_state.c), and the routes of
 * the brand's form (ad_form.c, ad_save.c). The brand owns its ads; the creator it names is credited
 * with their visits and sales. */
#include <string.h>
#include "studio/ads.h"
#include "domain/ads/brand_domain.h"
#include "web/layout.h"
#include "web/response.h"

static const struct db_stmt q_list = {
	"SELECT a.id, a.slug, a.title, a.state, COALESCE(c.handle, ''), DATE_FORMAT(a.created_at, '%Y-%m-%d'), a.created_by,"
	" a.taken_down_reason FROM ads a LEFT JOIN creators c ON c.id = a.creator_id WHERE a.brand_id = ?"
	" ORDER BY a.created_at DESC, a.id DESC LIMIT 200", "i", "isssssss" };

int page_studio_ads(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(b->id) }, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_ads.tpl", "Your ads");
	tmpl_set(d, "BRAND", b->name);
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "ADS");
		const char *state = db_at(&res, i, 3)->s, *handle = db_at(&res, i, 4)->s;
		bool blocked = strcmp(state, "blocked") == 0;
		tmpl_set_int(e, "ID", db_at(&res, i, 0)->i);
		tmpl_set(e, "SLUG", db_at(&res, i, 1)->s);
		tmpl_set(e, "TITLE", db_at(&res, i, 2)->s);
		takedown_note_add(e, db_at(&res, i, 7));
		tmpl_set(e, "STATE", blocked ? "taken down" : state);
		tmpl_set(e, "CREATED", db_at(&res, i, 5)->s);
		tmpl_set(e, "CREATOR", *handle ? handle : "–");
		if (strcmp(db_at(&res, i, 6)->s, "creator") == 0) {
			tmpl_dict *c = tmpl_add(e, "BY_CREATOR");
			tmpl_set(c, "HANDLE", handle);
			tmpl_show(c, blocked ? "ALLOW" : "TAKE_DOWN");
		} else {
			tmpl_show(e, "BY_BRAND");
		}
	}
	if (res.nrows == 0)
		tmpl_show(d, "NO_ADS");
	layout_end(r, 200);
	return REQ_DONE;
}

/* The brand's form, for its own ads only: a creator's ad of its products is a 404 there. */
int page_studio_ad_edit(struct req *r)
{
	const struct acting_brand *b = r->brand;
	return ad_edit(r, &(struct studio_owner){ .brand_id = b->id });
}

/* POST of a new ad and of an edited one. */
int page_studio_ad_save(struct req *r)
{
	const struct acting_brand *b = r->brand;
	return ad_save(r, &(struct studio_owner){ .brand_id = b->id });
}
