/* payout_paypal_csv.h: the PayPal Payouts web-upload file. Pure.
 *
 * No header row; per payment: recipient (email), amount (plain decimal in the currency's minor
 * unit exponent), currency, reference id, note, wallet ("PayPal"). One currency per file and at
 * most PAYOUT_PAYPAL_CSV_MAX_ROWS rows a file: a batch with more is written as several files. */
#ifndef CC_PAYOUT_PAYPAL_CSV_H
#define CC_PAYOUT_PAYPAL_CSV_H
#include <stddef.h>
#include "lib/buf.h"

#define PAYOUT_PAYPAL_CSV_MAX_ROWS 5000
#define PAYOUT_PAYPAL_CSV_REF_MAX 30
#define PAYOUT_PAYPAL_CSV_NOTE_MAX 4000

struct payout_paypal_row {
	const char *recipient;	/* the creator's PayPal email */
	long long amount;	/* minor units, > 0 */
	const char *reference;	/* letters, digits and '-'; cut to PAYOUT_PAYPAL_CSV_REF_MAX */
	const char *note;	/* shown to the recipient; cut to PAYOUT_PAYPAL_CSV_NOTE_MAX bytes */
};

/* How many files n rows need (0 for none). */
size_t payout_paypal_csv_files(size_t n);

/* Writes file `part` (0-based) of the rows: rows [part * MAX, part * MAX + MAX). Text cells get
 * the spreadsheet formula guard of csv_out.h; CRLF rows; no byte order mark. */
void payout_paypal_csv_write(struct buf *b, const struct payout_paypal_row *rows, size_t n, size_t part,
			     const char *currency);

#endif
