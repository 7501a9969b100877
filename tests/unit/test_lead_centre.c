/* test_lead_centre.c: the leads centre's pure rules: statuses, the qualifying rule (a
 * disqualifying answer wins), when an automatic status may replace the current one, option
 * counts and subsets, and label normalising. */
#include <check.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include "domain/leads/lead_condition.h"
#include "lib/arena.h"
#include "lib/buf.h"
#include "domain/leads/lead_crm.h"
#include "domain/leads/lead_field.h"
#include "domain/leads/lead_ics.h"
#include "domain/leads/lead_link.h"
#include "domain/leads/lead_phone.h"
#include "domain/leads/lead_slots.h"
#include "domain/leads/lead_status.h"
#include "suites.h"

START_TEST(test_lead_status_names_round_trip)
{
	for (int i = 0; i < LEAD__NSTATUS; i++) {
		enum lead_status back;
		ck_assert(lead_status_parse(lead_status_name((enum lead_status)i), &back));
		ck_assert_int_eq(back, i);
	}
	enum lead_status x;
	ck_assert(!lead_status_parse("won", &x));
	ck_assert(!lead_status_parse(NULL, &x));
	ck_assert(!lead_status_parse("Raw", &x));
}
END_TEST

START_TEST(test_lead_status_disqualifying_answer_wins)
{
	const char *budget[] = { "Over 10k" }, *size[] = { "Tiny" }, *topics[] = { "News", "Wholesale" };
	struct lead_status_answer a[] = {
		{ "Over 10k\n5k-10k", "Under 1k", budget, 1 },
		{ "", "Tiny\r\nNone", size, 1 },
		{ "Wholesale", "", topics, 2 },
	};
	ck_assert_int_eq(lead_status_from_answers(a, 3), LEAD_UNQUALIFIED);
	ck_assert_int_eq(lead_status_from_answers(a, 1), LEAD_QUALIFIED);
	ck_assert_int_eq(lead_status_from_answers(a + 2, 1), LEAD_QUALIFIED);	/* one of several chosen */
	ck_assert_int_eq(lead_status_from_answers(a + 1, 1), LEAD_UNQUALIFIED);	/* CRLF option lines */
	const char *none[] = { "Middle" };
	struct lead_status_answer neutral = { "Over 10k", "Under 1k", none, 1 };
	ck_assert_int_eq(lead_status_from_answers(&neutral, 1), LEAD_RAW);
	ck_assert_int_eq(lead_status_from_answers(NULL, 0), LEAD_RAW);
	struct lead_status_answer prefix = { "Over 10k", "", (const char *[]){ "Over 10" }, 1 };
	ck_assert_int_eq(lead_status_from_answers(&prefix, 1), LEAD_RAW);	/* whole lines only */
}
END_TEST

START_TEST(test_lead_status_auto_never_overrides_people)
{
	ck_assert(lead_status_auto_applies(LEAD_RAW, false));
	ck_assert(lead_status_auto_applies(LEAD_QUALIFIED, false));
	ck_assert(lead_status_auto_applies(LEAD_UNQUALIFIED, false));
	ck_assert(!lead_status_auto_applies(LEAD_CONTACTED, false));
	ck_assert(!lead_status_auto_applies(LEAD_CONVERTED, false));
	ck_assert(!lead_status_auto_applies(LEAD_QUALIFIED, true));
	ck_assert(!lead_status_auto_applies(LEAD_RAW, true));
}
END_TEST

START_TEST(test_lead_options_count_and_subset)
{
	ck_assert_uint_eq(lead_option_count("A\nB\r\n\nC"), 3);
	ck_assert_uint_eq(lead_option_count(""), 0);
	ck_assert_uint_eq(lead_option_count("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11"), 11);
	ck_assert(lead_option_subset("", "A\nB"));
	ck_assert(lead_option_subset("B\r\nA", "A\nB"));
	ck_assert(!lead_option_subset("A\nC", "A\nB"));
	ck_assert(!lead_option_subset("a", "A\nB"));	/* spelt the same */
}
END_TEST

