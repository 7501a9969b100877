/* test_connectors.c: the connectors' pure parts: Shopify's shop address, reading GraphQL answers
 * (pages, the cost-based throttle, refusals), mapping products from both shapes Shopify sends, and
 * the webhook signature; WooCommerce's address, answers (paging headers, 429, errors) and products;
 * PrestaShop's XML answers and six-decimal prices. */
#include <string.h>
#include <check.h>
#include <sodium.h>
#include "domain/catalog/catalog_write.h"
#include "domain/connectors/connector_webhook.h"
#include "domain/connectors/shopify_api.h"
#include "domain/connectors/presta_api.h"
#include "domain/connectors/presta_map.h"
#include "domain/connectors/presta_orders.h"
#include "domain/connectors/shopify_map.h"
#include "domain/connectors/woo_api.h"
#include "domain/connectors/woo_map.h"
#include "suites.h"

START_TEST(test_shopify_shop_address_is_a_myshopify_name)
{
	char out[256];
	ck_assert(shopify_api_shop(" https://Cool-Shop.myshopify.com/ ", out));
	ck_assert_str_eq(out, "cool-shop.myshopify.com");
	ck_assert(shopify_api_shop("cool-shop.myshopify.com", out));
	static const char *const bad[] = {
		"", "myshopify.com", ".myshopify.com", "evil.com", "http://cool.myshopify.com", "a.b.myshopify.com",
		"cool.myshopify.com.evil.com", "cool.myshopify.com/admin", "cool.myshopify.com@evil.com",
		"169.254.169.254", "-x.myshopify.com", "cool.myshopify.com:8080",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!shopify_api_shop(bad[i], out), "%s", bad[i]);
}
END_TEST

START_TEST(test_shopify_reads_pages_throttles_and_refusals)
{
	struct shopify_page pg;
	const char *ok = "{\"data\":{\"products\":{\"edges\":[{\"cursor\":\"c1\",\"node\":{}}],"
		"\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"c1\"}},\"productsCount\":{\"count\":2000}},"
		"\"extensions\":{\"cost\":{\"requestedQueryCost\":652,\"actualQueryCost\":652,"
		"\"throttleStatus\":{\"maximumAvailable\":2000,\"currentlyAvailable\":252,\"restoreRate\":100}}}}";
	ck_assert_int_eq(shopify_api_read_products(200, ok, strlen(ok), &pg), SHOPIFY_OK);
	ck_assert_uint_eq(json_array_size(pg.edges), 1);
	ck_assert(pg.has_next);
	ck_assert_str_eq(pg.end_cursor, "c1");
	ck_assert_int_eq(pg.total, 2000);
	ck_assert_int_eq(pg.wait_ms, 4100);	/* (652 - 252) / 100 s, and a little more */
	json_decref(pg.root);

	const char *thr = "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}],"
		"\"extensions\":{\"cost\":{\"requestedQueryCost\":652,\"actualQueryCost\":null,"
		"\"throttleStatus\":{\"maximumAvailable\":2000,\"currentlyAvailable\":52,\"restoreRate\":100}}}}";
	ck_assert_int_eq(shopify_api_read_products(200, thr, strlen(thr), &pg), SHOPIFY_THROTTLED);
	ck_assert_int_eq(pg.wait_ms, 6100);
	json_decref(pg.root);

	const char *denied = "{\"errors\":[{\"message\":\"Access denied\",\"extensions\":{\"code\":\"ACCESS_DENIED\"}}]}";
	ck_assert_int_eq(shopify_api_read_products(200, denied, strlen(denied), &pg), SHOPIFY_REFUSED);
	json_decref(pg.root);
	ck_assert_int_eq(shopify_api_read_products(401, "{}", 2, &pg), SHOPIFY_REFUSED);
	ck_assert_int_eq(shopify_api_read_products(429, "", 0, &pg), SHOPIFY_THROTTLED);
	ck_assert_int_eq(shopify_api_read_products(502, "", 0, &pg), SHOPIFY_FAILED);
	ck_assert_int_eq(shopify_api_read_products(0, "", 0, &pg), SHOPIFY_FAILED);
	ck_assert_int_eq(shopify_api_read_products(200, "[1]", 3, &pg), SHOPIFY_FAILED);
	json_decref(pg.root);
	ck_assert_int_eq(shopify_api_read_products(200, "not json", 8, &pg), SHOPIFY_FAILED);
}
END_TEST

