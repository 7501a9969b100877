/* cart_codes.c: the discount codes on a cart (see cart_codes.h): read them, apply them to each
 * brand's order, show them, and credit the sale. */
#include <string.h>
#include <time.h>
#include "shop/cart_codes.h"
#include "domain/creators/code_credit.h"
#include "views/discount_link.h"
#include "web/layout.h"

/* The columns of one code, the same for a cart's typed codes and a link's code. */
#define CODE_COLUMNS \
	"SELECT d.id, d.brand_id, COALESCE(d.creator_id, 0), d.code, d.kind = 'fixed', d.value, d.min_order," \
	" COALESCE(d.total_limit, 0), COALESCE(d.per_customer_limit, 0)," \
	" COALESCE(TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', d.starts_at), 0)," \
	" COALESCE(TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', d.ends_at), 0), d.combinable, d.active, d.uses,"
#define CODE_JOINS \
	" COALESCE(cr.handle, ''), b.name, b.code_precedence FROM discount_codes d JOIN brands b ON b.id = d.brand_id" \
	" LEFT JOIN creators cr ON cr.id = d.creator_id"
#define CODE_TYPES "iiisiiiiiiiiiiisss"

static const struct db_stmt q_cart_codes = {
	CODE_COLUMNS " TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', cc.applied_at)," CODE_JOINS
	" JOIN cart_codes cc ON cc.code_id = d.id WHERE cc.cart_id = ? ORDER BY cc.applied_at, d.id LIMIT 5",
	"i", CODE_TYPES };
static const struct db_stmt q_code = {
	CODE_COLUMNS " 0," CODE_JOINS " WHERE d.code = ?", "s", CODE_TYPES };
static const struct db_stmt q_customer_uses = {
	"SELECT COUNT(*) FROM discount_redemptions WHERE code_id = ? AND email_hash = ?", "ib", "i" };

_Static_assert(DISCOUNT_MAX_PER_CART == 5, "q_cart_codes reads at most DISCOUNT_MAX_PER_CART codes");

static void read_code(const struct db_res *res, size_t i, struct cart_code *k)
{
	memset(k, 0, sizeof *k);
	struct discount_code *d = &k->rule;
	d->id = db_at(res, i, 0)->i;
	d->brand_id = db_at(res, i, 1)->i;
	d->creator_id = db_at(res, i, 2)->i;
	k->code = db_at(res, i, 3)->s;
	d->kind = db_at(res, i, 4)->i ? DISCOUNT_FIXED : DISCOUNT_PERCENT;
	d->value = db_at(res, i, 5)->i;
	d->min_order = db_at(res, i, 6)->i;
	d->total_limit = db_at(res, i, 7)->i;
	d->per_customer_limit = db_at(res, i, 8)->i;
	d->starts_at = db_at(res, i, 9)->i;
	d->ends_at = db_at(res, i, 10)->i;
	d->combinable = db_at(res, i, 11)->i != 0;
	d->active = db_at(res, i, 12)->i != 0;
	d->uses = db_at(res, i, 13)->i;
	k->applied_at = db_at(res, i, 14)->i;
	k->creator_handle = db_at(res, i, 15)->s;
	k->brand_name = db_at(res, i, 16)->s;
	k->precedence = db_at(res, i, 17)->s;
}

void cart_codes_customer_hash(struct req *r, const char *email, uint8_t out[32])
{
	static const char domain[] = "discount-customer:";
	size_t n = strlen(email), at = strcspn(email, "@");
	char *msg = arena_alloc(r->arena, sizeof domain + n);
	size_t len = sizeof domain - 1;
	memcpy(msg, domain, len);
	size_t plus = strcspn(email, "+");
	for (size_t i = 0; i < n; i++) {
		if (plus < at && i >= plus && i < at)
			continue;
		char ch = email[i];
		msg[len++] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
	}
	token_keyed_hash(r->secret, msg, len, out);
}

