/* jsonld.c: schema.org objects as JSON text (see jsonld.h). */
#include <string.h>
#include "lib/json_script.h"
#include "lib/money.h"
#include "lib/utf8.h"
#include "views/jsonld.h"

/* Keys and types are this file's own words (letters only): written as they are, where
 * json_script_string would look at each byte for an escape it never finds. */
static void jsonld_word(struct buf *b, const char *word)
{
	buf_putc(b, '"');
	buf_puts(b, word);
	buf_putc(b, '"');
}

/* Leaves out what the page does not have rather than writing an empty value. */
static void jsonld_set(struct buf *b, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	size_t n = strlen(value);
	if (!utf8_valid((const uint8_t *)value, n))
		return;
	buf_putc(b, ',');
	jsonld_word(b, key);
	buf_putc(b, ':');
	json_script_string(b, value, n);
}

/* An object's opening and its type; a page's own objects name their vocabulary first. */
static void jsonld_typed(struct buf *b, const char *type, bool top)
{
	buf_puts(b, top ? "{\"@context\":\"https:\\/\\/schema.org\",\"@type\":" : "{\"@type\":");
	jsonld_word(b, type);
}

static void jsonld_begin(struct buf *b, struct arena *a, const char *type)
{
	buf_init(b, a, 512);
	jsonld_typed(b, type, true);
}

const char *jsonld_product(struct arena *a, const char *name, const char *description, const char *image,
			   const char *url, const char *brand, const char *sku, const struct jsonld_offer *offer)
{
	struct buf b;
	jsonld_begin(&b, a, "Product");
	jsonld_set(&b, "name", name);
	jsonld_set(&b, "description", description);
	jsonld_set(&b, "image", image);
	jsonld_set(&b, "url", url);
	jsonld_set(&b, "sku", sku);
	if (brand && *brand) {
		buf_puts(&b, ",\"brand\":");
		jsonld_typed(&b, "Brand", false);
		jsonld_set(&b, "name", brand);
		buf_putc(&b, '}');
	}
	char amount[64];
	if (offer && money_decimal(amount, sizeof amount, offer->price_minor, offer->currency)) {
		buf_puts(&b, ",\"offers\":");
		jsonld_typed(&b, "Offer", false);
		jsonld_set(&b, "price", amount);
		jsonld_set(&b, "priceCurrency", offer->currency);
		jsonld_set(&b, "availability", offer->in_stock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");
		jsonld_set(&b, "url", url);
		buf_putc(&b, '}');
	}
	buf_putc(&b, '}');
	return buf_cstr(&b);
}

void jsonld_item_list(struct jsonld_list *l, struct arena *a, const char *name, const char *url)
{
	jsonld_begin(&l->b, a, "ItemList");
	jsonld_set(&l->b, "name", name);
	jsonld_set(&l->b, "url", url);
	buf_puts(&l->b, ",\"itemListElement\":[");
	l->n = 0;
	l->crumbs = false;
}

void jsonld_breadcrumbs(struct jsonld_list *l, struct arena *a)
{
	jsonld_begin(&l->b, a, "BreadcrumbList");
	buf_puts(&l->b, ",\"itemListElement\":[");
	l->n = 0;
	l->crumbs = true;
}

void jsonld_list_add(struct jsonld_list *l, const char *name, const char *url)
{
	if (l->n)
		buf_putc(&l->b, ',');
	jsonld_typed(&l->b, "ListItem", false);
	char digits[24];
	char *p = digits + sizeof digits;
	long long position = ++l->n;
	do
		*--p = (char)('0' + position % 10);
	while (position /= 10);
	buf_puts(&l->b, ",\"position\":");
	buf_put(&l->b, p, (size_t)(digits + sizeof digits - p));
	jsonld_set(&l->b, "name", name);
	/* A breadcrumb names its page as "item" (Google's breadcrumb rule), a list entry as "url". */
	jsonld_set(&l->b, l->crumbs ? "item" : "url", url);
	buf_putc(&l->b, '}');
}

const char *jsonld_site(struct arena *a, const char *base, size_t *len)
{
	size_t n = strlen(base);
	if (!n || !utf8_valid((const uint8_t *)base, n))
		return NULL;
	struct buf b;
	buf_init(&b, a, n * 6 + 3);
	json_script_string(&b, base, n);
	*len = b.len - 2;
	return buf_cstr(&b) + 1;	/* without the quotes */
}

/* What a path byte is in an address written into JSON: 1 kept as it is (letters, digits, "-._~"),
 * 2 a '/' (escaped "\/"), 0 anything else (percent-encoded, which jsonld_list_add_path leaves to
 * its caller). A table: every card's path goes through it byte by byte. */
static unsigned char jsonld_path_class(unsigned char c)
{
	static unsigned char table[256];
	static bool made;
	if (!made) {
		for (int i = 0; i < 256; i++)
			table[i] = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') || (i >= '0' && i <= '9') ||
				   i == '-' || i == '.' || i == '_' || i == '~' ? 1 : i == '/' ? 2 : 0;
		made = true;
	}
	return table[c];
}

bool jsonld_list_add_path(struct jsonld_list *l, const char *name, const char *site_json, size_t site_json_len,
			  const char *path, size_t path_len)
{
	static const char head[] = ",{\"@type\":\"ListItem\",\"position\":";
	size_t was = l->b.len;
	char digits[24];
	char *p = digits + sizeof digits;
	long long position = l->n + 1;
	do
		*--p = (char)('0' + position % 10);
	while (position /= 10);
	/* the first entry has no comma before it */
	size_t skip = l->n == 0;
	buf_put(&l->b, head + skip, sizeof head - 1 - skip);
	buf_put(&l->b, p, (size_t)(digits + sizeof digits - p));
	jsonld_set(&l->b, "name", name);
	/* Each '/' of the path is "\/" (json_script.h), the rest as it is: two bytes a byte at most. */
	buf_reserve(&l->b, 8 + site_json_len + 2 * path_len + 2);
	char *out = l->b.p + l->b.len;
	memcpy(out, ",\"url\":\"", 8);
	out += 8;
	memcpy(out, site_json, site_json_len);
	out += site_json_len;
	for (size_t i = 0; i < path_len; i++) {
		unsigned char c = jsonld_path_class((unsigned char)path[i]);
		if (c == 2)
			*out++ = '\\';
		else if (c == 0) {
			l->b.len = was;
			return false;
		}
		*out++ = path[i];
	}
	*out++ = '"';
	*out++ = '}';
	l->b.len = (size_t)(out - l->b.p);
	l->n++;
	return true;
}

const char *jsonld_list_end(struct jsonld_list *l)
{
	buf_puts(&l->b, "]}");
	return buf_cstr(&l->b);
}

const char *jsonld_person(struct arena *a, const char *name, const char *description, const char *image,
			  const char *url)
{
	struct buf b;
	jsonld_begin(&b, a, "Person");
	jsonld_set(&b, "name", name);
	jsonld_set(&b, "description", description);
	jsonld_set(&b, "image", image);
	jsonld_set(&b, "url", url);
	buf_putc(&b, '}');
	return buf_cstr(&b);
}
