/* connect.c: crowdcartctl connect --brand SLUG [--platform woocommerce|prestashop] --shop ADDRESS:
 * what the studio's connector forms do, for operators and the sync bench. The secrets (Shopify:
 * access token, client secret; WooCommerce: consumer key, consumer secret, webhook secret;
 * PrestaShop: the Webservice key) are read from standard input, one a line, so they never sit in
 * the process list or a shell's history. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "domain/connectors/connector_store.h"
#include "domain/connectors/presta_api.h"
#include "domain/connectors/shopify_api.h"
#include "domain/connectors/woo_api.h"
#include "ctl/ctl.h"

static const struct db_stmt q_brand = { "SELECT id FROM brands WHERE slug = ?", "s", "i" };

static bool read_line(char *buf, size_t n)
{
	if (!fgets(buf, (int)n, stdin))
		return false;
	buf[strcspn(buf, "\r\n")] = '\0';
	return *buf != '\0';
}

/* The shop address typed for platform, normalised into shop; false when it is not one. */
static bool shop_of(const char *platform, const char *typed, char shop[256])
{
	return strcmp(platform, "woocommerce") == 0 ? woo_api_shop(typed, shop)
	     : strcmp(platform, "prestashop") == 0 ? presta_api_shop(typed, shop) : shopify_api_shop(typed, shop);
}

int ctl_connect(struct db *db, int argc, char **argv)
{
	const char *slug = ctl_opt(argc, argv, "--brand"), *typed = ctl_opt(argc, argv, "--shop");
	const char *platform = ctl_opt(argc, argv, "--platform");
	platform = platform ? platform : "shopify";
	bool woo = strcmp(platform, "woocommerce") == 0, presta = strcmp(platform, "prestashop") == 0;
	char shop[256];
	if (!slug || !typed || argc != (ctl_opt(argc, argv, "--platform") ? 6 : 4) ||
	    (!woo && !presta && strcmp(platform, "shopify") != 0)) {
		fprintf(stderr, "usage: crowdcartctl connect --brand SLUG --shop NAME.myshopify.com"
			" < (access token, then client secret, one a line)\n"
			"       crowdcartctl connect --brand SLUG --platform woocommerce --shop https://SHOP"
			" < (consumer key, consumer secret, webhook secret, one a line)\n"
			"       crowdcartctl connect --brand SLUG --platform prestashop --shop https://SHOP < (Webservice key)\n");
		return 2;
	}
	if (!shop_of(platform, typed, shop)) {
		fprintf(stderr, woo || presta ? "crowdcartctl: \"%s\" is not an https address like https://shop.example.com\n"
				    : "crowdcartctl: \"%s\" is not a Shopify address like name.myshopify.com\n", typed);
		return 2;
	}
	char token[CONNECTOR_SECRET_MAX + 2], secret[CONNECTOR_SECRET_MAX + 2], key[CONNECTOR_SECRET_MAX + 2] = "";
	bool read = (!woo || read_line(key, sizeof key)) && read_line(token, sizeof token) &&
		    (presta || read_line(secret, sizeof secret));
	if (read && presta) {
		/* PrestaShop sends no webhooks: the secret that would check them is random, never used
		 * (as the studio's form does). */
		uint8_t raw[16];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2hex(secret, sizeof secret, raw, sizeof raw);
	}
	if (read && woo) {
		/* the token sealed for WooCommerce is "key:consumer secret" */
		char joined[CONNECTOR_SECRET_MAX + 2];
		read = woo_api_join_token(key, token, joined, sizeof joined);
		memcpy(token, joined, sizeof token);
		sodium_memzero(joined, sizeof joined);
	}
	sodium_memzero(key, sizeof key);
	if (!read) {
		fprintf(stderr, presta ? "crowdcartctl: give the Webservice key on standard input\n"
				: woo ? "crowdcartctl: give the consumer key, the consumer secret and the webhook secret on"
					" standard input, one a line\n"
				: "crowdcartctl: give the access token and the client secret on standard input, one a line\n");
		return 2;
	}
	struct arena *a = arena_new(4096);
	struct db_res b;
	enum db_status rc = db_query(db, a, &q_brand, (struct db_param[]){ DB_S(slug) }, &b);
	if (rc == DB_OK && b.nrows == 0) {
		fprintf(stderr, "crowdcartctl: no brand with the slug \"%s\"\n", slug);
		arena_free(a);
		return 1;
	}
	if (rc == DB_OK)
		rc = connector_store_connect(db, db_at(&b, 0, 0)->i, platform, shop, token, secret);
	sodium_memzero(token, sizeof token);
	sodium_memzero(secret, sizeof secret);
	arena_free(a);
	if (rc == DB_CONFLICT) {
		fprintf(stderr, "crowdcartctl: the token or the secret is too long, or secret_key is not set\n");
		return 1;
	}
	if (rc != DB_OK) {
		fprintf(stderr, "crowdcartctl: database error\n");
		return 1;
	}
	printf("connected %s to %s; crowdcartctl worker runs the first full sync\n", slug, shop);
	return 0;
}
