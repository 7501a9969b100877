/* test_dns.c: automatic domain verification's pure parts: the TXT rule, joining character-strings,
 * reading whole DNS answers (built here byte by byte), and the re-check schedule with its loss rule. */
#include <string.h>
#include <check.h>
#include "domain/ads/dns_txt.h"
#include "domain/ads/domain_schedule.h"
#include "suites.h"

#define TOKEN "0123456789abcdef0123456789abcdef"
#define RIGHT DNS_TXT_PREFIX TOKEN
#define DAY 86400LL
#define HOUR 3600LL

/* ---- a DNS message builder ---- */
enum { QR = 0x8000, AA = 0x0400, TC = 0x0200, RD = 0x0100, RA = 0x0080 };
enum { NOERROR = 0, SERVFAIL = 2, NXDOMAIN = 3, REFUSED = 5 };
enum { T_CNAME = 5, T_TXT = 16, T_A = 1 };

struct msg {
	uint8_t b[4096];
	size_t n;
};

static void put16(struct msg *m, unsigned v)
{
	m->b[m->n++] = (uint8_t)(v >> 8);
	m->b[m->n++] = (uint8_t)v;
}

static void put_name(struct msg *m, const char *name)
{
	while (*name) {
		size_t len = strcspn(name, ".");
		m->b[m->n++] = (uint8_t)len;
		memcpy(m->b + m->n, name, len);
		m->n += len;
		name += len + (name[len] == '.');
	}
	m->b[m->n++] = 0;
}

/* A response header and the question "TXT qname". */
static void begin(struct msg *m, unsigned flags, unsigned an, const char *qname)
{
	m->n = 0;
	put16(m, 0x1234);
	put16(m, flags);
	put16(m, 1);
	put16(m, an);
	put16(m, 0);
	put16(m, 0);
	put_name(m, qname);
	put16(m, T_TXT);
	put16(m, 1);
}

/* An answer record; owner NULL points back at the question's name (compression). */
static void rr_head(struct msg *m, const char *owner, unsigned type)
{
	if (owner)
		put_name(m, owner);
	else
		put16(m, 0xc00c);
	put16(m, type);
	put16(m, 1);
	put16(m, 0);
	put16(m, 60);
}

static void rr_txt(struct msg *m, const char *owner, const char *const *strings)
{
	rr_head(m, owner, T_TXT);
	size_t at = m->n;
	put16(m, 0);
	for (; *strings; strings++) {
		size_t len = strlen(*strings);
		m->b[m->n++] = (uint8_t)len;
		memcpy(m->b + m->n, *strings, len);
		m->n += len;
	}
	size_t rdlen = m->n - at - 2;
	m->b[at] = (uint8_t)(rdlen >> 8);
	m->b[at + 1] = (uint8_t)rdlen;
}

static void rr_cname(struct msg *m, const char *owner, const char *target)
{
	rr_head(m, owner, T_CNAME);
	size_t at = m->n;
	put16(m, 0);
	put_name(m, target);
	size_t rdlen = m->n - at - 2;
	m->b[at + 1] = (uint8_t)rdlen;
}

static enum dns_txt_outcome read_answer(const struct msg *m, const char *name, char why[DNS_WHY_MAX])
{
	return dns_txt_answer(m->b, m->n, name, TOKEN, why);
}

/* An answer to "TXT qname" with one TXT record at owner (NULL: the question's name), read for
 * shop.example.com. */
static enum dns_txt_outcome txt_at(const char *qname, const char *owner, const char *const *strings, char why[DNS_WHY_MAX])
{
	struct msg m;
	begin(&m, QR | RD | RA, 1, qname);
	rr_txt(&m, owner, strings);
	return read_answer(&m, "shop.example.com", why);
}

static enum dns_txt_outcome one_record(const char *const *strings, char why[DNS_WHY_MAX])
{
	return txt_at("shop.example.com", NULL, strings, why);
}

/* An answer without records, with these flags and answer code. */
static enum dns_txt_outcome no_record(unsigned flags, const char *qname, char why[DNS_WHY_MAX])
{
	struct msg m;
	begin(&m, flags, 0, qname);
	return read_answer(&m, "shop.example.com", why);
}

static struct dns_txt_value val(const char *s)
{
	return (struct dns_txt_value){ (const uint8_t *)s, strlen(s) };
}

/* ---- the rule ---- */

