/* fuzz_catalog_shopify.c: libFuzzer harness for the shopify importer (see fuzz_catalog.h). */
#define FUZZ_FORMAT CATALOG_SHOPIFY
#include "fuzz_catalog.h"