/* The product's strings point into the JSON, as in the sync: it stays alive until the test ends. */
static json_t *docs[8];
static size_t ndocs;

static struct catalog_product *map(struct arena *a, struct catalog_report *rep, const char *json, bool webhook,
				   struct connector_ids *ids)
{
	struct catalog_run run = { .fmt = CATALOG_SHOPIFY, .currency = "USD", .a = a, .rep = rep };
	json_t *j = json_loads(json, 0, NULL);
	ck_assert_ptr_nonnull(j);
	ck_assert_uint_lt(ndocs, 8);
	docs[ndocs++] = j;
	return webhook ? shopify_map_webhook(&run, j, 1, ids) : shopify_map_graphql(&run, j, 1, ids);
}

static void free_docs(void)
{
	while (ndocs)
		json_decref(docs[--ndocs]);
}

START_TEST(test_shopify_maps_both_shapes_of_a_product_alike)
{
	struct arena *a = arena_new(65536);
	struct catalog_report rep = { .a = a };
	struct connector_ids gi, wi;
	struct catalog_product *g = map(a, &rep,
		"{\"id\":\"gid://shopify/Product/7\",\"handle\":\"tee\",\"title\":\"Tee\",\"descriptionHtml\":\"<p>Soft</p>"
		"<script>x()</script>\",\"vendor\":\"Acme\",\"productType\":\"Shirts\",\"tags\":[\"a\",\"b\"],\"status\":\"DRAFT\","
		"\"options\":[{\"name\":\"Size\",\"position\":1}],"
		"\"media\":{\"nodes\":[{\"image\":{\"url\":\"https://cdn.test/1.jpg\",\"altText\":\"front\"}},{}]},"
		"\"variants\":{\"nodes\":[{\"id\":\"gid://shopify/ProductVariant/71\",\"sku\":\"T-S\",\"barcode\":null,"
		"\"price\":\"10.00\",\"compareAtPrice\":\"12.50\",\"inventoryQuantity\":3,\"inventoryPolicy\":\"DENY\","
		"\"selectedOptions\":[{\"name\":\"Size\",\"value\":\"S\"}],\"image\":{\"url\":\"https://cdn.test/1.jpg\"},"
		"\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/91\"}},"
		"{\"id\":\"gid://shopify/ProductVariant/72\",\"sku\":\"T-M\",\"price\":\"10.50\",\"compareAtPrice\":null,"
		"\"inventoryQuantity\":0,\"inventoryPolicy\":\"CONTINUE\",\"selectedOptions\":[{\"name\":\"Size\",\"value\":\"M\"}],"
		"\"image\":null,\"inventoryItem\":{\"id\":\"gid://shopify/InventoryItem/92\"}}]}}", false, &gi);
	struct catalog_product *w = map(a, &rep,
		"{\"id\":7,\"handle\":\"tee\",\"title\":\"Tee\",\"body_html\":\"<p>Soft</p><script>x()</script>\","
		"\"vendor\":\"Acme\",\"product_type\":\"Shirts\",\"tags\":\"a, b\",\"status\":\"draft\","
		"\"options\":[{\"name\":\"Size\",\"position\":1}],"
		"\"images\":[{\"id\":5,\"src\":\"https://cdn.test/1.jpg\",\"alt\":\"front\",\"position\":1}],"
		"\"variants\":[{\"id\":71,\"sku\":\"T-S\",\"price\":\"10.00\",\"compare_at_price\":\"12.50\",\"inventory_quantity\":3,"
		"\"inventory_policy\":\"deny\",\"option1\":\"S\",\"image_id\":5,\"inventory_item_id\":91},"
		"{\"id\":72,\"sku\":\"T-M\",\"price\":\"10.50\",\"compare_at_price\":null,\"inventory_quantity\":0,"
		"\"inventory_policy\":\"continue\",\"option1\":\"M\",\"image_id\":null,\"inventory_item_id\":92}]}", true, &wi);
	ck_assert_uint_eq(rep.error_count, 0);
	ck_assert_ptr_nonnull(g);
	ck_assert_ptr_nonnull(w);
	uint8_t dg[16], dw[16];
	catalog_product_digest(g, dg);
	catalog_product_digest(w, dw);
	ck_assert_mem_eq(dg, dw, 16);	/* the same product whichever way it came */
	ck_assert_str_eq(g->status, "draft");
	ck_assert_str_eq(g->body_html, "<p>Soft</p>");
	ck_assert_str_eq(g->tags, "a, b");
	ck_assert_str_eq(g->vars[0].ext_id, "71");
	ck_assert_int_eq(g->vars[0].compare_at, 1250);
	ck_assert(g->vars[1].policy_continue);
	ck_assert_str_eq(g->vars[0].image_url, "https://cdn.test/1.jpg");
	ck_assert_int_eq(gi.product, 7);
	ck_assert_uint_eq(gi.nitems, 2);
	ck_assert_int_eq(gi.item[1], 92);
	ck_assert_int_eq(wi.item[1], 92);
	free_docs();
	arena_free(a);
}
END_TEST

