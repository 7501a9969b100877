/* fuzz_payout.c: libFuzzer harness for what payouts read from people and write to banks: the IBAN
 * and BIC checks, and the SEPA text transliteration, whose output must stay in the restricted set
 * and within its length whatever bytes come in. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "lib/bank.h"
#include "domain/creators/payout_sepa.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (!a)
		a = arena_new(1 << 16);
	arena_reset(a);
	char *s = arena_strndup(a, (const char *)data, size);
	char iban[BANK_IBAN_MAX + 1], bic[BANK_BIC_MAX + 1];
	if (bank_iban_normalise(s, iban)) {
		size_t n = strlen(iban);
		if (n < 15 || n > BANK_IBAN_MAX || strspn(iban, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != n)
			abort();
		char again[BANK_IBAN_MAX + 1];
		if (!bank_iban_normalise(iban, again) || strcmp(again, iban) != 0)	/* normal form is stable */
			abort();
	}
	if (bank_bic_normalise(s, bic) && strlen(bic) != 8 && strlen(bic) != 11)
		abort();
	struct buf b;
	buf_init(&b, a, 256);
	payout_sepa_text(&b, s, PAYOUT_SEPA_USTRD_MAX);
	if (b.len > PAYOUT_SEPA_USTRD_MAX)
		abort();
	static const char allowed[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ ";
	for (size_t i = 0; i < b.len; i++)
		if (!memchr(allowed, b.p[i], sizeof allowed - 1))
			abort();
	return 0;
}
