/* connect.c: crowdcartctl connect --brand SLUG --shop NAME.myshopify.com: what the studio's
 * connector form does, for operators and the sync bench. The access token and the client secret
 * are read from standard input, one a line, so they never sit in the process list or a shell's
 * history. */
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "domain/connectors/connector_store.h"
#include "domain/connectors/shopify_api.h"
#include "ctl/ctl.h"

static const struct db_stmt q_brand = { "SELECT id FROM brands WHERE slug = ?", "s", "i" };

static bool read_line(char *buf, size_t n)
{
	if (!fgets(buf, (int)n, stdin))
		return false;
	buf[strcspn(buf, "\r\n")] = '\0';
	return *buf != '\0';
}

int ctl_connect(struct db *db, int argc, char **argv)
{
	const char *slug = ctl_opt(argc, argv, "--brand"), *typed = ctl_opt(argc, argv, "--shop");
	char shop[256];
	if (!slug || !typed || argc != 4) {
		fprintf(stderr, "usage: crowdcartctl connect --brand SLUG --shop NAME.myshopify.com"
			" < (access token, then client secret, one a line)\n");
		return 2;
	}
	if (!shopify_api_shop(typed, shop)) {
		fprintf(stderr, "crowdcartctl: \"%s\" is not a Shopify address like name.myshopify.com\n", typed);
		return 2;
	}
	char token[CONNECTOR_SECRET_MAX + 2], secret[CONNECTOR_SECRET_MAX + 2];
	if (!read_line(token, sizeof token) || !read_line(secret, sizeof secret)) {
		fprintf(stderr, "crowdcartctl: give the access token and the client secret on standard input, one a line\n");
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
		rc = connector_store_connect(db, db_at(&b, 0, 0)->i, "shopify", shop, token, secret);
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
