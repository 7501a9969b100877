/* page_meta.h: what a public page says about itself in <head>, for shared links and search
 * engines: the title naming the page and the site, a plain-text description, the canonical
 * address (absolute, without the tracking and attribution parameters a link carried: via, utm_*,
 * from, code), Open Graph and Twitter card tags, and schema.org JSON-LD. */
#ifndef CC_PAGE_META_H
#define CC_PAGE_META_H
#include "web/http.h"

#define PAGE_META_SITE "crowdcart"
#define PAGE_META_DESCRIPTION_MAX 155	/* characters search results show before cutting */
#define PAGE_META_JSONLD_MAX 4	/* schema.org objects a page describes itself with */

struct page_meta {
	const char *title;	/* the page: "Walnut Monitor Stand – Northwind Goods" */
	const char *by;		/* who the page comes from ("picked by Lena"); NULL: the site's name */
	const char *description_html;	/* untrusted HTML (a product's); made plain and cut here */
	const char *description;	/* or plain text (a bio, a headline), cut here; also what a
					 * page whose HTML description is empty says instead */
	const char *path;	/* the page's own address on the site, no query: "/p/northwind/stand" */
	const char *image, *image_alt;	/* the page's best picture, for share_image_url; may be NULL */
	const char *og_type;	/* "product", "profile"; NULL: "website" */
	const char *price_currency;	/* products: the offered price */
	long long price_minor;
	const char *jsonld[PAGE_META_JSONLD_MAX];	/* schema.org objects' text (jsonld.h), up to a NULL */
};

/* Sets the page's title and its <head> markup (layout_head): call once after layout_begin. */
void page_meta_show(struct req *r, struct page_meta *m);

/* Keeps the page out of search engines: <meta name="robots" content="noindex"> and the same as
 * an X-Robots-Tag header (studio, account and order pages). Call after layout_begin. */
void page_meta_noindex(struct req *r);

/* The configured public address ("https://shop.example"), "" when base_url is unset: then the
 * page goes without the tags that must be absolute. */
const char *page_meta_base(struct req *r);
/* base + path with every byte a URL path may not carry percent-encoded; NULL without a base. */
const char *page_meta_url(struct req *r, const char *path);
/* The same on a base already read (page_meta_base), for a list of addresses. */
const char *page_meta_url_on(struct req *r, const char *base, const char *path);

#endif