START_TEST(test_shopify_refuses_what_an_import_refuses)
{
	struct arena *a = arena_new(65536);
	struct catalog_report rep = { .a = a };
	struct connector_ids ids;
	ck_assert_ptr_null(map(a, &rep, "{\"id\":1,\"handle\":\"x y\",\"title\":\"=HYPERLINK(1)\",\"variants\":"
		"[{\"id\":2,\"price\":\"-1.00\",\"option1\":\"Default Title\"}],\"options\":[{\"name\":\"Title\"}]}", true, &ids));
	ck_assert_uint_ge(rep.error_count, 3);
	ck_assert_ptr_nonnull(strstr(rep.errors[0].msg, "handle"));
	ck_assert_ptr_nonnull(strstr(rep.errors[1].msg, "formula"));
	ck_assert_ptr_nonnull(strstr(rep.errors[2].msg, "negative"));
	ck_assert_ptr_null(map(a, &rep, "{\"id\":1,\"handle\":\"x\",\"title\":\"X\",\"variants\":[]}", true, &ids));
	ck_assert_int_eq(shopify_map_gid("gid://shopify/Product/123"), 123);
	ck_assert_int_eq(shopify_map_gid("gid://shopify/Product/"), 0);
	ck_assert_int_eq(shopify_map_gid("gid://shopify/Product/12x"), 0);
	free_docs();
	arena_free(a);
}
END_TEST

START_TEST(test_shopify_webhook_signature)
{
	const char *body = "{\"id\":1}", *secret = "hush";
	uint8_t mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, (const unsigned char *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)body, strlen(body));
	crypto_auth_hmacsha256_final(&st, mac);
	char b64[sodium_base64_ENCODED_LEN(sizeof mac, sodium_base64_VARIANT_ORIGINAL)];
	sodium_bin2base64(b64, sizeof b64, mac, sizeof mac, sodium_base64_VARIANT_ORIGINAL);
	ck_assert(connector_webhook_verify(secret, body, strlen(body), b64));
	ck_assert(!connector_webhook_verify("other", body, strlen(body), b64));
	ck_assert(!connector_webhook_verify(secret, "{\"id\":2}", 8, b64));
	ck_assert(!connector_webhook_verify(secret, body, strlen(body), NULL));
	ck_assert(!connector_webhook_verify(secret, body, strlen(body), ""));
	ck_assert(!connector_webhook_verify(secret, body, strlen(body), "AAAA"));
	b64[3] = b64[3] == 'A' ? 'B' : 'A';
	ck_assert(!connector_webhook_verify(secret, body, strlen(body), b64));
}
END_TEST

