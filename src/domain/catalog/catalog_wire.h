/* catalog_wire.h: parsed products and the report, as bytes: what crowdcartctl import's confined
 * parsing child sends and its parent decodes. The decoder treats its input as hostile: every
 * count, length and string is checked against what the parse side itself lets through. */
#ifndef CC_CATALOG_WIRE_H
#define CC_CATALOG_WIRE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "domain/catalog/catalog.h"
#include "lib/buf.h"

/* A stream is frames: one byte of kind, four of payload length (little-endian), the payload.
 * Products frames (at most CATALOG_BATCH products each) come first, one report frame ends it.
 * Integers are little-endian u32 or i64; a string is a u32 length and its bytes (no NUL). */
#define CATALOG_WIRE_HEAD 5
#define CATALOG_WIRE_FRAME_MAX (16u << 20)	/* a frame of full products: the child cuts at half this */
#define CATALOG_WIRE_FRAME_SOFT (4u << 20)	/* the child sends a frame once it holds this much */
enum catalog_wire_kind { CATALOG_WIRE_PRODUCTS = 'P', CATALOG_WIRE_REPORT = 'R' };

/* Encoding: appends one whole frame to b. */
void catalog_wire_put_products(struct buf *b, struct catalog_product *const *items, size_t n);
/* The same a product at a time, for a sender that cuts frames by size: begin returns where the
 * frame starts, end gets how many products were put (1..CATALOG_BATCH). */
size_t catalog_wire_begin_products(struct buf *b);
void catalog_wire_put_product(struct buf *b, const struct catalog_product *p);
void catalog_wire_end_products(struct buf *b, size_t at, size_t n);
void catalog_wire_put_report(struct buf *b, const struct catalog_report *rep, bool accepted);

/* The frame header at p (at least CATALOG_WIRE_HEAD bytes): false unless a known kind with a length
 * of at most CATALOG_WIRE_FRAME_MAX. */
bool catalog_wire_head(const uint8_t *p, enum catalog_wire_kind *kind, size_t *len);

/* Decoding a payload: false for anything but exactly one well-formed payload; what is built
 * lives in a. Products: 1..CATALOG_BATCH of them, each as catalog_parse could have handed it on. */
bool catalog_wire_get_products(const uint8_t *p, size_t len, struct arena *a, struct catalog_product ***items,
			   size_t *n);
/* Report: rep's counts, errors, notices and fatal (rep->a must be set; created/updated/unchanged
 * and user_id are left alone). An "accepted" report with an error, or a rejected one without,
 * does not decode. */
bool catalog_wire_get_report(const uint8_t *p, size_t len, struct catalog_report *rep, bool *accepted);

/* A whole stream in memory (the tests, the fuzzer): every frame decoded, products counted; true
 * when it is products frames then exactly one report frame, and an accepted report counts the
 * products, variants and images the frames held. */
struct catalog_wire_totals {
	unsigned long products, variants, images;
};
bool catalog_wire_check_totals(const struct catalog_report *rep, bool accepted, const struct catalog_wire_totals *t);
bool catalog_wire_decode_all(const uint8_t *p, size_t len, struct arena *a, struct catalog_report *rep,
			 bool *accepted, struct catalog_wire_totals *t);

#endif