static enum db_status read_codes(struct req *r, struct db *db, struct cart *c, const char *email)
{
	struct db_res res = { 0 }, link = { 0 };
	enum db_status rc;
	if (c->id && !c->no_codes && (rc = db_query(db, r->arena, &q_cart_codes, (struct db_param[]){ DB_I(c->id) }, &res)) != DB_OK)
		return rc;
	char text[DISCOUNT_CODE_MAX + 1];
	long long link_at = 0;
	bool has_link = c->nlines && discount_link_read(r, text, &link_at);
	for (size_t i = 0; has_link && i < res.nrows; i++)
		if (strcmp(db_at(&res, i, 3)->s, text) == 0)
			has_link = false;	/* typed as well: one code, once */
	if (has_link && (rc = db_query(db, r->arena, &q_code, (struct db_param[]){ DB_S(text) }, &link)) != DB_OK)
		return rc;
	c->codes = arena_zalloc(r->arena, (res.nrows + 1) * sizeof *c->codes);
	c->ncodes = 0;
	for (size_t i = 0; i < res.nrows; i++)
		read_code(&res, i, &c->codes[c->ncodes++]);
	if (has_link && c->ncodes < DISCOUNT_MAX_PER_CART) {
		struct cart_code *k = &c->codes[c->ncodes++];
		if (link.nrows) {
			read_code(&link, 0, k);
		} else {
			memset(k, 0, sizeof *k);
			k->code = arena_strdup(r->arena, text);
			k->unknown = true;
		}
		k->from_link = true;
		k->applied_at = link_at;
	}
	if (!email)
		return DB_OK;
	uint8_t who[32];
	cart_codes_customer_hash(r, email, who);
	for (size_t i = 0; i < c->ncodes; i++) {
		struct db_res n;
		if (c->codes[i].unknown || !c->codes[i].rule.per_customer_limit)
			continue;
		rc = db_query(db, r->arena, &q_customer_uses, (struct db_param[]){ DB_I(c->codes[i].rule.id), DB_B(who, 32) }, &n);
		if (rc != DB_OK)
			return rc;
		c->codes[i].customer_uses = db_at(&n, 0, 0)->i;
	}
	return DB_OK;
}

/* One brand's codes, in the order applied, stacked on its subtotal and shared over its lines. */
static void apply_brand(struct req *r, struct cart *c, struct cart_brand *b, long long now, bool email_known)
{
	size_t n = 0, idx[DISCOUNT_MAX_PER_CART];
	struct discount_code rules[DISCOUNT_MAX_PER_CART];
	long long uses[DISCOUNT_MAX_PER_CART], amounts[DISCOUNT_MAX_PER_CART];
	enum discount_verdict verdicts[DISCOUNT_MAX_PER_CART];
	for (size_t i = 0; i < c->ncodes && n < DISCOUNT_MAX_PER_CART; i++)
		if (!c->codes[i].unknown && c->codes[i].rule.brand_id == b->brand_id) {
			idx[n] = i;
			rules[n] = c->codes[i].rule;
			uses[n] = email_known ? c->codes[i].customer_uses : -1;
			n++;
		}
	long long sub = 0, *line_totals = arena_zalloc(r->arena, (b->nlines + 1) * sizeof *line_totals);
	long long *shares = arena_zalloc(r->arena, (b->nlines + 1) * sizeof *shares);
	for (size_t j = 0; j < b->nlines; j++) {
		line_totals[j] = b->lines[j].unavailable ? 0 : b->lines[j].line_total;
		sub += line_totals[j];
	}
	b->discount = n ? discount_stack(rules, n, now, sub, uses, verdicts, amounts) : 0;
	for (size_t k = 0; k < n; k++) {
		c->codes[idx[k]].verdict = verdicts[k];
		c->codes[idx[k]].amount = amounts[k];
	}
	if (!b->discount)
		return;
	if (b->mixed_currency || !discount_allocate(b->discount, line_totals, b->nlines, shares)) {
		c->unavailable = true;
		return;
	}
	/* The totals again on what each line is charged after its share: tax follows the discount. */
	size_t m = 0;
	for (size_t j = 0; j < b->nlines; j++) {
		b->lines[j].discount = shares[j];
		if (!b->lines[j].unavailable)
			line_totals[m++] = b->lines[j].line_total - shares[j];
	}
	if (!calc_order(line_totals, m, b->shipping_rate, b->tax_bps, b->tax_included, &b->t))
		c->unavailable = true;
}

