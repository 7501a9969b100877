/* test_payouts.c: the commission ledger's hash chain (append, tamper found), clawbacks carried
 * into the next payout, IBAN and BIC checks, the PayPal Payouts CSV and the SEPA pain.001 file. */
#include <string.h>
#include <stdlib.h>
#include <check.h>
#include <sodium.h>
#include "lib/bank.h"
#include "domain/creators/ledger.h"
#include "domain/creators/ledger_chain.h"
#include "domain/creators/payout_paypal_csv.h"
#include "domain/creators/payout_rules.h"
#include "domain/creators/payout_sepa.h"
#include "suites.h"

static struct ledger_entry entry(long long line, long long amount, const char *kind)
{
	struct ledger_entry e = { .brand_id = 7, .creator_id = 3, .order_line_id = line, .amount = amount,
				  .currency = "EUR", .kind = kind };
	strcpy(e.created_at, "2026-12-01 10:00:00");
	return e;
}

/* A chain of n entries as stored: their hashes and links. */
struct stored {
	struct ledger_entry e;
	unsigned long long seq;
	uint8_t prev[LEDGER_HASH_LEN], hash[LEDGER_HASH_LEN];
};

static void append(struct stored *s, size_t n)
{
	uint8_t prev[LEDGER_HASH_LEN] = { 0 };
	for (size_t i = 0; i < n; i++) {
		s[i].seq = i + 1;
		memcpy(s[i].prev, prev, sizeof prev);
		ledger_chain_hash(&s[i].e, s[i].seq, prev, s[i].hash);
		memcpy(prev, s[i].hash, sizeof prev);
	}
}

/* Index of the first entry that does not check out, or n. */
static size_t first_broken(const struct stored *s, size_t n, enum ledger_chain_fault *why)
{
	struct ledger_chain_walk w;
	ledger_chain_start(&w);
	for (size_t i = 0; i < n; i++) {
		uint8_t expected[LEDGER_HASH_LEN];
		*why = ledger_chain_step(&w, &s[i].e, s[i].seq, s[i].prev, s[i].hash, expected);
		if (*why != LEDGER_CHAIN_OK)
			return i;
	}
	return n;
}

START_TEST(test_chain_appends_verify_and_any_change_is_found)
{
	ck_assert_int_ge(sodium_init(), 0);
	struct stored s[4] = { { .e = entry(1, 500, "accrual") }, { .e = entry(2, 300, "accrual") },
			       { .e = entry(1, -500, "payout") }, { .e = entry(1, -500, "clawback") } };
	append(s, 4);
	enum ledger_chain_fault why;
	ck_assert_uint_eq(first_broken(s, 4, &why), 4);
	/* Each entry's hash depends on the one before: none are equal, the first links to zeros. */
	ck_assert(memcmp(s[1].prev, s[0].hash, LEDGER_HASH_LEN) == 0);
	ck_assert(memcmp(s[0].hash, s[1].hash, LEDGER_HASH_LEN) != 0);

	/* An amount changed by SQL: that very entry is reported, its content no longer matches. */
	struct stored t[4];
	memcpy(t, s, sizeof t);
	t[1].e.amount = 3000;
	ck_assert_uint_eq(first_broken(t, 4, &why), 1);
	ck_assert_int_eq(why, LEDGER_CHAIN_CONTENT);
	/* ... and the kind, the creator, the time: each is covered. */
	memcpy(t, s, sizeof t);
	t[2].e.kind = "reversal";
	ck_assert_uint_eq(first_broken(t, 4, &why), 2);
	memcpy(t, s, sizeof t);
	t[0].e.creator_id = 4;
	ck_assert_uint_eq(first_broken(t, 4, &why), 0);
	memcpy(t, s, sizeof t);
	strcpy(t[3].e.created_at, "2026-12-01 10:00:01");
	ck_assert_uint_eq(first_broken(t, 4, &why), 3);
	/* A change with its hash recomputed too: the next entry's link gives it away. */
	memcpy(t, s, sizeof t);
	t[1].e.amount = 3000;
	ledger_chain_hash(&t[1].e, 2, t[1].prev, t[1].hash);
	ck_assert_uint_eq(first_broken(t, 4, &why), 2);
	ck_assert_int_eq(why, LEDGER_CHAIN_LINK);
	/* An entry removed from the middle: a gap in the positions. */
	struct stored u[3] = { s[0], s[2], s[3] };
	ck_assert_uint_eq(first_broken(u, 3, &why), 1);
	ck_assert_int_eq(why, LEDGER_CHAIN_GAP);
	/* Who recorded it is not hashed: deleting a user sets it to NULL, which is no tampering. */
	memcpy(t, s, sizeof t);
	t[0].e.created_by = 99;
	ck_assert_uint_eq(first_broken(t, 4, &why), 4);
}
END_TEST

