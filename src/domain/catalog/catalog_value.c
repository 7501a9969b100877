/* catalog_value.c: the checks every importer applies to a cell, and the product model helpers. */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "domain/catalog/catalog_map.h"
#include "lib/money.h"
#include "lib/utf8.h"
#include "lib/validate.h"

bool catalog_err(struct catalog_run *run, unsigned long line, const char *fmt, ...)
{
	struct catalog_report *rep = run->rep;
	rep->error_count++;
	if (rep->nerrors == CATALOG_MAX_ERRORS)
		return false;
	char msg[CATALOG_MAX_MESSAGE];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* Quoted cell values are cut to a few bytes ("%.40s"), which can split a character. */
	for (size_t i = 0, n = strlen(msg); i < n;) {
		unsigned char c = (unsigned char)msg[i];
		size_t k = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
		if (i + k <= n && utf8_valid((const uint8_t *)msg + i, k)) {
			i += k;
			continue;
		}
		msg[i++] = '?';
	}
	rep->errors[rep->nerrors].line = line;
	rep->errors[rep->nerrors].msg = arena_strdup(rep->a, msg);
	rep->nerrors++;
	return false;
}

static const char *trim(struct catalog_run *run, const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return arena_strndup(run->a, s, n);
}

bool catalog_header_is(const char *cell, const char *name)
{
	while (*cell == ' ' || *cell == '\t' || *cell == '\r' || *cell == '\n')
		cell++;
	size_t n = strlen(cell), want = strlen(name);
	while (n && (cell[n - 1] == ' ' || cell[n - 1] == '\t' || cell[n - 1] == '\r' || cell[n - 1] == '\n'))
		n--;
	return n == want && strncasecmp(cell, name, n) == 0;
}

bool catalog_header(struct catalog_run *run, const char *const *names, size_t nnames,
		const char *const *f, size_t n, const char *const *required)
{
	for (size_t k = 0; k < CATALOG_MAX_COLS; k++)
		run->col[k] = -1;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < nnames; k++)
			if (run->col[k] < 0 && catalog_header_is(f[i], names[k]))
				run->col[k] = (int)i;
	bool ok = true;
	for (const char *const *r = required; *r; r++) {
		size_t k = 0;
		while (k < nnames && strcasecmp(names[k], *r) != 0)
			k++;
		if (k == nnames || run->col[k] < 0)
			ok = catalog_err(run, 1, "the required column \"%s\" is missing from the header (is this a %s file?)",
				     *r, catalog_format_name(run->fmt));
	}
	run->header_done = true;
	return ok;
}

const char *catalog_col(struct catalog_run *run, int k, const char *const *f, size_t n)
{
	int i = run->col[k];
	return i >= 0 && (size_t)i < n ? trim(run, f[i]) : "";
}

/* Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR before one) as a
 * formula; such a cell in an export is an injection attempt or a broken file. "-5" is a number. */
static bool formula(const char *v)
{
	unsigned char c = (unsigned char)v[0];
	if (c == '=' || c == '@')
		return true;
	if (c == '+' || c == '-')
		return v[1] && !isdigit((unsigned char)v[1]) && v[1] != '.' && v[1] != ' ';
	return false;
}

bool catalog_text(struct catalog_run *run, unsigned long line, const char *col, const char *v, size_t max,
	      const char **out)
{
	if (formula(v))
		return catalog_err(run, line, "%s starts with \"%c\": spreadsheet formulas are not accepted", col, v[0]);
	if (strlen(v) > max)
		return catalog_err(run, line, "%s is longer than %zu bytes", col, max);
	*out = v;
	return true;
}

bool catalog_price(struct catalog_run *run, unsigned long line, const char *col, const char *v,
	       const char *currency, long long *out)
{
	if (!*v)
		return catalog_err(run, line, "%s is empty", col);
	if (v[0] == '-')
		return catalog_err(run, line, "%s \"%.40s\" is negative", col, v);
	if (formula(v))
		return catalog_err(run, line, "%s starts with \"%c\": spreadsheet formulas are not accepted", col, v[0]);
	if (strchr(v, ','))
		return catalog_err(run, line, "%s \"%.40s\": write prices without thousands separators, like 1234.50", col, v);
	if (!money_parse(v, currency, out))
		return catalog_err(run, line, "%s \"%.40s\" is not a price in %s (like 12.50)", col, v, currency);
	return true;
}

