/* presta_sync.c: PrestaShop pages by position (limit=offset,count, oldest first by id), so like
 * WooCommerce's each page starts WOO_OVERLAP products before where the last one ended: a product
 * removed mid-sync moves the later ones back a place, and none is stepped over (woo_sync.c). The
 * Webservice gives no count with a page: the first page asks for every id (display=[id]) once. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <libxml/tree.h>
#include "domain/connectors/presta_map.h"
#include "domain/connectors/presta_sync.h"
#include "domain/connectors/woo_sync.h"
#include "lib/buf.h"

struct docs {
	xmlDoc *d[10];
	size_t n;
};

static void docs_free(struct docs *ds)
{
	for (size_t i = 0; i < ds->n; i++)
		xmlFreeDoc(ds->d[i]);
	ds->n = 0;
}

static enum connector_fetch get(const struct connector_http *http, struct arena *a, const struct presta_shop *s,
				struct docs *ds, const char *resource, const char *query, xmlNode **list,
				struct connector_page *out)
{
	xmlDoc *d;
	enum connector_fetch r = presta_api_get(http, a, s, resource, query, &d, list, out->error);
	if (r == CONNECTOR_FETCH_OK)
		ds->d[ds->n++] = d;
	else
		out->wait_ms = 5000;
	return r;
}

/* "%5B1%7C2%7C3%5D": [1|2|3] as a query value; "" when ids is empty. */
static const char *id_filter(struct arena *a, const long long *ids, size_t n)
{
	struct buf b;
	buf_init(&b, a, 16 * (n + 1));
	buf_puts(&b, "%5B");
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? "%7C" : "", ids[i]);
	buf_puts(&b, "%5D");
	return n ? buf_cstr(&b) : "";
}

static size_t count_elements(xmlNode *list)
{
	size_t n = 0;
	for (xmlNode *c = list ? list->children : NULL; c; c = c->next)
		n += c->type == XML_ELEMENT_NODE;
	return n;
}

/* A list of distinct positive ids. */
struct id_set {
	long long *ids;
	size_t n, cap;
};

static void id_set_add(struct arena *a, struct id_set *set, long long id)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->ids[i] == id)
			return;
	if (id <= 0)
		return;
	if (set->n == set->cap) {
		size_t cap = set->cap ? 2 * set->cap : 64;
		long long *more = arena_alloc(a, cap * sizeof *more);
		if (set->n)
			memcpy(more, set->ids, set->n * sizeof *more);
		set->ids = more;
		set->cap = cap;
	}
	set->ids[set->n++] = id;
}

/* The option value ids the combinations name, each once. */
static size_t value_ids(struct arena *a, xmlNode *combos, long long **out)
{
	struct id_set set = { NULL, 0, 0 };
	for (xmlNode *c = combos ? combos->children : NULL; c; c = c->next)
		for (xmlNode *v = presta_xml_child(presta_xml_child(presta_xml_child(c, "associations"), "product_option_values"),
						   "product_option_value"); v; v = v->next)
			id_set_add(a, &set, presta_xml_id(presta_xml_child(v, "id")));
	*out = set.ids;
	return set.n;
}

