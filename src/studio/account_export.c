/* account_export.c: "/studio/account/export.json", "download my data": what the account holds, as
 * one JSON file: the account, orders placed with their lines (and guest orders under the confirmed
 * address), leads submitted to brands' forms
 * under the account's address with the consent text agreed to, creators followed and products
 * saved, and for a creator the profile, picks and earnings ledger entries. Each part is one
 * statement; every row becomes an object named by its columns. */
#include <string.h>
#include "lib/buf.h"
#include "web/response.h"
#include "studio/account.h"

/* BY_EMAIL parts are matched on the address alone, so they are exported only once the account has
 * proved it holds that mailbox: anyone can sign up with someone else's address. */
enum export_key { BY_USER, BY_CREATOR, BY_EMAIL };

struct export_part {
	const char *name;
	enum export_key key;
	const char *const *names;	/* one per column of the statement */
	struct db_stmt q;
};

#define NAMES(...) (const char *const[]){ __VA_ARGS__ }
#define TIME(col) "COALESCE(DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ'), '')"

static const struct export_part parts[] = {
	{ "account", BY_USER, NAMES("id", "email", "display_name", "role", "created_at", "email_verified_at", "pending_email"),
	  { "SELECT id, email, display_name, role, " TIME("created_at") ", " TIME("email_verified_at") ","
	    " COALESCE(pending_email, '') FROM users WHERE id = ?", "i", "issssss" } },
	{ "orders", BY_USER, NAMES("number", "brand", "status", "currency", "total_minor", "placed_at", "carrier",
				   "tracking_number", "ship_name", "ship_city", "ship_country"),
	  { "SELECT o.number, b.name, o.status, o.currency, o.total, " TIME("o.created_at") ", o.carrier,"
	    " o.tracking_number, o.ship_name, o.ship_city, o.ship_country FROM orders o JOIN brands b ON b.id = o.brand_id"
	    " WHERE o.user_id = ? ORDER BY o.created_at, o.id LIMIT 10000", "i", "ssssissssss" } },
	{ "guest_orders", BY_EMAIL, NAMES("number", "brand", "status", "currency", "total_minor", "placed_at", "carrier",
					 "tracking_number", "ship_name", "ship_city", "ship_country"),
	  { "SELECT o.number, b.name, o.status, o.currency, o.total, " TIME("o.created_at") ", o.carrier,"
	    " o.tracking_number, o.ship_name, o.ship_city, o.ship_country FROM orders o JOIN brands b ON b.id = o.brand_id"
	    " WHERE o.email = ? AND o.user_id IS NULL ORDER BY o.created_at, o.id LIMIT 10000", "s", "ssssissssss" } },
	{ "order_lines", BY_USER, NAMES("order_number", "title", "variant", "quantity", "line_total_minor", "refunded_minor"),
	  { "SELECT o.number, l.title, l.variant_title, l.quantity, l.line_total, l.refunded_amount FROM order_lines l"
	    " JOIN orders o ON o.id = l.order_id WHERE o.user_id = ? ORDER BY o.id, l.id LIMIT 50000", "i", "sssiii" } },
	{ "leads", BY_EMAIL, NAMES("form", "brand", "consent_text", "consented_at", "submitted_at"),
	  { "SELECT f.title, b.name, l.consent_text, " TIME("l.consented_at") ", " TIME("l.created_at")
	    " FROM leads l JOIN lead_forms f ON f.id = l.form_id JOIN brands b ON b.id = l.brand_id"
	    " WHERE l.email = ? ORDER BY l.created_at, l.id LIMIT 10000", "s", "sssss" } },
	{ "followed_creators", BY_USER, NAMES("handle", "name", "since"),
	  { "SELECT c.handle, c.display_name, " TIME("f.created_at") " FROM creator_follows f"
	    " JOIN creators c ON c.id = f.creator_id WHERE f.user_id = ? ORDER BY f.created_at LIMIT 10000", "i", "sss" } },
	{ "saved_products", BY_USER, NAMES("brand", "product", "title", "since"),
	  { "SELECT b.slug, p.handle, p.title, " TIME("s.created_at") " FROM saved_products s"
	    " JOIN products p ON p.id = s.product_id JOIN brands b ON b.id = p.brand_id"
	    " WHERE s.user_id = ? ORDER BY s.created_at LIMIT 10000", "i", "ssss" } },
	{ "sign_in_networks", BY_USER, NAMES("network", "first_seen_at", "last_seen_at"),
	  { "SELECT address_prefix, " TIME("first_seen_at") ", " TIME("last_seen_at") " FROM account_networks"
	    " WHERE user_id = ? ORDER BY first_seen_at, address_prefix LIMIT 10000", "i", "sss" } },
	{ "creator_profile", BY_CREATOR, NAMES("handle", "display_name", "bio", "avatar_url"),
	  { "SELECT handle, display_name, bio, avatar_url FROM creators WHERE id = ?", "i", "ssss" } },
	{ "picks", BY_CREATOR, NAMES("brand", "product", "title", "status", "created_at"),
	  { "SELECT b.slug, p.handle, p.title, pk.status, " TIME("pk.created_at") " FROM picks pk"
	    " JOIN products p ON p.id = pk.product_id JOIN brands b ON b.id = p.brand_id"
	    " WHERE pk.creator_id = ? ORDER BY pk.id LIMIT 10000", "i", "sssss" } },
	{ "earnings", BY_CREATOR, NAMES("brand", "kind", "amount_minor", "currency", "at"),
	  { "SELECT b.name, ce.kind, ce.amount, ce.currency, " TIME("ce.created_at") " FROM commission_entries ce"
	    " JOIN brands b ON b.id = ce.brand_id WHERE ce.creator_id = ? ORDER BY ce.created_at, ce.id LIMIT 100000",
	    "i", "ssiss" } },
};

