/* catalog_csv.h: streaming CSV/TSV record reader over libcsv, with line numbers and caps. */
#ifndef CC_CATALOG_CSV_H
#define CC_CATALOG_CSV_H
#include <stdbool.h>
#include <stddef.h>
#include <csv.h>

#define CATCSV_MAX_RECORD (1024 * 1024)	/* bytes in one record (all its fields) */
#define CATCSV_MAX_FIELDS 512

/* Called once per non-blank record with its first line number; fields are NUL-terminated and
 * valid UTF-8 without NUL bytes. Return false to stop reading (the callback has set an error). */
typedef bool (*catcsv_record_fn)(void *ctx, unsigned long line, const char *const *f,
				 const size_t *len, size_t n);

struct catcsv {
	struct csv_parser p;
	catcsv_record_fn on_record;
	void *ctx;
	char *store;		/* the current record's field bytes, each followed by a NUL */
	size_t storelen, storecap;
	size_t off[CATCSV_MAX_FIELDS], len[CATCSV_MAX_FIELDS];
	const char *ptr[CATCSV_MAX_FIELDS];
	size_t nf;
	unsigned long line, rec_line;
	int last_term;
	bool started, in_record, stopped;
	bool bom;		/* a UTF-8 byte order mark was skipped */
	unsigned long crlf_line;	/* first line that ends in CR LF, 0 if none */
	unsigned long err_line;	/* set with err when the reader itself fails */
	char err[200];
};

/* delim is ',' or '\t'. */
void catcsv_init(struct catcsv *c, char delim, catcsv_record_fn fn, void *ctx);
/* Feeds the next chunk; false once reading has stopped (an error, or the callback said stop). */
bool catcsv_feed(struct catcsv *c, const void *data, size_t n);
/* Ends the input: delivers the last record; false on an error. */
bool catcsv_finish(struct catcsv *c);
void catcsv_free(struct catcsv *c);
/* Guesses the delimiter from the first line: a tab before any comma means TSV. */
char catcsv_sniff(const void *data, size_t n);

#endif