START_TEST(test_dns_rule_wants_one_record_exactly_equal_to_the_value)
{
	struct dns_txt_value v[] = { val("v=spf1 -all"), val(RIGHT), val(DNS_TXT_PREFIX "ffff") };
	ck_assert_int_eq(dns_txt_judge(v, 3, TOKEN), DNS_TXT_MATCH);
	ck_assert_int_eq(dns_txt_judge(v, 1, TOKEN), DNS_TXT_OTHER);
	ck_assert_int_eq(dns_txt_judge(v + 2, 1, TOKEN), DNS_TXT_DIFFERS);
	ck_assert_int_eq(dns_txt_judge(v, 0, TOKEN), DNS_TXT_NONE);
	/* exact: no trimming, no case folding, nothing before or after */
	struct dns_txt_value near[] = { val(RIGHT " "), val(" " RIGHT), val(DNS_TXT_PREFIX "0123456789ABCDEF0123456789ABCDEF"),
					val("CROWDCART-VERIFICATION=" TOKEN), val(DNS_TXT_PREFIX), val(RIGHT "0") };
	for (size_t i = 0; i < sizeof near / sizeof near[0]; i++)
		ck_assert_int_ne(dns_txt_judge(&near[i], 1, TOKEN), DNS_TXT_MATCH);
	ck_assert_int_eq(dns_txt_judge(&near[0], 1, TOKEN), DNS_TXT_DIFFERS);
	ck_assert_int_eq(dns_txt_judge(&near[3], 1, TOKEN), DNS_TXT_OTHER);
	/* a NUL inside the value is a byte like any other */
	static const uint8_t nul[] = "crowdcart-verification=0123456789abcdef\0" "123456789abcdef";
	struct dns_txt_value n = { nul, sizeof nul - 1 };
	ck_assert_int_eq(dns_txt_judge(&n, 1, TOKEN), DNS_TXT_DIFFERS);
}
END_TEST

START_TEST(test_dns_join_concatenates_character_strings)
{
	static const uint8_t rd[] = "\x17" "crowdcart-verification=" "\x10" "0123456789abcdef" "\x00" "\x10" "0123456789abcdef";
	uint8_t out[128];
	long n = dns_txt_join(rd, sizeof rd - 1, out, sizeof out);
	ck_assert_int_eq(n, (long)strlen(RIGHT));
	ck_assert(memcmp(out, RIGHT, (size_t)n) == 0);
	/* longer than out: the full length, the first bytes kept */
	ck_assert_int_eq(dns_txt_join(rd, sizeof rd - 1, out, 5), n);
	ck_assert(memcmp(out, "crowd", 5) == 0);
	/* a length running past the end, and an empty RDATA, are malformed */
	ck_assert_int_eq(dns_txt_join((const uint8_t *)"\x05" "abc", 4, out, sizeof out), -1);
	ck_assert_int_eq(dns_txt_join(rd, 0, out, sizeof out), -1);
	ck_assert_int_eq(dns_txt_join((const uint8_t *)"\x00", 1, out, sizeof out), 0);
}
END_TEST

/* ---- whole answers ---- */

START_TEST(test_dns_answer_with_the_record_verifies_single_or_multi_string)
{
	struct msg m;
	char why[DNS_WHY_MAX];
	begin(&m, QR | AA | RD | RA, 2, "shop.example.com");
	rr_txt(&m, NULL, (const char *[]){ "v=spf1 include:mail.example -all", NULL });
	rr_txt(&m, NULL, (const char *[]){ RIGHT, NULL });
	ck_assert_int_eq(read_answer(&m, "shop.example.com", why), DNS_TXT_MATCH);
	ck_assert_str_eq(why, "verified");
	const char *multi[] = { "crowdcart-", "verification=0123456789abcdef", "0123456789abcdef", NULL };
	ck_assert_int_eq(one_record(multi, why), DNS_TXT_MATCH);
}
END_TEST

START_TEST(test_dns_answer_names_compare_without_case)
{
	char why[DNS_WHY_MAX];
	/* a resolver may echo the question in another case (0x20) and name the owner in yet another */
	ck_assert_int_eq(txt_at("Shop.EXAMPLE.com", "SHOP.example.COM", (const char *[]){ RIGHT, NULL }, why), DNS_TXT_MATCH);
}
END_TEST

