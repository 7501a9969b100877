/* fuzz_tmpl_escape.c: libFuzzer harness for the HTML escape that replaces ctemplate's own
 * (web/tmpl_escape.cc): for any bytes, exactly what ctemplate's HtmlEscape writes. */
#include <stdint.h>
#include <stdlib.h>
#include "web/tmpl_escape.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!tmpl_escape_same((const char *)data, size))
		abort();
	return 0;
}