START_TEST(test_woo_shop_address_is_https_on_a_named_host)
{
	char out[256];
	ck_assert(woo_api_shop(" Shop.Example.com/store/ ", out));
	ck_assert_str_eq(out, "https://shop.example.com/store");
	ck_assert(woo_api_shop("https://shop.example.com", out));
	ck_assert_str_eq(out, "https://shop.example.com");
	static const char *const bad[] = {
		"", "http://shop.example.com", "https://169.254.169.254", "https://10.0.0.1/", "localhost", "https://.example.com",
		"https://user:pw@shop.example.com", "https://shop.example.com:8443", "https://shop.example.com/?a=1",
		"https://shop.example.com/../x", "ftp://shop.example.com", "https://shop.example.com/a b",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!woo_api_shop(bad[i], out), "%s", bad[i]);
	char token[64];
	struct woo_shop s;
	ck_assert(woo_api_join_token("ck_1", "cs_2", token, sizeof token));
	ck_assert(woo_api_split_token(token, &s));
	ck_assert_str_eq(s.key, "ck_1");
	ck_assert_str_eq(s.secret, "cs_2");
	ck_assert(!woo_api_join_token("ck:1", "cs_2", token, sizeof token));
	ck_assert(!woo_api_join_token("", "cs_2", token, sizeof token));
}
END_TEST

START_TEST(test_woo_reads_paging_limits_and_errors)
{
	struct woo_answer w;
	ck_assert_int_eq(woo_api_read(200, "[{\"id\":1}]", 10, "120", " 3", NULL, &w), CONNECTOR_FETCH_OK);
	ck_assert_int_eq(w.total, 120);
	ck_assert_int_eq(w.total_pages, 3);
	json_decref(w.root);
	ck_assert_int_eq(woo_api_read(429, "", 0, NULL, NULL, "7", &w), CONNECTOR_FETCH_WAIT);
	ck_assert_int_eq(w.wait_ms, 7000);
	ck_assert_int_eq(woo_api_read(429, "", 0, NULL, NULL, "3600", &w), CONNECTOR_FETCH_WAIT);
	ck_assert_int_eq(w.wait_ms, 10000);
	const char *e = "{\"code\":\"woocommerce_rest_authentication_error\",\"message\":\"Consumer key is invalid.\","
			"\"data\":{\"status\":401}}";
	ck_assert_int_eq(woo_api_read(401, e, strlen(e), NULL, NULL, NULL, &w), CONNECTOR_FETCH_REFUSED);
	ck_assert_str_eq(w.error, "the shop answered HTTP 401 woocommerce_rest_authentication_error: Consumer key is invalid.");
	ck_assert_int_eq(woo_api_read(500, "<html>", 6, NULL, NULL, NULL, &w), CONNECTOR_FETCH_FAILED);
	ck_assert_int_eq(woo_api_read(200, "<html>", 6, NULL, NULL, NULL, &w), CONNECTOR_FETCH_FAILED);
}
END_TEST

