/* fuzz_catalog_woocommerce.c: libFuzzer harness for the woocommerce importer (see fuzz_catalog.h). */
#define FUZZ_FORMAT CATALOG_WOOCOMMERCE
#include "fuzz_catalog.h"
