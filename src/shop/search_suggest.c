/* search_suggest.c: "/search/suggest.json?q=" — up to six product titles for the search box as it
 * is typed (static/js/search_suggest.js). The same for everyone, so shared caches may keep it;
 * the search page itself never needs it. */
#include <stdlib.h>
#include <jansson.h>
#include "domain/search/search_typo.h"
#include "lib/search_terms.h"
#include "web/response.h"
#include "shop/shop.h"

static const struct db_stmt q_titles = {
	"SELECT p.title, b.slug, p.handle FROM search_products s JOIN products p ON p.id = s.product_id"
	" JOIN brands b ON b.id = p.brand_id AND b.approved = 1 AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id")
	" WHERE MATCH(s.title, s.body) AGAINST(? IN BOOLEAN MODE) AND p.status = 'active'"
	" ORDER BY MATCH(s.title) AGAINST(? IN BOOLEAN MODE) DESC, p.trending_score DESC, p.id DESC LIMIT 6",
	"ss", "sss" };

/* A minute: long enough to absorb a burst of keystrokes from many visitors, short enough that a
 * product saved now is suggested soon. */
#define SUGGEST_MAX_AGE "public, max-age=60"

int page_search_suggest(struct req *r)
{
	struct search_terms t;
	search_terms_parse(req_str(r, "q"), &t);
	struct db_res res = { 0 };
	enum db_status rc;
	if (t.n) {
		if ((rc = search_typo_expand(r->db, r->arena, &t)) != DB_OK)
			return req_db_fail(rc);
		const char *against = search_terms_boolean(r->arena, &t);
		if ((rc = db_query(r->db, r->arena, &q_titles, (struct db_param[]){ DB_S(against), DB_S(against) }, &res)) != DB_OK)
			return req_db_fail(rc);
	}
	json_t *list = json_array();
	for (size_t i = 0; i < res.nrows; i++)
		json_array_append_new(list, json_pack("{s:s, s:s}", "title", db_at(&res, i, 0)->s, "url",
						      arena_printf(r->arena, "/p/%s/%s", db_at(&res, i, 1)->s, db_at(&res, i, 2)->s)));
	json_t *o = json_pack("{s:o}", "products", list);
	char *text = json_dumps(o, JSON_COMPACT);
	response_header(r, "Cache-Control", SUGGEST_MAX_AGE);
	response_text(r, 200, "application/json", text ? text : "{\"products\":[]}");
	free(text);
	json_decref(o);
	return REQ_DONE;
}