START_TEST(test_woo_maps_variable_and_simple_products)
{
	struct arena *a = arena_new(65536);
	struct catalog_report rep = { .a = a };
	struct catalog_run run = { .fmt = CATALOG_WOOCOMMERCE, .currency = "USD", .a = a, .rep = &rep };
	json_t *p = json_loads("{\"id\":9,\"slug\":\"tee\",\"name\":\"Tee\",\"type\":\"variable\",\"status\":\"publish\","
		"\"description\":\"<p>Soft</p><script>x()</script>\",\"categories\":[{\"name\":\"Shirts\"},{\"name\":\"X\"}],"
		"\"tags\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"images\":[{\"src\":\"https://cdn.test/1.jpg\",\"alt\":\"front\"}],"
		"\"attributes\":[{\"name\":\"Colour\",\"variation\":false,\"options\":[\"Red\"]},"
		"{\"name\":\"Size\",\"variation\":true,\"options\":[\"S\",\"M\"]}]}", 0, NULL);
	json_t *vars = json_loads("[{\"id\":91,\"sku\":\"T-S\",\"regular_price\":\"12.50\",\"sale_price\":\"10.00\","
		"\"manage_stock\":true,\"stock_quantity\":3,\"backorders\":\"no\",\"image\":{\"src\":\"https://cdn.test/1.jpg\"},"
		"\"attributes\":[{\"name\":\"Size\",\"option\":\"S\"}]},"
		"{\"id\":92,\"sku\":\"T-M\",\"regular_price\":\"10.50\",\"sale_price\":\"\",\"manage_stock\":false,"
		"\"stock_status\":\"instock\",\"backorders\":\"no\",\"image\":null,\"attributes\":[{\"name\":\"size\",\"option\":\"M\"}]}]",
		0, NULL);
	struct connector_ids ids;
	struct catalog_product *c = woo_map_product(&run, p, vars, 1, &ids);
	ck_assert_uint_eq(rep.error_count, 0);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->handle, "tee");
	ck_assert_str_eq(c->status, "active");
	ck_assert_str_eq(c->body_html, "<p>Soft</p>");
	ck_assert_str_eq(c->type, "Shirts");
	ck_assert_str_eq(c->tags, "a, b");
	ck_assert_uint_eq(c->nopts, 1);
	ck_assert_str_eq(c->opt_name[0], "Size");
	ck_assert_uint_eq(c->nvars, 2);
	ck_assert_int_eq(c->vars[0].price, 1000);
	ck_assert_int_eq(c->vars[0].compare_at, 1250);
	ck_assert_str_eq(c->vars[1].opt[0], "M");
	ck_assert_int_eq(c->vars[1].compare_at, -1);
	ck_assert(c->vars[1].stock_uncounted && c->vars[1].policy_continue);
	ck_assert_str_eq(c->vars[0].ext_id, "91");
	ck_assert_int_eq(ids.product, 9);
	ck_assert_int_eq(ids.item[1], 92);
	json_t *simple = json_loads("{\"id\":5,\"slug\":\"mug\",\"name\":\"Mug\",\"type\":\"simple\",\"status\":\"draft\","
		"\"sku\":\"M\",\"regular_price\":\"4.00\",\"sale_price\":\"\",\"manage_stock\":true,\"stock_quantity\":2,"
		"\"backorders\":\"notify\"}", 0, NULL);
	struct catalog_product *m = woo_map_product(&run, simple, NULL, 2, &ids);
	ck_assert_ptr_nonnull(m);
	ck_assert_str_eq(m->status, "draft");
	ck_assert_uint_eq(m->nvars, 1);
	ck_assert_str_eq(m->vars[0].ext_id, "5");
	ck_assert(m->vars[0].policy_continue);
	json_t *grouped = json_loads("{\"id\":6,\"slug\":\"set\",\"name\":\"Set\",\"type\":\"grouped\"}", 0, NULL);
	ck_assert_ptr_null(woo_map_product(&run, grouped, NULL, 3, &ids));
	ck_assert_uint_eq(rep.error_count, 1);
	json_decref(p);
	json_decref(vars);
	json_decref(simple);
	json_decref(grouped);
	arena_free(a);
}
END_TEST

