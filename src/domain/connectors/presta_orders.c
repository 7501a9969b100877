/* presta_orders.c: the Webservice's customer, address, cart and order, out, and the order's
 * carrier and state, back (presta_orders.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <libxml/tree.h>
#include <sodium.h>
#include "domain/connectors/connector_store.h"
#include "domain/connectors/presta_map.h"
#include "domain/connectors/presta_orders.h"
#include "domain/commerce/region.h"
#include "lib/buf.h"
#include "lib/config.h"
#include "lib/html.h"
#include "lib/money.h"

/* A line's variant names its product and combination by its stock item (presta_map_item). */
static const struct db_stmt q_lines = {
	"SELECT s.remote_item_id, l.quantity - l.refunded_quantity, l.unit_price FROM order_lines l"
	" JOIN variants v ON v.id = l.variant_id"
	" JOIN connector_stock_items s ON s.connector_id = ? AND s.variant_external_id = v.external_id"
	" WHERE l.order_id = ? AND l.quantity > l.refunded_quantity ORDER BY l.id", "ii", "iii" };

void presta_orders_names(struct arena *a, const char *full, const char **first, const char **last)
{
	char *clean = arena_strdup(a, full);
	size_t n = 0;
	for (const char *c = full; *c; c++)
		if (!isdigit((unsigned char)*c) && !strchr("!<>,;?=+()/\\@#\"*`{}_^$%:[]|", *c))
			clean[n++] = *c;
	clean[n] = '\0';
	while (n && clean[n - 1] == ' ')
		clean[--n] = '\0';
	char *start = clean;
	while (*start == ' ')
		start++;
	char *space = strrchr(start, ' ');
	if (!*start) {
		*first = *last = "Customer";
	} else if (!space) {
		*first = *last = start;
	} else {
		*space = '\0';
		*first = start;
		*last = space + 1;
	}
}

/* minor units as a plain decimal in the currency's exponent: 4800 USD -> "48.00". */
static const char *decimal(struct arena *a, long long minor, const char *currency)
{
	int e = money_exponent(currency);
	long long div = 1;
	for (int i = 0; i < e; i++)
		div *= 10;
	return e > 0 ? arena_printf(a, "%lld.%0*lld", minor / div, e, minor % div) : arena_printf(a, "%lld", minor);
}

bool presta_orders_input(struct db *db, struct arena *a, long long order_id, long long connector_id,
			 struct presta_order_in *in, enum db_status *rc)
{
	struct db_res o, l;
	if (!connector_store_order(db, a, order_id, connector_id, &q_lines, &o, &l, rc))
		return false;
	memset(in, 0, sizeof *in);
	in->number = db_at(&o, 0, 0)->s;
	in->email = db_at(&o, 0, 1)->s;
	in->currency = db_at(&o, 0, 2)->s;
	presta_orders_names(a, db_at(&o, 0, 3)->s, &in->first_name, &in->last_name);
	in->line1 = db_at(&o, 0, 4)->s;
	in->line2 = db_at(&o, 0, 5)->s;
	in->city = db_at(&o, 0, 6)->s;
	in->postal = db_at(&o, 0, 8)->s;
	in->country = db_at(&o, 0, 9)->s;
	const char *region = region_lookup(in->country, db_at(&o, 0, 7)->s);
	in->region = region ? region : "";
	in->lines = arena_alloc(a, (l.nrows ? l.nrows : 1) * sizeof *in->lines);
	long long total = 0;
	for (size_t i = 0; i < l.nrows; i++) {
		long long item = db_at(&l, i, 0)->i;
		in->lines[i] = (struct presta_order_line){ presta_map_item_product(item), presta_map_item_combination(item),
							    db_at(&l, i, 1)->i };
		total += db_at(&l, i, 1)->i * db_at(&l, i, 2)->i;
	}
	in->nlines = l.nrows;
	in->total = decimal(a, total, in->currency);
	return true;
}

/* One push's calls: the shop, and why the last one failed. */
struct call {
	const struct connector_http *http;
	struct arena *a;
	const struct presta_shop *s;
	bool final;
	char *err;
};

/* The first id a filtered list holds (0: none), and the same element's `also` field when asked. */
static enum connector_fetch find(struct call *c, const char *resource, const char *query, long long *id,
				 const char *also, const char **also_value)
{
	xmlDoc *d;
	xmlNode *list;
	*id = 0;
	enum connector_fetch r = presta_api_get(c->http, c->a, c->s, resource, query, &d, &list, c->err);
	if (r != CONNECTOR_FETCH_OK) {
		c->final = r == CONNECTOR_FETCH_REFUSED;
		return r;
	}
	for (xmlNode *n = list ? list->children : NULL; n && !*id; n = n->next)
		if (n->type == XML_ELEMENT_NODE) {
			*id = presta_xml_id(presta_xml_child(n, "id"));
			if (also)
				*also_value = presta_xml_text(c->a, presta_xml_child(n, also));
		}
	xmlFreeDoc(d);
	return CONNECTOR_FETCH_OK;
}

