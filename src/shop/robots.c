/* robots.c: "/robots.txt" — what crawlers may read: the public pages, not the studio, the cart,
 * checkout, the API, accounts or the links that count a click or act on a token; and where the
 * sitemap is. */
#include "lib/base_url.h"
#include "lib/buf.h"
#include "web/response.h"
#include "shop/crawl.h"
#include "shop/shop.h"

/* Every path here also answers without a log-in only with a form or a redirect: nothing worth
 * an index entry, and a crawler following them would skew click counts. */
static const char robots_rules[] =
	"User-agent: *\n"
	"Disallow: /studio\n"
	"Disallow: /admin\n"
	"Disallow: /login\n"
	"Disallow: /logout\n"
	"Disallow: /signup\n"
	"Disallow: /api/\n"
	"Disallow: /cart\n"
	"Disallow: /checkout\n"
	"Disallow: /webhooks/\n"
	"Disallow: /report/\n"
	"Disallow: /unsubscribe/\n"
	"Disallow: /live/reminders/\n"
	"Disallow: /go/\n"
	"Disallow: /s/\n"
	"Disallow: /v/*/p/\n"
	"Disallow: /ad/*/p/\n"
	"Disallow: /_\n";

int page_robots(struct req *r)
{
	char base[BASE_URL_MAX];
	r->body.len = 0;
	buf_puts(&r->body, robots_rules);
	/* The Sitemap line must be absolute, and only base_url may say where the shop is. */
	if (base_url_get(base)) {
		buf_puts(&r->body, "\nSitemap: ");
		buf_puts(&r->body, base);
		buf_puts(&r->body, "/sitemap.xml\n");
	}
	r->status = 200;
	r->content_type = "text/plain; charset=utf-8";
	return REQ_DONE;
}
