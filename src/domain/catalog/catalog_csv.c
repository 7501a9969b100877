/* catalog_csv.c: libcsv callbacks turned into whole records with line numbers; see catalog_csv.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "domain/catalog/catalog_csv.h"
#include "lib/utf8.h"

/* libcsv grows one field's buffer through this; refusing makes csv_parse fail with CSV_ENOMEM,
 * which is how an enormous line is stopped without holding it. */
static void *capped_realloc(void *p, size_t n)
{
	return n > CATALOG_CSV_MAX_RECORD + 4096 ? NULL : realloc(p, n);
}

static int no_space(unsigned char c)
{
	(void)c;
	return 0;	/* keep white space: values are trimmed where it matters */
}

static void fail(struct catalog_csv *c, unsigned long line, const char *msg)
{
	if (c->stopped)
		return;
	c->stopped = true;
	c->err_line = line;
	snprintf(c->err, sizeof c->err, "%s", msg);
}

static void on_field(void *data, size_t n, void *vc)
{
	struct catalog_csv *c = vc;
	if (c->stopped)
		return;
	if (!c->in_record) {
		c->in_record = true;
		c->rec_line = c->line;
		c->nf = 0;
		c->storelen = 0;
	}
	const char *s = data ? data : "";
	unsigned long fline = c->line;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
			c->line++;
	if (c->nf == CATALOG_CSV_MAX_FIELDS) {
		fail(c, c->rec_line, "too many columns (more than 512)");
		return;
	}
	if (c->storelen + n + 1 > CATALOG_CSV_MAX_RECORD) {
		fail(c, c->rec_line, "the line is longer than 1 MiB");
		return;
	}
	if (memchr(s, '\0', n)) {
		fail(c, fline, "the file holds a NUL byte (is it a spreadsheet, not CSV?)");
		return;
	}
	if (!utf8_valid((const uint8_t *)s, n)) {
		fail(c, fline, "the text is not UTF-8 (save the file as CSV UTF-8)");
		return;
	}
	if (c->storelen + n + 1 > c->storecap) {
		while (c->storelen + n + 1 > c->storecap)
			c->storecap *= 2;
		c->store = realloc(c->store, c->storecap);
		if (!c->store)
			abort();
	}
	c->off[c->nf] = c->storelen;
	c->len[c->nf] = n;
	memcpy(c->store + c->storelen, s, n);
	c->store[c->storelen + n] = '\0';
	c->storelen += n + 1;
	c->nf++;
}

static void on_record_end(int term, void *vc)
{
	struct catalog_csv *c = vc;
	if (c->stopped)
		return;
	bool lf_of_crlf = term == '\n' && c->last_term == '\r' && !c->in_record;
	c->last_term = term;
	if (lf_of_crlf) {
		if (!c->crlf_line)
			c->crlf_line = c->line - 1;	/* the CR already counted the line */
		return;
	}
	if (term == '\n' || term == '\r')
		c->line++;
	if (!c->in_record)
		return;	/* a blank line */
	c->in_record = false;
	for (size_t i = 0; i < c->nf; i++)
		c->ptr[i] = c->store + c->off[i];
	if (!c->on_record(c->ctx, c->rec_line, c->ptr, c->len, c->nf))
		c->stopped = true;
}

void catalog_csv_init(struct catalog_csv *c, char delim, catalog_csv_record_fn fn, void *ctx)
{
	memset(c, 0, sizeof *c);
	if (csv_init(&c->p, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		abort();
	csv_set_delim(&c->p, (unsigned char)delim);
	csv_set_space_func(&c->p, no_space);
	csv_set_realloc_func(&c->p, capped_realloc);
	csv_set_blk_size(&c->p, 64 * 1024);	/* libcsv grows a field by this much: 128 bytes would be quadratic */
	c->on_record = fn;
	c->ctx = ctx;
	c->storecap = 4096;
	c->store = xmalloc(c->storecap);
	c->line = 1;
}

static void parse_failed(struct catalog_csv *c)
{
	int e = csv_error(&c->p);
	fail(c, c->in_record ? c->rec_line : c->line,
	     e == CSV_ENOMEM || e == CSV_ETOOBIG ? "the line is longer than 1 MiB"
	     : "bad quoting: a quote inside an unquoted value, or text after a closing quote"
	       " (double a quote inside a quoted value: \"\")");
}

bool catalog_csv_feed(struct catalog_csv *c, const void *data, size_t n)
{
	if (c->stopped)
		return false;
	const unsigned char *s = data;
	if (!c->started) {
		c->started = true;
		if (n >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff))) {
			fail(c, 1, "the file is UTF-16; save it as CSV UTF-8");
			return false;
		}
		if (n >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
			s += 3, n -= 3;	/* Excel's UTF-8 byte order mark carries no data */
			c->bom = true;
		}
	}
	if (csv_parse(&c->p, s, n, on_field, on_record_end, c) != n && !c->stopped)
		parse_failed(c);
	return !c->stopped;
}

bool catalog_csv_finish(struct catalog_csv *c)
{
	if (c->stopped)
		return false;
	if (csv_fini(&c->p, on_field, on_record_end, c) != 0 && !c->stopped)
		fail(c, c->in_record ? c->rec_line : c->line,
		     "a quoted value is never closed (a missing \" )");
	return !c->stopped;
}

void catalog_csv_free(struct catalog_csv *c)
{
	csv_free(&c->p);
	free(c->store);
	c->store = NULL;
}

char catalog_csv_sniff(const void *data, size_t n)
{
	const char *s = data;
	for (size_t i = 0; i < n && s[i] != '\n'; i++) {
		if (s[i] == '\t')
			return '\t';
		if (s[i] == ',')
			return ',';
	}
	return ',';
}
