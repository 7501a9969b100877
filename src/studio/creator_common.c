/* creator_common.c: who the signed-in creator or brand owner is, for the studio pages. */
#include <string.h>
#include "web/response.h"
#include "studio/studio.h"

static const struct db_stmt q_creator = {
	"SELECT id, handle, display_name FROM creators WHERE user_id = ?", "i", "iss" };
static const struct db_stmt q_brand = {
	"SELECT id, slug, name, currency, return_window_days FROM brands WHERE owner_user_id = ?"
	" ORDER BY id LIMIT 1", "i", "isssi" };

bool creator_of(struct req *r, struct studio_creator *c)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_creator, (struct db_param[]){ DB_I(r->sess.user_id) }, &res);
	if (rc != DB_OK) {
		resp_db_error(r, rc);
		return false;
	}
	if (res.nrows == 0) {
		resp_error(r, 404, "Your account has no creator profile.");
		return false;
	}
	c->id = db_at(&res, 0, 0)->i;
	c->handle = db_at(&res, 0, 1)->s;
	c->name = db_at(&res, 0, 2)->s;
	return true;
}

bool brand_of(struct req *r, struct studio_brand *b)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_brand, (struct db_param[]){ DB_I(r->sess.user_id) }, &res);
	if (rc != DB_OK) {
		resp_db_error(r, rc);
		return false;
	}
	if (res.nrows == 0) {
		/* NEED_BRAND also admits admins, who need not own a brand. */
		resp_error(r, 403, "This account does not own a brand.");
		return false;
	}
	b->id = db_at(&res, 0, 0)->i;
	b->slug = db_at(&res, 0, 1)->s;
	b->name = db_at(&res, 0, 2)->s;
	b->currency = db_at(&res, 0, 3)->s;
	b->return_window_days = db_at(&res, 0, 4)->i;
	return true;
}

bool creator_move(long long *ids, size_t n, long long id, int dir)
{
	for (size_t i = 0; i < n; i++) {
		if (ids[i] != id)
			continue;
		if ((dir < 0 && i == 0) || (dir > 0 && i + 1 == n))
			return false;
		size_t j = dir < 0 ? i - 1 : i + 1;
		ids[i] = ids[j];
		ids[j] = id;
		return true;
	}
	return false;
}

bool studio_owner_of(struct req *r, struct studio_owner *o, const char *refusal)
{
	o->brand_id = o->creator_id = 0;
	if (r->sess.role == ROLE_CREATOR) {
		struct studio_creator c;
		if (!creator_of(r, &c))
			return false;
		o->creator_id = c.id;
		return true;
	}
	if (r->sess.role == ROLE_BRAND || r->sess.role == ROLE_ADMIN) {
		struct studio_brand b;
		if (!brand_of(r, &b))
			return false;
		o->brand_id = b.id;
		return true;
	}
	resp_error(r, 403, refusal);
	return false;
}
