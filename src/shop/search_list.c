/* search_list.c: the filtered, sorted, bounded product list that search, category and brand pages share. */
#include <string.h>
#include "views/card_view.h"
#include "shop/search_list.h"
#include "shop/shop.h"
#include "lib/money.h"

/* Every filter, each true when unset: a brand slug, a category slug, a price range, in stock, one
 * creator's picks. */
#define FILTERS \
	" AND p.status = 'active' AND (? = '' OR b.slug = ?) AND (? = '' OR p.category = ?)" \
	" AND p.price_min BETWEEN ? * (" MONEY_UNIT_SQL("p.currency") ") AND ? * (" MONEY_UNIT_SQL("p.currency") ")" \
	" AND (? = 0 OR p.stock_total > 0)" \
	" AND (? = 0 OR EXISTS (SELECT 1 FROM picks pk WHERE pk.product_id = p.id AND pk.creator_id = ?" \
	" AND pk.status = 'approved'))"
#define FILTER_TYPES "ssssiiiii"
#define PAGING " LIMIT ? OFFSET ?"
/* A title match weighs three times a match anywhere: the title says what the thing is. */
#define RELEVANCE \
	"MATCH(s.title) AGAINST(? IN BOOLEAN MODE) * 3 + MATCH(s.title, s.body) AGAINST(? IN BOOLEAN MODE)"
#define VISIBLE_BRAND \
	" JOIN brands b ON b.id = p.brand_id AND b.approved = 1 AND" ACCOUNT_ACTIVE_SQL("b.owner_user_id")
/* The page's ids are chosen first, from the index and the product rows alone; only those get the
 * card's image and brand columns. Joining the card columns before the sort cost a lookup per
 * matching product: at 100,000 products, a common word's page took several times longer. */
#define PAGE_OF(hits, order) \
	"SELECT " CARD_COLS " FROM (" hits ") hit JOIN products p ON p.id = hit.id" CARD_JOINS " ORDER BY " order
#define MATCHED(key, order, outer, types) { \
	PAGE_OF("SELECT p.id, " key " AS k FROM search_products s JOIN products p ON p.id = s.product_id" VISIBLE_BRAND \
		" WHERE MATCH(s.title, s.body) AGAINST(? IN BOOLEAN MODE)" FILTERS " ORDER BY " order PAGING, outer), \
	types "s" FILTER_TYPES "ii", CARD_TYPES }
#define LISTED(key, order, outer) { \
	PAGE_OF("SELECT p.id, " key " AS k FROM products p" VISIBLE_BRAND " WHERE 1 = 1" FILTERS " ORDER BY " order PAGING, \
		outer), \
	FILTER_TYPES "ii", CARD_TYPES }
/* Sort keys, and the orders of the page and of its cards. */
#define ASC "k, p.id", "hit.k, p.id"
#define DESC "k DESC, p.id DESC", "hit.k DESC, p.id DESC"
#define EXPAND(m, ...) m(__VA_ARGS__)

static const struct db_stmt q_matched[] = {
	[SEARCH_RELEVANCE] = EXPAND(MATCHED, RELEVANCE, DESC, "ss"),
	[SEARCH_PRICE_ASC] = EXPAND(MATCHED, "p.price_min", ASC, ""),
	[SEARCH_PRICE_DESC] = EXPAND(MATCHED, "p.price_min", DESC, ""),
	[SEARCH_NEWEST] = EXPAND(MATCHED, "p.created_at", DESC, ""),
};
static const struct db_stmt q_listed[] = {
	[SEARCH_RELEVANCE] = EXPAND(LISTED, "p.created_at", DESC),
	[SEARCH_PRICE_ASC] = EXPAND(LISTED, "p.price_min", ASC),
	[SEARCH_PRICE_DESC] = EXPAND(LISTED, "p.price_min", DESC),
	[SEARCH_NEWEST] = EXPAND(LISTED, "p.created_at", DESC),
};

/* Prices are typed in whole units of each product's own currency: "up to 80" is $80.00 for a USD
 * product and ¥80 for a JPY one (the statement scales by MONEY_UNIT_SQL). Past this many whole
 * units, no bound: a typed maximum is capped by its field at 999,999,999. */
#define PRICE_UNITS_ANY 1000000000000LL

