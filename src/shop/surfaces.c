/* surfaces.c: the live shopping and collection ad sections of the home page and storefronts, so
 * every feature is one click from where a visitor lands. */
#include <string.h>
#include "db/dbcache.h"
#include "web/layout.h"
#include "shop/shop.h"

#define ADS_SHOWN 6
#define LIVE_SHOWN 4	/* of each kind: live or coming, and replays */

/* Live now first, then the next to start; a scheduled session whose start is more than an hour
 * past never went live and is left out. Then, apart, so a busy schedule never hides them all, the
 * newest replays. */
#define LIVE_COLS \
	"SELECT s.id, s.title, s.state, DATE_FORMAT(s.starts_at, '%Y-%m-%dT%H:%i:%sZ'), c.display_name" \
	" FROM live_sessions s JOIN creators c ON c.id = s.creator_id AND" ACCOUNT_ACTIVE_SQL("c.user_id")
#define LIVE_COMING \
	" WHERE s.taken_down_at IS NULL AND (s.state = 'live' OR (s.state = 'scheduled' AND s.starts_at > UTC_TIMESTAMP() - INTERVAL 1 HOUR))"
#define LIVE_COMING_ORDER " ORDER BY s.state = 'scheduled', s.starts_at, s.id LIMIT 4"
#define LIVE_REPLAYS " WHERE s.taken_down_at IS NULL AND s.state = 'ended' AND s.replay_url <> ''"
#define LIVE_REPLAYS_ORDER " ORDER BY s.ended_at DESC, s.id DESC LIMIT 4"
#define LIVE_TYPES "issss"
static const struct db_stmt q_live[2][2] = {	/* [replays?][one creator?] */
	{ { LIVE_COLS LIVE_COMING LIVE_COMING_ORDER, "", LIVE_TYPES },
	  { LIVE_COLS LIVE_COMING " AND s.creator_id = ?" LIVE_COMING_ORDER, "i", LIVE_TYPES } },
	{ { LIVE_COLS LIVE_REPLAYS LIVE_REPLAYS_ORDER, "", LIVE_TYPES },
	  { LIVE_COLS LIVE_REPLAYS " AND s.creator_id = ?" LIVE_REPLAYS_ORDER, "i", LIVE_TYPES } },
};
_Static_assert(LIVE_SHOWN == 4, "the LIMIT in the live statements");
/* The most viewed in the last two weeks first (views are counted per ad and day, ad_stats). */
static const struct db_stmt q_ads = {
	"SELECT a.slug, a.title, b.name, COALESCE(c.display_name, '') FROM ads a"
	" JOIN brands b ON b.id = a.brand_id LEFT JOIN creators c ON c.id = a.creator_id"
	" WHERE a.state = 'live' AND a.taken_down_at IS NULL AND" OWNERS_ACTIVE_SQL " ORDER BY COALESCE((SELECT SUM(s.views) FROM ad_stats s WHERE s.ad_id = a.id"
	" AND s.day >= UTC_DATE() - INTERVAL 13 DAY), 0) DESC, a.id DESC LIMIT 6", "", "ssss" };
_Static_assert(ADS_SHOWN == 6, "the LIMIT in the ad statement");

void live_list_add(struct req *r, tmpl_dict *d, long long creator_id)
{
	struct db_res res[2];
	for (int k = 0; k < 2; k++)
		if (db_query_cached_list(r->db, r->arena, &q_live[k][creator_id != 0],
					 creator_id ? (struct db_param[]){ DB_I(creator_id) } : NULL, &res[k]) != DB_OK)
			return;	/* an extra section: a database problem leaves it out, not the page */
	if (res[0].nrows + res[1].nrows == 0)
		return;
	tmpl_dict *list = tmpl_include(d, "LIVE_LIST", "live_list.tpl");
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < res[k].nrows; i++) {
			const struct db_res *t = &res[k];
			const char *state = db_at(t, i, 2)->s, *starts = db_at(t, i, 3)->s;
			tmpl_dict *s = tmpl_add(list, "SESSIONS");
			tmpl_set_int(s, "ID", db_at(t, i, 0)->i);
			tmpl_set(s, "TITLE", db_at(t, i, 1)->s);
			tmpl_set(s, "BY", db_at(t, i, 4)->s);
			if (strcmp(state, "live") == 0) {
				tmpl_show(s, "NOW");
			} else if (strcmp(state, "scheduled") == 0) {
				tmpl_dict *w = tmpl_add(s, "SOON");
				char *text = arena_strndup(r->arena, starts, 16);
				if (text[0] && text[10] == 'T')
					text[10] = ' ';	/* "2026-12-07 09:30", as people write it */
				tmpl_set(w, "STARTS_AT", starts);
				tmpl_set(w, "STARTS_TEXT", text);
			} else {
				tmpl_show(s, "REPLAY");
			}
		}
}

void ads_list_add(struct req *r, tmpl_dict *d)
{
	struct db_res res;
	if (db_query_cached_list(r->db, r->arena, &q_ads, NULL, &res) != DB_OK || res.nrows == 0)
		return;
	tmpl_dict *list = tmpl_include(d, "ADS_LIST", "ads_list.tpl");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *a = tmpl_add(list, "ADS");
		tmpl_set(a, "SLUG", db_at(&res, i, 0)->s);
		tmpl_set(a, "TITLE", db_at(&res, i, 1)->s);
		tmpl_set(a, "BRAND", db_at(&res, i, 2)->s);
		if (*db_at(&res, i, 3)->s)
			tmpl_set(tmpl_add(a, "WITH"), "CREATOR", db_at(&res, i, 3)->s);
	}
}