START_TEST(test_dns_answer_tells_a_wrong_value_other_records_and_none_apart)
{
	char why[DNS_WHY_MAX];
	ck_assert_int_eq(one_record((const char *[]){ DNS_TXT_PREFIX "ffffffffffffffffffffffffffffffff", NULL }, why), DNS_TXT_DIFFERS);
	ck_assert_str_eq(why, "a TXT record was found but its value differs");
	ck_assert_int_eq(one_record((const char *[]){ "google-site-verification=abc", NULL }, why), DNS_TXT_OTHER);
	ck_assert_str_eq(why, "no crowdcart-verification TXT record at shop.example.com (other TXT records are there)");
	ck_assert_int_eq(no_record(QR | RD | RA | NXDOMAIN, "shop.example.com", why), DNS_TXT_NONE);
	ck_assert_str_eq(why, "no TXT record at shop.example.com");
	ck_assert_int_eq(no_record(QR | RD | RA, "shop.example.com", why), DNS_TXT_NONE);
	/* a record at another name, not reached by a CNAME, is not the domain's */
	ck_assert_int_eq(txt_at("shop.example.com", "evil.test", (const char *[]){ RIGHT, NULL }, why), DNS_TXT_NONE);
	/* a record much longer than ours is someone else's, even if it starts like ours */
	static char longer[200];
	memset(longer, 'a', sizeof longer - 1);
	memcpy(longer, RIGHT, strlen(RIGHT));
	ck_assert_int_eq(one_record((const char *[]){ longer, NULL }, why), DNS_TXT_DIFFERS);
}
END_TEST

START_TEST(test_dns_answer_follows_cnames_in_the_answer)
{
	struct msg m;
	char why[DNS_WHY_MAX];
	begin(&m, QR | RD | RA, 3, "shop.example.com");
	/* out of order on purpose: the chain is followed whatever the order */
	rr_txt(&m, "verify.hosting.test", (const char *[]){ RIGHT, NULL });
	rr_cname(&m, "edge.hosting.test", "verify.hosting.test");
	rr_cname(&m, NULL, "edge.hosting.test");
	ck_assert_int_eq(read_answer(&m, "shop.example.com", why), DNS_TXT_MATCH);
}
END_TEST

START_TEST(test_dns_answer_errors_and_bad_messages_are_lookup_failures)
{
	struct msg m;
	char why[DNS_WHY_MAX];
	ck_assert_int_eq(no_record(QR | RD | RA | SERVFAIL, "shop.example.com", why), DNS_TXT_FAILED);
	ck_assert_str_eq(why, "lookup failed: the resolver answered SERVFAIL");
	ck_assert_int_eq(no_record(QR | RD | REFUSED, "shop.example.com", why), DNS_TXT_FAILED);
	ck_assert_str_eq(why, "lookup failed: the resolver refused the query");
	ck_assert_int_eq(no_record(QR | TC | RD | RA, "shop.example.com", why), DNS_TXT_FAILED);
	ck_assert_str_eq(why, "lookup failed: the answer was truncated");
	ck_assert_int_eq(no_record(QR | RD | RA, "other.example.com", why), DNS_TXT_FAILED);
	ck_assert_str_eq(why, "lookup failed: the answer does not match the question");
	ck_assert_int_eq(no_record(RD, "shop.example.com", why), DNS_TXT_FAILED);	/* a query, not an answer */
	ck_assert_str_eq(why, "lookup failed: malformed answer");
	/* cut short anywhere: never a verdict on the record */
	begin(&m, QR | RD | RA, 1, "shop.example.com");
	rr_txt(&m, NULL, (const char *[]){ RIGHT, NULL });
	for (size_t cut = 0; cut < m.n; cut++)
		ck_assert_int_eq(dns_txt_answer(m.b, cut, "shop.example.com", TOKEN, why), DNS_TXT_FAILED);
	/* a character-string running past its record */
	m.b[m.n - strlen(RIGHT) - 1] = 0xff;
	ck_assert_int_eq(read_answer(&m, "shop.example.com", why), DNS_TXT_FAILED);
}
END_TEST

/* ---- the schedule ---- */

START_TEST(test_dns_schedule_backs_off_for_an_unverified_domain)
{
	ck_assert_int_eq(domain_schedule_backoff(1, 0), 60);
	ck_assert_int_eq(domain_schedule_backoff(2, 0), 300);
	ck_assert_int_eq(domain_schedule_backoff(3, 0), 1800);
	ck_assert_int_eq(domain_schedule_backoff(4, HOUR), 3600);
	ck_assert_int_eq(domain_schedule_backoff(50, 7 * DAY - 1), 3600);
	ck_assert_int_eq(domain_schedule_backoff(50, 7 * DAY), 86400);
	struct domain_state s = { .verified = false, .failures = 0, .missing_for = -1, .age = 5 };
	unsigned want[] = { 60, 300, 1800, 3600, 3600 };
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		/* a failed lookup backs off like a missing record: both leave the domain unverified */
		struct domain_step st = domain_schedule(&s, i % 2 ? DOMAIN_LOOKUP_FAILED : DOMAIN_MISSING);
		ck_assert_int_eq(st.action, DOMAIN_KEEP);
		ck_assert_int_eq(st.next_in, want[i]);
		s.failures = st.failures;
	}
	ck_assert_uint_eq(s.failures, 5);
	struct domain_step st = domain_schedule(&s, DOMAIN_FOUND);
	ck_assert_int_eq(st.action, DOMAIN_VERIFY);
	ck_assert_uint_eq(st.failures, 0);
	ck_assert_int_eq(st.next_in, DOMAIN_RECHECK_SECONDS);
}
END_TEST

