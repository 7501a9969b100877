/* payout_sepa.c: see payout_sepa.h. */
#include <stdint.h>
#include <string.h>
#include "domain/creators/payout_sepa.h"

static bool sepa_allowed(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("/-?:().,'+ ", (int)c) != NULL);
}

/* The usual Latin letters, as banks transliterate them. */
static const struct {
	uint32_t cp;
	const char *ascii;
} sepa_latin[] = {
	{ 0xC0, "A" }, { 0xC1, "A" }, { 0xC2, "A" }, { 0xC3, "A" }, { 0xC4, "A" }, { 0xC5, "A" }, { 0xC6, "AE" },
	{ 0xC7, "C" }, { 0xC8, "E" }, { 0xC9, "E" }, { 0xCA, "E" }, { 0xCB, "E" }, { 0xCC, "I" }, { 0xCD, "I" },
	{ 0xCE, "I" }, { 0xCF, "I" }, { 0xD1, "N" }, { 0xD2, "O" }, { 0xD3, "O" }, { 0xD4, "O" }, { 0xD5, "O" },
	{ 0xD6, "O" }, { 0xD8, "O" }, { 0xD9, "U" }, { 0xDA, "U" }, { 0xDB, "U" }, { 0xDC, "U" }, { 0xDD, "Y" },
	{ 0xDF, "ss" }, { 0xE0, "a" }, { 0xE1, "a" }, { 0xE2, "a" }, { 0xE3, "a" }, { 0xE4, "a" }, { 0xE5, "a" },
	{ 0xE6, "ae" }, { 0xE7, "c" }, { 0xE8, "e" }, { 0xE9, "e" }, { 0xEA, "e" }, { 0xEB, "e" }, { 0xEC, "i" },
	{ 0xED, "i" }, { 0xEE, "i" }, { 0xEF, "i" }, { 0xF1, "n" }, { 0xF2, "o" }, { 0xF3, "o" }, { 0xF4, "o" },
	{ 0xF5, "o" }, { 0xF6, "o" }, { 0xF8, "o" }, { 0xF9, "u" }, { 0xFA, "u" }, { 0xFB, "u" }, { 0xFC, "u" },
	{ 0xFD, "y" }, { 0xFF, "y" }, { 0x107, "c" }, { 0x10C, "C" }, { 0x10D, "c" }, { 0x119, "e" },
	{ 0x141, "L" }, { 0x142, "l" }, { 0x144, "n" }, { 0x152, "OE" }, { 0x153, "oe" }, { 0x15A, "S" },
	{ 0x15B, "s" }, { 0x160, "S" }, { 0x161, "s" }, { 0x17B, "Z" }, { 0x17C, "z" }, { 0x17D, "Z" },
	{ 0x17E, "z" }, { '&', "+" }, { '_', "-" }, { '"', "'" }, { '!', "." }, { ';', "," },
};

/* One code point from UTF-8 (a stray or truncated byte counts as one unknown character). */
static uint32_t sepa_next(const unsigned char **p)
{
	const unsigned char *s = *p;
	uint32_t c = s[0];
	size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
	if (n > 1) {
		c &= 0x3F >> (n - 1);
		for (size_t i = 1; i < n; i++) {
			if ((s[i] & 0xC0) != 0x80) {
				*p = s + i;
				return 0xFFFD;
			}
			c = (c << 6) | (s[i] & 0x3F);
		}
	}
	*p = s + n;
	return c;
}

void payout_sepa_text(struct buf *b, const char *s, size_t max)
{
	size_t n = 0;
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	while (*p && n < max) {
		uint32_t c = sepa_next(&p);
		const char *out = NULL;
		char one[2] = { 0, 0 };
		if (sepa_allowed(c)) {
			one[0] = (char)c;
			out = one;
		}
		for (size_t i = 0; !out && i < sizeof sepa_latin / sizeof sepa_latin[0]; i++)
			if (sepa_latin[i].cp == c)
				out = sepa_latin[i].ascii;
		if (!out)
			out = c == '\t' || c == '\n' || c == '\r' ? " " : ".";
		for (; *out && n < max; out++, n++)
			buf_putc(b, *out);
	}
}

