/* fuzz_kv.c: libFuzzer harness for the form, cookie, segment and route parsers and their promises. */
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "web/kv.h"
#include "web/router.h"
#include "lib/utf8.h"

static const struct route_pattern fuzz_routes[] = {
	{HTTP_GET, "/"},
	{HTTP_GET | HTTP_POST, "/@new"},
	{HTTP_GET, "/@{handle}"},
	{HTTP_PUT, "/@{handle}"},
	{HTTP_GET, "/@{handle}/{collection}"},
	{HTTP_POST, "/@{handle}/{collection}/item-{id}"},
	{HTTP_GET, "/docs/"},
};

/* A crash here is a broken promise of kv.h, not just a memory error. */
static void fuzz_check_list(const struct kvlist *l, const struct kv_limits *lim)
{
	if (l->n > lim->max_fields)
		abort();
	for (size_t i = 0; i < l->n; i++) {
		const struct kv *kv = &l->items[i];
		if (strlen(kv->key) != kv->keylen || strlen(kv->val) != kv->vallen || kv->keylen == 0)
			abort();
		if (kv->keylen > lim->max_key || kv->vallen > lim->max_val)
			abort();
		if (!utf8_valid((const uint8_t *)kv->key, kv->keylen) ||
		    !utf8_valid((const uint8_t *)kv->val, kv->vallen))
			abort();
	}
}

static void fuzz_check_params(const struct route_params *p)
{
	for (size_t i = 0; i < p->n; i++) {
		size_t len = strlen(p->val[i]);
		if (len == 0 || memchr(p->val[i], '/', len) || !utf8_valid((const uint8_t *)p->val[i], len))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	const struct kv_limits lim = {.max_fields = 64, .max_key = 32, .max_val = 256};
	struct kvlist l;
	char *seg, *path;
	size_t seglen, index;
	struct route_params params;
	unsigned allowed;

	if (!a)
		a = arena_new(64 * 1024);
	if (kv_parse_form(a, data, size, &lim, &l) == KV_OK)
		fuzz_check_list(&l, &lim);
	if (kv_parse_cookies(a, data, size, &lim, &l) == KV_OK)
		fuzz_check_list(&l, &lim);
	if (kv_decode_segment(a, (const char *)data, size, &seg, &seglen) == KV_OK &&
	    (strlen(seg) != seglen || !utf8_valid((const uint8_t *)seg, seglen)))
		abort();

	/* router_find takes a C string; the first byte picks the method. */
	path = arena_strndup(a, (const char *)data, size);
	unsigned method = size > 0 ? 1u << (data[0] % 8) : HTTP_GET;
	enum route_result r = router_find(fuzz_routes, sizeof fuzz_routes / sizeof fuzz_routes[0],
					  sizeof fuzz_routes[0], method, path, a, &index, &params, &allowed);
	if (r == ROUTE_FOUND)
		fuzz_check_params(&params);
	if (r == ROUTE_BAD_METHOD && (allowed == 0 || (allowed & method)))
		abort();
	arena_reset(a);
	return 0;
}