/* The ids a list's elements name in field, each once. */
static struct id_set field_ids(struct arena *a, xmlNode *list, const char *field)
{
	struct id_set set = { NULL, 0, 0 };
	for (xmlNode *n = list ? list->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			id_set_add(a, &set, presta_xml_id(presta_xml_child(n, field)));
	return set;
}

/* The taxes of the page's tax rules groups in the shop's default country, in three calls for the
 * whole page (none when no product of it names a group): the configuration, the groups' rules
 * there, their taxes. */
static enum connector_fetch page_taxes(const struct connector_http *http, struct arena *pa, const struct presta_shop *s,
				       struct docs *ds, xmlNode *products, struct connector_page *out, struct presta_taxes *taxes)
{
	struct id_set groups = field_ids(pa, products, "id_tax_rules_group");
	xmlNode *conf, *rules, *list;
	if (!groups.n)
		return CONNECTOR_FETCH_OK;
	enum connector_fetch r = get(http, pa, s, ds, "configurations",
		"display=%5Bname%2Cvalue%5D&filter%5Bname%5D=%5BPS_COUNTRY_DEFAULT%7CPS_TAX%5D", &conf, out);
	if (r != CONNECTOR_FETCH_OK)
		return r;
	long long country = 0;
	bool taxed = true;
	for (xmlNode *c = conf ? conf->children : NULL; c; c = c->next) {
		const char *name = presta_xml_text(pa, presta_xml_child(c, "name"));
		if (strcmp(name, "PS_COUNTRY_DEFAULT") == 0)
			country = presta_xml_id(presta_xml_child(c, "value"));
		else if (strcmp(name, "PS_TAX") == 0)
			taxed = presta_xml_id(presta_xml_child(c, "value")) == 1;
	}
	if (!taxed || country <= 0)
		return CONNECTOR_FETCH_OK;	/* the front office shows prices without tax */
	if ((r = get(http, pa, s, ds, "tax_rules", arena_printf(pa, "display=full&filter%%5Bid_tax_rules_group%%5D=%s"
		"&filter%%5Bid_country%%5D=%%5B%lld%%5D", id_filter(pa, groups.ids, groups.n), country), &rules, out))
	    != CONNECTOR_FETCH_OK)
		return r;
	struct id_set ids = field_ids(pa, rules, "id_tax");
	if (!ids.n)
		return CONNECTOR_FETCH_OK;
	if ((r = get(http, pa, s, ds, "taxes", arena_printf(pa, "display=full&filter%%5Bid%%5D=%s", id_filter(pa, ids.ids, ids.n)),
		&list, out)) != CONNECTOR_FETCH_OK)
		return r;
	presta_tax_build(pa, rules, list, country, taxes);
	return CONNECTOR_FETCH_OK;
}

enum connector_fetch presta_sync_page(const struct connector_http *http, struct arena *pa, struct catalog_run *run,
				      const struct presta_shop *s, const char *cursor, struct connector_page *out)
{
	long long offset, pos = woo_sync_start(out, cursor, &offset);
	struct docs ds = { .n = 0 };
	xmlNode *list = NULL, *all = NULL;
	struct presta_taxes taxes = { NULL, 0 };
	struct presta_lists l = { NULL, NULL, NULL, NULL, &taxes, NULL, NULL };
	enum connector_fetch r = CONNECTOR_FETCH_OK;
	if (pos == 0 && (r = get(http, pa, s, &ds, "products", "display=%5Bid%5D", &all, out)) == CONNECTOR_FETCH_OK)
		out->total = (long long)count_elements(all);
	if (r == CONNECTOR_FETCH_OK)
		r = get(http, pa, s, &ds, "products", arena_printf(pa, "display=full&limit=%lld,%d&sort=%%5Bid_ASC%%5D",
			offset, PRESTA_PAGE), &list, out);
	size_t n = r == CONNECTOR_FETCH_OK ? count_elements(list) : 0;
	long long *ids = arena_alloc(pa, (n ? n : 1) * sizeof *ids);
	size_t k = 0;
	for (xmlNode *p = list ? list->children : NULL; p; p = p->next)
		if (p->type == XML_ELEMENT_NODE)
			ids[k++] = presta_xml_id(presta_xml_child(p, "id"));
	const char *filter = id_filter(pa, ids, k);
	if (r == CONNECTOR_FETCH_OK && k)
		r = get(http, pa, s, &ds, "combinations", arena_printf(pa, "display=full&filter%%5Bid_product%%5D=%s", filter),
			&l.combinations, out);
	if (r == CONNECTOR_FETCH_OK && k)
		r = get(http, pa, s, &ds, "stock_availables", arena_printf(pa, "display=full&filter%%5Bid_product%%5D=%s",
			filter), &l.stock, out);
	long long *vids;
	size_t nv = r == CONNECTOR_FETCH_OK ? value_ids(pa, l.combinations, &vids) : 0;
	if (r == CONNECTOR_FETCH_OK && nv)
		r = get(http, pa, s, &ds, "product_option_values", arena_printf(pa, "display=full&filter%%5Bid%%5D=%s",
			id_filter(pa, vids, nv)), &l.values, out);
	if (r == CONNECTOR_FETCH_OK && nv)
		r = get(http, pa, s, &ds, "product_options", "display=full", &l.groups, out);
	if (r == CONNECTOR_FETCH_OK && k)
		r = get(http, pa, s, &ds, "specific_prices", arena_printf(pa, "display=full&filter%%5Bid_product%%5D=%s"
			"&filter%%5Bid_cart%%5D=%%5B0%%5D&filter%%5Bid_customer%%5D=%%5B0%%5D&filter%%5Bid_group%%5D=%%5B0%%5D"
			"&filter%%5Bid_country%%5D=%%5B0%%5D&filter%%5Bid_currency%%5D=%%5B0%%5D", filter), &l.specific, out);
	if (r == CONNECTOR_FETCH_OK && k)
		r = page_taxes(http, pa, s, &ds, list, out, &taxes);
	char now[20];
	time_t t = time(NULL);
	struct tm tm;
	strftime(now, sizeof now, "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm));
	l.now = now;
	if (r != CONNECTOR_FETCH_OK) {
		docs_free(&ds);
		return r;
	}
	long long end = woo_sync_room(out, pa, k, pos, offset);
	size_t i = 0;
	for (xmlNode *p = list->children; p; p = p->next)
		if (p->type == XML_ELEMENT_NODE) {
			out->ps[i] = presta_map_product(run, s->url, p, &l, (unsigned long)(offset + (long long)i + 1), &out->ids[i]);
			i++;
		}
	/* Everything mapped is in the arena now, never in the documents. */
	docs_free(&ds);
	out->next = k == PRESTA_PAGE ? arena_printf(pa, "%lld", end) : "";
	return CONNECTOR_FETCH_OK;
}
