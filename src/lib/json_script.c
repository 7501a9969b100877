/* json_script.c: serialise JSON for an HTML script data block, nothing in it able to end the block. */
#include <stdlib.h>
#include <string.h>
#include "lib/buf.h"
#include "lib/json_script.h"

const char *json_script_dump(struct arena *a, const json_t *v)
{
	/* JSON_ESCAPE_SLASH turns every '/' into "\/"; the three left are the ones HTML reads. */
	char *s = json_dumps(v, JSON_COMPACT | JSON_ESCAPE_SLASH);
	if (!s)
		return NULL;
	struct buf b;
	buf_init(&b, a, strlen(s) + 64);
	for (const char *p = s; *p; p++) {
		/* Outside strings JSON has none of them, so escaping everywhere keeps the meaning. */
		if (*p == '<')
			buf_puts(&b, "\\u003c");
		else if (*p == '>')
			buf_puts(&b, "\\u003e");
		else if (*p == '&')
			buf_puts(&b, "\\u0026");
		else
			buf_putc(&b, *p);
	}
	free(s);
	return buf_cstr(&b);
}
