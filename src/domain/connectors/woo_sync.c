/* woo_sync.c: WooCommerce pages by position (page/per_page, or offset), not by a cursor that stays
 * put: a product removed at the source while the sync runs moves every later one a place back, and
 * a sync that went on from the next offset would step over one product, which the end of the
 * round would then archive. So each page starts WOO_OVERLAP products before where the last ended
 * (oldest first, by id): the overlap is written again, unchanged and matched by handle, and up to
 * WOO_OVERLAP removals mid-sync lose nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "domain/connectors/woo_map.h"
#include "domain/connectors/woo_sync.h"

long long woo_sync_start(struct connector_page *out, const char *cursor, long long *offset)
{
	memset(out, 0, sizeof *out);
	out->next = "";
	out->total = -1;
	long long pos = *cursor ? strtoll(cursor, NULL, 10) : 0;
	*offset = pos > WOO_OVERLAP ? pos - WOO_OVERLAP : 0;
	return pos;
}

long long woo_sync_room(struct connector_page *out, struct arena *pa, size_t n, long long pos, long long offset)
{
	out->n = n;
	out->ps = arena_zalloc(pa, (n ? n : 1) * sizeof *out->ps);
	out->ids = arena_zalloc(pa, (n ? n : 1) * sizeof *out->ids);
	long long end = offset + (long long)n;
	out->fresh = end > pos ? (size_t)(end - pos) : 0;
	return end;
}

enum connector_fetch woo_sync_page(const struct connector_http *http, struct arena *pa, struct catalog_run *run,
				   const struct woo_shop *s, const char *cursor, struct connector_page *out)
{
	long long offset, pos = woo_sync_start(out, cursor, &offset);
	struct woo_answer ans;
	enum connector_fetch r = woo_api_call(http, pa, s, arena_printf(pa, "/products?per_page=%d&offset=%lld"
		"&orderby=id&order=asc&status=any", WOO_PAGE, offset), NULL, &ans);
	if (r != CONNECTOR_FETCH_OK) {
		out->wait_ms = ans.wait_ms;
		memcpy(out->error, ans.error, sizeof out->error);
		return r;
	}
	json_t *list = ans.root;
	if (!json_is_array(list)) {
		json_decref(list);
		snprintf(out->error, sizeof out->error, "the shop's products answer is not a list");
		return CONNECTOR_FETCH_FAILED;
	}
	out->hold = json_array();
	json_array_append_new(out->hold, list);
	size_t n = json_array_size(list);
	long long end = woo_sync_room(out, pa, n, pos, offset);
	out->total = ans.total;
	for (size_t i = 0; i < n; i++) {
		json_t *p = json_array_get(list, i), *vars = NULL;
		if (strcmp(json_string_value(json_object_get(p, "type")) ? json_string_value(json_object_get(p, "type")) : "",
			   "variable") == 0) {
			struct woo_answer va;
			r = woo_api_call(http, pa, s, arena_printf(pa, "/products/%lld/variations?per_page=100",
				json_integer_value(json_object_get(p, "id"))), NULL, &va);
			if (r != CONNECTOR_FETCH_OK) {
				json_decref(out->hold);
				out->hold = NULL;
				out->wait_ms = va.wait_ms;
				memcpy(out->error, va.error, sizeof out->error);
				return r == CONNECTOR_FETCH_WAIT ? CONNECTOR_FETCH_FAILED : r;
			}
			vars = va.root;
			json_array_append_new(out->hold, vars);
		}
		out->ps[i] = woo_map_product(run, p, vars, (unsigned long)(offset + (long long)i + 1), &out->ids[i]);
	}
	bool more = n == WOO_PAGE && (ans.total < 0 || end < ans.total);
	out->next = more ? arena_printf(pa, "%lld", end) : "";
	return CONNECTOR_FETCH_OK;
}
