/* fuzz_input.c: libFuzzer harness for the typed-input validators and the dispatcher's pre-handler check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "web/input.h"
#include "web/kv.h"

static const struct field fuzz_path[] = { F_ID("id"), F_TEXT("slug", 0), F_END };
static const struct field fuzz_fields[] = {
	F_ID("variant"),
	F_INT("quantity", 4, 0, 99, .inline_error = true),
	F_INT("stock", 12, -1000000, 1000000),
	F_MONEY("price", 20),
	F_EMAIL("email"),
	F_SLUG("handle", 30),
	F_ENUM("dir", 4, F_ONE_OF("up", "down")),
	F_DATE("from"),
	F_URL("url", 500),
	F_TEXT("note", 5, .required = true),
	F_END,
};

/* A crash here is a broken promise of input.h, not just a memory error. */
static void fuzz_check_value(const char *s)
{
	long long v;
	char back[32];
	if (input_id(s, &v)) {
		snprintf(back, sizeof back, "%lld", v);
		if (v < 1 || strcmp(back, s) != 0)	/* an id has exactly one spelling */
			abort();
	}
	if (input_int(s, -5, 5, &v) && (v < -5 || v > 5))
		abort();
	if (input_date(s) && strlen(s) != 10)
		abort();
	if (input_slug(s) && (s[0] == '-' || strstr(s, "--")))
		abort();
	if (input_url(s) && strncmp(s, "http", 4) != 0)
		abort();
	(void)input_money(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	const struct kv_limits lim = {.max_fields = 64, .max_key = 32, .max_val = 1024};
	if (!a)
		a = arena_new(64 * 1024);

	/* Up to the first newline: the path's {id}; the rest: an urlencoded body. */
	const uint8_t *nl = memchr(data, '\n', size);
	size_t idlen = nl ? (size_t)(nl - data) : size;
	char *id = arena_strndup(a, (const char *)data, idlen);
	fuzz_check_value(id);

	struct kvlist form, query = { .items = NULL, .n = 0 };
	if (nl && kv_parse_form(a, nl + 1, size - idlen - 1, &lim, &form) == KV_OK) {
		struct route_params p = { .name = { "id", "slug" }, .val = { id, "x" }, .n = *id ? 2 : 0 };
		struct input_problem why = { 0 };
		size_t before = form.n;
		int st = input_validate(fuzz_path, fuzz_fields, &p, &query, &form, &why);
		if (st != 0 && st != 400 && st != 404 && st != 422)
			abort();
		if ((st == 400 || st == 422) && (!why.field || !input_field(fuzz_fields, why.field)))
			abort();
		if (st == 0) {
			if (form.n > before)
				abort();
			for (size_t i = 0; i < form.n; i++) {
				const struct field *f = input_field(fuzz_fields, form.items[i].key);
				if (!f)
					abort();	/* an undeclared field reached the handler */
				/* A required field is checked by name (its first value): a repeat may be blank. */
				enum input_verdict v = input_check(f, form.items[i].val, form.items[i].vallen);
				if (v == INPUT_TOO_LONG || (v == INPUT_BAD && !f->inline_error))
					abort();
			}
		}
		for (size_t i = 0; i < form.n; i++)
			fuzz_check_value(form.items[i].val);
	}
	arena_reset(a);
	return 0;
}
