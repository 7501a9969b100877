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

static bool fail(struct product_problem *p, const char *field, const char *msg)
{
	p->field = field;
	p->msg = msg;
	return false;
}

bool product_check_variant(struct arena *a, const struct product_variant *v, const char *const opt_name[PRODUCT_MAX_OPTIONS],
			const char *prefix, struct product_problem *p)
{
	static const char *const optf[] = { "option1", "option2", "option3" };
	for (int k = 0; k < PRODUCT_MAX_OPTIONS; k++) {
		const char *val = v->opt[k] ? v->opt[k] : "";
		bool named = opt_name[k] && *opt_name[k];
		if (!product_text_ok(val, 120, false))
			return fail(p, arena_printf(a, "%s.%s", prefix, optf[k]), "Use at most 120 characters, on one line.");
		if (!named && *val)
			return fail(p, arena_printf(a, "%s.%s", prefix, optf[k]), "This option has no name: name the option first.");
		if (named && !*val)
			return fail(p, arena_printf(a, "%s.%s", prefix, optf[k]), "Give every variant a value for each named option.");
	}
	if (!product_text_ok(v->sku, 120, false))
		return fail(p, arena_printf(a, "%s.sku", prefix), "Use at most 120 characters for the SKU.");
	if (!product_text_ok(v->barcode, 64, false))
		return fail(p, arena_printf(a, "%s.barcode", prefix), "Use at most 64 characters for the barcode.");
	if (v->price < 0)
		return fail(p, arena_printf(a, "%s.price", prefix), "The price cannot be negative.");
	if (v->has_compare && v->compare_at < 0)
		return fail(p, arena_printf(a, "%s.compare_at_price", prefix), "The compare-at price cannot be negative.");
	if (!v->policy || (strcmp(v->policy, "deny") && strcmp(v->policy, "continue")))
		return fail(p, arena_printf(a, "%s.inventory_policy", prefix), "Choose deny or continue.");
	if (v->stock > PRODUCT_MAX_STOCK || v->stock < -PRODUCT_MAX_STOCK)
		return fail(p, arena_printf(a, "%s.stock", prefix), "That stock figure is out of range.");
	if (v->stock < 0 && strcmp(v->policy, "deny") == 0)
		return fail(p, arena_printf(a, "%s.stock", prefix), "Stock can only go below zero when selling out of stock continues.");
	return true;
}

bool product_check_fields(struct arena *a, const struct product_input *in, struct product_problem *p)
{
	if (!in->title || !product_text_ok(in->title, 255, false))
		return fail(p, "title", "Use a title of at most 255 characters, on one line.");
	bool any = false;
	for (const char *s = in->title; *s; s++)
		any |= *s != ' ' && *s != '\t';
	if (!any)
		return fail(p, "title", "Give the product a title.");
	if (!product_text_ok(in->description, 20000, true))
		return fail(p, "description", "Use at most 20,000 characters for the description.");
	if (!product_text_ok(in->type, 120, false))
		return fail(p, "product_type", "Use at most 120 characters for the type.");
	if (!product_text_ok(in->vendor, 120, false))
		return fail(p, "vendor", "Use at most 120 characters for the vendor.");
	if (!product_text_ok(in->tags, 1000, false))
		return fail(p, "tags", "Use at most 1,000 characters for the tags.");
	static const char *const optf[] = { "option1_name", "option2_name", "option3_name" };
	for (int k = 0; k < PRODUCT_MAX_OPTIONS; k++) {
		if (!product_text_ok(in->opt_name[k], 60, false))
			return fail(p, optf[k], "Use at most 60 characters for an option name.");
		if (k > 0 && in->opt_name[k] && *in->opt_name[k] && !(in->opt_name[k - 1] && *in->opt_name[k - 1]))
			return fail(p, optf[k], "Name the options in order: option 1 first.");
	}
	if (in->nimages > PRODUCT_MAX_IMAGES)
		return fail(p, "images", "At most 20 images.");
	for (size_t i = 0; i < in->nimages; i++) {
		if (!product_valid_url(in->images[i].url) && !image_asset_path(in->images[i].url))
			return fail(p, arena_printf(a, "images[%zu].url", i), "Use an image address starting with http:// or https://.");
		if (!product_text_ok(in->images[i].alt, 255, false))
			return fail(p, arena_printf(a, "images[%zu].alt", i), "Use at most 255 characters for the alt text.");
	}
	return true;
}

bool product_check(struct arena *a, const struct product_input *in, struct product_problem *p)
{
	if (!product_check_fields(a, in, p))
		return false;
	if (in->nvariants == 0)
		return fail(p, "variants", "Add at least one variant with a price.");
	if (in->nvariants > PRODUCT_MAX_VARIANTS)
		return fail(p, "variants", "At most 100 variants.");
	for (size_t i = 0; i < in->nvariants; i++)
		if (!product_check_variant(a, &in->variants[i], in->opt_name, arena_printf(a, "variants[%zu]", i), p))
			return false;
	return true;
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