bool catalog_count(struct catalog_run *run, unsigned long line, const char *col, const char *v, long long *out)
{
	const char *p = v;
	if (*p == '-')
		p++;
	if (!*p || strlen(p) > 9)
		return catalog_err(run, line, "%s \"%.40s\" is not a whole number", col, v);
	long long n = 0;
	for (; *p; p++) {
		if (!isdigit((unsigned char)*p))
			return catalog_err(run, line, "%s \"%.40s\" is not a whole number", col, v);
		n = n * 10 + (*p - '0');
	}
	*out = v[0] == '-' ? -n : n;
	return true;
}

bool catalog_valid_handle(const char *h)
{
	size_t n = strlen(h);
	if (n == 0 || n > CATALOG_MAX_HANDLE)
		return false;
	for (; *h; h++)
		if (!isalnum((unsigned char)*h) && *h != '-' && *h != '_' && *h != '.')
			return false;
	return true;
}

bool catalog_make_handle(struct catalog_run *run, const char *s, const char **out)
{
	char buf[CATALOG_MAX_HANDLE + 1];
	if (!validate_slugify(s, buf, sizeof buf))
		return false;
	*out = arena_strdup(run->a, buf);
	return true;
}

struct catalog_product *catalog_product_new(struct catalog_run *run, unsigned long line)
{
	struct catalog_product *p = arena_zalloc(run->a, sizeof *p);
	p->line = line;
	p->handle = p->title = p->body_html = p->vendor = p->type = p->tags = "";
	p->status = "active";
	return p;
}

#define GROW(run, arr, n, cap) do { \
	if ((n) == (cap)) { \
		size_t nc = (cap) ? (cap) * 2 : 4; \
		void *g = arena_alloc((run)->a, nc * sizeof *(arr)); \
		if (n) memcpy(g, (arr), (n) * sizeof *(arr)); \
		(arr) = g; (cap) = nc; \
	} } while (0)

struct catalog_variant *catalog_variant_add(struct catalog_run *run, struct catalog_product *p, unsigned long line)
{
	if (p->nvars == CATALOG_MAX_VARIANTS) {
		if (!p->bad)
			catalog_err(run, line, "product \"%s\" has more than %d variants", p->handle, CATALOG_MAX_VARIANTS);
		p->bad = true;
		return NULL;
	}
	GROW(run, p->vars, p->nvars, p->capvars);
	struct catalog_variant *v = &p->vars[p->nvars++];
	memset(v, 0, sizeof *v);
	v->ext_id = v->sku = v->barcode = v->image_url = "";
	for (int k = 0; k < CATALOG_MAX_OPTIONS; k++)
		v->opt[k] = "";
	v->compare_at = -1;
	v->currency = run->currency;
	v->line = line;
	return v;
}

static bool url_ok(const char *u)
{
	if (strncasecmp(u, "https://", 8) != 0 && strncasecmp(u, "http://", 7) != 0)
		return false;
	for (; *u; u++)
		if ((unsigned char)*u <= 0x20 || *u == '"' || *u == '<' || *u == '>' || *u == '\\')
			return false;
	return true;
}

bool catalog_image_add(struct catalog_run *run, struct catalog_product *p, const char *url, const char *alt,
		   unsigned long line)
{
	return catalog_image_add_at(run, p, url, alt, 0, line);
}

bool catalog_image_add_at(struct catalog_run *run, struct catalog_product *p, const char *url, const char *alt,
		      long pos, unsigned long line)
{
	if (!url_ok(url) || strlen(url) > CATALOG_MAX_URL)
		return catalog_err(run, line, "image \"%.60s\" is not an http(s) URL of at most %d bytes", url, CATALOG_MAX_URL);
	if (strlen(alt) > CATALOG_MAX_ALT)
		return catalog_err(run, line, "image alt text is longer than %d bytes", CATALOG_MAX_ALT);
	if (formula(alt))
		return catalog_err(run, line, "Image Alt Text starts with \"%c\": spreadsheet formulas are not accepted", alt[0]);
	for (size_t i = 0; i < p->nimages; i++)
		if (strcmp(p->images[i].url, url) == 0) {
			/* The same picture listed again (a variant image first, its own row later). */
			if (!*p->images[i].alt)
				p->images[i].alt = alt;
			if (!p->images[i].pos)
				p->images[i].pos = pos;
			return true;
		}
	if (p->nimages == CATALOG_MAX_IMAGES)
		return catalog_err(run, line, "product \"%s\" has more than %d images", p->handle, CATALOG_MAX_IMAGES);
	GROW(run, p->images, p->nimages, p->capimages);
	p->images[p->nimages].url = url;
	p->images[p->nimages].alt = alt;
	p->images[p->nimages].pos = pos;
	p->nimages++;
	return true;
}

