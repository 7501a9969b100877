/* test_catalog.c: the import engine without a database: the CSV/TSV reader's records and line
 * numbers, and each format's checks and counts (catalog_import with db NULL only checks). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "lib/arena.h"
#include "domain/catalog/catalog_ads.h"
#include "domain/catalog/catalog_import.h"
#include "domain/catalog/catalog_csv.h"
#include "domain/catalog/catalog_map.h"
#include "domain/catalog/catalog_export.h"
#include "suites.h"

struct seen {
	unsigned long lines[16];
	size_t nfields[16];
	char first[16][64];
	size_t n;
};

static bool collect(void *ctx, unsigned long line, const char *const *f, const size_t *len, size_t n)
{
	struct seen *s = ctx;
	(void)len;
	if (s->n < 16) {
		s->lines[s->n] = line;
		s->nfields[s->n] = n;
		snprintf(s->first[s->n], sizeof s->first[0], "%s", n ? f[0] : "");
		s->n++;
	}
	return true;
}

static bool read_csv(const char *text, char delim, struct seen *s, struct catalog_csv *c)
{
	memset(s, 0, sizeof *s);
	catalog_csv_init(c, delim, collect, s);
	bool ok = catalog_csv_feed(c, text, strlen(text)) && catalog_csv_finish(c);
	catalog_csv_free(c);
	return ok;
}

START_TEST(test_catalog_csv_counts_lines_across_quoted_newlines_and_crlf)
{
	struct seen s;
	struct catalog_csv c;
	ck_assert(read_csv("a,b\r\n\"x\ny\",2\r\n\r\nlast,3\r\n", ',', &s, &c));
	ck_assert_uint_eq(s.n, 3);
	ck_assert_uint_eq(s.lines[0], 1);
	ck_assert_uint_eq(s.lines[1], 2);
	ck_assert_str_eq(s.first[1], "x\ny");
	ck_assert_uint_eq(s.lines[2], 5);	/* the quoted newline and the blank line both count */
	ck_assert_str_eq(s.first[2], "last");
}
END_TEST

START_TEST(test_catalog_csv_reads_tsv_and_keeps_spaces)
{
	struct seen s;
	struct catalog_csv c;
	ck_assert(read_csv("id\ttitle\n A \tB C\n", '\t', &s, &c));
	ck_assert_uint_eq(s.n, 2);
	ck_assert_uint_eq(s.nfields[1], 2);
	ck_assert_str_eq(s.first[1], " A ");
	ck_assert_int_eq(catalog_csv_sniff("id\ttitle,x\n", 11), '\t');
	ck_assert_int_eq(catalog_csv_sniff("id,title\tx\n", 11), ',');
}
END_TEST

START_TEST(test_catalog_csv_strips_utf8_bom_and_refuses_utf16)
{
	struct seen s;
	struct catalog_csv c;
	ck_assert(read_csv("\xef\xbb\xbfHandle,Title\n", ',', &s, &c));
	ck_assert_str_eq(s.first[0], "Handle");
	ck_assert(!read_csv("\xff\xfeH\0a\0", ',', &s, &c));
	ck_assert_uint_eq(c.err_line, 1);
	ck_assert_ptr_nonnull(strstr(c.err, "UTF-16"));
}
END_TEST

START_TEST(test_catalog_csv_reports_bad_quoting_and_bad_bytes_by_line)
{
	struct seen s;
	struct catalog_csv c;
	ck_assert(!read_csv("a,b\n1,2\n3,\"x\"y\n", ',', &s, &c));
	ck_assert_uint_eq(c.err_line, 3);
	ck_assert_ptr_nonnull(strstr(c.err, "quoting"));
	ck_assert(!read_csv("a,b\n1,2\n\"open,3\n", ',', &s, &c));
	ck_assert_uint_eq(c.err_line, 3);
	ck_assert(!read_csv("a,b\n1,2\n3,caf\xe9\n", ',', &s, &c));
	ck_assert_uint_eq(c.err_line, 3);
	ck_assert_ptr_nonnull(strstr(c.err, "UTF-8"));
}
END_TEST