START_TEST(test_lead_labels_are_trimmed_and_unique)
{
	char out[64];
	ck_assert(lead_status_labels(" vip, Spring fair ,vip,, ", out, sizeof out, 10));
	ck_assert_str_eq(out, "vip,Spring fair");
	ck_assert(lead_status_labels("", out, sizeof out, 10));
	ck_assert_str_eq(out, "");
	ck_assert(!lead_status_labels("a,b,c", out, sizeof out, 2));	/* too many */
	ck_assert(!lead_status_labels("this label is far longer than forty characters", out, sizeof out, 10));
	ck_assert(!lead_status_labels("first 0123456789,second 0123456789,third 0123456789,fourth 0123456789", out, sizeof out, 10));	/* does not fit */
	ck_assert(lead_status_labels("vip,VIP", out, sizeof out, 10));
	ck_assert_str_eq(out, "vip,VIP");
}
END_TEST

START_TEST(test_lead_crm_columns_and_statuses)
{
	enum lead_crm crm;
	ck_assert(lead_crm_parse("hubspot", &crm) && crm == LEAD_CRM_HUBSPOT);
	ck_assert(lead_crm_parse("salesforce", &crm) && crm == LEAD_CRM_SALESFORCE);
	ck_assert(!lead_crm_parse("csv", &crm));
	ck_assert_str_eq(lead_crm_header(LEAD_CRM_HUBSPOT)[0], "Email");
	ck_assert_str_eq(lead_crm_header(LEAD_CRM_SALESFORCE)[4], "Company");
	ck_assert_str_eq(lead_crm_status(LEAD_CRM_HUBSPOT, LEAD_UNQUALIFIED), "UNQUALIFIED");
	ck_assert_str_eq(lead_crm_status(LEAD_CRM_SALESFORCE, LEAD_CONVERTED), "Closed - Converted");
	ck_assert_str_eq(lead_crm_status(LEAD_CRM_SALESFORCE, LEAD_CONTACTED), "Working - Contacted");
	char first[32], last[32];
	lead_crm_split_name("  Ada King  Lovelace ", first, sizeof first, last, sizeof last);
	ck_assert_str_eq(first, "Ada King");
	ck_assert_str_eq(last, "Lovelace");
	lead_crm_split_name("Cher", first, sizeof first, last, sizeof last);
	ck_assert_str_eq(first, "");
	ck_assert_str_eq(last, "Cher");
	ck_assert(lead_crm_is_name_label("Your full name"));
	ck_assert(!lead_crm_is_name_label("Company name"));
	ck_assert(lead_crm_is_company_label("Organisation"));
}
END_TEST

START_TEST(test_lead_conditions_follow_answers_and_chains)
{
	const char *business[] = { "Business" }, *size[] = { "50+" };
	struct lead_condition c[] = {
		{ -1, "", business, 1 },		/* 0: Who are you? */
		{ 0, "Business\r\nCharity", size, 1 },	/* 1: Team size, shown for businesses and charities */
		{ 1, "50+", NULL, 0 },			/* 2: Enterprise contact, shown for 50+ */
		{ 0, "Person", NULL, 0 },		/* 3: shown for persons only */
		{ 5, "x", NULL, 0 },			/* 4: its source comes later: always shown */
		{ -1, "", NULL, 0 },
	};
	bool shown[6];
	lead_condition_shown(c, 6, shown);
	ck_assert(shown[0] && shown[1] && shown[2] && !shown[3] && shown[4] && shown[5]);
	const char *person[] = { "Person" };
	c[0].vals = person;
	lead_condition_shown(c, 6, shown);
	/* 1 hides, and so does 2 although its own source still holds "50+": a hidden answer counts for nothing */
	ck_assert(shown[0] && !shown[1] && !shown[2] && shown[3]);
	c[0].nvals = 0;
	lead_condition_shown(c, 6, shown);
	ck_assert(!shown[1] && !shown[2] && !shown[3]);
	const char *several[] = { "Other", "Charity" };
	c[0].vals = several;
	c[0].nvals = 2;
	lead_condition_shown(c, 6, shown);
	ck_assert(shown[1] && shown[2]);	/* any of several answers */
}
END_TEST

