/* connectors.c: "/studio/connectors" — connect the brand's Shopify shop (address, Admin API access
 * token, the app's client secret that signs webhooks; the two secrets are sealed at rest and never
 * shown again), the webhook address to register in Shopify, and the sync's progress and last
 * result. Nothing here calls the shop: crowdcartctl worker does (connector_sync.c). */
#include <stdio.h>
#include <string.h>
#include "domain/connectors/connector_store.h"
#include "domain/connectors/shopify_api.h"
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

static int render(struct req *r, int status, const char *error)
{
	struct connector_view v;
	enum db_status rc = connector_store_view(r->db, r->arena, r->brand->id, &v);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_connectors.tpl", "Shop connectors");
	const char *shop = req_form(r, "shop");
	tmpl_set(d, "SHOP", shop ? shop : v.found ? v.shop : "");
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	if (v.found) {
		tmpl_dict *c = tmpl_add(d, "CONNECTED");
		tmpl_set(c, "SHOP", v.shop);
		char base[BASE_URL_MAX];
		tmpl_set(c, "WEBHOOK_URL", arena_printf(r->arena, "%s/studio/webhooks/shopify/%lld",
							  base_url_get(base) ? base : "", v.id));
		if (strcmp(v.state, "running") == 0) {
			tmpl_dict *p = tmpl_add(c, "RUNNING");
			const char *text = v.total > 0 ? arena_printf(r->arena, "%s of %s products", thousands(r->arena, v.done),
								       thousands(r->arena, v.total))
							: arena_printf(r->arena, "%s products", thousands(r->arena, v.done));
			/* the rate so far, over what is left */
			if (v.total > v.done && v.done > 0 && v.seconds_running > 0)
				text = arena_printf(r->arena, "%s, %s left", text,
						    span(r->arena, (v.total - v.done) * v.seconds_running / v.done));
			tmpl_set(p, "TEXT", text);
		} else if (strcmp(v.state, "queued") == 0) {
			tmpl_show(c, "QUEUED");
		}
		if (*v.last_synced_at)
			tmpl_set(tmpl_add(c, "LAST"), "AT", v.last_synced_at);
		if (*v.last_result)
			tmpl_set(tmpl_add(c, "RESULT"), "TEXT", v.last_result);
	}
	layout_end(r, status);
	return REQ_DONE;
}

int page_connectors(struct req *r)
{
	return render(r, 200, NULL);
}

int page_connectors_connect(struct req *r)
{
	const char *typed = req_form(r, "shop"), *token = req_form(r, "token"), *secret = req_form(r, "secret");
	char shop[256];
	if (!typed || !shopify_api_shop(typed, shop))
		return render(r, 422, "Enter the shop's Shopify address, like your-shop.myshopify.com.");
	if (!token || !*token || !secret || !*secret)
		return render(r, 422, "Enter the Admin API access token and the app's client secret: both are on the app's"
			      " API credentials page in Shopify.");
	enum db_status rc = connector_store_connect(r->db, r->brand->id, shop, token, secret);
	if (rc == DB_CONFLICT)
		return render(r, 422, "The token or the secret is too long, or this server cannot store secrets"
			      " (its secret_key is not set).");
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/connectors");
	return REQ_DONE;
}

int page_connectors_sync(struct req *r)
{
	enum db_status rc = connector_store_queue(r->db, r->brand->id);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/connectors");
	return REQ_DONE;
}

int page_connectors_disconnect(struct req *r)
{
	enum db_status rc = connector_store_disconnect(r->db, r->brand->id);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/connectors");
	return REQ_DONE;
}
