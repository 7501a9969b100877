/* json_script.h: JSON that may sit inside an HTML <script> data block (schema.org JSON-LD). The
 * HTML parser ends a script at the first "</script" and opens comments at "<!--" whatever the
 * JSON means, so no '<', '>', '&' or '/' may appear raw: each is written as its \u escape, which
 * any JSON reader turns back into the same character. */
#ifndef CC_JSON_SCRIPT_H
#define CC_JSON_SCRIPT_H
#include <jansson.h>
#include "lib/arena.h"
#include "lib/buf.h"

/* v serialised compactly into arena a with <, >, & and / escaped; NULL when jansson fails. Pure. */
const char *json_script_dump(struct arena *a, const json_t *v);
/* The JSON string of the n bytes at s (valid UTF-8), quoted and escaped the same way, onto b. */
void json_script_string(struct buf *b, const char *s, size_t n);

#endif