START_TEST(test_catalog_csv_stops_an_enormous_line)
{
	size_t n = 3 * 1024 * 1024;
	char *big = malloc(n + 32);
	strcpy(big, "a,b\n1,2\nx,\"");
	size_t k = strlen(big);
	memset(big + k, 'z', n);
	strcpy(big + k + n, "\"\n");
	struct seen s;
	struct catalog_csv c;
	ck_assert(!read_csv(big, ',', &s, &c));
	ck_assert_uint_eq(c.err_line, 3);
	ck_assert_ptr_nonnull(strstr(c.err, "1 MiB"));
	free(big);
}
END_TEST

static struct catalog_report check(enum catalog_format f, const char *text)
{
	static struct arena *a;
	if (!a)
		a = arena_new(65536);
	struct catalog_mem m;
	struct catalog_source src = catalog_source_mem(&m, text, strlen(text));
	struct catalog_report rep = { .a = a };
	catalog_import(NULL, 0, "USD", f, &src, "test", &rep);
	return rep;
}

#define SHOPIFY_HEAD "Handle,Title,Body (HTML),Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Compare At Price,Variant Inventory Qty,Image Src\n"

START_TEST(test_catalog_shopify_groups_rows_by_handle)
{
	struct catalog_report r = check(CATALOG_SHOPIFY, SHOPIFY_HEAD
		"tee,Tee,<p>x</p>,Size,S,T-S,10.00,12.00,3,https://e.test/1.jpg\n"
		"tee,,,,M,T-M,10.50,,0,https://e.test/2.jpg\n"
		"tee,,,,,,,,,https://e.test/3.jpg\n"
		"mug,Mug,,Title,Default Title,,8,,1,\n");
	ck_assert_uint_eq(r.error_count, 0);
	ck_assert_uint_eq(r.rows, 4);
	ck_assert_uint_eq(r.products, 2);
	ck_assert_uint_eq(r.variants, 3);
	ck_assert_uint_eq(r.images, 3);
}
END_TEST

START_TEST(test_catalog_shopify_reports_every_bad_row)
{
	struct catalog_report r = check(CATALOG_SHOPIFY, SHOPIFY_HEAD
		"tee,Tee,,Size,S,T-S,\"1,234.50\",,3,\n"
		"tee,,,,M,T-M,-5,,0,\n"
		"tee,,,,L,=SUM(A1),10,,0,\n"
		"tee,,,,XL,T-XL,10,,many,\n"
		"bad handle,X,,,,,1,,,\n"
		"ok,Ok,,,,,1,,,ftp://x\n"
		"two,Two,,Size,S,,1,,,\n"
		"two,,,,S,,2,,,\n");
	ck_assert_uint_eq(r.error_count, 7);
	static const unsigned long lines[] = { 2, 3, 4, 5, 6, 7, 9 };
	for (size_t i = 0; i < 7; i++)
		ck_assert_uint_eq(r.errors[i].line, lines[i]);
	ck_assert_ptr_nonnull(strstr(r.errors[0].msg, "thousands"));
	ck_assert_ptr_nonnull(strstr(r.errors[1].msg, "negative"));
	ck_assert_ptr_nonnull(strstr(r.errors[2].msg, "formula"));
	ck_assert_ptr_nonnull(strstr(r.errors[3].msg, "whole number"));
	ck_assert_ptr_nonnull(strstr(r.errors[4].msg, "Handle"));
	ck_assert_ptr_nonnull(strstr(r.errors[5].msg, "http(s)"));
	ck_assert_ptr_nonnull(strstr(r.errors[6].msg, "appears twice"));
}
END_TEST

START_TEST(test_catalog_missing_columns_and_empty_files)
{
	struct catalog_report r = check(CATALOG_SHOPIFY, "Handle,Title\nx,y\n");
	ck_assert_uint_eq(r.error_count, 1);
	ck_assert_uint_eq(r.errors[0].line, 1);
	ck_assert_ptr_nonnull(strstr(r.errors[0].msg, "Variant Price"));
	r = check(CATALOG_FEED, "");
	ck_assert_uint_eq(r.error_count, 1);
	ck_assert_ptr_nonnull(strstr(r.errors[0].msg, "empty"));
	r = check(CATALOG_WOOCOMMERCE, "ID,Name\n");
	ck_assert_uint_eq(r.errors[0].line, 1);
}
END_TEST

