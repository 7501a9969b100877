/* domains.c: "/studio/domains" — a brand lists its web domains with the DNS TXT record to publish
 * and the last check's result, adds or removes one, or asks for a check sooner ("Check now").
 * Checks are crowdcartctl's (worker, domains check): nothing here looks up DNS or marks a domain
 * verified, and the studio's account can write only next_check_at and check_requested_at. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "domain/ads/brand_domain.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"

#define DOMAINS_MAX 20
#define CHECK_NOW_SECONDS 30	/* "Check now" at most this often per domain */

static const struct db_stmt q_list = {
	"SELECT id, domain, token, COALESCE(DATE_FORMAT(verified_at, '%Y-%m-%d'), ''),"
	" COALESCE(DATE_FORMAT(checked_at, '%Y-%m-%d %H:%i'), ''), check_result,"
	" COALESCE(DATE_FORMAT(lost_at, '%Y-%m-%d'), ''), lost_reason,"
	" next_check_at IS NULL OR next_check_at <= UTC_TIMESTAMP()"
	" FROM brand_domains WHERE brand_id = ? ORDER BY domain LIMIT 100", "i", "isssssssi" };
static const struct db_stmt q_add = {
	"INSERT INTO brand_domains (brand_id, domain, token, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())", "iss", "" };
static const struct db_stmt q_remove = {
	"DELETE FROM brand_domains WHERE id = ? AND brand_id = ?", "ii", "" };
static const struct db_stmt q_one = {
	"SELECT domain, COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), check_requested_at + INTERVAL 30 SECOND), 0)"
	" FROM brand_domains WHERE id = ? AND brand_id = ?", "ii", "si" };
/* Brings the next check forward to now (never later) unless a check was asked for in the last 30 s. */
static const struct db_stmt q_check_now = {
	"UPDATE brand_domains SET check_requested_at = UTC_TIMESTAMP(),"
	" next_check_at = LEAST(COALESCE(next_check_at, UTC_TIMESTAMP()), UTC_TIMESTAMP())"
	" WHERE id = ? AND brand_id = ?"
	" AND (check_requested_at IS NULL OR check_requested_at <= UTC_TIMESTAMP() - INTERVAL 30 SECOND)", "ii", "" };

_Static_assert(CHECK_NOW_SECONDS == 30, "q_one and q_check_now spell the interval out");

/* error goes beside the add-domain field; check_error (a refused "Check now") above the list. */
static int render(struct req *r, const struct acting_brand *b, int status, const char *typed, const char *error,
		   const char *check_error)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(b->id) }, &res);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_domains.tpl", "Your domains");
	tmpl_set(d, "BRAND", b->name);
	tmpl_set(d, "DOMAIN", typed ? typed : "");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	if (check_error)
		tmpl_set(tmpl_add(d, "CHECK_ERROR"), "TEXT", check_error);
	const char *added = req_query(r, "added"), *queued = check_error ? NULL : req_query(r, "queued");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "DOMAINS");
		tmpl_set_int(e, "ID", db_at(&res, i, 0)->i);
		tmpl_set(e, "NAME", db_at(&res, i, 1)->s);
		tmpl_set(e, "TOKEN", db_at(&res, i, 2)->s);
		if (*db_at(&res, i, 3)->s)
			tmpl_set(tmpl_add(e, "VERIFIED"), "AT", db_at(&res, i, 3)->s);
		else
			tmpl_show(e, "PENDING");
		if (!*db_at(&res, i, 3)->s && *db_at(&res, i, 6)->s) {
			tmpl_dict *l = tmpl_add(e, "LOST");
			tmpl_set(l, "AT", db_at(&res, i, 6)->s);
			tmpl_set(l, "REASON", db_at(&res, i, 7)->s);
		}
		if (*db_at(&res, i, 5)->s) {
			tmpl_dict *c = tmpl_add(e, "RESULT");
			tmpl_set(c, "TEXT", db_at(&res, i, 5)->s);
			if (*db_at(&res, i, 4)->s)
				tmpl_set(tmpl_add(c, "CHECKED"), "AT", db_at(&res, i, 4)->s);
		} else {
			tmpl_show(e, "NOT_CHECKED");
		}
		if (db_at(&res, i, 8)->i)
			tmpl_show(e, "DUE");
		if (queued && strcmp(queued, db_at(&res, i, 1)->s) == 0)
			tmpl_set(tmpl_add(d, "QUEUED"), "NAME", db_at(&res, i, 1)->s);
		if (!error && added && strcmp(added, db_at(&res, i, 1)->s) == 0) {
			tmpl_dict *n = tmpl_add(d, "ADDED");
			tmpl_set(n, "NAME", db_at(&res, i, 1)->s);
			tmpl_set(n, "TOKEN", db_at(&res, i, 2)->s);
		}
	}
	if (res.nrows == 0)
		tmpl_show(d, "NO_DOMAINS");
	layout_end(r, status);
	return REQ_DONE;
}

