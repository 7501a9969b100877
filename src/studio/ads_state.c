/* ads_state.c: "POST /studio/ads/{id}/state" — a brand takes a creator's ad of its products down
 * (state 'blocked': a 404 in public, and the creator can neither edit nor republish it) or lets it
 * back as a draft, for the creator to republish or not. Its own ads a brand edits in the form. */
#include <string.h>
#include "studio/ads.h"
#include "web/response.h"

static const struct db_stmt q_block = {
	"UPDATE ads SET state = 'blocked', blocked_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND brand_id = ? AND created_by = 'creator' AND state <> 'blocked'", "ii", "" };
static const struct db_stmt q_allow = {
	"UPDATE ads SET state = 'draft', blocked_at = NULL, updated_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND brand_id = ? AND created_by = 'creator' AND state = 'blocked'", "ii", "" };
/* Nothing changed: already in that state (a second click), or not a creator's ad of this brand. */
static const struct db_stmt q_exists = {
	"SELECT 1 FROM ads WHERE id = ? AND brand_id = ? AND created_by = 'creator'", "ii", "i" };

int page_studio_ad_state(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct db_res res;
	const char *state = req_form(r, "state");
	if (!state || !*state) {
		response_error(r, 400, "Choose to take the ad down or to allow it again.");
		return REQ_DONE;
	}
	bool block = strcmp(state, "blocked") == 0;
	struct db_param k[] = { DB_I(req_id(r, "id")), DB_I(b->id) };
	enum db_status rc = db_query(r->db, NULL, block ? &q_block : &q_allow, k, NULL);
	if (rc == DB_OK && db_affected(r->db) == 0) {
		rc = db_query(r->db, r->arena, &q_exists, k, &res);
		if (rc == DB_OK && res.nrows == 0) {
			response_error(r, 404, "There is no such creator's ad of your products.");
			return REQ_DONE;
		}
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/ads");
	return REQ_DONE;
}