/* libphonenumber's reading of phone answers (lead_phone.h), in the form's region. */
static const struct {
	const char *typed, *region, *e164;	/* e164 "" when it stays as typed only */
} phones[] = {
	{ "(206) 555-0100", "US", "+12065550100" },		/* national, in the form's region */
	{ "206.555.0100", "US", "+12065550100" },
	{ "020 7946 0958", "GB", "+442079460958" },
	{ "030 901820", "DE", "+4930901820" },
	{ "+1 206 555 0100", "GB", "+12065550100" },		/* international, whatever the region */
	{ "+44 (0)20 7946.0958", "US", "+442079460958" },	/* the "(0)" trunk prefix dropped */
	{ " +33 (1) 42 68 53 00", "US", "+33142685300" },
	{ "+49-30-901820", "US", "+4930901820" },
	{ "011 44 20 7946 0958", "US", "+442079460958" },	/* the US international prefix */
	{ "0044 20 7946 0958", "US", "+442079460958" },		/* 00 taken as international everywhere */
	{ "0044 20 7946 0958", "DE", "+442079460958" },
	{ "020 7946 0958", "US", "" },			/* a British number read as American: invalid */
	{ "+1 555", "US", "" },				/* too short */
	{ "+1 206 555 0100 0100 01", "US", "" },	/* too long for any plan */
	{ "+1 206 555 0100 0100 0100 0100 0100 0100 01", "US", "" },	/* longer than any number typed */
	{ "+0 123 456 789", "US", "" },			/* no country code starts with 0 */
	{ "+1 206 555 0100 ext 2", "US", "" },		/* E.164 cannot hold the extension */
	{ "CALL-ME", "US", "" },
	{ "+", "US", "" },
	{ "", "US", "" },
	{ "(206) 555-0100", "ZZ", "" },			/* no such region */
};

START_TEST(test_lead_phone_e164_libphonenumber)
{
	char out[LEAD_PHONE_E164_LEN];
	bool ok = lead_phone_e164(phones[_i].typed, phones[_i].region, out);
	ck_assert_msg(ok == (*phones[_i].e164 != '\0'), "%s in %s", phones[_i].typed, phones[_i].region);
	ck_assert_str_eq(out, phones[_i].e164);
}
END_TEST

START_TEST(test_lead_phone_region)
{
	ck_assert_str_eq(lead_phone_region(""), "US");
	ck_assert_str_eq(lead_phone_region("GB"), "GB");
	ck_assert(phone_number_region_ok("US") && phone_number_region_ok("DE") && phone_number_region_ok("GB"));
	ck_assert(!phone_number_region_ok("ZZ") && !phone_number_region_ok("us") && !phone_number_region_ok("USA")
		  && !phone_number_region_ok(""));
}
END_TEST

static time_t utc(const char *s)
{
	time_t t;
	ck_assert_msg(lead_slots_parse_value(s, &t), "%s", s);
	return t;
}

static void ck_slot(time_t t, const char *want)
{
	char v[LEAD_SLOT_VALUE_LEN];
	lead_slots_value(t, v);
	ck_assert_str_eq(v, want);
}

START_TEST(test_lead_slots_spring_forward_skips_the_missing_hour)
{
	struct lead_slots_rule rule;
	ck_assert_ptr_null(lead_slots_parse("sun 01:00-04:00", 60, 0, "Europe/Berlin", &rule));
	time_t out[LEAD_SLOTS_MAX];
	size_t n = lead_slots_list(&rule, utc("2026-03-28T12:00Z"), out, LEAD_SLOTS_MAX);
	ck_assert_uint_eq(n, 2 + 3);	/* 29 Mar has no 02:00; 5 Apr has all three (14 days ahead) */
	ck_slot(out[0], "2026-03-29T00:00Z");	/* 01:00 CET */
	ck_slot(out[1], "2026-03-29T01:00Z");	/* 03:00 CEST */
	ck_slot(out[2], "2026-04-04T23:00Z");	/* 01:00 CEST */
	char label[64];
	lead_slots_label(&rule, out[1], label, sizeof label);
	ck_assert_str_eq(label, "Sun 29 Mar 2026, 03:00");
	ck_assert_ptr_null(getenv("TZ"));	/* put back as it was */
}
END_TEST

START_TEST(test_lead_slots_fall_back_keeps_wall_clock_times)
{
	struct lead_slots_rule rule;
	ck_assert_ptr_null(lead_slots_parse("sun 01:00-04:00", 60, 0, "Europe/Berlin", &rule));
	time_t out[LEAD_SLOTS_MAX];
	size_t n = lead_slots_list(&rule, utc("2026-10-24T12:00Z"), out, LEAD_SLOTS_MAX);
	ck_assert_uint_eq(n, 3 + 3);
	ck_slot(out[0], "2026-10-24T23:00Z");	/* 01:00 CEST */
	ck_assert(out[1] == utc("2026-10-25T00:00Z") || out[1] == utc("2026-10-25T01:00Z"));	/* 02:00 happens twice */
	ck_slot(out[2], "2026-10-25T02:00Z");	/* 03:00 CET */
	ck_slot(out[3], "2026-11-01T00:00Z");	/* a week on, 01:00 CET */
}
END_TEST

