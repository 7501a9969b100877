/* dispatch.h: one request from FastCGI params to a sent response. */
#ifndef CC_DISPATCH_H
#define CC_DISPATCH_H
#include "web/http.h"

struct worker {
	const struct app *app;
	struct db *db;
	struct arena *arena;
	uint8_t secret[32];
	size_t max_body;
};

void dispatch(struct worker *w, FCGX_Request *fr);

#endif