START_TEST(test_presta_reads_xml_and_prices)
{
	long long m;
	ck_assert(presta_map_micros("23.900000", &m));
	ck_assert_int_eq(m, 23900000);
	ck_assert(presta_map_micros("-1.5", &m));
	ck_assert_int_eq(m, -1500000);
	ck_assert(!presta_map_micros("1.2345678", &m));
	ck_assert(!presta_map_micros("", &m));
	ck_assert(!presta_map_micros("1e3", &m));
	xmlDoc *d;
	xmlNode *list;
	char err[200];
	const char *e = "<?xml version=\"1.0\"?><prestashop><errors><error><code><![CDATA[17]]></code>"
			"<message><![CDATA[Authentication key does not exist]]></message></error></errors></prestashop>";
	ck_assert_int_eq(presta_api_read(401, e, strlen(e), &d, &list, err), CONNECTOR_FETCH_REFUSED);
	ck_assert_str_eq(err, "the shop answered HTTP 401: Authentication key does not exist");
	/* A DOCTYPE is refused: no entity can bring a file of the worker's, or a billion laughs, into a product. */
	const char *xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
			  "<prestashop><products><product><id>1</id><name>&x;</name></product></products></prestashop>";
	ck_assert_int_eq(presta_api_read(200, xxe, strlen(xxe), &d, &list, err), CONNECTOR_FETCH_FAILED);
	ck_assert_ptr_null(d);
	const char *ok = "<?xml version=\"1.0\"?><prestashop><products><product><id><![CDATA[1]]></id>"
			 "<name><language id=\"1\"><![CDATA[Mug]]></language><language id=\"2\">Tasse</language></name>"
			 "</product></products></prestashop>";
	ck_assert_int_eq(presta_api_read(200, ok, strlen(ok), &d, &list, err), CONNECTOR_FETCH_OK);
	struct arena *a = arena_new(4096);
	xmlNode *p = presta_xml_child(list, "product");
	ck_assert_int_eq(presta_xml_id(presta_xml_child(p, "id")), 1);
	ck_assert_str_eq(presta_xml_text(a, presta_xml_child(p, "name")), "Mug");
	xmlFreeDoc(d);
	ck_assert_int_eq(presta_api_read(200, "<html/>", 7, &d, &list, err), CONNECTOR_FETCH_FAILED);
	arena_free(a);
}
END_TEST

START_TEST(test_presta_order_names_items_and_filters)
{
	struct arena *a = arena_new(4096);
	const char *first, *last;
	presta_orders_names(a, "Ada Mae Lovelace", &first, &last);
	ck_assert_str_eq(first, "Ada Mae");
	ck_assert_str_eq(last, "Lovelace");
	/* PrestaShop refuses digits and most punctuation in a customer's name */
	presta_orders_names(a, "R2D2 (Droid) #1", &first, &last);
	ck_assert_str_eq(first, "RD");
	ck_assert_str_eq(last, "Droid");
	presta_orders_names(a, "Cher", &first, &last);
	ck_assert_str_eq(first, "Cher");
	ck_assert_str_eq(last, "Cher");
	presta_orders_names(a, "1234", &first, &last);
	ck_assert_str_eq(first, "Customer");
	long long item = presta_map_item(123, 4567);
	ck_assert_int_eq(presta_map_item_product(item), 123);
	ck_assert_int_eq(presta_map_item_combination(item), 4567);
	ck_assert_int_eq(presta_map_item_combination(presta_map_item(9, 0)), 0);
	ck_assert_int_eq(presta_map_item(0, 1), 0);
	ck_assert_int_eq(presta_map_item(1LL << 31, 1), 0);
	ck_assert_str_eq(presta_api_filter(a, "ada+1@example.com"), "%5Bada%2B1%40example.com%5D");
	ck_assert_str_eq(presta_api_filter(a, "crowdcart AB|C"), "%5Bcrowdcart%20AB%7CC%5D");
	arena_free(a);
}
END_TEST

