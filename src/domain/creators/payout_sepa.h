/* payout_sepa.h: a SEPA credit transfer initiation, ISO 20022 pain.001.001.03, for a batch of
 * euro payouts from one debtor account. Pure.
 *
 * What banks check and this writer guarantees: amounts in EUR with exactly two decimals; NbOfTxs
 * and CtrlSum (the sum of the amounts) in the group header and in the payment information; every
 * text in the SEPA restricted Latin set (a-z A-Z 0-9 / - ? : ( ) . , ' + and space: other
 * characters transliterated, "Müller & Søn" -> "Muller + Son"); names at most 70 characters,
 * EndToEndId, MsgId and PmtInfId at most 35, the remittance line (Ustrd) at most 140. */
#ifndef CC_PAYOUT_SEPA_H
#define CC_PAYOUT_SEPA_H
#include <stdbool.h>
#include <stddef.h>
#include "lib/buf.h"

#define PAYOUT_SEPA_ID_MAX 35
#define PAYOUT_SEPA_NAME_MAX 70
#define PAYOUT_SEPA_USTRD_MAX 140

struct payout_sepa_party {
	const char *name, *iban, *bic;	/* iban and bic already checked (lib/bank.h) */
};

struct payout_sepa_tx {
	const char *end_to_end_id;
	long long amount;		/* euro cents, > 0 */
	struct payout_sepa_party creditor;
	const char *remittance;
};

struct payout_sepa_doc {
	const char *msg_id;		/* unique per file, e.g. the batch's reference */
	const char *created;		/* "YYYY-MM-DDThh:mm:ss" */
	const char *execution_date;	/* "YYYY-MM-DD" */
	struct payout_sepa_party debtor;
	const struct payout_sepa_tx *tx;
	size_t ntx;
};

/* Appends `s` transliterated into the restricted set and cut to `max` characters. */
void payout_sepa_text(struct buf *b, const char *s, size_t max);

/* Writes the document; false (and nothing useful in b) when there is no transaction or an amount
 * is not positive. */
bool payout_sepa_write(struct buf *b, const struct payout_sepa_doc *d);

#endif
