/* catalog_wire.c: the bytes between crowdcartctl import's parsing child and its parent. Encoding
 * is plain; decoding trusts nothing: lengths are checked before any copy, every string is held
 * to the parse side's cap for its field and must be UTF-8 without NUL, every count to CATALOG_MAX_*,
 * and what the write side relies on (a variant, one currency, a known status) is checked again. */
#include <string.h>
#include <strings.h>
#include "domain/catalog/catalog_wire.h"
#include "lib/money.h"
#include "lib/utf8.h"

#define MAX_COUNT 999999999LL	/* catalog_count takes at most 9 digits */

static void put_u32(struct buf *b, uint32_t v)
{
	uint8_t x[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
	buf_put(b, x, sizeof x);
}

static void put_i64(struct buf *b, int64_t v)
{
	uint64_t u = (uint64_t)v;
	uint8_t x[8];
	for (int i = 0; i < 8; i++)
		x[i] = (uint8_t)(u >> (8 * i));
	buf_put(b, x, sizeof x);
}

static void put_str(struct buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	put_u32(b, (uint32_t)n);
	buf_put(b, s ? s : "", n);
}

/* Reserves the header; end_frame fills in the length once the payload is there. */
static size_t begin_frame(struct buf *b, enum catalog_wire_kind kind)
{
	size_t at = b->len;
	buf_putc(b, (char)kind);
	put_u32(b, 0);
	return at;
}

static void end_frame(struct buf *b, size_t at)
{
	uint32_t n = (uint32_t)(b->len - at - CATALOG_WIRE_HEAD);
	uint8_t *p = (uint8_t *)b->p + at + 1;
	p[0] = (uint8_t)n, p[1] = (uint8_t)(n >> 8), p[2] = (uint8_t)(n >> 16), p[3] = (uint8_t)(n >> 24);
}

size_t catalog_wire_begin_products(struct buf *b)
{
	size_t at = begin_frame(b, CATALOG_WIRE_PRODUCTS);
	put_u32(b, 0);
	return at;
}

void catalog_wire_put_product(struct buf *b, const struct catalog_product *p)
{
	const char *s[] = { p->handle, p->title, p->body_html, p->vendor, p->type, p->tags, p->status };
	for (size_t k = 0; k < sizeof s / sizeof s[0]; k++)
		put_str(b, s[k]);
	put_i64(b, (int64_t)p->line);
	put_u32(b, (uint32_t)p->nopts);
	for (size_t k = 0; k < p->nopts; k++)
		put_str(b, p->opt_name[k]);
	put_u32(b, (uint32_t)p->nimages);
	for (size_t k = 0; k < p->nimages; k++) {
		put_str(b, p->images[k].url);
		put_str(b, p->images[k].alt);
		put_i64(b, p->images[k].pos);
	}
	put_u32(b, (uint32_t)p->nvars);
	for (size_t k = 0; k < p->nvars; k++) {
		const struct catalog_variant *v = &p->vars[k];
		const char *vs[] = { v->ext_id, v->sku, v->barcode, v->opt[0], v->opt[1], v->opt[2],
				     v->currency, v->image_url };
		for (size_t j = 0; j < sizeof vs / sizeof vs[0]; j++)
			put_str(b, vs[j]);
		put_i64(b, v->price);
		put_i64(b, v->compare_at);
		put_i64(b, v->stock);
		put_u32(b, (uint32_t)v->policy_continue | (uint32_t)v->stock_uncounted << 1);
		put_i64(b, (int64_t)v->line);
	}
}

void catalog_wire_end_products(struct buf *b, size_t at, size_t n)
{
	uint8_t *c = (uint8_t *)b->p + at + CATALOG_WIRE_HEAD;
	c[0] = (uint8_t)n, c[1] = (uint8_t)(n >> 8), c[2] = (uint8_t)(n >> 16), c[3] = (uint8_t)(n >> 24);
	end_frame(b, at);
}

void catalog_wire_put_products(struct buf *b, struct catalog_product *const *items, size_t n)
{
	size_t at = catalog_wire_begin_products(b);
	for (size_t i = 0; i < n; i++)
		catalog_wire_put_product(b, items[i]);
	catalog_wire_end_products(b, at, n);
}

void catalog_wire_put_report(struct buf *b, const struct catalog_report *rep, bool accepted)
{
	size_t at = begin_frame(b, CATALOG_WIRE_REPORT);
	put_u32(b, accepted);
	const unsigned long counts[] = { rep->rows, rep->products, rep->variants, rep->images, rep->skipped,
					 rep->error_count };
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
		put_i64(b, (int64_t)counts[i]);
	put_u32(b, (uint32_t)rep->nerrors);
	for (size_t i = 0; i < rep->nerrors; i++) {
		put_i64(b, (int64_t)rep->errors[i].line);
		put_str(b, rep->errors[i].msg);
	}
	put_u32(b, (uint32_t)rep->nnotices);
	for (size_t i = 0; i < rep->nnotices; i++) {
		put_i64(b, (int64_t)rep->notices[i].line);
		put_str(b, rep->notices[i].msg);
	}
	put_u32(b, rep->fatal != NULL);
	put_str(b, rep->fatal);
	end_frame(b, at);
}

bool catalog_wire_head(const uint8_t *p, enum catalog_wire_kind *kind, size_t *len)
{
	uint32_t n = (uint32_t)p[1] | (uint32_t)p[2] << 8 | (uint32_t)p[3] << 16 | (uint32_t)p[4] << 24;
	if ((p[0] != CATALOG_WIRE_PRODUCTS && p[0] != CATALOG_WIRE_REPORT) || n > CATALOG_WIRE_FRAME_MAX)
		return false;
	*kind = (enum catalog_wire_kind)p[0];
	*len = n;
	return true;
}

/* The reader: a failed read leaves ok false and returns a harmless value, so a decoder can read
 * a whole record and check ok once, and never reads past end. */
struct rd {
	const uint8_t *p, *end;
	struct arena *a;
	bool ok;
};

static uint32_t get_u32(struct rd *r)
{
	if (!r->ok || r->end - r->p < 4) {
		r->ok = false;
		return 0;
	}
	uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 | (uint32_t)r->p[3] << 24;
	r->p += 4;
	return v;
}

static int64_t get_i64(struct rd *r)
{
	if (!r->ok || r->end - r->p < 8) {
		r->ok = false;
		return 0;
	}
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | r->p[i];
	r->p += 8;
	return (int64_t)v;
}

/* A count of at most max. */
static size_t get_count(struct rd *r, size_t max)
{
	uint32_t n = get_u32(r);
	if (n > max)
		r->ok = false;
	return r->ok ? n : 0;
}

/* A string of at most max bytes, UTF-8 without NUL, copied into the arena. */
static const char *get_str(struct rd *r, size_t max)
{
	uint32_t n = get_u32(r);
	if (!r->ok || n > max || (size_t)(r->end - r->p) < n || memchr(r->p, '\0', n) ||
	    !utf8_valid(r->p, n)) {
		r->ok = false;
		return "";
	}
	const char *s = arena_strndup(r->a, (const char *)r->p, n);
	r->p += n;
	return s;
}

static bool get_line(struct rd *r, unsigned long *out)
{
	int64_t v = get_i64(r);
	if (v < 1 || (uint64_t)v > (uint64_t)((unsigned long)-1))
		r->ok = false;
	*out = r->ok ? (unsigned long)v : 0;
	return r->ok;
}

static bool handle_ok(const char *h)
{
	if (!*h)
		return false;
	for (; *h; h++)
		if (!((*h >= 'a' && *h <= 'z') || (*h >= 'A' && *h <= 'Z') || (*h >= '0' && *h <= '9') ||
		      *h == '-' || *h == '_' || *h == '.'))
			return false;
	return true;
}

static bool url_ok(const char *u)
{
	return strncasecmp(u, "https://", 8) == 0 || strncasecmp(u, "http://", 7) == 0;
}

static bool currency_ok(const char *c)
{
	return strlen(c) == 3 && money_exponent(c) >= 0;
}

static bool get_variant(struct rd *r, struct catalog_variant *v)
{
	v->ext_id = get_str(r, CATALOG_MAX_NAME);
	v->sku = get_str(r, CATALOG_MAX_NAME);
	v->barcode = get_str(r, CATALOG_MAX_BARCODE);
	for (int k = 0; k < CATALOG_MAX_OPTIONS; k++)
		v->opt[k] = get_str(r, CATALOG_MAX_NAME);
	v->currency = get_str(r, 3);
	v->image_url = get_str(r, CATALOG_MAX_URL);
	v->price = get_i64(r);
	v->compare_at = get_i64(r);
	v->stock = get_i64(r);
	uint32_t policy = get_u32(r);
	get_line(r, &v->line);
	/* bit 0: keep selling; bit 1: because the stock is not counted, which implies bit 0 */
	v->policy_continue = policy & 1;
	v->stock_uncounted = policy >> 1 & 1;
	return r->ok && (policy <= 1 || policy == 3) && currency_ok(v->currency) && v->price >= 0 && v->compare_at >= -1 &&
	       v->stock >= -MAX_COUNT && v->stock <= MAX_COUNT;
}

static bool get_product(struct rd *r, struct catalog_product *p)
{
	memset(p, 0, sizeof *p);
	p->handle = get_str(r, CATALOG_MAX_HANDLE);
	p->title = get_str(r, CATALOG_MAX_TITLE);
	p->body_html = get_str(r, CATALOG_MAX_BODY_HTML);
	p->vendor = get_str(r, CATALOG_MAX_NAME);
	p->type = get_str(r, CATALOG_MAX_NAME);
	p->tags = get_str(r, CATALOG_MAX_TAGS);
	p->status = get_str(r, 8);
	get_line(r, &p->line);
	p->nopts = get_count(r, CATALOG_MAX_OPTIONS);
	for (size_t k = 0; k < p->nopts; k++)
		p->opt_name[k] = get_str(r, CATALOG_MAX_OPTION_NAME);
	for (size_t k = p->nopts; k < CATALOG_MAX_OPTIONS; k++)
		p->opt_name[k] = "";
	if (!r->ok || !handle_ok(p->handle) || !*p->title ||
	    (strcmp(p->status, "active") && strcmp(p->status, "draft") && strcmp(p->status, "archived")))
		return false;
	/* Each count is checked before its array is allocated, and against what is left to read. */
	p->nimages = p->capimages = get_count(r, CATALOG_MAX_IMAGES);
	p->images = arena_alloc(r->a, (p->nimages + 1) * sizeof *p->images);
	for (size_t k = 0; r->ok && k < p->nimages; k++) {
		struct catalog_image *m = &p->images[k];
		m->url = get_str(r, CATALOG_MAX_URL);
		m->alt = get_str(r, CATALOG_MAX_ALT);
		int64_t pos = get_i64(r);
		if (!r->ok || !url_ok(m->url) || pos < 0 || pos > CATALOG_MAX_IMAGE_POS)
			return false;
		m->pos = (long)pos;
	}
	p->nvars = p->capvars = get_count(r, CATALOG_MAX_VARIANTS);
	if (!r->ok || p->nvars == 0)
		return false;
	p->vars = arena_alloc(r->a, p->nvars * sizeof *p->vars);
	for (size_t k = 0; k < p->nvars; k++) {
		struct catalog_variant *v = &p->vars[k];
		if (!get_variant(r, v) || strcmp(v->currency, p->vars[0].currency) != 0)
			return false;
		bool found = !*v->image_url;
		for (size_t j = 0; !found && j < p->nimages; j++)
			found = strcmp(p->images[j].url, v->image_url) == 0;
		if (!found)
			return false;
	}
	return r->ok;
}

bool catalog_wire_get_products(const uint8_t *p, size_t len, struct arena *a, struct catalog_product ***items,
			   size_t *n)
{
	struct rd r = { p, p + len, a, true };
	size_t count = get_count(&r, CATALOG_BATCH);
	if (!r.ok || count == 0)
		return false;
	struct catalog_product **list = arena_alloc(a, count * sizeof *list);
	for (size_t i = 0; i < count; i++) {
		list[i] = arena_alloc(a, sizeof **list);
		if (!get_product(&r, list[i]))
			return false;
	}
	if (r.p != r.end)
		return false;
	*items = list;
	*n = count;
	return true;
}

static bool get_message(struct rd *r, struct catalog_error *e)
{
	get_line(r, &e->line);
	e->msg = get_str(r, CATALOG_MAX_MESSAGE - 1);
	return r->ok;
}

bool catalog_wire_get_report(const uint8_t *p, size_t len, struct catalog_report *rep, bool *accepted)
{
	struct rd r = { p, p + len, rep->a, true };
	uint32_t acc = get_u32(&r);
	unsigned long *counts[] = { &rep->rows, &rep->products, &rep->variants, &rep->images, &rep->skipped,
				    &rep->error_count };
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		int64_t v = get_i64(&r);
		if (v < 0 || (uint64_t)v > (uint64_t)((unsigned long)-1))
			r.ok = false;
		*counts[i] = r.ok ? (unsigned long)v : 0;
	}
	rep->nerrors = get_count(&r, CATALOG_MAX_ERRORS);
	for (size_t i = 0; r.ok && i < rep->nerrors; i++)
		get_message(&r, &rep->errors[i]);
	rep->nnotices = get_count(&r, CATALOG_MAX_NOTICES);
	for (size_t i = 0; r.ok && i < rep->nnotices; i++)
		get_message(&r, &rep->notices[i]);
	uint32_t fatal = get_u32(&r);
	const char *msg = get_str(&r, CATALOG_MAX_MESSAGE - 1);
	if (!r.ok || r.p != r.end || acc > 1 || fatal > 1 || (!fatal && *msg))
		return false;
	rep->fatal = fatal ? msg : NULL;
	*accepted = acc == 1;
	/* An accepted file has no errors; a rejected one has at least one, or a fatal message. */
	if (rep->nerrors > rep->error_count)
		return false;
	return *accepted ? rep->error_count == 0 && !rep->fatal : rep->error_count > 0 || rep->fatal;
}

