/* login_second.c: see login_second.h. Expired and used-up rows are deleted by the next begin of
 * the same account, and age out of every query by expires_at. */
#include <string.h>
#include "domain/accounts/login_second.h"

static const struct db_stmt q_begin = {
	"INSERT INTO login_second_steps (token_hash, session_hash, user_id, via_link, next_path, created_at, expires_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? MINUTE)", "bbiisi", "" };
static const struct db_stmt q_old = {
	"DELETE FROM login_second_steps WHERE user_id = ? AND expires_at <= UTC_TIMESTAMP()", "i", "" };
static const struct db_stmt q_find = {
	"SELECT id, user_id, via_link, next_path FROM login_second_steps WHERE token_hash = ? AND session_hash = ?"
	" AND expires_at > UTC_TIMESTAMP() AND wrong_codes < ?", "bbi", "iiis" };
static const struct db_stmt q_wrong = {
	"UPDATE login_second_steps SET wrong_codes = wrong_codes + 1 WHERE id = ?", "i", "" };
static const struct db_stmt q_drop_spent = {
	"DELETE FROM login_second_steps WHERE id = ? AND wrong_codes >= ?", "ii", "" };
static const struct db_stmt q_finish = {
	"DELETE FROM login_second_steps WHERE id = ?", "i", "" };

enum db_status login_second_begin(struct db *db, long long user_id, const uint8_t session_hash[32], bool via_link,
				  const char *next, char token[TOKEN_B64_LEN + 1])
{
	uint8_t tok[TOKEN_BYTES], hash[32];
	token_new(tok, token);
	token_hash(tok, hash);
	/* Old states of the account are no use to anyone: tidy them here rather than in a purge job. */
	db_best_effort(db_query(db, NULL, &q_old, (struct db_param[]){ DB_I(user_id) }, NULL));
	if (!next || strlen(next) > LOGIN_SECOND_NEXT_MAX)
		next = "/studio";
	return db_query(db, NULL, &q_begin, (struct db_param[]){ DB_B(hash, 32), DB_B(session_hash, 32), DB_I(user_id),
				DB_I(via_link), DB_S(next), DB_I(LOGIN_SECOND_MINUTES) }, NULL);
}

enum db_status login_second_find(struct db *db, struct arena *a, const char *token, const uint8_t session_hash[32],
				 struct login_second *out)
{
	memset(out, 0, sizeof *out);
	uint8_t tok[TOKEN_BYTES], hash[32];
	if (!token || !token_decode(token, tok))
		return DB_OK;
	token_hash(tok, hash);
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_find, (struct db_param[]){ DB_B(hash, 32), DB_B(session_hash, 32),
				     DB_I(LOGIN_SECOND_WRONG_MAX) }, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	out->id = db_at(&res, 0, 0)->i;
	out->user_id = db_at(&res, 0, 1)->i;
	out->via_link = db_at(&res, 0, 2)->i != 0;
	out->next = db_at(&res, 0, 3)->s;
	return DB_OK;
}

enum db_status login_second_wrong(struct db *db, long long id)
{
	enum db_status rc = db_query(db, NULL, &q_wrong, (struct db_param[]){ DB_I(id) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_drop_spent, (struct db_param[]){ DB_I(id), DB_I(LOGIN_SECOND_WRONG_MAX) }, NULL);
	return rc;
}

enum db_status login_second_finish(struct db *db, long long id, bool *mine)
{
	enum db_status rc = db_query(db, NULL, &q_finish, (struct db_param[]){ DB_I(id) }, NULL);
	*mine = rc == DB_OK && db_affected(db) == 1;
	return rc;
}
