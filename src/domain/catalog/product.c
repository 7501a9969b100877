/* product.c: the rules a product must meet before it is written, whoever submits it. */
#include <string.h>
#include "lib/buf.h"
#include "lib/html.h"
#include "lib/htmltext.h"
#include "lib/money.h"
#include "domain/catalog/product.h"
#include "domain/media/image_asset.h"
#include "lib/utf8.h"

bool product_text_ok(const char *s, size_t max, bool multiline)
{
	if (!s)
		return true;
	size_t n = strlen(s);
	if (!utf8_valid((const uint8_t *)s, n) || utf8_len((const uint8_t *)s, n) > max)
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7f)
			return false;
	return true;
}

bool product_valid_url(const char *url)
{
	if (!url || strlen(url) > 1000)
		return false;
	const char *host = strncmp(url, "https://", 8) == 0 ? url + 8 : strncmp(url, "http://", 7) == 0 ? url + 7 : NULL;
	if (!host || !*host || *host == '/' || *host == '?' || *host == '#' || *host == '@')
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
			return false;
	return utf8_valid((const uint8_t *)url, strlen(url));
}

bool product_status_ok(const char *s)
{
	return s && (strcmp(s, "draft") == 0 || strcmp(s, "active") == 0 || strcmp(s, "archived") == 0);
}

/* Records a problem; true while the list takes more (a caller wanting only the first stops). */
static bool note(struct product_problems *ps, const char *field, const char *msg)
{
	if (ps->n < PRODUCT_MAX_PROBLEMS)
		ps->list[ps->n++] = (struct product_problem){ field, msg };
	return ps->n < ps->max && ps->n < PRODUCT_MAX_PROBLEMS;
}

/* Each field gets at most one message, its first; returns false once the list is full. */
static bool check_variant(struct arena *a, const struct product_variant *v, const char *const opt_name[PRODUCT_MAX_OPTIONS],
			  const char *prefix, struct product_problems *ps)
{
	static const char *const optf[] = { "option1", "option2", "option3" };
	for (int k = 0; k < PRODUCT_MAX_OPTIONS; k++) {
		const char *val = v->opt[k] ? v->opt[k] : "";
		bool named = opt_name[k] && *opt_name[k];
		const char *msg = !product_text_ok(val, 120, false) ? "Use at most 120 characters, on one line."
				: !named && *val ? "This option has no name: name the option first."
				: named && !*val ? "Give every variant a value for each named option." : NULL;
		if (msg && !note(ps, arena_printf(a, "%s.%s", prefix, optf[k]), msg))
			return false;
	}
	if (!product_text_ok(v->sku, 120, false) &&
	    !note(ps, arena_printf(a, "%s.sku", prefix), "Use at most 120 characters for the SKU."))
		return false;
	if (!product_text_ok(v->barcode, 64, false) &&
	    !note(ps, arena_printf(a, "%s.barcode", prefix), "Use at most 64 characters for the barcode."))
		return false;
	if (v->price < 0 && !note(ps, arena_printf(a, "%s.price", prefix), "The price cannot be negative."))
		return false;
	if (v->has_compare && v->compare_at < 0 &&
	    !note(ps, arena_printf(a, "%s.compare_at_price", prefix), "The compare-at price cannot be negative."))
		return false;
	bool policy_ok = v->policy && (strcmp(v->policy, "deny") == 0 || strcmp(v->policy, "continue") == 0);
	if (!policy_ok && !note(ps, arena_printf(a, "%s.inventory_policy", prefix), "Choose deny or continue."))
		return false;
	const char *stock = v->stock > PRODUCT_MAX_STOCK || v->stock < -PRODUCT_MAX_STOCK ? "That stock figure is out of range."
			  : policy_ok && v->stock < 0 && strcmp(v->policy, "deny") == 0
			  ? "Stock can only go below zero when selling out of stock continues." : NULL;
	return !stock || note(ps, arena_printf(a, "%s.stock", prefix), stock);
}

static bool check_fields(struct arena *a, const struct product_input *in, struct product_problems *ps)
{
	bool any = false;
	for (const char *s = in->title ? in->title : ""; *s; s++)
		any |= *s != ' ' && *s != '\t';
	const char *title = !in->title || !product_text_ok(in->title, 255, false) ? "Use a title of at most 255 characters, on one line."
			  : !any ? "Give the product a title." : NULL;
	if (title && !note(ps, "title", title))
		return false;
	if (!product_text_ok(in->description, 20000, true) &&
	    !note(ps, "description", "Use at most 20,000 characters for the description."))
		return false;
	if (!product_text_ok(in->type, 120, false) && !note(ps, "product_type", "Use at most 120 characters for the type."))
		return false;
	if (!product_text_ok(in->vendor, 120, false) && !note(ps, "vendor", "Use at most 120 characters for the vendor."))
		return false;
	if (!product_text_ok(in->tags, 1000, false) && !note(ps, "tags", "Use at most 1,000 characters for the tags."))
		return false;
	static const char *const optf[] = { "option1_name", "option2_name", "option3_name" };
	for (int k = 0; k < PRODUCT_MAX_OPTIONS; k++) {
		const char *msg = !product_text_ok(in->opt_name[k], 60, false) ? "Use at most 60 characters for an option name."
				: k > 0 && in->opt_name[k] && *in->opt_name[k] && !(in->opt_name[k - 1] && *in->opt_name[k - 1])
				? "Name the options in order: option 1 first." : NULL;
		if (msg && !note(ps, optf[k], msg))
			return false;
	}
	if (in->nimages > PRODUCT_MAX_IMAGES)
		return note(ps, "images", "At most 20 images.");
	for (size_t i = 0; i < in->nimages; i++) {
		if (!product_valid_url(in->images[i].url) && !image_asset_path(in->images[i].url) &&
		    !note(ps, arena_printf(a, "images[%zu].url", i), "Use an image address starting with http:// or https://."))
			return false;
		if (!product_text_ok(in->images[i].alt, 255, false) &&
		    !note(ps, arena_printf(a, "images[%zu].alt", i), "Use at most 255 characters for the alt text."))
			return false;
	}
	return true;
}

