/* connectors.c: "/studio/connectors" — connect the brand's Shopify shop (address, Admin API access
 * token, the app's client secret that signs webhooks), WooCommerce shop (address, REST API
 * consumer key and secret, the webhooks' secret) or PrestaShop shop (address, Webservice key); the secrets are sealed at rest and never shown
 * again. Then the webhook address to register in the shop, and each sync's progress and last
 * result. Nothing here calls the shop: crowdcartctl worker does (connector_sync.c). */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "domain/connectors/connector_store.h"
#include "domain/connectors/presta_api.h"
#include "domain/connectors/shopify_api.h"
#include "domain/connectors/woo_api.h"
#include "lib/base_url.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/connectors.h"
#include "studio/studio.h"

/* "3 minutes", "1 hour", "2 days". */
static const char *span(struct arena *a, long long s)
{
	if (s < 60)
		return "less than a minute";
	long long n = s < 3600 ? s / 60 : s < 86400 ? s / 3600 : s / 86400;
	const char *unit = s < 3600 ? "minute" : s < 86400 ? "hour" : "day";
	return arena_printf(a, "%lld %s%s", n, unit, n == 1 ? "" : "s");
}

static const char *thousands(struct arena *a, long long n)
{
	return n >= 1000 ? arena_printf(a, "%lld,%03lld", n / 1000, n % 1000) : arena_printf(a, "%lld", n);
}

struct platform {
	const char *key, *name;
};
static const struct platform platforms[] = { { "shopify", "Shopify" }, { "woocommerce", "WooCommerce" },
					      { "prestashop", "PrestaShop" } };

/* The platform a form names (none: Shopify, as before there was a choice); NULL when unknown. */
static const struct platform *platform_of(struct req *r)
{
	const char *p = req_form(r, "platform");
	for (size_t i = 0; i < sizeof platforms / sizeof *platforms; i++)
		if (!p || !*p ? i == 0 : strcmp(p, platforms[i].key) == 0)
			return &platforms[i];
	return NULL;
}

static void progress(struct req *r, tmpl_dict *c, const struct connector_view *v)
{
	if (strcmp(v->state, "running") == 0) {
		tmpl_dict *p = tmpl_add(c, "RUNNING");
		const char *text = v->total > 0 ? arena_printf(r->arena, "%s of %s products", thousands(r->arena, v->done),
							       thousands(r->arena, v->total))
						: arena_printf(r->arena, "%s products", thousands(r->arena, v->done));
		/* the rate so far, over what is left */
		if (v->total > v->done && v->done > 0 && v->seconds_running > 0)
			text = arena_printf(r->arena, "%s, %s left", text,
					    span(r->arena, (v->total - v->done) * v->seconds_running / v->done));
		tmpl_set(p, "TEXT", text);
	} else if (strcmp(v->state, "queued") == 0) {
		tmpl_show(c, "QUEUED");
	}
	if (*v->last_synced_at)
		tmpl_set(tmpl_add(c, "LAST"), "AT", v->last_synced_at);
	if (*v->last_result)
		tmpl_set(tmpl_add(c, "RESULT"), "TEXT", v->last_result);
}

/* error: beside the form of the platform `failed` names. */
static int render(struct req *r, int status, const struct platform *failed, const char *error)
{
	tmpl_dict *d = layout_begin(r, "studio_connectors.tpl", "Shop connectors");
	char base[BASE_URL_MAX];
	const char *site = base_url_get(base) ? base : "";
	for (size_t i = 0; i < sizeof platforms / sizeof *platforms; i++) {
		const struct platform *pl = &platforms[i];
		struct connector_view v;
		enum db_status rc = connector_store_view(r->db, r->arena, r->brand->id, pl->key, &v);
		if (rc != DB_OK)
			return req_db_fail(rc);
		const char *shop = failed == pl ? req_form(r, "shop") : NULL;
		bool woo = strcmp(pl->key, "woocommerce") == 0, presta = strcmp(pl->key, "prestashop") == 0;
		tmpl_set(d, woo ? "WOO_SHOP" : presta ? "PRESTA_SHOP" : "SHOP", shop ? shop : v.found ? v.shop : "");
		if (error && failed == pl)
			tmpl_set(tmpl_add(d, woo ? "WOO_ERROR" : presta ? "PRESTA_ERROR" : "ERROR"), "TEXT", error);
		if (!v.found)
			continue;
		tmpl_dict *c = tmpl_add(d, "CONNECTED");
		tmpl_set(c, "PLATFORM", pl->key);
		tmpl_set(c, "PLATFORM_NAME", pl->name);
		tmpl_set(c, "SHOP", v.shop);
		tmpl_set(c, "WEBHOOK_URL", arena_printf(r->arena, "%s/studio/webhooks/%s/%lld", site, pl->key, v.id));
		tmpl_show(c, woo ? "WOO_TOPICS" : presta ? "PRESTA_NO_HOOKS" : "SHOPIFY_TOPICS");
		progress(r, c, &v);
	}
	layout_end(r, status);
	return REQ_DONE;
}

