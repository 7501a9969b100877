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
	size_t len = strlen(s);
	struct buf b;
	buf_init(&b, a, len + len / 8 + 64);
	/* Outside strings JSON has none of them, so escaping everywhere keeps the meaning. */
	for (const char *p = s;;) {
		size_t run = strcspn(p, "<>&");
		buf_put(&b, p, run);
		p += run;
		if (!*p)
			break;
		buf_puts(&b, *p == '<' ? "\\u003c" : *p == '>' ? "\\u003e" : "\\u0026");
		p++;
	}
	free(s);
	return buf_cstr(&b);
}
