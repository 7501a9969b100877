/* csv_out.h: RFC 4180 CSV for spreadsheets: UTF-8 with a BOM, CRLF rows, quoting where needed, and
 * text cells that a spreadsheet would run as a formula neutralised. Pure: writes into a buf. */
#ifndef CC_CSV_OUT_H
#define CC_CSV_OUT_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/buf.h"

struct csv_out {
	struct buf *b;
	bool mid_row;	/* a cell has been written on the current row: the next needs a comma */
};

/* Starts a document in b: writes the UTF-8 byte order mark (so spreadsheet programs read UTF-8). */
void csv_out_begin(struct csv_out *c, struct buf *b);
/* A text cell. A value a spreadsheet would run as a formula (cell_guard.h: it starts with = + - @
 * tab or CR and is no number or phone number) gets a leading ' so that it shows as text; quoted
 * when it holds a comma, a double quote, CR or LF, or starts/ends with a space. NULL is an empty
 * cell. */
void csv_out_text(struct csv_out *c, const char *s);
/* A number written by us (never user text): kept as is so "-12.50" stays a number. */
void csv_out_int(struct csv_out *c, long long v);
/* minor units as a plain decimal with `exponent` decimals: 1250, 2 -> "12.50"; -5, 2 -> "-0.05". */
void csv_out_minor(struct csv_out *c, long long minor, int exponent);
/* Ends the row with CRLF. */
void csv_out_end_row(struct csv_out *c);

#endif