int page_studio_domains(struct req *r)
{
	const struct acting_brand *b = r->brand;
	return render(r, b, 200, NULL, NULL, NULL);
}

int page_studio_domain_add(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *typed = req_form(r, "domain");
	char domain[DOMAIN_MAX + 1];
	size_t n = typed ? strlen(typed) : 0;
	for (size_t i = 0; i < n; i++)
		domain[i] = (char)(typed[i] >= 'A' && typed[i] <= 'Z' ? typed[i] + 32 : typed[i]);
	domain[n] = '\0';
	if (!brand_domain_valid(domain))
		return render(r, b, 422, typed, "Enter a host name such as shop.example.com: letters, digits, hyphens and dots, no https:// or path.", NULL);
	uint8_t raw[DOMAIN_TOKEN_LEN / 2];
	char token[DOMAIN_TOKEN_LEN + 1];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(token, sizeof token, raw, sizeof raw);
	enum db_status rc = db_query(r->db, NULL, &q_add, (struct db_param[]){ DB_I(b->id), DB_S(domain), DB_S(token) }, NULL);
	if (rc == DB_DUP)
		return render(r, b, 422, typed, "That domain is already on your list.", NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, arena_printf(r->arena, "/studio/domains?added=%s", domain));
	return REQ_DONE;
}

int page_studio_domain_remove(struct req *r)
{
	const struct acting_brand *b = r->brand;
	enum db_status rc = db_query(r->db, NULL, &q_remove, (struct db_param[]){ DB_I(req_id(r, "id")), DB_I(b->id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/domains");
	return REQ_DONE;
}

int page_studio_domain_check(struct req *r)
{
	const struct acting_brand *b = r->brand;
	struct db_param p[] = { DB_I(req_id(r, "id")), DB_I(b->id) };
	struct db_res one;
	enum db_status rc = db_query(r->db, r->arena, &q_one, p, &one);
	if (rc == DB_OK && one.nrows == 0) {
		response_error(r, 404, "You have no such domain.");
		return REQ_DONE;
	}
	if (rc == DB_OK)
		rc = db_query(r->db, NULL, &q_check_now, p, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	const char *domain = db_at(&one, 0, 0)->s;
	if (db_affected(r->db) == 0) {
		long long wait = db_at(&one, 0, 1)->i < 1 ? 1 : db_at(&one, 0, 1)->i;
		response_header(r, "Retry-After", arena_printf(r->arena, "%lld", wait));
		return render(r, b, 429, NULL, NULL, arena_printf(r->arena, "A check of %s was asked for less than %d seconds ago; "
							     "try again in %lld seconds.", domain, CHECK_NOW_SECONDS, wait));
	}
	response_redirect(r, arena_printf(r->arena, "/studio/domains?queued=%s", domain));
	return REQ_DONE;
}