START_TEST(test_dns_schedule_withdraws_after_three_missing_rechecks_over_48_hours)
{
	struct domain_state s = { .verified = true, .missing_for = -1, .age = 30 * DAY };
	struct domain_step st = domain_schedule(&s, DOMAIN_MISSING);
	ck_assert_int_eq(st.action, DOMAIN_KEEP);
	ck_assert_uint_eq(st.missing, 1);
	ck_assert_int_eq(st.missing_since, DOMAIN_SINCE_START);
	ck_assert_int_eq(st.next_in, DAY);
	/* the third in a row, but within 48 h of the first: kept */
	s.missing = 2;
	s.missing_for = 48 * HOUR - 1;
	ck_assert_int_eq(domain_schedule(&s, DOMAIN_MISSING).action, DOMAIN_KEEP);
	/* two over three days: kept, it takes three */
	s.missing = 1;
	s.missing_for = 72 * HOUR;
	ck_assert_int_eq(domain_schedule(&s, DOMAIN_MISSING).action, DOMAIN_KEEP);
	/* the third, 48 h after the first: withdrawn, then retried like a new domain */
	s.missing = 2;
	s.missing_for = 48 * HOUR;
	st = domain_schedule(&s, DOMAIN_MISSING);
	ck_assert_int_eq(st.action, DOMAIN_UNVERIFY);
	ck_assert_uint_eq(st.missing, 0);
	ck_assert_int_eq(st.missing_since, DOMAIN_SINCE_CLEAR);
	ck_assert_uint_eq(st.failures, 1);
	ck_assert_int_eq(st.next_in, 60);
	/* the record back before that: the streak ends */
	s.missing_for = 24 * HOUR;
	st = domain_schedule(&s, DOMAIN_FOUND);
	ck_assert_int_eq(st.action, DOMAIN_KEEP);
	ck_assert_uint_eq(st.missing, 0);
	ck_assert_int_eq(st.missing_since, DOMAIN_SINCE_CLEAR);
}
END_TEST

START_TEST(test_dns_schedule_a_failed_lookup_never_unverifies)
{
	struct domain_state s = { .verified = true, .missing = 7, .missing_for = 30 * DAY, .age = 60 * DAY };
	struct domain_step st = domain_schedule(&s, DOMAIN_LOOKUP_FAILED);
	ck_assert_int_eq(st.action, DOMAIN_KEEP);
	ck_assert_uint_eq(st.missing, 7);	/* neither counted nor forgiven */
	ck_assert_int_eq(st.missing_since, DOMAIN_SINCE_KEEP);
	ck_assert_int_eq(st.next_in, DOMAIN_RETRY_SECONDS);
}
END_TEST

Suite *dns_suite(void)
{
	Suite *s = suite_create("dns");
	TCase *tc = tcase_create("verification");
	tcase_add_test(tc, test_dns_rule_wants_one_record_exactly_equal_to_the_value);
	tcase_add_test(tc, test_dns_join_concatenates_character_strings);
	tcase_add_test(tc, test_dns_answer_with_the_record_verifies_single_or_multi_string);
	tcase_add_test(tc, test_dns_answer_names_compare_without_case);
	tcase_add_test(tc, test_dns_answer_tells_a_wrong_value_other_records_and_none_apart);
	tcase_add_test(tc, test_dns_answer_follows_cnames_in_the_answer);
	tcase_add_test(tc, test_dns_answer_errors_and_bad_messages_are_lookup_failures);
	tcase_add_test(tc, test_dns_schedule_backs_off_for_an_unverified_domain);
	tcase_add_test(tc, test_dns_schedule_withdraws_after_three_missing_rechecks_over_48_hours);
	tcase_add_test(tc, test_dns_schedule_a_failed_lookup_never_unverifies);
	suite_add_tcase(s, tc);
	return s;
}
