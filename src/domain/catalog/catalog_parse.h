/* catalog_parse.h: the parse side of an import: a catalog file in, checked products and the
 * report out. Pure: no database, no I/O but the source it is handed. What the products then
 * become is the caller's (catalog_write.h in-process, catalog_wire.h from a confined child). */
#ifndef CC_CATALOG_PARSE_H
#define CC_CATALOG_PARSE_H
#include "domain/catalog/catalog.h"

/* What a sink tells the parser after taking a product: stop reading, keep the products handed so
 * far alive (they are still referenced), or release them (their memory may be reused). Once the
 * whole file is read without an error the sink is called with NULL: the last chance to use what
 * it holds before the parser frees it. */
enum catalog_sink_ret { CATALOG_SINK_STOP, CATALOG_SINK_KEEP, CATALOG_SINK_RELEASE };
typedef enum catalog_sink_ret (*catalog_sink_fn)(void *ctx, struct catalog_product *p);

/* Reads the whole source once through the format's mapper and checks every row: counts, errors
 * and notices go to rep (rows, products, variants, images, skipped). Each product that is good
 * while the file has no error yet is handed to sink (NULL: check only); once any row is bad the
 * file will be rejected, so nothing more is handed on. True when the file is accepted: read to
 * the end, no error, and the sink never said stop. */
bool catalog_parse(enum catalog_format f, const char *currency, const struct catalog_source *src,
		   struct catalog_report *rep, catalog_sink_fn sink, void *sink_ctx);

/* How many times this process has run catalog_parse: lets a test prove that the process holding
 * the database connection never parsed a file (crowdcartctl import's parent). */
unsigned long catalog_parse_runs(void);

#endif
