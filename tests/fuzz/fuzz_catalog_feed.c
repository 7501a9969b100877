/* fuzz_catalog_feed.c: libFuzzer harness for the feed importer (see fuzz_catalog.h). */
#define FUZZ_FORMAT CATALOG_FEED
#include "fuzz_catalog.h"
