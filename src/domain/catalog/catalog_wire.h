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
 * Products frames (at most CAT_BATCH products each) come first, one report frame ends it.
 * Integers are little-endian u32 or i64; a string is a u32 length and its bytes (no NUL). */
#define CAT_WIRE_HEAD 5
#define CAT_WIRE_FRAME_MAX (16u << 20)	/* a frame of full products: the child cuts at half this */
#define CAT_WIRE_FRAME_SOFT (4u << 20)	/* the child sends a frame once it holds this much */
enum cat_wire_kind { CAT_WIRE_PRODUCTS = 'P', CAT_WIRE_REPORT = 'R' };

/* Encoding: appends one whole frame to b. */
void cat_wire_put_products(struct buf *b, struct cat_product *const *items, size_t n);
/* The same a product at a time, for a sender that cuts frames by size: begin returns where the
 * frame starts, end gets how many products were put (1..CAT_BATCH). */
size_t cat_wire_begin_products(struct buf *b);
void cat_wire_put_product(struct buf *b, const struct cat_product *p);
void cat_wire_end_products(struct buf *b, size_t at, size_t n);
void cat_wire_put_report(struct buf *b, const struct cat_report *rep, bool accepted);

/* The frame header at p (at least CAT_WIRE_HEAD bytes): false unless a known kind with a length
 * of at most CAT_WIRE_FRAME_MAX. */
bool cat_wire_head(const uint8_t *p, enum cat_wire_kind *kind, size_t *len);

/* Decoding a payload: false for anything but exactly one well-formed payload; what is built
 * lives in a. Products: 1..CAT_BATCH of them, each as catalog_parse could have handed it on. */
bool cat_wire_get_products(const uint8_t *p, size_t len, struct arena *a, struct cat_product ***items,
			   size_t *n);
/* Report: rep's counts, errors, notices and fatal (rep->a must be set; created/updated/unchanged
 * and user_id are left alone). An "accepted" report with an error, or a rejected one without,
 * does not decode. */
bool cat_wire_get_report(const uint8_t *p, size_t len, struct cat_report *rep, bool *accepted);

/* A whole stream in memory (the tests, the fuzzer): every frame decoded, products counted; true
 * when it is products frames then exactly one report frame, and an accepted report counts the
 * products, variants and images the frames held. */
struct cat_wire_totals {
	unsigned long products, variants, images;
};
bool cat_wire_check_totals(const struct cat_report *rep, bool accepted, const struct cat_wire_totals *t);
bool cat_wire_decode_all(const uint8_t *p, size_t len, struct arena *a, struct cat_report *rep,
			 bool *accepted, struct cat_wire_totals *t);

#endif
