/* short_link.c: "/s/{code}" — a creator's short link: counts the visit (for the creator and for the link), attributes the visitor to
 * the creator (surface "link") and sends them on (303) to the storefront, collection or product. */
#include <string.h>
#include <time.h>
#include "views/attribution.h"
#include "db/dbcache.h"
#include "web/response.h"
#include "shop/shop.h"
#include "domain/creators/short_code.h"
#include "domain/creators/link_stats.h"

static const struct db_stmt q_link = {
	"SELECT sl.creator_id, sl.target, cr.handle, COALESCE(c.slug, ''), COALESCE(b.slug, ''),"
	" COALESCE(p.handle, ''), sl.id FROM short_links sl JOIN creators cr ON cr.id = sl.creator_id"
	" LEFT JOIN collections c ON c.id = sl.collection_id"
	" LEFT JOIN products p ON p.id = sl.product_id LEFT JOIN brands b ON b.id = p.brand_id"
	" WHERE sl.code = ?", "s", "isssssi" };

int page_short_link(struct req *r)
{
	const char *code = req_param(r, "code");
	struct db_res l;
	if (!short_code_valid(code)) {
		response_error(r, 404, "That link does not exist.");
		return REQ_DONE;
	}
	enum db_status rc = db_query_cached(r->db, r->arena, &q_link, (struct db_param[]){ DB_S(code) }, &l);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (l.nrows == 0) {
		response_error(r, 404, "That link does not exist.");
		return REQ_DONE;
	}
	const char *target = db_at(&l, 0, 1)->s, *handle = db_at(&l, 0, 2)->s;
	const char *to = strcmp(target, "collection") == 0 ? arena_printf(r->arena, "/@%s/%s", handle, db_at(&l, 0, 3)->s)
		       : strcmp(target, "product") == 0 ? arena_printf(r->arena, "/p/%s/%s?via=%s", db_at(&l, 0, 4)->s,
								       db_at(&l, 0, 5)->s, handle)
							: arena_printf(r->arena, "/@%s", handle);
	attribution_touch(r, db_at(&l, 0, 0)->i, ATTR_LINK);
	link_stats_count(r->db, db_at(&l, 0, 6)->i, (long long)time(NULL));
	response_redirect(r, to);
	return REQ_DONE;
}