START_TEST(test_refund_after_payout_is_a_clawback_carried_into_the_next_payout)
{
	/* Line A: 5.00 commission, paid out. Line B: 30.00, payable now. */
	struct ledger_split a = ledger_line(500, 0, -500, true);
	ck_assert_int_eq(a.paid, 500);
	ck_assert_int_eq(a.payable + a.carried, 0);
	/* A is refunded in full: nothing was left unpaid, so all 5.00 is a clawback. */
	struct ledger_reversal v = ledger_reverse_split(500, 0, 500, 500);
	ck_assert_int_eq(v.reversal, 0);
	ck_assert_int_eq(v.clawback, 500);
	a = ledger_line(500, -500, -500, true);
	ck_assert_int_eq(a.carried, -500);
	ck_assert_int_eq(a.payable, 0);
	/* Carried at once, even inside the return window. */
	ck_assert_int_eq(ledger_line(500, -500, -500, false).carried, -500);
	/* The next payout nets it: 30.00 - 5.00 = 25.00. */
	struct ledger_split b = ledger_line(3000, 0, 0, true);
	ck_assert_int_eq(b.payable + b.carried + a.payable + a.carried, 2500);
	/* Settling writes +5.00 on A and -30.00 on B: afterwards both lines are square. */
	a = ledger_line(500, -500, -500 + 500, true);
	b = ledger_line(3000, 0, -3000, true);
	ck_assert_int_eq(a.carried + a.payable + a.pending, 0);
	ck_assert_int_eq(a.paid, 0);
	ck_assert_int_eq(b.carried + b.payable + b.pending, 0);
	/* A partial refund of an unpaid line is a plain reversal; of a part-paid line, split. */
	v = ledger_reverse_split(1000, 0, 0, 400);
	ck_assert_int_eq(v.reversal, 400);
	ck_assert_int_eq(v.clawback, 0);
	v = ledger_reverse_split(1000, -200, 600, 400);	/* 200 unpaid left */
	ck_assert_int_eq(v.reversal, 200);
	ck_assert_int_eq(v.clawback, 200);
	v = ledger_reverse_split(1000, 0, 0, 0);
	ck_assert_int_eq(v.reversal + v.clawback, 0);
	/* A balance that clawbacks leave negative stays negative: nothing to pay. */
	a = ledger_line(2000, -2000, -2000, true);
	b = ledger_line(500, 0, 0, true);
	ck_assert_int_eq(a.carried + b.payable, -1500);
}
END_TEST

START_TEST(test_iban_mod97_and_bic)
{
	char iban[BANK_IBAN_MAX + 1], bic[BANK_BIC_MAX + 1];
	ck_assert(bank_iban_normalise("de89 3704 0044 0532 0130 00", iban));
	ck_assert_str_eq(iban, "DE89370400440532013000");
	ck_assert(bank_iban_normalise("GB82WEST12345698765432", iban));
	ck_assert(bank_iban_normalise("FR1420041010050500013M02606", iban));
	ck_assert(!bank_iban_normalise("DE89370400440532013001", iban));	/* check digits */
	ck_assert(!bank_iban_normalise("DE8937040044", iban));		/* too short */
	ck_assert(!bank_iban_normalise("DE89-3704-0044-0532-0130-00", iban));
	ck_assert(!bank_iban_normalise("DE89370400440532013000DE89370400440532013000", iban));
	ck_assert(!bank_iban_normalise("", iban));
	ck_assert(bank_bic_normalise("cobadeffxxx", bic));
	ck_assert_str_eq(bic, "COBADEFFXXX");
	ck_assert(bank_bic_normalise("DEUTDEFF", bic));
	ck_assert(!bank_bic_normalise("DEUTDEF", bic));
	ck_assert(!bank_bic_normalise("D3UTDEFF", bic));
}
END_TEST

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

