/* fuzz_multipart.c: libFuzzer harness for multipart_parse/multipart_split and their promises. */
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "web/multipart.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The first line of the input is the Content-Type, the rest the body. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	static const struct mp_limits lim = { 16, 512, 1024 };
	if (!a)
		a = arena_new(64 * 1024);
	const uint8_t *nl = memchr(data, '\n', size);
	size_t ctlen = nl ? (size_t)(nl - data) : 0;
	const char *ct = nl ? arena_strndup(a, (const char *)data, ctlen) : "multipart/form-data; boundary=XyZ";
	const uint8_t *body = nl ? nl + 1 : data;
	size_t blen = size - (size_t)(body - data);
	struct mp_list parts;
	if (multipart_parse(a, ct, body, blen, &lim, &parts) == MP_OK) {
		if (parts.n > lim.max_parts)
			abort();
		for (size_t i = 0; i < parts.n; i++) {
			const struct mp_part *p = &parts.items[i];
			if (p->data < body || p->data + p->len > body + blen)
				abort();
			if (!p->name || !*p->name || !utf8_valid((const uint8_t *)p->name, strlen(p->name)))
				abort();
			if (!p->filename && p->len > lim.max_field)
				abort();
		}
		struct kvlist form;
		struct mp_list files;
		if (multipart_split(a, &parts, &form, &files) == MP_OK) {
			if (form.n + files.n != parts.n)
				abort();
			for (size_t i = 0; i < form.n; i++)
				if (strlen(form.items[i].val) != form.items[i].vallen ||
				    !utf8_valid((const uint8_t *)form.items[i].val, form.items[i].vallen))
					abort();
		}
	}
	arena_reset(a);
	return 0;
}