/* POSTs the resource; its new id, and its `also` field when asked. A 4xx other than 429 is final:
 * the shop refused what was sent, and sending it again changes nothing. */
static enum connector_fetch create(struct call *c, const char *resource, const char *xml, long long *id,
				   const char *also, const char **also_value)
{
	xmlDoc *d;
	xmlNode *item;
	int status;
	enum connector_fetch r = presta_api_post(c->http, c->a, c->s, resource, xml, &d, &item, &status, c->err);
	if (r != CONNECTOR_FETCH_OK) {
		c->final = r == CONNECTOR_FETCH_REFUSED || (status >= 400 && status < 500 && status != 429);
		return r;
	}
	*id = presta_xml_id(presta_xml_child(item, "id"));
	if (also)
		*also_value = presta_xml_text(c->a, presta_xml_child(item, also));
	xmlFreeDoc(d);
	if (*id <= 0) {
		snprintf(c->err, 200, "the shop's answer to a new %s names no id", resource);
		return CONNECTOR_FETCH_FAILED;
	}
	return CONNECTOR_FETCH_OK;
}

static void field(struct buf *b, const char *name, const char *value)
{
	buf_printf(b, "<%s>", name);
	html_escape_str(b, value);
	buf_printf(b, "</%s>", name);
}

static void id_field(struct buf *b, const char *name, long long value)
{
	buf_printf(b, "<%s>%lld</%s>", name, value, name);
}

/* What an order needs from the shop's settings, in one call. */
struct settings {
	long long lang, carrier, paid_state, currency, country, state;
};

static enum connector_fetch settings(struct call *c, const struct presta_order_in *in, struct settings *st)
{
	xmlDoc *d;
	xmlNode *list;
	memset(st, 0, sizeof *st);
	enum connector_fetch r = presta_api_get(c->http, c->a, c->s, "configurations", arena_printf(c->a,
		"display=%%5Bname%%2Cvalue%%5D&filter%%5Bname%%5D=%s",
		presta_api_filter(c->a, "PS_LANG_DEFAULT|PS_CARRIER_DEFAULT|PS_OS_PAYMENT")), &d, &list, c->err);
	if (r != CONNECTOR_FETCH_OK) {
		c->final = r == CONNECTOR_FETCH_REFUSED;
		return r;
	}
	for (xmlNode *n = list ? list->children : NULL; n; n = n->next) {
		const char *name = presta_xml_text(c->a, presta_xml_child(n, "name"));
		long long v = presta_xml_id(presta_xml_child(n, "value"));
		if (strcmp(name, "PS_LANG_DEFAULT") == 0)
			st->lang = v;
		else if (strcmp(name, "PS_CARRIER_DEFAULT") == 0)
			st->carrier = v;
		else if (strcmp(name, "PS_OS_PAYMENT") == 0)
			st->paid_state = v;
	}
	xmlFreeDoc(d);
	if (!st->lang || !st->carrier || !st->paid_state) {
		snprintf(c->err, 200, "the shop's configuration has no default language, default carrier or paid state"
			 " (PS_LANG_DEFAULT, PS_CARRIER_DEFAULT, PS_OS_PAYMENT)");
		c->final = true;
		return CONNECTOR_FETCH_FAILED;
	}
	if ((r = find(c, "currencies", arena_printf(c->a, "display=%%5Bid%%5D&filter%%5Biso_code%%5D=%s",
		presta_api_filter(c->a, in->currency)), &st->currency, NULL, NULL)) != CONNECTOR_FETCH_OK)
		return r;
	if ((r = find(c, "countries", arena_printf(c->a, "display=%%5Bid%%5D&filter%%5Biso_code%%5D=%s",
		presta_api_filter(c->a, in->country)), &st->country, NULL, NULL)) != CONNECTOR_FETCH_OK)
		return r;
	if (!st->currency || !st->country) {
		snprintf(c->err, 200, "the shop has no %s %s", st->currency ? "country" : "currency",
			 st->currency ? in->country : in->currency);
		c->final = true;
		return CONNECTOR_FETCH_FAILED;
	}
	/* The state, for the countries whose addresses name one (PrestaShop keeps their ISO codes). */
	if (*in->region)
		r = find(c, "states", arena_printf(c->a, "display=%%5Bid%%5D&filter%%5Bid_country%%5D=%%5B%lld%%5D"
			"&filter%%5Biso_code%%5D=%s", st->country, presta_api_filter(c->a, in->region)), &st->state, NULL, NULL);
	return r;
}