bool catalog_wire_check_totals(const struct catalog_report *rep, bool accepted, const struct catalog_wire_totals *t)
{
	if (!accepted)
		return true;
	return t->products == rep->products && t->variants == rep->variants && t->images == rep->images;
}

bool catalog_wire_decode_all(const uint8_t *p, size_t len, struct arena *a, struct catalog_report *rep,
			 bool *accepted, struct catalog_wire_totals *t)
{
	memset(t, 0, sizeof *t);
	while (len >= CATALOG_WIRE_HEAD) {
		enum catalog_wire_kind kind;
		size_t n;
		if (!catalog_wire_head(p, &kind, &n) || len - CATALOG_WIRE_HEAD < n)
			return false;
		p += CATALOG_WIRE_HEAD;
		len -= CATALOG_WIRE_HEAD;
		if (kind == CATALOG_WIRE_REPORT)
			return n == len && catalog_wire_get_report(p, n, rep, accepted) &&
			       catalog_wire_check_totals(rep, *accepted, t);
		struct catalog_product **items;
		size_t count;
		if (!catalog_wire_get_products(p, n, a, &items, &count))
			return false;
		for (size_t i = 0; i < count; i++) {
			t->products++;
			t->variants += items[i]->nvars;
			t->images += items[i]->nimages;
		}
		p += n;
		len -= n;
	}
	return false;	/* no report: the stream was cut */
}