static const char *slug_or_any(struct req *r, const char *name)
{
	const char *s = req_str(r, name);
	return s ? s : "";
}

void search_list_filter(struct req *r, struct search_filter *f)
{
	long long v;
	memset(f, 0, sizeof *f);
	f->against = "";
	f->brand = slug_or_any(r, "brand");
	f->category = slug_or_any(r, "category");
	f->price_max = PRICE_UNITS_ANY;
	if (req_int(r, "min", &v))
		f->price_min = v;
	if (req_int(r, "max", &v))
		f->price_max = v;
	const char *stock = req_str(r, "stock");
	f->in_stock = stock && strcmp(stock, "1") == 0;
	const char *sort = req_str(r, "sort");
	f->sort = !sort ? SEARCH_RELEVANCE : strcmp(sort, "price_asc") == 0 ? SEARCH_PRICE_ASC
		: strcmp(sort, "price_desc") == 0 ? SEARCH_PRICE_DESC : strcmp(sort, "newest") == 0 ? SEARCH_NEWEST
		: SEARCH_RELEVANCE;
	f->page = req_int(r, "page", &v) ? v : 1;
}

void search_list_browse_filter(struct req *r, struct search_filter *f)
{
	search_list_filter(r, f);
	if (f->sort == SEARCH_RELEVANCE)
		f->sort = SEARCH_NEWEST;
}

void search_list_show_choices(tmpl_dict *d, const struct search_filter *f)
{
	static const char *const sorts[] = {
		[SEARCH_RELEVANCE] = "SORT_RELEVANCE", [SEARCH_PRICE_ASC] = "SORT_PRICE_ASC",
		[SEARCH_PRICE_DESC] = "SORT_PRICE_DESC", [SEARCH_NEWEST] = "SORT_NEWEST",
	};
	tmpl_show(d, sorts[f->sort]);
	if (f->in_stock)
		tmpl_show(d, "IN_STOCK");
}

enum db_status search_list_products(struct req *r, const struct search_filter *f, struct db_res *out, bool *more)
{
	struct db_param p[16];
	size_t n = 0;
	bool matched = *f->against != '\0';
	/* in the order of the placeholders: the relevance in the select list, then the match */
	if (matched && f->sort == SEARCH_RELEVANCE) {
		p[n++] = DB_S(f->against);
		p[n++] = DB_S(f->against);
	}
	if (matched)
		p[n++] = DB_S(f->against);
	p[n++] = DB_S(f->brand);
	p[n++] = DB_S(f->brand);
	p[n++] = DB_S(f->category);
	p[n++] = DB_S(f->category);
	p[n++] = DB_I(f->price_min);
	p[n++] = DB_I(f->price_max);
	p[n++] = DB_I(f->in_stock);
	p[n++] = DB_I(f->creator_id);
	p[n++] = DB_I(f->creator_id);
	/* One row past the page says whether there is a next one, without counting them all. */
	p[n++] = DB_I(SEARCH_PER_PAGE + 1);
	p[n++] = DB_I((f->page - 1) * SEARCH_PER_PAGE);
	const struct db_stmt *st = matched ? &q_matched[f->sort] : &q_listed[f->sort];
	enum db_status rc = db_query(r->db, r->arena, st, p, out);
	*more = false;
	if (rc == DB_OK && out->nrows > SEARCH_PER_PAGE) {
		out->nrows = SEARCH_PER_PAGE;
		*more = f->page < SEARCH_PAGES_MAX;
	}
	return rc;
}

void search_list_show(struct req *r, tmpl_dict *d, const struct db_res *res, bool more, long long page,
		      const char *via)
{
	tmpl_dict *grid = card_grid(d);
	for (size_t i = 0; i < res->nrows; i++)
		card_view_add(r, grid, res, i, via);
	if (res->nrows == 0)
		tmpl_show(d, "NO_RESULTS");
	if (page > 1)
		tmpl_set_int(tmpl_add(d, "PREV"), "PAGE", page - 1);
	if (more)
		tmpl_set_int(tmpl_add(d, "NEXT"), "PAGE", page + 1);
	if (page > 1 || more)
		tmpl_set_int(tmpl_add(d, "PAGER"), "PAGE", page);
}
