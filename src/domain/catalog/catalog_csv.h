/* catalog_csv.h: streaming CSV/TSV record reader over libcsv, with line numbers and caps. */
#ifndef CC_CATALOG_CSV_H
#define CC_CATALOG_CSV_H
#include <stdbool.h>
#include <stddef.h>
#include <csv.h>

#define CATALOG_CSV_MAX_RECORD (1024 * 1024)	/* bytes in one record (all its fields) */
#define CATALOG_CSV_MAX_FIELDS 512

/* Called once per non-blank record with its first line number; fields are NUL-terminated and
 * valid UTF-8 without NUL bytes. Return false to stop reading (the callback has set an error). */
typedef bool (*catalog_csv_record_fn)(void *ctx, unsigned long line, const char *const *f,
				 const size_t *len, size_t n);

struct catalog_csv {
	struct csv_parser p;
	catalog_csv_record_fn on_record;
	void *ctx;
	char *store;		/* the current record's field bytes, each followed by a NUL */
	size_t storelen, storecap;
	size_t off[CATALOG_CSV_MAX_FIELDS], len[CATALOG_CSV_MAX_FIELDS];
	const char *ptr[CATALOG_CSV_MAX_FIELDS];
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
void catalog_csv_init(struct catalog_csv *c, char delim, catalog_csv_record_fn fn, void *ctx);
/* Feeds the next chunk; false once reading has stopped (an error, or the callback said stop). */
bool catalog_csv_feed(struct catalog_csv *c, const void *data, size_t n);
/* Ends the input: delivers the last record; false on an error. */
bool catalog_csv_finish(struct catalog_csv *c);
void catalog_csv_free(struct catalog_csv *c);
/* Guesses the delimiter from the first line: a tab before any comma means TSV. */
char catalog_csv_sniff(const void *data, size_t n);

#endif