#define WOO_HEAD "ID,Type,SKU,Name,Published,Stock,Sale price,Regular price,Images,Parent,Attribute 1 name,Attribute 1 value(s)\n"

START_TEST(test_catalog_woocommerce_joins_variations_to_parents)
{
	struct catalog_report r = check(CATALOG_WOOCOMMERCE, WOO_HEAD
		"21,variation,H-S,Hoodie - S,1,2,,40,,id:20,Size,S\n"	/* before its parent */
		"20,variable,H,Hoodie,1,,,,https://e.test/h.jpg,,Size,\"S, M\"\n"
		"22,variation,H-M,Hoodie - M,1,1,35,40,,H,Size,M\n"
		"23,\"simple, virtual\",E,E-book,1,,,5,,,,\n"
		"24,grouped,G,Set,1,,,,,,,\n");
	ck_assert_uint_eq(r.error_count, 0);
	ck_assert_uint_eq(r.products, 2);
	ck_assert_uint_eq(r.variants, 3);
	ck_assert_uint_eq(r.skipped, 1);
	r = check(CATALOG_WOOCOMMERCE, WOO_HEAD "31,variation,X,X,1,1,,4,,id:99,,\n");
	ck_assert_uint_eq(r.error_count, 1);
	ck_assert_ptr_nonnull(strstr(r.errors[0].msg, "parent"));
}
END_TEST

START_TEST(test_catalog_feed_reads_prices_with_currency_and_groups)
{
	struct catalog_report r = check(CATALOG_FEED,
		"id\ttitle\tprice\tsale_price\tavailability\titem_group_id\tsize\n"
		"A-S\tA\t12.00 EUR\t10.00 EUR\tin stock\tA\tS\n"
		"A-M\tA\t12.00 EUR\t\tout of stock\tA\tM\n"
		"B\tB\t5 JPY\t\tpreorder\t\t\n");
	ck_assert_uint_eq(r.error_count, 0);
	ck_assert_uint_eq(r.products, 2);
	ck_assert_uint_eq(r.variants, 3);
	r = check(CATALOG_FEED, "id,title,price,availability\nA,A,12.00 US,in stock\nB,B,1.00 USD,sometimes\nC,C,1.00 USD,in stock\nC,C2,1.00 EUR,in stock\n");
	ck_assert_uint_eq(r.error_count, 4);
	ck_assert_uint_eq(r.errors[0].line, 2);
	ck_assert_uint_eq(r.errors[1].line, 3);
	ck_assert_uint_eq(r.errors[2].line, 5);	/* another currency than the product's */
	ck_assert_uint_eq(r.errors[3].line, 5);	/* the same id twice */
}
END_TEST

/* The Shopify mapper straight, keeping the products it emits, to look at their images. */
struct kept {
	const struct catalog_product *p[8];
	size_t n;
};

static bool keep(struct catalog_run *run, struct catalog_product *p)
{
	struct kept *k = run->emit_ctx;
	if (k->n < 8)
		k->p[k->n++] = p;
	return true;
}

static struct catalog_report shopify_products(struct arena *a, const char *text, struct kept *k)
{
	struct catalog_report rep = { .a = a };
	struct catalog_run run = { .fmt = CATALOG_SHOPIFY, .currency = "USD", .a = a, .rep = &rep, .streaming = true,
			       .emit = keep, .emit_ctx = k };
	struct catalog_csv c;
	memset(k, 0, sizeof *k);
	catalog_csv_init(&c, ',', catalog_shopify_record, &run);
	ck_assert(catalog_csv_feed(&c, text, strlen(text)) && catalog_csv_finish(&c));
	catalog_csv_free(&c);
	catalog_shopify_finish(&run);
	return rep;
}

#define IMG_HEAD "Handle,Title,Option1 Name,Option1 Value,Variant Price,Image Src,Image Position,Image Alt Text,Variant Image\n"

