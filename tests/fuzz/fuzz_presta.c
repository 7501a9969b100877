/* fuzz_presta.c: libFuzzer harness for what a connected PrestaShop shop sends: a Webservice XML
 * answer, read with any status, and every <product> in it mapped with the combinations, stock,
 * option values and groups the same document holds. Whatever the bytes: no crash, no read out of
 * bounds, no entity expanded, and every product that maps passes the import's checks. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <libxml/parser.h>
#include "domain/connectors/presta_api.h"
#include "domain/connectors/presta_map.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const struct catalog_product *p)
{
	if (!p)
		return;
	if (!*p->title || p->nvars == 0 || p->nvars > CATALOG_MAX_VARIANTS ||
	    !utf8_valid((const uint8_t *)p->title, strlen(p->title)))
		abort();
	for (size_t i = 0; i < p->nimages; i++)
		if (strncmp(p->images[i].url, "https://shop.test/img/p/", 24) != 0)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (!a)
		a = arena_new(64 * 1024);
	arena_reset(a);
	char err[200];
	xmlDoc *d;
	xmlNode *list;
	int status = size && data[size - 1] == 1 ? 401 : 200;	/* a trailing byte 1 reads it as a refusal */
	if (presta_api_read(status, (const char *)data, size, &d, &list, err) != CONNECTOR_FETCH_OK)
		return 0;
	xmlNode *root = xmlDocGetRootElement(d);
	struct presta_taxes taxes;
	presta_tax_build(a, presta_xml_child(root, "tax_rules"), presta_xml_child(root, "taxes"), 8, &taxes);
	struct presta_lists l = { presta_xml_child(root, "combinations"), presta_xml_child(root, "stock_availables"),
				  presta_xml_child(root, "product_option_values"), presta_xml_child(root, "product_options"), &taxes,
				  presta_xml_child(root, "specific_prices"), "2026-12-07 00:00:00" };
	struct catalog_report rep = { .a = a };
	struct catalog_run run = { .fmt = CATALOG_SHOPIFY, .currency = "JPY", .a = a, .rep = &rep };
	struct connector_ids ids;
	unsigned long line = 0;
	for (xmlNode *p = presta_xml_child(presta_xml_child(root, "products"), "product"); p && line < 50; p = p->next)
		if (p->type == XML_ELEMENT_NODE)
			check(presta_map_product(&run, "https://shop.test", p, &l, ++line, &ids));
	xmlFreeDoc(d);
	return 0;
}
