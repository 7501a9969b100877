/* crawl.h: what the shop answers search engines' crawlers: robots.txt (robots.c) and the
 * sitemaps (sitemap.c). */
#ifndef CC_SHOP_CRAWL_H
#define CC_SHOP_CRAWL_H
#include "web/http.h"

int page_robots(struct req *r);
int page_sitemap_index(struct req *r);
int page_sitemap(struct req *r);

#endif