static enum connector_fetch customer(struct call *c, const struct presta_order_in *in, long long *id)
{
	enum connector_fetch r = find(c, "customers", arena_printf(c->a, "display=%%5Bid%%5D&filter%%5Bemail%%5D=%s",
		presta_api_filter(c->a, in->email)), id, NULL, NULL);
	if (r != CONNECTOR_FETCH_OK || *id)
		return r;
	/* The Webservice wants a password; nobody knows this one: the shopper asks the shop for a new
	 * one if they ever want to sign in there. */
	unsigned char raw[18];
	char passwd[sizeof raw * 2 + 1];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(passwd, sizeof passwd, raw, sizeof raw);
	struct buf b;
	buf_init(&b, c->a, 512);
	buf_puts(&b, "<prestashop><customer>");
	field(&b, "passwd", passwd);
	field(&b, "lastname", in->last_name);
	field(&b, "firstname", in->first_name);
	field(&b, "email", in->email);
	buf_puts(&b, "<active>1</active><newsletter>0</newsletter><optin>0</optin></customer></prestashop>");
	r = create(c, "customers", buf_cstr(&b), id, NULL, NULL);
	sodium_memzero(passwd, sizeof passwd);
	return r;
}

static enum connector_fetch address(struct call *c, const struct presta_order_in *in, const struct settings *st,
				    long long customer_id, long long *id)
{
	const char *alias = arena_printf(c->a, PRESTA_ALIAS_PREFIX "%.20s", in->number);
	enum connector_fetch r = find(c, "addresses", arena_printf(c->a,
		"display=%%5Bid%%5D&filter%%5Bid_customer%%5D=%%5B%lld%%5D&filter%%5Balias%%5D=%s", customer_id,
		presta_api_filter(c->a, alias)), id, NULL, NULL);
	if (r != CONNECTOR_FETCH_OK || *id)
		return r;
	struct buf b;
	buf_init(&b, c->a, 1024);
	buf_puts(&b, "<prestashop><address>");
	id_field(&b, "id_customer", customer_id);
	id_field(&b, "id_country", st->country);
	id_field(&b, "id_state", st->state);
	field(&b, "alias", alias);
	field(&b, "lastname", in->last_name);
	field(&b, "firstname", in->first_name);
	field(&b, "address1", in->line1);
	field(&b, "address2", in->line2);
	field(&b, "postcode", in->postal);
	field(&b, "city", in->city);
	buf_puts(&b, "</address></prestashop>");
	return create(c, "addresses", buf_cstr(&b), id, NULL, NULL);
}

static enum connector_fetch cart(struct call *c, const struct presta_order_in *in, const struct settings *st,
				 long long customer_id, long long address_id, long long *id)
{
	enum connector_fetch r = find(c, "carts", arena_printf(c->a,
		"display=%%5Bid%%5D&filter%%5Bid_address_delivery%%5D=%%5B%lld%%5D", address_id), id, NULL, NULL);
	if (r != CONNECTOR_FETCH_OK || *id)
		return r;
	struct buf b;
	buf_init(&b, c->a, 1024);
	buf_puts(&b, "<prestashop><cart>");
	id_field(&b, "id_address_delivery", address_id);
	id_field(&b, "id_address_invoice", address_id);
	id_field(&b, "id_currency", st->currency);
	id_field(&b, "id_customer", customer_id);
	id_field(&b, "id_lang", st->lang);
	id_field(&b, "id_carrier", st->carrier);
	buf_puts(&b, "<associations><cart_rows>");
	for (size_t i = 0; i < in->nlines; i++) {
		buf_puts(&b, "<cart_row>");
		id_field(&b, "id_product", in->lines[i].product);
		id_field(&b, "id_product_attribute", in->lines[i].combination);
		id_field(&b, "id_address_delivery", address_id);
		id_field(&b, "quantity", in->lines[i].quantity);
		buf_puts(&b, "</cart_row>");
	}
	buf_puts(&b, "</cart_rows></associations></cart></prestashop>");
	return create(c, "carts", buf_cstr(&b), id, NULL, NULL);
}

/* PrestaShop computes the order's totals from the cart itself (its validateOrder) and compares
 * total_paid with them; the other totals are required fields it recomputes. */