static void sepa_el(struct buf *b, const char *tag, const char *text, size_t max)
{
	buf_printf(b, "<%s>", tag);
	payout_sepa_text(b, text, max);
	buf_printf(b, "</%s>", tag);
}

static void sepa_amount(struct buf *b, long long cents)
{
	buf_printf(b, "%lld.%02lld", cents / 100, cents % 100);
}

static void sepa_agent(struct buf *b, const char *tag, const char *bic)
{
	buf_printf(b, "<%s><FinInstnId>", tag);
	sepa_el(b, "BIC", bic, 11);
	buf_printf(b, "</FinInstnId></%s>", tag);
}

static void sepa_account(struct buf *b, const char *tag, const char *iban)
{
	buf_printf(b, "<%s><Id>", tag);
	sepa_el(b, "IBAN", iban, 34);
	buf_printf(b, "</Id></%s>", tag);
}

bool payout_sepa_write(struct buf *b, const struct payout_sepa_doc *d)
{
	long long sum = 0;
	if (d->ntx == 0)
		return false;
	for (size_t i = 0; i < d->ntx; i++) {
		if (d->tx[i].amount <= 0 || d->tx[i].amount > 99999999999LL)
			return false;
		sum += d->tx[i].amount;
	}
	buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\""
		    " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n<CstmrCdtTrfInitn>\n<GrpHdr>");
	sepa_el(b, "MsgId", d->msg_id, PAYOUT_SEPA_ID_MAX);
	sepa_el(b, "CreDtTm", d->created, 19);
	buf_printf(b, "<NbOfTxs>%zu</NbOfTxs><CtrlSum>", d->ntx);
	sepa_amount(b, sum);
	buf_puts(b, "</CtrlSum><InitgPty>");
	sepa_el(b, "Nm", d->debtor.name, PAYOUT_SEPA_NAME_MAX);
	buf_puts(b, "</InitgPty></GrpHdr>\n<PmtInf>");
	sepa_el(b, "PmtInfId", d->msg_id, PAYOUT_SEPA_ID_MAX);
	buf_printf(b, "<PmtMtd>TRF</PmtMtd><BtchBookg>true</BtchBookg><NbOfTxs>%zu</NbOfTxs><CtrlSum>", d->ntx);
	sepa_amount(b, sum);
	buf_puts(b, "</CtrlSum><PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>");
	sepa_el(b, "ReqdExctnDt", d->execution_date, 10);
	buf_puts(b, "<Dbtr>");
	sepa_el(b, "Nm", d->debtor.name, PAYOUT_SEPA_NAME_MAX);
	buf_puts(b, "</Dbtr>");
	sepa_account(b, "DbtrAcct", d->debtor.iban);
	sepa_agent(b, "DbtrAgt", d->debtor.bic);
	buf_puts(b, "<ChrgBr>SLEV</ChrgBr>\n");
	for (size_t i = 0; i < d->ntx; i++) {
		const struct payout_sepa_tx *t = &d->tx[i];
		buf_puts(b, "<CdtTrfTxInf><PmtId>");
		sepa_el(b, "EndToEndId", t->end_to_end_id, PAYOUT_SEPA_ID_MAX);
		buf_puts(b, "</PmtId><Amt><InstdAmt Ccy=\"EUR\">");
		sepa_amount(b, t->amount);
		buf_puts(b, "</InstdAmt></Amt>");
		sepa_agent(b, "CdtrAgt", t->creditor.bic);
		buf_puts(b, "<Cdtr>");
		sepa_el(b, "Nm", t->creditor.name, PAYOUT_SEPA_NAME_MAX);
		buf_puts(b, "</Cdtr>");
		sepa_account(b, "CdtrAcct", t->creditor.iban);
		buf_puts(b, "<RmtInf>");
		sepa_el(b, "Ustrd", t->remittance, PAYOUT_SEPA_USTRD_MAX);
		buf_puts(b, "</RmtInf></CdtTrfTxInf>\n");
	}
	buf_puts(b, "</PmtInf>\n</CstmrCdtTrfInitn>\n</Document>\n");
	return true;
}
