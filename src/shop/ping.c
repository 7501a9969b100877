/* ping.c: a page that touches no database: health checks and the benchmark's baseline. */
#include "web/response.h"
#include "shop/shop.h"

int page_ping(struct req *r)
{
	response_text(r, 200, "text/plain; charset=utf-8", "ok\n");
	return REQ_DONE;
}
