/* fuzz_cell_guard.c: libFuzzer harness for the formula guard every CSV and TSV writer shares
 * (cell_guard.h) and the CSV writer around it (csv_out.h), and their promises. */
#include <stdlib.h>
#include <string.h>
#include "lib/cell_guard.h"
#include "lib/csv_out.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = malloc(size + 2);
	if (!s)
		return 0;
	s[0] = '\'';
	memcpy(s + 1, data, size);
	s[size + 1] = '\0';
	const char *v = s + 1;	/* the value up to its first NUL */
	bool needed = cell_guard_needed(v);
	/* A cell left alone cannot start a formula but as a number or a phone number. */
	if (!needed && v[0] && strchr("=@\t\r", v[0]))
		abort();
	if (!needed && (v[0] == '+' || v[0] == '-') && strspn(v + 1, "0123456789 ().-") != strlen(v + 1))
		abort();
	/* What the guard adds, its undo takes off; nothing else. */
	const char *back = cell_guard_undo(s);
	if (needed ? back != v : back != s)
		abort();
	/* The CSV cell written: a guarded value starts with ' (inside quotes if quoted). */
	struct arena *a = arena_new(4096);
	struct buf b;
	buf_init(&b, a, 64);
	struct csv_out c;
	csv_out_begin(&c, &b);
	csv_out_text(&c, v);
	const char *out = buf_cstr(&b) + 3;
	if (needed && !(out[0] == '\'' || (out[0] == '"' && out[1] == '\'')))
		abort();
	arena_free(a);
	free(s);
	return 0;
}
