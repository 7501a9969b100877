/* fuzz_catalog.h: the body of the three importer harnesses: check-only import of the input as
 * FUZZ_FORMAT, and the report's promises. */
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "domain/catalog/catalog_import.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (!a)
		a = arena_new(64 * 1024);
	struct catalog_mem m;
	struct catalog_source src = catalog_source_mem(&m, data, size);
	struct catalog_report rep = { .a = a };
	bool ok = catalog_import(NULL, 0, "USD", FUZZ_FORMAT, &src, "fuzz", &rep);
	if (ok != (rep.error_count == 0) || rep.nerrors > CATALOG_MAX_ERRORS || rep.nerrors > rep.error_count)
		abort();
	if (rep.error_count && rep.nerrors == 0)
		abort();
	for (size_t i = 0; i < rep.nerrors; i++)
		if (rep.errors[i].line == 0 || !utf8_valid((const uint8_t *)rep.errors[i].msg, strlen(rep.errors[i].msg)))
			abort();
	arena_reset(a);
	return 0;
}
