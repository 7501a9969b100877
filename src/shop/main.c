/* main.c: the public shop program: its routing table, top to bottom. */
#include "shop.h"

static const struct field no_fields[] = { { NULL, 0 } };
static const struct field via_fields[] = {
	{ "via", 30 }, { "utm_source", 100 }, { "utm_medium", 100 }, { "utm_campaign", 100 },
	{ NULL, 0 },
};

enum shop_page { SHOP_HOME, SHOP_PING, SHOP_PRODUCT, SHOP_STOREFRONT, SHOP_COLLECTION, SHOP__MAX };

static const struct route routes[] = {
	[SHOP_HOME] = { { HTTP_GET, "/" }, page_home, 0, no_fields },
	[SHOP_PING] = { { HTTP_GET, "/_ping" }, page_ping, NEED_NO_DB, no_fields },
	[SHOP_PRODUCT] = { { HTTP_GET, "/p/{brand}/{product}" }, page_product, 0, via_fields },
	[SHOP_STOREFRONT] = { { HTTP_GET, "/@{handle}" }, page_storefront, 0, via_fields },
	[SHOP_COLLECTION] = { { HTTP_GET, "/@{handle}/{collection}" }, page_collection, 0, via_fields },
};
_Static_assert(sizeof routes / sizeof routes[0] == SHOP__MAX, "one row per shop page");

int main(int argc, char **argv)
{
	static const struct app shop = { "shop", routes, SHOP__MAX };
	return app_main(&shop, argc, argv);
}