enum db_status cart_codes_apply(struct req *r, struct db *db, struct cart *c, const char *email)
{
	enum db_status rc = read_codes(r, db, c, email);
	if (rc != DB_OK)
		return rc;
	long long now = (long long)time(NULL);
	for (size_t i = 0; i < c->ncodes; i++)
		c->codes[i].verdict = DISCOUNT_NO_ITEMS;
	for (size_t k = 0; k < c->nbrands; k++)
		apply_brand(r, c, &c->brands[k], now, email != NULL);
	if (!c->ncodes)
		return DB_OK;
	/* The summary the shopper agrees to includes what each code takes off. */
	struct calc_version v;
	calc_version_init(&v);
	calc_version_add_str(&v, c->version);
	for (size_t i = 0; i < c->ncodes; i++) {
		calc_version_add_str(&v, c->codes[i].code);
		calc_version_add(&v, c->codes[i].verdict);
		calc_version_add(&v, c->codes[i].amount);
	}
	calc_version_final(&v, c->version);
	return DB_OK;
}

static const char *code_text(struct req *r, const struct cart_code *k)
{
	if (k->unknown)
		return "There is no such code.";
	if (k->verdict != DISCOUNT_OK)
		return discount_verdict_text(k->verdict);
	const struct discount_code *d = &k->rule;
	const char *what = d->kind == DISCOUNT_PERCENT
		? arena_printf(r->arena, "%lld.%02lld %% off", d->value / 100, d->value % 100) : "Fixed amount off";
	return arena_printf(r->arena, "%s %s: %s", what, k->brand_name,
			    *k->creator_handle ? arena_printf(r->arena, "code of @%s", k->creator_handle) : "a code of the brand");
}

void cart_codes_render(struct req *r, tmpl_dict *d, const struct cart *c, bool removable)
{
	for (size_t i = 0; i < c->ncodes; i++) {
		const struct cart_code *k = &c->codes[i];
		tmpl_dict *e = tmpl_add(d, "CODES");
		tmpl_set(e, "CODE", k->code);
		tmpl_set(e, "TEXT", code_text(r, k));
		if (k->verdict == DISCOUNT_OK && !k->unknown) {
			const struct cart_brand *b = NULL;
			for (size_t j = 0; j < c->nbrands; j++)
				if (c->brands[j].brand_id == k->rule.brand_id)
					b = &c->brands[j];
			if (b)
				tmpl_set(tmpl_add(e, "APPLIED"), "AMOUNT", layout_money(r, k->amount, b->currency));
		} else {
			tmpl_show(e, "NOT_APPLIED");
		}
		if (k->from_link)
			tmpl_show(e, "FROM_LINK");
		if (removable)
			tmpl_show(e, "REMOVE");
	}
	if (c->ncodes)
		tmpl_show(d, "HAS_CODES");
}

void cart_codes_credit(const struct cart *c, struct cart_brand *b, const struct attribution *at)
{
	struct code_credit_code codes[DISCOUNT_MAX_PER_CART];
	size_t n = 0;
	enum code_precedence p = CODE_PRECEDENCE_CODE;
	for (size_t i = 0; i < c->ncodes && n < DISCOUNT_MAX_PER_CART; i++) {
		const struct cart_code *k = &c->codes[i];
		if (k->unknown || k->verdict != DISCOUNT_OK || k->rule.brand_id != b->brand_id)
			continue;
		codes[n++] = (struct code_credit_code){ k->rule.creator_id, k->applied_at };
		p = code_precedence_parse(k->precedence);
	}
	struct code_credit cr = code_credit_resolve(p, at->creator_id, at->at, at->surface, codes, n);
	b->creator_id = cr.creator_id;
	b->surface = cr.surface;
}