static const struct db_stmt q_who = {
	"SELECT u.email, COALESCE(c.id, 0), u.email_verified_at IS NOT NULL FROM users u"
	" LEFT JOIN creators c ON c.user_id = u.id WHERE u.id = ?", "i", "sii" };

/* A JSON string; <, > and & too are escaped, so the file cannot be read as markup. */
static void export_string(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&')
			buf_printf(b, "\\u%04x", *p);
		else
			buf_putc(b, (char)*p);
	}
	buf_putc(b, '"');
}

static enum db_status export_part(struct req *r, struct buf *b, const struct export_part *p, struct db_param key)
{
	struct db_res res;
	enum db_status rc = db_query(r->db, r->arena, &p->q, (struct db_param[]){ key }, &res);
	if (rc != DB_OK)
		return rc;
	size_t ncols = strlen(p->q.cols);
	bool one = strcmp(p->name, "account") == 0 || strcmp(p->name, "creator_profile") == 0;
	buf_printf(b, ",\n\"%s\": %s", p->name, one ? "" : "[");
	for (size_t i = 0; i < res.nrows; i++) {
		buf_puts(b, i ? ",\n{" : "\n{");
		for (size_t j = 0; j < ncols; j++) {
			buf_printf(b, "%s\"%s\": ", j ? ", " : "", p->names[j]);
			if (p->q.cols[j] == 'i')
				buf_printf(b, "%lld", db_at(&res, i, j)->i);
			else
				export_string(b, db_at(&res, i, j)->s);
		}
		buf_putc(b, '}');
		if (one)
			break;
	}
	if (one && res.nrows == 0)
		buf_puts(b, "null");
	if (!one)
		buf_puts(b, "]");
	return DB_OK;
}

int page_account_export(struct req *r)
{
	struct db_res who;
	enum db_status rc = db_query(r->db, r->arena, &q_who, (struct db_param[]){ DB_I(r->sess.user_id) }, &who);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (who.nrows == 0)
		return 404;
	long long creator = db_at(&who, 0, 1)->i;
	struct buf b;
	buf_init(&b, r->arena, 8192);
	buf_puts(&b, "{\"format\": \"crowdcart account export 1\"");
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		const struct export_part *p = &parts[i];
		if ((p->key == BY_CREATOR && !creator) || (p->key == BY_EMAIL && !db_at(&who, 0, 2)->i))
			continue;
		struct db_param key = p->key == BY_USER ? DB_I(r->sess.user_id)
				      : p->key == BY_CREATOR ? DB_I(creator) : DB_S(db_at(&who, 0, 0)->s);
		if ((rc = export_part(r, &b, p, key)) != DB_OK)
			return req_db_fail(rc);
	}
	buf_puts(&b, "\n}\n");
	response_header(r, "Content-Disposition", "attachment; filename=\"crowdcart-account.json\"");
	response_header(r, "Cache-Control", "no-store");
	response_text(r, 200, "application/json", buf_cstr(&b));
	return REQ_DONE;
}