START_TEST(test_catalog_shopify_orders_images_by_position)
{
	struct arena *a = arena_new(65536);
	struct kept k;
	/* Out of order, with a gap (2, 5, 9), a blank and a variant image met before its own row. */
	struct catalog_report r = shopify_products(a, IMG_HEAD
		"tee,Tee,Size,S,10,https://e.test/c.jpg,9,C,https://e.test/b.jpg\n"
		"tee,,,M,10,https://e.test/a.jpg,2,A,\n"
		"tee,,,,,https://e.test/x.jpg,,X,\n"
		"tee,,,,,https://e.test/b.jpg,5,B,\n", &k);
	ck_assert_uint_eq(r.error_count, 0);
	ck_assert_uint_eq(k.n, 1);
	const struct catalog_product *p = k.p[0];
	ck_assert_uint_eq(p->nimages, 4);
	static const char *const want[] = { "a", "b", "c", "x" };
	for (size_t i = 0; i < 4; i++) {
		char url[40];
		snprintf(url, sizeof url, "https://e.test/%s.jpg", want[i]);
		ck_assert_str_eq(p->images[i].url, url);
	}
	ck_assert_str_eq(p->images[1].alt, "B");	/* the variant image took its own row's alt */
	ck_assert_str_eq(p->vars[0].image_url, "https://e.test/b.jpg");	/* the link is by URL, so it survives */
	arena_free(a);
}
END_TEST

START_TEST(test_catalog_shopify_image_position_ties_and_duplicates)
{
	struct arena *a = arena_new(65536);
	struct kept k;
	/* Ties keep file order; a Src listed again keeps its first position and alt text. */
	struct catalog_report r = shopify_products(a, IMG_HEAD
		"mug,Mug,,,8,https://e.test/2.jpg,3,two,\n"
		"mug,,,,,https://e.test/1.jpg,3,one,\n"
		"mug,,,,,https://e.test/2.jpg,1,again,\n"
		"mug,,,,,https://e.test/0.jpg,1,zero,\n", &k);
	ck_assert_uint_eq(r.error_count, 0);
	const struct catalog_product *p = k.p[0];
	ck_assert_uint_eq(p->nimages, 3);
	ck_assert_str_eq(p->images[0].url, "https://e.test/0.jpg");
	ck_assert_str_eq(p->images[1].url, "https://e.test/2.jpg");
	ck_assert_str_eq(p->images[1].alt, "two");
	ck_assert_str_eq(p->images[2].url, "https://e.test/1.jpg");
	arena_free(a);
}
END_TEST

START_TEST(test_catalog_shopify_refuses_garbage_image_positions)
{
	struct arena *a = arena_new(65536);
	struct kept k;
	struct catalog_report r = shopify_products(a, IMG_HEAD
		"a,A,,,1,https://e.test/1.jpg,first,,\n"
		"b,B,,,1,https://e.test/1.jpg,-2,,\n"
		"c,C,,,1,https://e.test/1.jpg,0,,\n"
		"d,D,,,1,https://e.test/1.jpg,99999999999999999999,,\n"
		"e,E,,,1,https://e.test/1.jpg,1.5,,\n"
		"f,F,,,1,,7,,\n"		/* a position without an image means nothing */
		"g,G,,,1,https://e.test/1.jpg,9999,,\n"
		"h,H,,,1,https://e.test/1.jpg,1,=HYPERLINK(1),\n", &k);	/* and a formula as alt text */
	ck_assert_uint_eq(r.error_count, 6);
	ck_assert_uint_eq(r.errors[5].line, 9);
	ck_assert_ptr_nonnull(strstr(r.errors[5].msg, "Image Alt Text starts with \"=\""));
	for (size_t i = 0; i < 5; i++) {
		ck_assert_uint_eq(r.errors[i].line, i + 2);
		ck_assert_ptr_nonnull(strstr(r.errors[i].msg, "Image Position"));
		ck_assert_ptr_nonnull(strstr(r.errors[i].msg, "whole number from 1 to 9999"));
	}
	arena_free(a);
}
END_TEST

