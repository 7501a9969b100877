/* search_list.h: the product list behind /search, /c/{category} and /b/{brand}: one statement a
 * page, whichever filters are set (an unset one is a condition that holds), sorted and paged
 * within bounds (docs/SEARCH.md). */
#ifndef CC_SEARCH_LIST_H
#define CC_SEARCH_LIST_H
#include "web/http.h"

/* Cards a page; pages past the last are refused, so a scraper cannot walk OFFSET to the end. */
#define SEARCH_PER_PAGE 24
#define SEARCH_PAGES_MAX 20

enum search_sort { SEARCH_RELEVANCE, SEARCH_PRICE_ASC, SEARCH_PRICE_DESC, SEARCH_NEWEST };

struct search_filter {
	const char *against;		/* the boolean query (search_terms_boolean); "" lists without one */
	const char *brand, *category;	/* slugs, "" for any */
	long long price_min, price_max;	/* whole units of each product's currency, inclusive */
	bool in_stock;
	long long creator_id;		/* only this creator's approved picks; 0 for anyone's */
	enum search_sort sort;		/* SEARCH_RELEVANCE without `against` lists newest first */
	long long page;			/* 1 .. SEARCH_PAGES_MAX */
};

/* The filter the request's declared fields describe (q aside): brand, category, min, max, stock,
 * sort, page. */
void search_list_filter(struct req *r, struct search_filter *f);
/* The same for a page that lists without a query (/c/, /b/): with no relevance to sort by, it
 * lists newest first unless another order is asked for. */
void search_list_browse_filter(struct req *r, struct search_filter *f);
/* The filter form's sort and stock choices as f has them, for the form to show them selected. */
void search_list_show_choices(tmpl_dict *d, const struct search_filter *f);
/* The page's products, CARD_COLS first; *more when another page follows. */
enum db_status search_list_products(struct req *r, const struct search_filter *f, struct db_res *out,
				    bool *more) DB_MUST_CHECK;
/* Cards of `res` into the page's grid (card.tpl), each carrying `via` unless NULL; the pager's
 * PREV and NEXT sections carry the page number to ask for. */
void search_list_show(struct req *r, tmpl_dict *d, const struct db_res *res, bool more, long long page,
		      const char *via);

#endif
