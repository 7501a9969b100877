/* creator_ads.c: "/studio/creator/ads" — a creator's own collection ads (made from their approved
 * picks of one brand's products; they own them and are credited with them) and, read-only, the
 * live ads brands made that credit them; and the routes of the creator's form (ad_form.c,
 * ad_save.c). An ad the brand took down stays listed as such. */
#include <string.h>
#include "studio/ads.h"
#include "domain/ads/brand_domain.h"
#include "web/layout.h"
#include "web/response.h"

/* The brand's form without the showcase (docs/ADS.md) and the credited creator (the creator is). */

static const struct db_stmt q_list = {
	"SELECT a.id, a.slug, a.title, a.state, b.name, DATE_FORMAT(a.created_at, '%Y-%m-%d'), a.created_by,"
	" COALESCE(DATE_FORMAT(a.blocked_at, '%Y-%m-%d'), ''), a.taken_down_reason FROM ads a JOIN brands b ON b.id = a.brand_id"
	" WHERE a.creator_id = ? AND (a.created_by = 'creator' OR a.state = 'live')"
	" ORDER BY a.created_at DESC, a.id DESC LIMIT 200", "i", "issssssss" };

int page_creator_ads(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(c->id) }, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_creator_ads.tpl", "Your ads");
	for (size_t i = 0; i < res.nrows; i++) {
		bool own = strcmp(db_at(&res, i, 6)->s, "creator") == 0;
		tmpl_dict *e = tmpl_add(d, own ? "OWN" : "CREDITED");
		tmpl_set_int(e, "ID", db_at(&res, i, 0)->i);
		tmpl_set(e, "SLUG", db_at(&res, i, 1)->s);
		tmpl_set(e, "TITLE", db_at(&res, i, 2)->s);
		takedown_note_add(e, db_at(&res, i, 8));
		tmpl_set(e, "BRAND", db_at(&res, i, 4)->s);
		tmpl_set(e, "CREATED", db_at(&res, i, 5)->s);
		if (strcmp(db_at(&res, i, 3)->s, "blocked") == 0)
			tmpl_set(tmpl_add(e, "TAKEN_DOWN"), "DAY", db_at(&res, i, 7)->s);
		else
			tmpl_set(tmpl_add(e, "STATE"), "TEXT", db_at(&res, i, 3)->s);
	}
	if (res.nrows == 0)
		tmpl_show(d, "NO_ADS");
	layout_end(r, 200);
	return REQ_DONE;
}

/* The creator's form, for their own ads only: another creator's, or a brand's that credits
 * them, is a 404 there. */
int page_creator_ad_edit(struct req *r)
{
	const struct acting_creator *c = r->creator;
	return ad_edit(r, &(struct studio_owner){ .creator_id = c->id });
}

/* POST of a new ad and of an edited one. */
int page_creator_ad_save(struct req *r)
{
	const struct acting_creator *c = r->creator;
	return ad_save(r, &(struct studio_owner){ .creator_id = c->id });
}
