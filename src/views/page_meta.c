/* page_meta.c: a public page's <head> tags, expanded from page_meta.tpl (see page_meta.h). */
#include <string.h>
#include "lib/base_url.h"
#include "lib/buf.h"
#include "lib/money.h"
#include "lib/summary.h"
#include "views/page_meta.h"
#include "views/share_image.h"
#include "web/layout.h"
#include "web/response.h"

void page_meta_noindex(struct req *r)
{
	if (r->page)
		tmpl_show(r->page, "NOINDEX");
	response_header(r, "X-Robots-Tag", "noindex");
}

const char *page_meta_base(struct req *r)
{
	char base[BASE_URL_MAX];
	return base_url_get(base) ? arena_strdup(r->arena, base) : "";
}

/* RFC 3986 unreserved characters, and what a path's segments are joined and qualified with: a
 * table, as every card's address in a list's JSON-LD goes through it byte by byte. */
static bool page_meta_path_char(unsigned char c)
{
	static bool table[256];
	static bool made;
	if (!made) {
		for (int i = 0; i < 256; i++)
			table[i] = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z') || (i >= '0' && i <= '9') ||
				   (i && strchr("-._~/@!$()*+,;=:", i) != NULL);
		made = true;
	}
	return table[c];
}

const char *page_meta_url(struct req *r, const char *path)
{
	return page_meta_url_on(r, page_meta_base(r), path);
}

const char *page_meta_url_on(struct req *r, const char *base, const char *path)
{
	if (!*base)
		return NULL;
	size_t base_len = strlen(base), path_len = strlen(path);
	struct buf b;
	buf_init(&b, r->arena, base_len + path_len * 3 + 1);
	buf_put(&b, base, base_len);
	const unsigned char *run = (const unsigned char *)path, *p = run;
	for (; *p; p++) {
		if (page_meta_path_char(*p))
			continue;
		static const char hex[] = "0123456789ABCDEF";
		char esc[3] = { '%', hex[*p >> 4], hex[*p & 15] };
		buf_put(&b, run, (size_t)(p - run));
		buf_put(&b, esc, 3);
		run = p + 1;
	}
	buf_put(&b, run, (size_t)(p - run));
	return buf_cstr(&b);
}

static void page_meta_jsonld(tmpl_dict *d, const char *const *items)
{
	/* Written raw (SANITISED_): jsonld.h writes with json_script.h's escaping, which leaves no
	 * '<', '>' or '&', so nothing can end the script element, open a comment or make an entity,
	 * whatever the strings hold; and a browser never runs a script of this type (a data block:
	 * the CSP has nothing to refuse). ctemplate's own escaping there would be JavaScript's, not
	 * JSON's. */
	for (size_t i = 0; i < PAGE_META_JSONLD_MAX && items[i]; i++)
		tmpl_set(tmpl_add(d, "JSONLD"), "SANITISED_JSONLD", items[i]);
}

static void emit_head(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

void page_meta_show(struct req *r, struct page_meta *m)
{
	const char *title = m->by ? arena_concat(r->arena, m->title, " · ", m->by, (char *)NULL) : m->title;
	const char *full = m->by ? title : arena_concat(r->arena, m->title, " · ", PAGE_META_SITE, (char *)NULL);
	r->title = full;
	tmpl_set(r->page, "TITLE", full);

	tmpl_dict *d = tmpl_new();
	tmpl_set(d, "SITE", PAGE_META_SITE);
	tmpl_set(d, "OG_TITLE", title);
	tmpl_set(d, "OG_TYPE", m->og_type ? m->og_type : "website");
	/* The same description on every view of the page: the worker remembers its summary. */
	const char *text = m->description_html ? summary_text_memo(r->arena, m->description_html, strlen(m->description_html),
								   PAGE_META_DESCRIPTION_MAX) : "";
	if (!*text)
		text = summary_plain_memo(r->arena, m->description, PAGE_META_DESCRIPTION_MAX);
	if (*text)
		tmpl_set(tmpl_add(d, "DESCRIPTION"), "TEXT", text);
	const char *url = m->path ? page_meta_url(r, m->path) : NULL;
	if (url)
		tmpl_set(tmpl_add(d, "CANONICAL"), "URL", url);
	const char *image = share_image_url(r, page_meta_base(r), m->image);
	if (image) {
		tmpl_dict *im = tmpl_add(d, "IMAGE");
		tmpl_set(im, "URL", image);
		if (m->image_alt && *m->image_alt)
			tmpl_set(tmpl_add(im, "ALT"), "TEXT", m->image_alt);
	}
	char amount[64];
	if (m->price_currency && money_decimal(amount, sizeof amount, m->price_minor, m->price_currency)) {
		tmpl_dict *p = tmpl_add(d, "PRICE");
		tmpl_set(p, "AMOUNT", amount);
		tmpl_set(p, "CURRENCY", m->price_currency);
	}
	page_meta_jsonld(d, m->jsonld);
	struct buf head;
	buf_init(&head, r->arena, 4096);
	bool ok = tmpl_expand("page_meta.tpl", d, emit_head, &head);
	tmpl_free(d);
	/* Without its tags the page is still the page: only what unfurls it is missing. */
	if (ok)
		layout_head(r, buf_cstr(&head));
}