START_TEST(test_lead_slots_length_notice_and_zones)
{
	struct lead_slots_rule rule;
	ck_assert_ptr_null(lead_slots_parse("Mon 09:00-10:40; wed 13:00-14:00", 30, 60, "America/New_York", &rule));
	time_t out[LEAD_SLOTS_MAX];
	/* Monday 2 March 2026, 13:30Z = 08:30 EST: 09:00 is within the hour's notice. */
	size_t n = lead_slots_list(&rule, utc("2026-03-02T13:30Z"), out, LEAD_SLOTS_MAX);
	ck_slot(out[0], "2026-03-02T14:30Z");	/* 09:30 EST */
	ck_slot(out[1], "2026-03-02T15:00Z");	/* 10:00; 10:30 would end after 10:40 */
	ck_slot(out[2], "2026-03-04T18:00Z");	/* wed 13:00 EST */
	ck_slot(out[3], "2026-03-04T18:30Z");
	ck_slot(out[4], "2026-03-09T13:00Z");	/* mon 09:00 EDT, after 8 March */
	ck_assert_uint_eq(n, 2 + 2 + 3 + 2 + 3);
	ck_assert_uint_eq(lead_slots_list(&rule, utc("2026-03-02T13:30Z"), out, 3), 3);
	ck_assert_ptr_nonnull(lead_slots_parse("mon 09:00-12:00", 60, 0, "Mars/Olympus", &rule));
	ck_assert_ptr_nonnull(lead_slots_parse("mon 09:00-12:00", 60, 0, "../../etc/passwd", &rule));
	ck_assert_ptr_nonnull(lead_slots_parse("funday 09:00-12:00", 60, 0, "UTC", &rule));
	ck_assert_ptr_nonnull(lead_slots_parse("mon 12:00-09:00", 60, 0, "UTC", &rule));
	ck_assert_ptr_nonnull(lead_slots_parse("mon 9-12", 60, 0, "UTC", &rule));
	ck_assert_ptr_nonnull(lead_slots_parse("", 60, 0, "UTC", &rule));
	ck_assert_ptr_nonnull(lead_slots_parse("mon 09:00-12:00", 2, 0, "UTC", &rule));
	time_t t;
	ck_assert(!lead_slots_parse_value("2026-02-30T10:00Z", &t));
	ck_assert(!lead_slots_parse_value("2026-03-02T10:00", &t));
	ck_assert(!lead_slots_parse_value("2026-03-02T10:00Zx", &t));
}
END_TEST

START_TEST(test_lead_image_options)
{
	char label[64], url[128];
	ck_assert(lead_image_option(" Blue sofa | https://img.example/blue.jpg \r", label, sizeof label, url, sizeof url));
	ck_assert_str_eq(label, "Blue sofa");
	ck_assert_str_eq(url, "https://img.example/blue.jpg");
	ck_assert(!lead_image_option("Blue | http://img.example/blue.jpg", label, sizeof label, url, sizeof url));
	ck_assert(!lead_image_option("Blue | javascript:alert(1)", label, sizeof label, url, sizeof url));
	ck_assert(!lead_image_option("Blue | https://img.example/a b.jpg", label, sizeof label, url, sizeof url));
	ck_assert(!lead_image_option("Blue | https://img.example/\"x.jpg", label, sizeof label, url, sizeof url));
	ck_assert(!lead_image_option(" | https://img.example/x.jpg", label, sizeof label, url, sizeof url));
	ck_assert(!lead_image_option("no bar", label, sizeof label, url, sizeof url));
	ck_assert(lead_image_options_ok("A | https://i.example/a.png\nB | https://i.example/b.png"));
	ck_assert(!lead_image_options_ok(""));
	ck_assert(!lead_image_options_ok("A | https://i.example/1\nB | https://i.example/2\nC | https://i.example/3\n"
		"D | https://i.example/4\nE | https://i.example/5\nF | https://i.example/6\nG | https://i.example/7\n"
		"H | https://i.example/8\nI | https://i.example/9"));	/* nine */
	struct lead_def def = { LEAD_IMAGE, true, "Blue | https://i.example/b.png\nRed | https://i.example/r.png" };
	ck_assert_ptr_null(lead_check(&def, (const char *const[]){ "Red" }, 1));
	ck_assert_ptr_nonnull(lead_check(&def, (const char *const[]){ "Red | https://i.example/r.png" }, 1));
	ck_assert_ptr_nonnull(lead_check(&def, (const char *const[]){ "" }, 1));
}
END_TEST