int page_connectors(struct req *r)
{
	return render(r, 200, NULL, NULL);
}

/* Both answer the page themselves unless the shop is saved (*saved true). */
static int connect_shopify(struct req *r, const struct platform *pl, bool *saved)
{
	const char *typed = req_form(r, "shop"), *token = req_form(r, "token"), *secret = req_form(r, "secret");
	char shop[256];
	if (!typed || !shopify_api_shop(typed, shop))
		return render(r, 422, pl, "Enter the shop's Shopify address, like your-shop.myshopify.com.");
	if (!token || !*token || !secret || !*secret)
		return render(r, 422, pl, "Enter the Admin API access token and the app's client secret: both are on the"
			      " app's API credentials page in Shopify.");
	enum db_status rc = connector_store_connect(r->db, r->brand->id, pl->key, shop, token, secret);
	if (rc == DB_CONFLICT)
		return render(r, 422, pl, "The token or the secret is too long, or this server cannot store secrets"
			      " (its secret_key is not set).");
	*saved = rc == DB_OK;
	return rc == DB_OK ? REQ_DONE : req_db_fail(rc);
}

static int connect_woo(struct req *r, const struct platform *pl, bool *saved)
{
	const char *typed = req_form(r, "shop"), *key = req_form(r, "key"), *secret = req_form(r, "token");
	const char *hook_secret = req_form(r, "secret");
	char shop[256];
	if (!typed || !woo_api_shop(typed, shop))
		return render(r, 422, pl, "Enter the shop's https address, like https://shop.example.com (a name, not an"
			      " IP address).");
	char joined[CONNECTOR_SECRET_MAX + 1];
	if (!key || !secret || !woo_api_join_token(key, secret, joined, sizeof joined) || !hook_secret || !*hook_secret)
		return render(r, 422, pl, "Enter the REST API consumer key and secret (WooCommerce, Settings, Advanced, REST"
			      " API, with Read/Write permission) and the secret you give the webhooks.");
	enum db_status rc = connector_store_connect(r->db, r->brand->id, pl->key, shop, joined, hook_secret);
	sodium_memzero(joined, sizeof joined);
	if (rc == DB_CONFLICT)
		return render(r, 422, pl, "The key or a secret is too long, or this server cannot store secrets"
			      " (its secret_key is not set).");
	*saved = rc == DB_OK;
	return rc == DB_OK ? REQ_DONE : req_db_fail(rc);
}

static int connect_presta(struct req *r, const struct platform *pl, bool *saved)
{
	const char *typed = req_form(r, "shop"), *key = req_form(r, "key");
	char shop[256];
	if (!typed || !presta_api_shop(typed, shop))
		return render(r, 422, pl, "Enter the shop's https address, like https://shop.example.com (a name, not an"
			      " IP address).");
	if (!key || !*key)
		return render(r, 422, pl, "Enter the Webservice key (PrestaShop, Advanced Parameters, Webservice, with the"
			      " permissions listed beside the key's box).");
	/* PrestaShop sends no webhooks: the secret that would check them is random, never used. */
	uint8_t raw[16];
	char unused[2 * sizeof raw + 1];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(unused, sizeof unused, raw, sizeof raw);
	enum db_status rc = connector_store_connect(r->db, r->brand->id, pl->key, shop, key, unused);
	if (rc == DB_CONFLICT)
		return render(r, 422, pl, "The key is too long, or this server cannot store secrets (its secret_key is not"
			      " set).");
	*saved = rc == DB_OK;
	return rc == DB_OK ? REQ_DONE : req_db_fail(rc);
}

int page_connectors_connect(struct req *r)
{
	const struct platform *pl = platform_of(r);
	if (!pl)
		return render(r, 422, NULL, NULL);
	bool saved = false;
	int status = strcmp(pl->key, "woocommerce") == 0 ? connect_woo(r, pl, &saved)
		   : strcmp(pl->key, "prestashop") == 0 ? connect_presta(r, pl, &saved) : connect_shopify(r, pl, &saved);
	if (!saved)
		return status;
	response_redirect(r, "/studio/connectors");
	return REQ_DONE;
}

int page_connectors_sync(struct req *r)
{
	const struct platform *pl = platform_of(r);
	if (!pl)
		return 422;
	enum db_status rc = connector_store_queue(r->db, r->brand->id, pl->key);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/connectors");
	return REQ_DONE;
}

int page_connectors_disconnect(struct req *r)
{
	const struct platform *pl = platform_of(r);
	if (!pl)
		return 422;
	enum db_status rc = connector_store_disconnect(r->db, r->brand->id, pl->key);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/connectors");
	return REQ_DONE;
}
