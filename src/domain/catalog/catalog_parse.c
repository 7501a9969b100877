/* catalog_parse.c: the parse side's driver: a source through libcsv and the format's mapper,
 * every row checked, the good products handed to a sink. No database, no I/O of its own. */
#include <stdlib.h>
#include <string.h>
#include "domain/catalog/catalog_csv.h"
#include "domain/catalog/catalog_map.h"

#define CHUNK 65536

static const char *const format_names[] = { "shopify", "woocommerce", "feed" };

bool catalog_format_parse(const char *s, enum catalog_format *out)
{
	for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum catalog_format)i;
			return true;
		}
	return false;
}

const char *catalog_format_name(enum catalog_format f)
{
	return format_names[f];
}

static size_t mem_read(void *ctx, void *buf, size_t n)
{
	struct catalog_mem *m = ctx;
	size_t k = m->len - m->pos < n ? m->len - m->pos : n;
	memcpy(buf, m->p + m->pos, k);
	m->pos += k;
	return k;
}

static bool mem_rewind(void *ctx)
{
	((struct catalog_mem *)ctx)->pos = 0;
	return true;
}

struct catalog_source catalog_source_mem(struct catalog_mem *m, const void *data, size_t len)
{
	m->p = data;
	m->len = len;
	m->pos = 0;
	return (struct catalog_source){ mem_read, mem_rewind, m };
}

/* Pass one remembers every handle (not the products) so that two products never claim one. */
struct handles {
	struct arena *a;
	const char **key;
	unsigned long *line;
	size_t cap, n;
};

static size_t handle_slot(const struct handles *h, const char *key)
{
	uint64_t x = 1469598103934665603ULL;
	for (const char *s = key; *s; s++)
		x = (x ^ (unsigned char)*s) * 1099511628211ULL;
	size_t i = (size_t)x & (h->cap - 1);
	while (h->key[i] && strcmp(h->key[i], key) != 0)
		i = (i + 1) & (h->cap - 1);
	return i;
}

/* False (with the line of the first) if key was already there. */
static bool handle_add(struct handles *h, const char *key, unsigned long line, unsigned long *first)
{
	if (h->n * 2 >= h->cap) {
		struct handles g = { h->a, NULL, NULL, h->cap ? h->cap * 2 : 1024, 0 };
		g.key = arena_zalloc(h->a, g.cap * sizeof *g.key);
		g.line = arena_zalloc(h->a, g.cap * sizeof *g.line);
		for (size_t i = 0; i < h->cap; i++)
			if (h->key[i]) {
				size_t j = handle_slot(&g, h->key[i]);
				g.key[j] = h->key[i];
				g.line[j] = h->line[i];
				g.n++;
			}
		*h = g;
	}
	size_t i = handle_slot(h, key);
	if (h->key[i]) {
		*first = h->line[i];
		return false;
	}
	h->key[i] = arena_strdup(h->a, key);
	h->line[i] = line;
	h->n++;
	return true;
}

/* Counts every product and hands the good ones on while the file is still clean. */
struct sink {
	struct handles seen;
	catalog_sink_fn fn;
	void *ctx;
	bool stopped;
};

static bool parse_emit(struct catalog_run *run, struct catalog_product *p)
{
	struct sink *s = run->emit_ctx;
	unsigned long first;
	if (*p->handle && !handle_add(&s->seen, p->handle, p->line, &first))
		catalog_err(run, p->line, "the handle \"%s\" is already taken by the product at line %lu"
			" (a product's rows must be together, and names must differ)", p->handle, first);
	run->rep->products++;
	run->rep->variants += p->nvars;
	run->rep->images += p->nimages;
	enum catalog_sink_ret r = CATALOG_SINK_RELEASE;
	if (s->fn && !p->bad && run->rep->error_count == 0)
		r = s->fn(s->ctx, p);
	if (r == CATALOG_SINK_STOP) {
		s->stopped = true;
		return false;
	}
	if (run->streaming && r == CATALOG_SINK_RELEASE)
		arena_reset(run->a);
	return true;
}

static void notice(struct catalog_report *rep, unsigned long line, const char *msg)
{
	if (rep->nnotices < CATALOG_MAX_NOTICES)
		rep->notices[rep->nnotices++] = (struct catalog_error){ line, msg };
}

/* Reads the whole source through the format's mapper. False when reading stopped early. */
static bool read_all(struct catalog_run *run, const struct catalog_source *src)
{
	static const catalog_csv_record_fn record[] = { catalog_shopify_record, catalog_woo_record, catalog_feed_record };
	static bool (*const finish[])(struct catalog_run *) = { catalog_shopify_finish, catalog_woo_finish, catalog_feed_finish };
	char *chunk = xmalloc(CHUNK);
	struct catalog_csv c;
	size_t n = src->read(src->ctx, chunk, CHUNK);
	char delim = run->fmt == CATALOG_FEED ? catalog_csv_sniff(chunk, n) : ',';
	catalog_csv_init(&c, delim, record[run->fmt], run);
	bool ok = true;
	if (n == 0)
		ok = catalog_err(run, 1, "the file is empty");
	while (ok && n > 0) {
		ok = catalog_csv_feed(&c, chunk, n);
		n = ok ? src->read(src->ctx, chunk, CHUNK) : 0;
	}
	ok = ok && catalog_csv_finish(&c);
	if (c.err[0])
		catalog_err(run, c.err_line, "%s", c.err);
	/* Accepted, as Excel writes them, but said: the uploader sees what was changed. */
	if (c.bom)
		notice(run->rep, 1, "UTF-8 byte-order mark removed");
	if (c.crlf_line)
		notice(run->rep, c.crlf_line, "CRLF (Windows) line ends, read as line breaks");
	if (ok && !run->header_done)
		ok = catalog_err(run, 1, "the file has no header row");
	ok = ok && finish[run->fmt](run);
	catalog_csv_free(&c);
	free(chunk);
	return ok;
}

static void run_init(struct catalog_run *run, struct arena *a, enum catalog_format f, const char *currency,
		     struct catalog_report *rep)
{
	memset(run, 0, sizeof *run);
	run->fmt = f;
	run->currency = currency;
	run->a = a;
	run->rep = rep;
	run->streaming = f == CATALOG_SHOPIFY;
}

static unsigned long parse_runs;

unsigned long catalog_parse_runs(void)
{
	return parse_runs;
}

bool catalog_parse(enum catalog_format f, const char *currency, const struct catalog_source *src,
		   struct catalog_report *rep, catalog_sink_fn sink, void *sink_ctx)
{
	parse_runs++;
	struct arena *a = arena_new(1 << 16);
	struct catalog_run run;
	struct sink s = { .seen = { .a = arena_new(1 << 16) }, .fn = sink, .ctx = sink_ctx };
	run_init(&run, a, f, currency, rep);
	run.emit = parse_emit;
	run.emit_ctx = &s;
	bool ok = read_all(&run, src) && !s.stopped && rep->error_count == 0;
	if (ok && sink && sink(sink_ctx, NULL) == CATALOG_SINK_STOP)
		ok = false;
	arena_free(s.seen.a);
	arena_free(a);
	return ok;
}
