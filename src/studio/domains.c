/* domains.c: "/studio/domains" — a brand lists its web domains, adds one (and is shown the DNS TXT
 * record to publish) or removes one. Verification is the operator's (crowdcartctl domains verify):
 * nothing here can mark a domain verified, and the studio's account cannot write verified_at. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "brand_domain.h"
#include "page.h"
#include "response.h"
#include "studio.h"

#define DOMAINS_MAX 20

const struct field domains_fields[] = { { "domain", DOMAIN_MAX }, { "added", DOMAIN_MAX }, { NULL, 0 } };

static const struct db_stmt q_list = {
	"SELECT id, domain, token, COALESCE(DATE_FORMAT(verified_at, '%Y-%m-%d'), '')"
	" FROM brand_domains WHERE brand_id = ? ORDER BY domain LIMIT 100", "i", "isss" };
static const struct db_stmt q_add = {
	"INSERT INTO brand_domains (brand_id, domain, token, created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())", "iss", "" };
static const struct db_stmt q_remove = {
	"DELETE FROM brand_domains WHERE id = ? AND brand_id = ?", "ii", "" };

static void render(struct req *r, const struct studio_brand *b, int status, const char *typed, const char *error)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &q_list, (struct db_param[]){ DB_I(b->id) }, &res);
	if (rc != DB_OK) {
		resp_db_error(r, rc);
		return;
	}
	tmpl_dict *d = page_begin(r, "studio_domains.tpl", "Your domains");
	tmpl_set(d, "BRAND", b->name);
	tmpl_set(d, "DOMAIN", typed ? typed : "");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	const char *added = req_query(r, "added");
	for (size_t i = 0; i < res.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "DOMAINS");
		tmpl_set_int(e, "ID", db_at(&res, i, 0)->i);
		tmpl_set(e, "NAME", db_at(&res, i, 1)->s);
		tmpl_set(e, "TOKEN", db_at(&res, i, 2)->s);
		if (*db_at(&res, i, 3)->s)
			tmpl_set(tmpl_add(e, "VERIFIED"), "AT", db_at(&res, i, 3)->s);
		else
			tmpl_show(e, "PENDING");
		if (!error && added && strcmp(added, db_at(&res, i, 1)->s) == 0) {
			tmpl_dict *n = tmpl_add(d, "ADDED");
			tmpl_set(n, "NAME", db_at(&res, i, 1)->s);
			tmpl_set(n, "TOKEN", db_at(&res, i, 2)->s);
		}
	}
	if (res.nrows == 0)
		tmpl_show(d, "NO_DOMAINS");
	page_end(r, status);
}

void page_studio_domains(struct req *r)
{
	struct studio_brand b;
	if (brand_of(r, &b))
		render(r, &b, 200, NULL, NULL);
}

void page_studio_domain_add(struct req *r)
{
	struct studio_brand b;
	if (!brand_of(r, &b))
		return;
	const char *typed = req_form(r, "domain");
	char domain[DOMAIN_MAX + 1];
	size_t n = typed ? strlen(typed) : 0;
	for (size_t i = 0; i < n; i++)
		domain[i] = (char)(typed[i] >= 'A' && typed[i] <= 'Z' ? typed[i] + 32 : typed[i]);
	domain[n] = '\0';
	if (!domain_valid(domain)) {
		render(r, &b, 422, typed, "Enter a host name such as shop.example.com: letters, digits, hyphens and dots, no https:// or path.");
		return;
	}
	uint8_t raw[DOMAIN_TOKEN_LEN / 2];
	char token[DOMAIN_TOKEN_LEN + 1];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(token, sizeof token, raw, sizeof raw);
	enum db_status rc = db_query(r->db, NULL, &q_add, (struct db_param[]){ DB_I(b.id), DB_S(domain), DB_S(token) }, NULL);
	if (rc == DB_DUP) {
		render(r, &b, 422, typed, "That domain is already on your list.");
		return;
	}
	if (rc != DB_OK) {
		resp_db_error(r, rc);
		return;
	}
	resp_redirect(r, arena_printf(r->arena, "/studio/domains?added=%s", domain));
}

void page_studio_domain_remove(struct req *r)
{
	struct studio_brand b;
	if (!brand_of(r, &b))
		return;
	enum db_status rc = db_query(r->db, NULL, &q_remove, (struct db_param[]){ DB_I(form_id(r, "id")), DB_I(b.id) }, NULL);
	if (rc != DB_OK) {
		resp_db_error(r, rc);
		return;
	}
	resp_redirect(r, "/studio/domains");
}