/* The Webservice's tax_rules and taxes answers, read as lists. */
static xmlNode *tax_list(xmlDoc **d, const char *xml)
{
	char err[200];
	xmlNode *list;
	ck_assert_int_eq(presta_api_read(200, xml, strlen(xml), d, &list, err), CONNECTOR_FETCH_OK);
	return list;
}

START_TEST(test_presta_prices_with_the_default_country_tax)
{
	struct arena *a = arena_new(4096);
	xmlDoc *rd, *td;
	/* group 1: France 20 % only; group 2: France 5 % then 10 % one after another; group 3: a
	 * state's rule and a postal range's, neither the whole country's; group 4: "this tax only"
	 * first, so the second rule adds nothing */
	xmlNode *rules = tax_list(&rd, "<?xml version=\"1.0\"?><prestashop><tax_rules>"
		"<tax_rule><id>1</id><id_tax_rules_group>1</id_tax_rules_group><id_state>0</id_state><id_country>8</id_country>"
		"<zipcode_from>0</zipcode_from><zipcode_to>0</zipcode_to><id_tax>1</id_tax><behavior>0</behavior></tax_rule>"
		"<tax_rule><id>2</id><id_tax_rules_group>2</id_tax_rules_group><id_state>0</id_state><id_country>8</id_country>"
		"<zipcode_from>0</zipcode_from><zipcode_to>0</zipcode_to><id_tax>2</id_tax><behavior>2</behavior></tax_rule>"
		"<tax_rule><id>3</id><id_tax_rules_group>2</id_tax_rules_group><id_state>0</id_state><id_country>8</id_country>"
		"<zipcode_from>0</zipcode_from><zipcode_to>0</zipcode_to><id_tax>3</id_tax><behavior>2</behavior></tax_rule>"
		"<tax_rule><id>4</id><id_tax_rules_group>3</id_tax_rules_group><id_state>5</id_state><id_country>8</id_country>"
		"<zipcode_from>0</zipcode_from><zipcode_to>0</zipcode_to><id_tax>1</id_tax><behavior>0</behavior></tax_rule>"
		"<tax_rule><id>5</id><id_tax_rules_group>3</id_tax_rules_group><id_state>0</id_state><id_country>8</id_country>"
		"<zipcode_from>75000</zipcode_from><zipcode_to>75999</zipcode_to><id_tax>1</id_tax><behavior>0</behavior></tax_rule>"
		"<tax_rule><id>6</id><id_tax_rules_group>4</id_tax_rules_group><id_state>0</id_state><id_country>8</id_country>"
		"<zipcode_from>0</zipcode_from><zipcode_to>0</zipcode_to><id_tax>2</id_tax><behavior>0</behavior></tax_rule>"
		"<tax_rule><id>7</id><id_tax_rules_group>4</id_tax_rules_group><id_state>0</id_state><id_country>8</id_country>"
		"<zipcode_from>0</zipcode_from><zipcode_to>0</zipcode_to><id_tax>1</id_tax><behavior>1</behavior></tax_rule>"
		"<tax_rule><id>8</id><id_tax_rules_group>1</id_tax_rules_group><id_state>0</id_state><id_country>1</id_country>"
		"<zipcode_from>0</zipcode_from><zipcode_to>0</zipcode_to><id_tax>3</id_tax><behavior>0</behavior></tax_rule>"
		"</tax_rules></prestashop>");
	xmlNode *taxes = tax_list(&td, "<?xml version=\"1.0\"?><prestashop><taxes>"
		"<tax><id>1</id><rate><![CDATA[20.000]]></rate><active>1</active><deleted>0</deleted></tax>"
		"<tax><id>2</id><rate>5.000</rate><active>1</active><deleted>0</deleted></tax>"
		"<tax><id>3</id><rate>10.000</rate><active>1</active><deleted>0</deleted></tax>"
		"</taxes></prestashop>");
	struct presta_taxes t;
	presta_tax_build(a, rules, taxes, 8, &t);
	/* 10.00 without tax at 20 % is 12.00; 10.01 is 12.012, shown 12.01; 0.125 at 20 % 0.15 */
	ck_assert_int_eq(presta_tax_minor(presta_tax_find(&t, 1), 10000000, 10000), 1200);
	ck_assert_int_eq(presta_tax_minor(presta_tax_find(&t, 1), 10010000, 10000), 1201);
	ck_assert_int_eq(presta_tax_minor(presta_tax_find(&t, 1), 125000, 10000), 15);
	/* half up: 10.0375 at 20 % is 12.045, shown 12.05 */
	ck_assert_int_eq(presta_tax_minor(presta_tax_find(&t, 1), 10037500, 10000), 1205);
	/* 5 % then 10 % on 10.00: 11.55 (added up it would be 11.50) */
	ck_assert_int_eq(presta_tax_minor(presta_tax_find(&t, 2), 10000000, 10000), 1155);
	ck_assert_ptr_null(presta_tax_find(&t, 3));
	ck_assert_int_eq(presta_tax_minor(presta_tax_find(&t, 4), 10000000, 10000), 1050);
	ck_assert_ptr_null(presta_tax_find(&t, 0));
	ck_assert_int_eq(presta_tax_minor(NULL, 10004999, 10000), 1000);
	/* a specific price's reduction: 25 % off 12.00 is 9.00; 2.00 off with tax 10.00; 2.00 off
	 * before tax (10.00 - 2.00) x 1.2 = 9.60; never below nothing */
	const struct presta_tax_group *fr = presta_tax_find(&t, 1);
	ck_assert_int_eq(presta_tax_minor_reduced(fr, 10000000, &(struct presta_reduction){ true, true, 250000 }, 10000), 900);
	ck_assert_int_eq(presta_tax_minor_reduced(fr, 10000000, &(struct presta_reduction){ false, true, 2000000 }, 10000), 1000);
	ck_assert_int_eq(presta_tax_minor_reduced(fr, 10000000, &(struct presta_reduction){ false, false, 2000000 }, 10000), 960);
	ck_assert_int_eq(presta_tax_minor_reduced(fr, 1000000, &(struct presta_reduction){ false, true, 2000000 }, 10000), 0);
	ck_assert_int_eq(presta_tax_minor_reduced(presta_tax_find(&t, 2), 10000000, &(struct presta_reduction){ true, true, 100000 },
						  10000), 1040);	/* 11.55 less 10 %: 10.395 */
	/* JPY: no minor unit */
	ck_assert_int_eq(presta_tax_minor(presta_tax_find(&t, 1), 1000000000, 1000000), 1200);
	xmlFreeDoc(rd);
	xmlFreeDoc(td);
	arena_free(a);
}
END_TEST

Suite *connectors_suite(void)
{
	Suite *s = suite_create("connectors");
	TCase *tc = tcase_create("shopify");
	tcase_add_test(tc, test_shopify_shop_address_is_a_myshopify_name);
	tcase_add_test(tc, test_shopify_reads_pages_throttles_and_refusals);
	tcase_add_test(tc, test_shopify_maps_both_shapes_of_a_product_alike);
	tcase_add_test(tc, test_shopify_refuses_what_an_import_refuses);
	tcase_add_test(tc, test_shopify_webhook_signature);
	tcase_add_test(tc, test_woo_shop_address_is_https_on_a_named_host);
	tcase_add_test(tc, test_woo_reads_paging_limits_and_errors);
	tcase_add_test(tc, test_woo_maps_variable_and_simple_products);
	tcase_add_test(tc, test_presta_reads_xml_and_prices);
	tcase_add_test(tc, test_presta_order_names_items_and_filters);
	tcase_add_test(tc, test_presta_prices_with_the_default_country_tax);
	suite_add_tcase(s, tc);
	return s;
}