/* Today's export names the same columns differently and says DENY/CONTINUE and TRUE/FALSE. */
START_TEST(test_catalog_shopify_reads_todays_header_like_the_classic_one)
{
	struct arena *a = arena_new(65536);
	struct kept k;
	struct catalog_report r = shopify_products(a,
		"Title,URL handle,Description,Vendor,Published on online store,Status,SKU,Option1 name,Option1 value,"
		"Price,Compare-at price,Inventory quantity,Continue selling when out of stock,Product image URL,"
		"Image position,Image alt text,Variant image URL,Gift card\n"
		"Tee,tee,<p>Soft</p>,Acme,TRUE,Active,T-S,Size,S,10.00,12.00,3,DENY,https://e.test/b.jpg,2,B,https://e.test/a.jpg,FALSE\n"
		",tee,,,,,T-M,,M,10.50,,0,CONTINUE,https://e.test/a.jpg,1,A,,\n", &k);
	ck_assert_uint_eq(r.error_count, 0);
	ck_assert_uint_eq(k.n, 1);
	const struct catalog_product *p = k.p[0];
	ck_assert_str_eq(p->handle, "tee");
	ck_assert_str_eq(p->title, "Tee");
	ck_assert_str_eq(p->vendor, "Acme");
	ck_assert_str_eq(p->status, "active");
	ck_assert_str_eq(p->opt_name[0], "Size");
	ck_assert_uint_eq(p->nvars, 2);
	ck_assert_int_eq(p->vars[0].price, 1000);
	ck_assert_int_eq(p->vars[0].compare_at, 1200);
	ck_assert_int_eq(p->vars[0].stock, 3);
	ck_assert(!p->vars[0].policy_continue);
	ck_assert(p->vars[1].policy_continue);
	ck_assert_str_eq(p->vars[0].image_url, "https://e.test/a.jpg");
	ck_assert_uint_eq(p->nimages, 2);
	ck_assert_str_eq(p->images[0].url, "https://e.test/a.jpg");
	ck_assert_str_eq(p->images[0].alt, "A");
	arena_free(a);

	/* Errors name the columns as the file does. */
	r = check(CATALOG_SHOPIFY, "URL handle,Title,Price\ntee,Tee,-5\n");
	ck_assert_uint_eq(r.error_count, 1);
	ck_assert_ptr_nonnull(strstr(r.errors[0].msg, "Price \"-5\" is negative"));
	r = check(CATALOG_SHOPIFY, "URL handle,Title,SKU\nx,y,z\n");
	ck_assert_uint_eq(r.errors[0].line, 1);
	ck_assert_ptr_nonnull(strstr(r.errors[0].msg, "\"Price\""));
}
END_TEST

START_TEST(test_catalog_shopify_refuses_a_header_mixing_both_namings)
{
	struct catalog_report r = check(CATALOG_SHOPIFY, "Handle,Title,Price,Variant SKU\ntee,Tee,10,T\n");
	ck_assert_uint_eq(r.error_count, 1);
	ck_assert_uint_eq(r.errors[0].line, 1);
	ck_assert_ptr_nonnull(strstr(r.errors[0].msg, "mixes"));
	ck_assert_ptr_nonnull(strstr(r.errors[0].msg, "\"Handle\""));
	ck_assert_ptr_nonnull(strstr(r.errors[0].msg, "\"Price\""));
	ck_assert_uint_eq(r.products, 0);
}
END_TEST

START_TEST(test_catalog_ads_plain_text_and_absolute_urls)
{
	struct arena *a = arena_new(65536);
	ck_assert_str_eq(catalog_ads_plain(a, "<p>Soft &amp; <strong>warm</strong></p><ul><li>wool</li></ul><script>x()</script>", 100),
			 "Soft & warm \xe2\x80\xa2 wool");
	/* cut on a character boundary: "caf\xc3\xa9" is 5 bytes, 4 would split the e-acute */
	ck_assert_str_eq(catalog_ads_plain(a, "<p>caf\xc3\xa9</p>", 4), "caf");
	ck_assert_str_eq(catalog_ads_absolute(a, "https://shop.test", "/media/a.jpg"), "https://shop.test/media/a.jpg");
	ck_assert_str_eq(catalog_ads_absolute(a, "https://shop.test", "https://cdn.test/a.jpg"), "https://cdn.test/a.jpg");
	ck_assert_str_eq(catalog_ads_absolute(a, "https://shop.test", "//evil.test/a.jpg"), "");
	ck_assert_str_eq(catalog_ads_absolute(a, "https://shop.test", "javascript:alert(1)"), "");
	arena_free(a);
}
END_TEST