START_TEST(test_lead_ics_escapes_and_folds)
{
	struct arena *a = arena_new(4096);
	struct buf b;
	buf_init(&b, a, 256);
	char long_summary[200];
	memset(long_summary, 'x', sizeof long_summary - 1);
	long_summary[sizeof long_summary - 1] = '\0';
	memcpy(long_summary, "Caf\xc3\xa9; visit, a\\b\n", 18);
	lead_ics(&b, &(struct lead_ics_event){ .uid = "lead-1@x", .start = 1774746000, .stamp = 1774700000, .minutes = 30,
		.summary = long_summary, .description = "" });
	const char *ics = buf_cstr(&b);
	ck_assert(strstr(ics, "DTSTART:20260329T010000Z\r\nDTEND:20260329T013000Z\r\n"));
	ck_assert(strstr(ics, "SUMMARY:Caf\xc3\xa9\\; visit\\, a\\\\b\\n"));
	ck_assert(!strstr(ics, "DESCRIPTION"));
	/* every line at most 75 octets, continuation lines start with a space */
	for (const char *p = ics; *p;) {
		const char *e = strstr(p, "\r\n");
		ck_assert_ptr_nonnull(e);
		ck_assert_int_le(e - p, 75);
		p = e + 2;
	}
	ck_assert(strstr(ics, "\r\n x"));
	ck_assert(strncmp(ics + strlen(ics) - 15, "END:VCALENDAR\r\n", 15) == 0);
	arena_free(a);
}
END_TEST

START_TEST(test_lead_links_are_per_lead_and_per_purpose)
{
	uint8_t secret[32], other[32];
	randombytes_buf(secret, sizeof secret);
	randombytes_buf(other, sizeof other);
	char erase[LEAD_LINK_TOKEN_LEN], ics[LEAD_LINK_TOKEN_LEN];
	lead_link_token(secret, LEAD_LINK_ERASE, 42, erase);
	lead_link_token(secret, LEAD_LINK_ICS, 42, ics);
	ck_assert_uint_eq(strlen(erase), LEAD_LINK_TOKEN_LEN - 1);
	ck_assert(lead_link_ok(secret, LEAD_LINK_ERASE, 42, erase));
	ck_assert(!lead_link_ok(secret, LEAD_LINK_ERASE, 43, erase));	/* another lead */
	ck_assert(!lead_link_ok(secret, LEAD_LINK_ERASE, 42, ics));	/* the .ics link erases nothing */
	ck_assert(!lead_link_ok(secret, LEAD_LINK_ICS, 42, erase));
	ck_assert(!lead_link_ok(other, LEAD_LINK_ERASE, 42, erase));
	ck_assert(!lead_link_ok(secret, LEAD_LINK_ERASE, 42, NULL));
	ck_assert(!lead_link_ok(secret, LEAD_LINK_ERASE, 42, ""));
}
END_TEST

Suite *lead_centre_suite(void)
{
	Suite *s = suite_create("lead_centre");
	TCase *tc = tcase_create("rules");
	tcase_add_test(tc, test_lead_status_names_round_trip);
	tcase_add_test(tc, test_lead_status_disqualifying_answer_wins);
	tcase_add_test(tc, test_lead_status_auto_never_overrides_people);
	tcase_add_test(tc, test_lead_options_count_and_subset);
	tcase_add_test(tc, test_lead_labels_are_trimmed_and_unique);
	tcase_add_test(tc, test_lead_crm_columns_and_statuses);
	tcase_add_test(tc, test_lead_conditions_follow_answers_and_chains);
	tcase_add_test(tc, test_lead_slots_spring_forward_skips_the_missing_hour);
	tcase_add_test(tc, test_lead_slots_fall_back_keeps_wall_clock_times);
	tcase_add_test(tc, test_lead_slots_length_notice_and_zones);
	tcase_add_test(tc, test_lead_image_options);
	tcase_add_test(tc, test_lead_links_are_per_lead_and_per_purpose);
	tcase_add_test(tc, test_lead_ics_escapes_and_folds);
	tcase_add_loop_test(tc, test_lead_phone_e164_libphonenumber, 0, (int)(sizeof phones / sizeof phones[0]));
	tcase_add_test(tc, test_lead_phone_region);
	suite_add_tcase(s, tc);
	return s;
}