static enum connector_fetch order(struct call *c, const struct presta_order_in *in, const struct settings *st,
				  long long customer_id, long long address_id, long long cart_id, long long *id,
				  const char **reference)
{
	enum connector_fetch r = find(c, "orders", arena_printf(c->a,
		"display=%%5Bid%%2Creference%%5D&filter%%5Bid_cart%%5D=%%5B%lld%%5D", cart_id), id, "reference", reference);
	if (r != CONNECTOR_FETCH_OK || *id)
		return r;
	struct buf b;
	buf_init(&b, c->a, 1024);
	buf_puts(&b, "<prestashop><order>");
	id_field(&b, "id_address_delivery", address_id);
	id_field(&b, "id_address_invoice", address_id);
	id_field(&b, "id_cart", cart_id);
	id_field(&b, "id_currency", st->currency);
	id_field(&b, "id_lang", st->lang);
	id_field(&b, "id_customer", customer_id);
	id_field(&b, "id_carrier", st->carrier);
	id_field(&b, "current_state", st->paid_state);
	field(&b, "module", config_str("prestashop_payment_module", "ps_wirepayment"));
	field(&b, "payment", "crowdcart");
	field(&b, "total_paid", in->total);
	field(&b, "total_paid_real", in->total);
	field(&b, "total_products", in->total);
	field(&b, "total_products_wt", in->total);
	buf_puts(&b, "<conversion_rate>1</conversion_rate></order></prestashop>");
	return create(c, "orders", buf_cstr(&b), id, "reference", reference);
}

enum connector_fetch presta_orders_push(const struct connector_http *http, struct arena *a, const struct presta_shop *s,
					const struct presta_order_in *in, long long *remote_id, const char **reference,
					bool *final, char err[200])
{
	struct call c = { http, a, s, false, err };
	struct settings st;
	long long customer_id = 0, address_id = 0, cart_id = 0;
	*remote_id = 0;
	*reference = "";
	enum connector_fetch r = in->nlines ? settings(&c, in, &st) : CONNECTOR_FETCH_FAILED;
	if (!in->nlines) {
		snprintf(err, 200, "no line of the order is synced from the shop any more");
		c.final = true;
	}
	if (r == CONNECTOR_FETCH_OK)
		r = customer(&c, in, &customer_id);
	if (r == CONNECTOR_FETCH_OK)
		r = address(&c, in, &st, customer_id, &address_id);
	if (r == CONNECTOR_FETCH_OK)
		r = cart(&c, in, &st, customer_id, address_id, &cart_id);
	if (r == CONNECTOR_FETCH_OK)
		r = order(&c, in, &st, customer_id, address_id, cart_id, remote_id, reference);
	*final = c.final;
	return r;
}

enum connector_fetch presta_orders_read(const struct connector_http *http, struct arena *a, const struct presta_shop *s,
					long long remote_id, struct presta_order_state *out, char err[200])
{
	struct call c = { http, a, s, false, err };
	xmlDoc *d;
	xmlNode *o;
	out->reference = out->carrier = out->tracking = "";
	out->shipped = false;
	enum connector_fetch r = presta_api_get(http, a, s, arena_printf(a, "orders/%lld", remote_id), "display=full", &d, &o,
						err);
	if (r != CONNECTOR_FETCH_OK)
		return r;
	out->reference = presta_xml_text(a, presta_xml_child(o, "reference"));
	long long state = presta_xml_id(presta_xml_child(o, "current_state"));
	xmlFreeDoc(d);
	long long carrier = 0;
	if ((r = presta_api_get(http, a, s, "order_carriers", arena_printf(a,
		"display=full&filter%%5Bid_order%%5D=%%5B%lld%%5D", remote_id), &d, &o, err)) != CONNECTOR_FETCH_OK)
		return r;
	for (xmlNode *n = o ? o->children : NULL; n; n = n->next) {
		const char *t = presta_xml_text(a, presta_xml_child(n, "tracking_number"));
		if (n->type == XML_ELEMENT_NODE && *t && !*out->tracking) {
			out->tracking = arena_strndup(a, t, 100);
			carrier = presta_xml_id(presta_xml_child(n, "id_carrier"));
		}
	}
	xmlFreeDoc(d);
	const char *name = "";
	if (*out->tracking) {
		out->shipped = true;
		if (carrier > 0 && (r = find(&c, "carriers", arena_printf(a, "display=%%5Bid%%2Cname%%5D&filter%%5Bid%%5D=%%5B%lld%%5D",
			carrier), &carrier, "name", &name)) != CONNECTOR_FETCH_OK)
			return r;
		out->carrier = arena_strndup(a, name, 60);
		return CONNECTOR_FETCH_OK;
	}
	/* No tracking number: the state says whether the shop counts the order as shipped. */
	long long found = 0;
	const char *shipped = "";
	if (state > 0 && (r = find(&c, "order_states", arena_printf(a, "display=%%5Bid%%2Cshipped%%5D&filter%%5Bid%%5D=%%5B%lld%%5D",
		state), &found, "shipped", &shipped)) != CONNECTOR_FETCH_OK)
		return r;
	out->shipped = found && strcmp(shipped, "1") == 0;
	return CONNECTOR_FETCH_OK;
}