static void check_product(struct arena *a, const struct product_input *in, struct product_problems *ps)
{
	if (!check_fields(a, in, ps))
		return;
	if (in->nvariants == 0) {
		note(ps, "variants", "Add at least one variant with a price.");
		return;
	}
	if (in->nvariants > PRODUCT_MAX_VARIANTS) {
		note(ps, "variants", "At most 100 variants.");
		return;
	}
	for (size_t i = 0; i < in->nvariants; i++)
		if (!check_variant(a, &in->variants[i], in->opt_name, arena_printf(a, "variants[%zu]", i), ps))
			return;
}

/* The first problem alone, for the callers that answer with one (the Shopping API). */
static bool first(const struct product_problems *ps, struct product_problem *p)
{
	if (ps->n)
		*p = ps->list[0];
	return ps->n == 0;
}

bool product_check_variant(struct arena *a, const struct product_variant *v, const char *const opt_name[PRODUCT_MAX_OPTIONS],
			const char *prefix, struct product_problem *p)
{
	struct product_problems ps = { .max = 1 };
	check_variant(a, v, opt_name, prefix, &ps);
	return first(&ps, p);
}

bool product_check_fields(struct arena *a, const struct product_input *in, struct product_problem *p)
{
	struct product_problems ps = { .max = 1 };
	check_fields(a, in, &ps);
	return first(&ps, p);
}

bool product_check(struct arena *a, const struct product_input *in, struct product_problem *p)
{
	struct product_problems ps = { .max = 1 };
	check_product(a, in, &ps);
	return first(&ps, p);
}

bool product_check_all(struct arena *a, const struct product_input *in, struct product_problems *ps)
{
	if (!ps->max)
		ps->max = PRODUCT_MAX_PROBLEMS;
	check_product(a, in, ps);
	return ps->n == 0;
}

const char *product_decimal(struct arena *a, long long minor, const char *currency)
{
	int e = money_exponent(currency);
	if (e < 0)
		e = 2;
	unsigned long long m = minor < 0 ? 0ULL - (unsigned long long)minor : (unsigned long long)minor;
	unsigned long long scale = 1;
	for (int i = 0; i < e; i++)
		scale *= 10;
	if (e == 0)
		return arena_printf(a, "%s%llu", minor < 0 ? "-" : "", m);
	return arena_printf(a, "%s%llu.%0*llu", minor < 0 ? "-" : "", m / scale, e, m % scale);
}

/* Text with its line breaks kept as <br>; a CR is dropped. */
static void put_lines(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k = i;
		while (k < n && s[k] != '\n' && s[k] != '\r')
			k++;
		html_escape(b, s + i, k - i);
		if (k < n && s[k] == '\n')
			buf_puts(b, "<br>");
		i = k < n ? k + 1 : k;
	}
}

const char *product_text_html(struct arena *a, const char *text)
{
	struct buf b;
	buf_init(&b, a, 256);
	const char *s = text ? text : "";
	while (*s) {
		while (*s == '\n' || *s == '\r' || *s == ' ' || *s == '\t')
			s++;	/* blank lines between paragraphs */
		if (!*s)
			break;
		const char *end = s;
		for (;;) {	/* a paragraph ends at a blank line */
			const char *nl = strchr(end, '\n');
			if (!nl) {
				end += strlen(end);
				break;
			}
			const char *q = nl + 1;
			while (*q == ' ' || *q == '\t' || *q == '\r')
				q++;
			if (*q == '\n' || !*q) {
				end = nl;
				break;
			}
			end = nl + 1;
		}
		size_t n = (size_t)(end - s);
		while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
			n--;
		buf_puts(&b, "<p>");
		put_lines(&b, s, n);
		buf_puts(&b, "</p>");
		s = end;
	}
	return buf_cstr(&b);
}

const char *product_html_text(struct arena *a, const char *html)
{
	const char *para[400];
	size_t n = htmltext_paragraphs(a, html, strlen(html), para, 400);
	struct buf b;
	buf_init(&b, a, 256);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, "\n\n");
		buf_puts(&b, para[i]);
	}
	return buf_cstr(&b);
}