START_TEST(test_paypal_csv_has_no_header_and_splits_at_5000)
{
	struct arena *a = arena_new(1 << 16);
	struct buf b;
	buf_init(&b, a, 1024);
	struct payout_paypal_row rows[] = {
		{ "lena@example.com", 2550, "cc-12-3", "Northwind, December" },
		{ "marco@example.com", 100000, "cc_12/4 !", "=HYPERLINK(\"x\")" },
	};
	ck_assert_uint_eq(payout_paypal_csv_files(2), 1);
	payout_paypal_csv_write(&b, rows, 2, 0, "USD");
	ck_assert_str_eq(buf_cstr(&b), "lena@example.com,25.50,USD,cc-12-3,\"Northwind, December\",PayPal\r\n"
				       "marco@example.com,1000.00,USD,cc124,\"'=HYPERLINK(\"\"x\"\")\",PayPal\r\n");
	/* A zero-decimal currency has no decimals. */
	buf_init(&b, a, 1024);
	payout_paypal_csv_write(&b, rows, 1, 0, "JPY");
	ck_assert_str_eq(buf_cstr(&b), "lena@example.com,2550,JPY,cc-12-3,\"Northwind, December\",PayPal\r\n");
	/* 12,001 payments: three files of 5000, 5000 and 2001 rows. */
	size_t n = 12001;
	struct payout_paypal_row *many = calloc(n, sizeof *many);
	for (size_t i = 0; i < n; i++)
		many[i] = (struct payout_paypal_row){ "a@example.com", 2500, "r", "n" };
	ck_assert_uint_eq(payout_paypal_csv_files(n), 3);
	ck_assert_uint_eq(payout_paypal_csv_files(5000), 1);
	ck_assert_uint_eq(payout_paypal_csv_files(5001), 2);
	size_t want[] = { 5000, 5000, 2001 };
	for (size_t part = 0; part < 3; part++) {
		arena_reset(a);
		buf_init(&b, a, 1 << 16);
		payout_paypal_csv_write(&b, many, n, part, "USD");
		ck_assert_uint_eq(count_lines(buf_cstr(&b)), want[part]);
	}
	free(many);
	arena_free(a);
}
END_TEST

/* The text between <tag> and </tag> after `from`, into out; NULL when absent. */
static const char *xml_text(const char *from, const char *tag, char *out, size_t cap)
{
	char open[64], close[64];
	snprintf(open, sizeof open, "<%s", tag);
	snprintf(close, sizeof close, "</%s>", tag);
	const char *p = strstr(from, open);
	if (!p || !(p = strchr(p, '>')))
		return NULL;
	const char *q = strstr(++p, close);
	if (!q || (size_t)(q - p) >= cap)
		return NULL;
	memcpy(out, p, (size_t)(q - p));
	out[q - p] = '\0';
	return q;
}