START_TEST(test_catalog_bom_and_crlf_are_reported_as_notices)
{
	struct catalog_report r = check(CATALOG_SHOPIFY, "\xef\xbb\xbf" "Handle,Title,Variant Price\r\nmug,Mug,8\r\n");
	ck_assert_uint_eq(r.error_count, 0);
	ck_assert_uint_eq(r.nnotices, 2);
	ck_assert_uint_eq(r.notices[0].line, 1);
	ck_assert_str_eq(r.notices[0].msg, "UTF-8 byte-order mark removed");
	ck_assert_uint_eq(r.notices[1].line, 1);
	ck_assert_ptr_nonnull(strstr(r.notices[1].msg, "CRLF"));
	r = check(CATALOG_SHOPIFY, "Handle,Title,Variant Price\nmug,Mug,8\n");
	ck_assert_uint_eq(r.nnotices, 0);
}
END_TEST

START_TEST(test_catalog_export_availability_is_what_the_source_said)
{
	ck_assert_str_eq(catalog_export_availability(3, "deny", true), "in stock");
	ck_assert_str_eq(catalog_export_availability(0, "deny", true), "out of stock");
	ck_assert_str_eq(catalog_export_availability(0, "continue", true), "backorder");
	ck_assert_str_eq(catalog_export_availability(-2, "continue", true), "backorder");
	ck_assert_str_eq(catalog_export_availability(0, "continue", false), "in stock");
	ck_assert_str_eq(catalog_export_availability(0, "deny", false), "out of stock");
	ck_assert_str_eq(catalog_export_availability(3, "deny", false), "in stock");
	ck_assert_str_eq(catalog_export_availability(-2, "deny", false), "out of stock");
}
END_TEST

Suite *catalog_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc = tcase_create("csv");
	tcase_add_test(tc, test_catalog_csv_counts_lines_across_quoted_newlines_and_crlf);
	tcase_add_test(tc, test_catalog_export_availability_is_what_the_source_said);
	tcase_add_test(tc, test_catalog_csv_reads_tsv_and_keeps_spaces);
	tcase_add_test(tc, test_catalog_csv_strips_utf8_bom_and_refuses_utf16);
	tcase_add_test(tc, test_catalog_csv_reports_bad_quoting_and_bad_bytes_by_line);
	tcase_add_test(tc, test_catalog_csv_stops_an_enormous_line);
	suite_add_tcase(s, tc);
	tc = tcase_create("formats");
	tcase_add_test(tc, test_catalog_shopify_groups_rows_by_handle);
	tcase_add_test(tc, test_catalog_shopify_reports_every_bad_row);
	tcase_add_test(tc, test_catalog_missing_columns_and_empty_files);
	tcase_add_test(tc, test_catalog_woocommerce_joins_variations_to_parents);
	tcase_add_test(tc, test_catalog_feed_reads_prices_with_currency_and_groups);
	suite_add_tcase(s, tc);
	tc = tcase_create("images and notices");
	tcase_add_test(tc, test_catalog_shopify_orders_images_by_position);
	tcase_add_test(tc, test_catalog_shopify_image_position_ties_and_duplicates);
	tcase_add_test(tc, test_catalog_shopify_refuses_garbage_image_positions);
	tcase_add_test(tc, test_catalog_shopify_reads_todays_header_like_the_classic_one);
	tcase_add_test(tc, test_catalog_shopify_refuses_a_header_mixing_both_namings);
	tcase_add_test(tc, test_catalog_ads_plain_text_and_absolute_urls);
	tcase_add_test(tc, test_catalog_bom_and_crlf_are_reported_as_notices);
	suite_add_tcase(s, tc);
	return s;
}