static bool same_variant(const struct catalog_variant *a, const struct catalog_variant *b)
{
	if (*a->ext_id || *b->ext_id)
		return strcmp(a->ext_id, b->ext_id) == 0;
	if (*a->sku && *b->sku && strcmp(a->sku, b->sku) == 0)
		return true;
	for (int k = 0; k < CATALOG_MAX_OPTIONS; k++)
		if (strcmp(a->opt[k], b->opt[k]) != 0)
			return false;
	return !*a->sku || !*b->sku || strcmp(a->sku, b->sku) == 0;
}

/* Stable insertion sort (at most 250 images): positioned first by position, then unpositioned,
 * each group in file order. */
static void order_images(struct catalog_product *p)
{
	for (size_t i = 1; i < p->nimages; i++) {
		struct catalog_image x = p->images[i];
		unsigned long kx = x.pos ? (unsigned long)x.pos : ULONG_MAX;
		size_t j = i;
		for (; j > 0; j--) {
			long pj = p->images[j - 1].pos;
			if ((pj ? (unsigned long)pj : ULONG_MAX) <= kx)
				break;
			p->images[j] = p->images[j - 1];
		}
		p->images[j] = x;
	}
}

bool catalog_product_check(struct catalog_run *run, struct catalog_product *p)
{
	if (p->bad)
		return false;
	order_images(p);
	bool ok = true;
	if (!*p->title)
		ok = catalog_err(run, p->line, "product \"%s\" has no title", p->handle);
	if (p->nvars == 0)
		ok = catalog_err(run, p->line, "product \"%s\" has no variant with a price", p->handle);
	if (strlen(p->body_html) > CATALOG_MAX_BODY_HTML)
		ok = catalog_err(run, p->line, "the description of \"%s\" is longer than %d bytes once cleaned",
			     p->handle, CATALOG_MAX_BODY_HTML);
	for (size_t i = 0; i < p->nvars; i++) {
		const struct catalog_variant *v = &p->vars[i];
		if (strcmp(v->currency, p->vars[0].currency) != 0)
			ok = catalog_err(run, v->line, "variant in %s, but the product's first variant is in %s",
				     v->currency, p->vars[0].currency);
		for (size_t j = 0; j < i; j++)
			if (same_variant(v, &p->vars[j])) {
				ok = catalog_err(run, v->line, "the same variant of \"%s\" appears twice (line %lu)",
					     p->handle, p->vars[j].line);
				break;
			}
	}
	p->bad = !ok;
	return ok;
}

static size_t fnv(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

/* Finds key's slot; grows the table first so there is always a free one. */
static size_t group_slot(struct catalog_run *run, const char *key)
{
	if (run->index_n * 2 >= run->index_cap) {
		size_t nc = run->index_cap ? run->index_cap * 2 : 256;
		struct catalog_product **ni = arena_zalloc(run->a, nc * sizeof *ni);
		const char **nk = arena_zalloc(run->a, nc * sizeof *nk);
		for (size_t i = 0; i < run->index_cap; i++) {
			if (!run->index_key[i])
				continue;
			size_t h = fnv(run->index_key[i]);
			for (h &= nc - 1; nk[h]; h = (h + 1) & (nc - 1))
				;
			nk[h] = run->index_key[i];
			ni[h] = run->index[i];
		}
		run->index = ni;
		run->index_key = nk;
		run->index_cap = nc;
	}
	size_t h = fnv(key);
	for (h &= run->index_cap - 1; run->index_key[h]; h = (h + 1) & (run->index_cap - 1))
		if (strcmp(run->index_key[h], key) == 0)
			break;
	return h;
}

struct catalog_product *catalog_group_find(struct catalog_run *run, const char *key)
{
	size_t h = group_slot(run, key);
	return run->index_key[h] ? run->index[h] : NULL;
}

void catalog_group_alias(struct catalog_run *run, const char *key, struct catalog_product *p)
{
	size_t h = group_slot(run, key);
	if (run->index_key[h])
		return;
	run->index_key[h] = arena_strdup(run->a, key);
	run->index[h] = p;
	run->index_n++;
}

struct catalog_product *catalog_group(struct catalog_run *run, const char *key, unsigned long line, bool *created)
{
	size_t h = group_slot(run, key);
	if (run->index_key[h]) {
		*created = false;
		return run->index[h];
	}
	struct catalog_product *p = catalog_product_new(run, line);
	run->index_key[h] = arena_strdup(run->a, key);
	run->index[h] = p;
	run->index_n++;
	if (run->tail)
		run->tail->next = p;
	else
		run->head = p;
	run->tail = p;
	*created = true;
	return p;
}

bool catalog_group_emit_all(struct catalog_run *run)
{
	for (struct catalog_product *p = run->head; p; p = p->next) {
		catalog_product_check(run, p);
		if (!run->emit(run, p))
			return false;
	}
	return true;
}
