/* live_export.c: "GET /studio/live/{id}/chat.csv" — the session's chat and questions, oldest
 * first, for the creator after (or during) the show: kind, time (UTC), name, text, answer,
 * votes, hidden. Viewers' text goes through csv_out_text, which neutralises anything a
 * spreadsheet would run as a formula. */
#include "lib/csv_out.h"
#include "studio/live_studio.h"
#include "web/response.h"

static const struct db_stmt q_rows = {
	"SELECT 'chat', DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), display_name, body, '', 0, hidden, created_at, id"
	" FROM live_chat WHERE session_id = ?"
	" UNION ALL SELECT 'question', DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s'), display_name, body, answer, votes,"
	" hidden, created_at, id FROM live_questions WHERE session_id = ?"
	" ORDER BY 8, 1, 9 LIMIT 100000", "ii", "ssssiiisi" };

int page_studio_live_export(struct req *r)
{
	struct live_own o;
	int st;
	if (!live_owned(r, &o, &st))
		return st;
	struct db_res rows;
	enum db_status rc = db_query(r->db, r->arena, &q_rows, (struct db_param[]){ DB_I(o.id), DB_I(o.id) }, &rows);
	if (rc != DB_OK)
		return req_db_fail(rc);
	struct csv_out c;
	r->body.len = 0;
	csv_out_begin(&c, &r->body);
	static const char *const header[] = { "kind", "time_utc", "name", "text", "answer", "votes", "hidden" };
	for (size_t k = 0; k < sizeof header / sizeof *header; k++)
		csv_out_text(&c, header[k]);
	csv_out_end_row(&c);
	for (size_t i = 0; i < rows.nrows; i++) {
		for (size_t k = 0; k < 5; k++)
			csv_out_text(&c, db_at(&rows, i, k)->s);
		csv_out_int(&c, db_at(&rows, i, 5)->i);
		csv_out_text(&c, db_at(&rows, i, 6)->i ? "yes" : "no");
		csv_out_end_row(&c);
	}
	r->status = 200;
	r->content_type = "text/csv; charset=utf-8";
	response_header(r, "Content-Disposition", arena_printf(r->arena, "attachment; filename=\"live-%lld-chat.csv\"", o.id));
	response_header(r, "Cache-Control", "no-store");
	return REQ_DONE;
}