START_TEST(test_sepa_pain001_sums_charset_and_lengths)
{
	struct arena *a = arena_new(1 << 16);
	struct buf b;
	buf_init(&b, a, 4096);
	char long_ref[80];
	memset(long_ref, 'R', sizeof long_ref - 1);
	long_ref[sizeof long_ref - 1] = '\0';
	char long_text[300];
	memset(long_text, 'x', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	struct payout_sepa_tx tx[] = {
		{ long_ref, 2550, { "Jürgen Müller & Søn <GmbH>", "DE89370400440532013000", "COBADEFFXXX" }, "Provision Dezember" },
		{ "cc-2", 100001, { "Zoë \"Z\" Łukasz", "FR1420041010050500013M02606", "BNPAFRPP" }, long_text },
		{ "cc-3", 7, { "Ana", "DE89370400440532013000", "COBADEFF" }, "ok" },
	};
	struct payout_sepa_doc d = { "northwind-EUR-2026-12", "2026-12-06T11:42:00", "2026-12-07",
				     { "Northwind Trading Co.", "DE89370400440532013000", "COBADEFFXXX" }, tx, 3 };
	ck_assert(payout_sepa_write(&b, &d));
	const char *xml = buf_cstr(&b);
	ck_assert_ptr_nonnull(strstr(xml, "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"));
	char v[512];
	/* Group header and payment information: the same count and control sum (25.50 + 1000.01 + 0.07). */
	const char *p = xml_text(xml, "GrpHdr", v, sizeof v);
	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(xml_text(xml, "NbOfTxs", v, sizeof v));
	ck_assert_str_eq(v, "3");
	ck_assert_ptr_nonnull(xml_text(xml, "CtrlSum", v, sizeof v));
	ck_assert_str_eq(v, "1025.58");
	const char *pmt = strstr(xml, "<PmtInf>");
	ck_assert_ptr_nonnull(pmt);
	ck_assert_ptr_nonnull(xml_text(pmt, "NbOfTxs", v, sizeof v));
	ck_assert_str_eq(v, "3");
	ck_assert_ptr_nonnull(xml_text(pmt, "CtrlSum", v, sizeof v));
	ck_assert_str_eq(v, "1025.58");
	ck_assert_ptr_nonnull(xml_text(pmt, "PmtMtd", v, sizeof v));
	ck_assert_str_eq(v, "TRF");
	/* Amounts with exactly two decimals, in EUR. */
	ck_assert_ptr_nonnull(strstr(xml, "<InstdAmt Ccy=\"EUR\">25.50</InstdAmt>"));
	ck_assert_ptr_nonnull(strstr(xml, "<InstdAmt Ccy=\"EUR\">1000.01</InstdAmt>"));
	ck_assert_ptr_nonnull(strstr(xml, "<InstdAmt Ccy=\"EUR\">0.07</InstdAmt>"));
	/* EndToEndId cut to 35, Ustrd to 140, names transliterated into the restricted set. */
	ck_assert_ptr_nonnull(xml_text(xml, "EndToEndId", v, sizeof v));
	ck_assert_uint_eq(strlen(v), 35);
	const char *second = strstr(xml, "<EndToEndId>cc-2");
	ck_assert_ptr_nonnull(second);
	ck_assert_ptr_nonnull(xml_text(second, "Ustrd", v, sizeof v));
	ck_assert_uint_eq(strlen(v), 140);
	ck_assert_ptr_nonnull(strstr(xml, "<Nm>Jurgen Muller + Son .GmbH.</Nm>"));
	ck_assert_ptr_nonnull(strstr(xml, "<Nm>Zoe 'Z' Lukasz</Nm>"));
	/* Everything between tags is in the SEPA set: no &, <, > or non-ASCII inside any text. */
	for (const char *q = strstr(xml, "<CstmrCdtTrfInitn>"); *q; q++) {
		if (*q == '<') {
			q = strchr(q, '>');
			ck_assert_ptr_nonnull(q);
			continue;
		}
		unsigned char c = (unsigned char)*q;
		ck_assert_msg(c == '\n' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			      strchr("/-?:().,'+ ", c), "character %u outside the SEPA set", c);
	}
	/* No transaction, or a non-positive amount: no file. */
	d.ntx = 0;
	ck_assert(!payout_sepa_write(&b, &d));
	tx[0].amount = 0;
	d.ntx = 1;
	ck_assert(!payout_sepa_write(&b, &d));
	arena_free(a);
}
END_TEST

START_TEST(test_payout_periods_thresholds_and_holds)
{
	char p[PAYOUT_RULES_PERIOD_LEN];
	time_t dec15 = 1797336000;	/* 2026-12-15 12:00 UTC */
	payout_rules_period(PAYOUT_MONTHLY, dec15, p);
	ck_assert_str_eq(p, "2026-12");
	payout_rules_period(PAYOUT_TWICE_MONTHLY, dec15, p);
	ck_assert_str_eq(p, "2026-12a");
	payout_rules_period(PAYOUT_TWICE_MONTHLY, dec15 + 86400, p);
	ck_assert_str_eq(p, "2026-12b");
	payout_rules_period(PAYOUT_MONTHLY, dec15 + 17 * 86400, p);
	ck_assert_str_eq(p, "2027-01");
	/* 25 in the currency's major unit. */
	ck_assert_int_eq(payout_rules_default_threshold("EUR"), 2500);
	ck_assert_int_eq(payout_rules_default_threshold("JPY"), 25);
	ck_assert_int_eq(payout_rules_default_threshold("KWD"), 25000);
	/* Who is paid, and why not. */
	ck_assert_int_eq(payout_rules_hold(3000, 2500, true, PAYOUT_METHOD_PAYPAL, "EUR"), PAYOUT_PAY);
	ck_assert_int_eq(payout_rules_hold(2500, 2500, true, PAYOUT_METHOD_SEPA, "EUR"), PAYOUT_PAY);
	ck_assert_int_eq(payout_rules_hold(2499, 2500, true, PAYOUT_METHOD_PAYPAL, "EUR"), PAYOUT_HOLD_THRESHOLD);
	ck_assert_int_eq(payout_rules_hold(3000, 2500, false, PAYOUT_METHOD_PAYPAL, "EUR"), PAYOUT_HOLD_TAX_FORM);
	ck_assert_int_eq(payout_rules_hold(3000, 2500, true, PAYOUT_METHOD_NONE, "EUR"), PAYOUT_HOLD_DETAILS);
	ck_assert_int_eq(payout_rules_hold(3000, 2500, true, PAYOUT_METHOD_SEPA, "USD"), PAYOUT_HOLD_SEPA_CURRENCY);
	ck_assert_int_eq(payout_rules_hold(-500, 2500, true, PAYOUT_METHOD_PAYPAL, "EUR"), PAYOUT_HOLD_CARRIED);
	ck_assert_int_eq(payout_rules_hold(0, 2500, true, PAYOUT_METHOD_PAYPAL, "EUR"), PAYOUT_HOLD_NOTHING);
	ck_assert_str_eq(payout_rules_hold_text(PAYOUT_HOLD_TAX_FORM), "held: tax form not received");
	ck_assert_int_eq(payout_rules_hold_verified(PAYOUT_PAY, false), PAYOUT_HOLD_UNVERIFIED);
	ck_assert_int_eq(payout_rules_hold_verified(PAYOUT_PAY, true), PAYOUT_PAY);
	ck_assert_int_eq(payout_rules_hold_verified(PAYOUT_HOLD_THRESHOLD, false), PAYOUT_HOLD_THRESHOLD);
	ck_assert_str_eq(payout_rules_hold_text(PAYOUT_HOLD_UNVERIFIED), "held: the creator has not confirmed their email address");
}
END_TEST

Suite *payouts_suite(void)
{
	Suite *s = suite_create("payouts");
	TCase *tc = tcase_create("core");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_chain_appends_verify_and_any_change_is_found);
	tcase_add_test(tc, test_refund_after_payout_is_a_clawback_carried_into_the_next_payout);
	tcase_add_test(tc, test_iban_mod97_and_bic);
	tcase_add_test(tc, test_paypal_csv_has_no_header_and_splits_at_5000);
	tcase_add_test(tc, test_sepa_pain001_sums_charset_and_lengths);
	tcase_add_test(tc, test_payout_periods_thresholds_and_holds);
	suite_add_tcase(s, tc);
	return s;
}
