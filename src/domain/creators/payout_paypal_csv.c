/* payout_paypal_csv.c: see payout_paypal_csv.h. */
#include <string.h>
#include "lib/csv_out.h"
#include "lib/money.h"
#include "domain/creators/payout_paypal_csv.h"

size_t payout_paypal_csv_files(size_t n)
{
	return (n + PAYOUT_PAYPAL_CSV_MAX_ROWS - 1) / PAYOUT_PAYPAL_CSV_MAX_ROWS;
}

/* Keeps a reference to what PayPal accepts as a sender item id everywhere. */
static const char *payout_paypal_csv_ref(char out[PAYOUT_PAYPAL_CSV_REF_MAX + 1], const char *ref)
{
	size_t n = 0;
	for (const char *p = ref ? ref : ""; *p && n < PAYOUT_PAYPAL_CSV_REF_MAX; p++) {
		char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')
			out[n++] = c;
	}
	out[n] = '\0';
	return out;
}

void payout_paypal_csv_write(struct buf *b, const struct payout_paypal_row *rows, size_t n, size_t part,
			     const char *currency)
{
	struct csv_out c = { .b = b, .mid_row = false };
	int exp = money_exponent(currency);
	size_t first = part * PAYOUT_PAYPAL_CSV_MAX_ROWS;
	for (size_t i = first; i < n && i < first + PAYOUT_PAYPAL_CSV_MAX_ROWS; i++) {
		char ref[PAYOUT_PAYPAL_CSV_REF_MAX + 1];
		const char *note = rows[i].note ? rows[i].note : "";
		size_t nl = strlen(note);
		if (nl > PAYOUT_PAYPAL_CSV_NOTE_MAX) {
			/* Cut on a character boundary: never half a UTF-8 sequence. */
			nl = PAYOUT_PAYPAL_CSV_NOTE_MAX;
			while (nl > 0 && ((unsigned char)note[nl] & 0xC0) == 0x80)
				nl--;
			note = arena_strndup(b->a, note, nl);
		}
		csv_out_text(&c, rows[i].recipient);
		csv_out_minor(&c, rows[i].amount, exp);
		csv_out_text(&c, currency);
		csv_out_text(&c, payout_paypal_csv_ref(ref, rows[i].reference));
		csv_out_text(&c, note);
		csv_out_text(&c, "PayPal");
		csv_out_end_row(&c);
	}
}
