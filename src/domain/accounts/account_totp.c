/* account_totp.c: see account_totp.h. The sealing key is BLAKE2b keyed with the server secret
 * over a purpose label, as for payout IBANs. Recovery codes carry 120 random bits, so a plain hash
 * (salted with the account) cannot be searched from a stolen table, and they keep working if the
 * operator changes secret_key, when the sealed secret no longer opens. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "lib/sealed.h"
#include "domain/mail/outbox.h"
#include "domain/accounts/account_totp.h"

static const struct db_stmt q_load = {
	"SELECT t.secret_sealed, t.enabled_at IS NOT NULL, t.last_step,"
	" (SELECT COUNT(*) FROM account_recovery_codes c WHERE c.user_id = t.user_id AND c.used_at IS NULL)"
	" FROM account_totp t WHERE t.user_id = ?", "i", "biii" };
static const struct db_stmt q_enabled = {
	"SELECT 1 FROM account_totp WHERE user_id = ? AND enabled_at IS NOT NULL", "i", "i" };
static const struct db_stmt q_begin = {
	"INSERT INTO account_totp (user_id, secret_sealed, created_at) VALUES (?, ?, UTC_TIMESTAMP())"
	" ON DUPLICATE KEY UPDATE secret_sealed = IF(enabled_at IS NULL, VALUES(secret_sealed), secret_sealed),"
	" created_at = IF(enabled_at IS NULL, VALUES(created_at), created_at)", "ib", "" };
static const struct db_stmt q_enable = {
	"UPDATE account_totp SET enabled_at = UTC_TIMESTAMP(), last_step = ? WHERE user_id = ? AND enabled_at IS NULL",
	"ii", "" };
/* The step only moves forward, so of two requests racing with the same code one wins. */
static const struct db_stmt q_step = {
	"UPDATE account_totp SET last_step = ? WHERE user_id = ? AND last_step < ? AND enabled_at IS NOT NULL",
	"iii", "" };
static const struct db_stmt q_recovery_clear = {
	"DELETE FROM account_recovery_codes WHERE user_id = ?", "i", "" };
static const struct db_stmt q_recovery_add = {
	"INSERT INTO account_recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, UTC_TIMESTAMP())",
	"ib", "" };
static const struct db_stmt q_recovery_use = {
	"UPDATE account_recovery_codes SET used_at = UTC_TIMESTAMP()"
	" WHERE user_id = ? AND code_hash = ? AND used_at IS NULL", "ib", "" };
static const struct db_stmt q_owner = {
	"SELECT email, DATE_FORMAT(UTC_TIMESTAMP(), '%Y-%m-%d %H:%i UTC') FROM users WHERE id = ?", "i", "ss" };
static const struct db_stmt q_off = {
	"DELETE FROM account_totp WHERE user_id = ?", "i", "" };

#define SEALED_LEN (SEALED_OVERHEAD + TOTP_SECRET_BYTES)
/* No 0/o, 1/l: a code copied from paper reads back the same. 32 letters, five bits each. */
static const char recovery_alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";

#define TOTP_PURPOSE "crowdcart totp secret v1"

enum db_status account_totp_load(struct db *db, struct arena *a, long long user_id, struct account_totp *out)
{
	memset(out, 0, sizeof *out);
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_load, (struct db_param[]){ DB_I(user_id) }, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	out->state = db_at(&res, 0, 1)->i ? ACCOUNT_TOTP_ON : ACCOUNT_TOTP_PENDING;
	out->last_step = db_at(&res, 0, 2)->i;
	out->recovery_left = db_at(&res, 0, 3)->i;
	const struct db_val *sealed = db_at(&res, 0, 0);
	out->has_secret = sealed->len == SEALED_LEN &&
			  sealed_open(TOTP_PURPOSE, (const uint8_t *)sealed->s, SEALED_LEN, out->secret);
	return DB_OK;
}

enum db_status account_totp_enabled(struct db *db, struct arena *a, long long user_id, bool *on)
{
	struct db_res res;
	enum db_status rc = db_query(db, a, &q_enabled, (struct db_param[]){ DB_I(user_id) }, &res);
	*on = rc == DB_OK && res.nrows > 0;
	return rc;
}

enum db_status account_totp_begin(struct db *db, long long user_id)
{
	uint8_t secret[TOTP_SECRET_BYTES], sealed[SEALED_LEN];
	randombytes_buf(secret, sizeof secret);
	bool ok = sealed_seal(TOTP_PURPOSE, secret, sizeof secret, sealed);
	sodium_memzero(secret, sizeof secret);
	if (!ok)
		return DB_ERR;
	return db_query(db, NULL, &q_begin, (struct db_param[]){ DB_I(user_id), DB_B(sealed, sizeof sealed) }, NULL);
}

/* Salted with the account, so one code hashes differently for two accounts. */
static void recovery_hash(long long user_id, const char code[ACCOUNT_RECOVERY_CHARS], uint8_t out[32])
{
	crypto_generichash_state st;
	char salt[24];
	int n = snprintf(salt, sizeof salt, "%lld:", user_id);
	crypto_generichash_init(&st, NULL, 0, 32);
	crypto_generichash_update(&st, (const uint8_t *)salt, (size_t)n);
	crypto_generichash_update(&st, (const uint8_t *)code, ACCOUNT_RECOVERY_CHARS);
	crypto_generichash_final(&st, out, 32);
}

