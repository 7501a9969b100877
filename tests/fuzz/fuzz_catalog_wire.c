/* fuzz_catalog_wire.c: libFuzzer harness for the decoder of what crowdcartctl import's parsing
 * child sends its parent. Whatever the bytes, decoding never reads out of bounds; and what does
 * decode is exactly what the encoder writes for it (no two encodings of one product, so nothing
 * the parent accepts can hide bytes the checks never saw). */
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "domain/catalog/catalog_wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (!a)
		a = arena_new(64 * 1024);
	struct catalog_report rep = { .a = a };
	bool accepted;
	struct catalog_wire_totals t;
	catalog_wire_decode_all(data, size, a, &rep, &accepted, &t);
	/* Frame by frame: each payload that decodes re-encodes to the same bytes. */
	for (const uint8_t *p = data, *end = data + size; end - p >= CATALOG_WIRE_HEAD;) {
		enum catalog_wire_kind kind;
		size_t n;
		if (!catalog_wire_head(p, &kind, &n) || (size_t)(end - p) - CATALOG_WIRE_HEAD < n)
			break;
		struct buf b;
		buf_init(&b, a, 256);
		if (kind == CATALOG_WIRE_PRODUCTS) {
			struct catalog_product **items;
			size_t count;
			if (catalog_wire_get_products(p + CATALOG_WIRE_HEAD, n, a, &items, &count))
				catalog_wire_put_products(&b, items, count);
		} else {
			struct catalog_report r = { .a = a };
			bool acc;
			if (catalog_wire_get_report(p + CATALOG_WIRE_HEAD, n, &r, &acc))
				catalog_wire_put_report(&b, &r, acc);
		}
		if (b.len && (b.len != CATALOG_WIRE_HEAD + n || memcmp(b.p, p, b.len) != 0))
			abort();
		p += CATALOG_WIRE_HEAD + n;
	}
	arena_reset(a);
	return 0;
}