void account_totp_recovery_new(char out[ACCOUNT_RECOVERY_TEXT + 1])
{
	size_t o = 0;
	for (size_t i = 0; i < ACCOUNT_RECOVERY_CHARS; i++) {
		if (i && i % 4 == 0)
			out[o++] = '-';
		out[o++] = recovery_alphabet[randombytes_uniform(sizeof recovery_alphabet - 1)];
	}
	out[o] = '\0';
}

bool account_totp_recovery_read(const char *typed, char out[ACCOUNT_RECOVERY_CHARS + 1])
{
	size_t n = 0;
	for (const char *p = typed; p && *p; p++) {
		if (*p == '-' || *p == ' ')
			continue;
		char c = (char)tolower((unsigned char)*p);
		if (n == ACCOUNT_RECOVERY_CHARS || !strchr(recovery_alphabet, c))
			return false;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == ACCOUNT_RECOVERY_CHARS;
}

enum db_status account_totp_confirm(struct db *db, struct arena *a, long long user_id, const char *code,
				    long long now, char codes[ACCOUNT_RECOVERY_COUNT][ACCOUNT_RECOVERY_TEXT + 1],
				    bool *ok)
{
	*ok = false;
	struct account_totp t;
	enum db_status rc = account_totp_load(db, a, user_id, &t);
	if (rc != DB_OK || t.state != ACCOUNT_TOTP_PENDING || !t.has_secret)
		return rc;
	long long step = totp_match(t.secret, sizeof t.secret, code, now, 0);
	sodium_memzero(t.secret, sizeof t.secret);
	if (step < 0)
		return DB_OK;
	if ((rc = db_query(db, NULL, &q_enable, (struct db_param[]){ DB_I(step), DB_I(user_id) }, NULL)) != DB_OK)
		return rc;
	if (db_affected(db) != 1)
		return DB_OK;	/* confirmed meanwhile by another request */
	if ((rc = account_totp_recovery_renew(db, user_id, codes)) == DB_OK)
		*ok = true;
	return rc;
}

enum db_status account_totp_recovery_renew(struct db *db, long long user_id,
					   char codes[ACCOUNT_RECOVERY_COUNT][ACCOUNT_RECOVERY_TEXT + 1])
{
	enum db_status rc = db_query(db, NULL, &q_recovery_clear, (struct db_param[]){ DB_I(user_id) }, NULL);
	for (size_t i = 0; rc == DB_OK && i < ACCOUNT_RECOVERY_COUNT; i++) {
		char stored[ACCOUNT_RECOVERY_CHARS + 1];
		uint8_t hash[32];
		account_totp_recovery_new(codes[i]);
		if (!account_totp_recovery_read(codes[i], stored))
			return DB_ERR;
		recovery_hash(user_id, stored, hash);
		rc = db_query(db, NULL, &q_recovery_add, (struct db_param[]){ DB_I(user_id), DB_B(hash, 32) }, NULL);
	}
	return rc;
}

enum db_status account_totp_check(struct db *db, struct arena *a, long long user_id, const char *code,
				  long long now, enum account_totp_proof *how)
{
	*how = ACCOUNT_TOTP_WRONG;
	struct account_totp t;
	enum db_status rc = account_totp_load(db, a, user_id, &t);
	if (rc != DB_OK || t.state != ACCOUNT_TOTP_ON || !code)
		return rc;
	char stored[ACCOUNT_RECOVERY_CHARS + 1];
	if (account_totp_recovery_read(code, stored)) {
		uint8_t hash[32];
		recovery_hash(user_id, stored, hash);
		rc = db_query(db, NULL, &q_recovery_use, (struct db_param[]){ DB_I(user_id), DB_B(hash, 32) }, NULL);
		if (rc == DB_OK && db_affected(db) == 1)
			*how = ACCOUNT_TOTP_BY_RECOVERY;
		return rc;
	}
	long long step = t.has_secret ? totp_match(t.secret, sizeof t.secret, code, now, t.last_step) : -1;
	/* Steps are positive, so after -1 every step of the window counts: the code was right once. */
	if (step < 0 && t.has_secret && totp_match(t.secret, sizeof t.secret, code, now, -1) >= 0)
		*how = ACCOUNT_TOTP_REUSED;
	sodium_memzero(t.secret, sizeof t.secret);
	if (step < 0)
		return DB_OK;
	rc = db_query(db, NULL, &q_step, (struct db_param[]){ DB_I(step), DB_I(user_id), DB_I(step) }, NULL);
	if (rc == DB_OK && db_affected(db) == 1)
		*how = ACCOUNT_TOTP_BY_CODE;
	return rc;
}

enum db_status account_totp_warn_reuse(struct db *db, struct arena *a, long long user_id)
{
	struct db_res u;
	enum db_status rc = db_query(db, a, &q_owner, (struct db_param[]){ DB_I(user_id) }, &u);
	if (rc != DB_OK || u.nrows == 0)
		return rc;
	const char *email = db_at(&u, 0, 0)->s;
	const char *body = arena_printf(a,
		"Hello,\n\nOn %s someone signed in to the crowdcart account %s with the right password\n"
		"and a code from your authenticator app that had already been used. It was refused.\n\n"
		"If that was not you, someone knows your password and may have seen your screen:\n"
		"change the password now (\"Forgot your password?\" on the log-in page).\n", db_at(&u, 0, 1)->s, email);
	return outbox_add(db, email, "A used sign-in code was tried on your account", body, 0, 0);
}

enum db_status account_totp_off(struct db *db, long long user_id)
{
	enum db_status rc = db_query(db, NULL, &q_recovery_clear, (struct db_param[]){ DB_I(user_id) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_off, (struct db_param[]){ DB_I(user_id) }, NULL);
	return rc;
}
