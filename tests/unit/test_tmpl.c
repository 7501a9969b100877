/* test_tmpl.c: the page dictionary behind tmpl.h (tmpl.cc's Dict) keeps ctemplate's own lookup
 * rules: a section sees its parents' values, an include only its own and the globals; a shown
 * section expands once; a value set again replaces the first; values are escaped as they go out. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/buf.h"
#include "web/tmpl.h"
#include "web/tmpl_escape.h"
#include "suites.h"

static char root[64];

static void put(const char *name, const char *text)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", root, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

/* Templates of their own, parsed in this test's process (each test runs in a child). */
static void setup(void)
{
	strcpy(root, "/tmp/cc-tmpl-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	put("page.tpl", "{{%AUTOESCAPE context=\"HTML\"}}[{{A}}|{{#S}}({{A}}{{B}}{{#T}}<{{A}}{{C}}>{{/T}}){{/S}}|"
			"{{>INC}}|{{G}}|{{P}}|{{MISSING}}|{{A}}{{BI_SPACE}}{{A}}]");
	put("inc.tpl", "{{%AUTOESCAPE context=\"HTML\"}}{{A}}/{{X}}/{{G}};");
	put("many.tpl", "{{%AUTOESCAPE context=\"HTML\"}}{{#ROW}}{{V}}{{/ROW}}");
	put("escape.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<p title=\"{{V}}\">{{V}}</p><a href=\"{{U}}\">x</a>");
	ck_assert(tmpl_init(root));
}

static void teardown(void)
{
	char cmd[96];
	snprintf(cmd, sizeof cmd, "rm -rf %s", root);
	ck_assert_int_eq(system(cmd), 0);
}

static void emit(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

static const char *expand(struct arena *a, const char *file, tmpl_dict *d)
{
	struct buf b;
	buf_init(&b, a, 64);
	ck_assert(tmpl_expand(file, d, emit, &b));
	return buf_cstr(&b);
}

START_TEST(test_tmpl_lookup_rules)
{
	struct arena *a = arena_new(65536);
	tmpl_set_process_global("P", "proc");
	tmpl_dict *d = tmpl_new();
	tmpl_set(d, "A", "first");
	tmpl_set(d, "A", "a<&>\"");	/* set again: replaces */
	tmpl_set_global(d, "G", "glob");
	tmpl_dict *s1 = tmpl_add(d, "S");
	tmpl_set(s1, "B", "b1");
	tmpl_dict *s2 = tmpl_add(d, "S");
	tmpl_set(s2, "A", "own");
	tmpl_set_int(tmpl_add(s2, "T"), "C", -42);
	tmpl_dict *inc = tmpl_include(d, "INC", "inc.tpl");
	tmpl_set(inc, "X", "x");
	tmpl_set(tmpl_include(d, "INC", "inc.tpl"), "A", "second");
	ck_assert_str_eq(expand(a, "page.tpl", d),
			 "[a&lt;&amp;&gt;&quot;|(a&lt;&amp;&gt;&quot;b1)(own<own-42>)|/x/glob;second//glob;|glob|proc||"
			 "a&lt;&amp;&gt;&quot; a&lt;&amp;&gt;&quot;]");
	/* An include expanded on its own sees the page's template globals, as inside the page. */
	ck_assert_str_eq(expand(a, "inc.tpl", inc), "/x/glob;");
	tmpl_free(d);
	arena_free(a);
}
END_TEST

START_TEST(test_tmpl_shown_section_expands_once)
{
	struct arena *a = arena_new(65536);
	tmpl_dict *d = tmpl_new();
	tmpl_set(d, "A", "a");
	tmpl_show(d, "S");
	tmpl_show(d, "S");
	ck_assert_ptr_nonnull(strstr(expand(a, "page.tpl", d), "|(a)|"));
	/* As with ctemplate's own dictionary: a dictionary added after the show is a second pass. */
	tmpl_set(tmpl_add(d, "S"), "B", "b");
	ck_assert_ptr_nonnull(strstr(expand(a, "page.tpl", d), "|(a)(ab)|"));
	tmpl_free(d);
	arena_free(a);
}
END_TEST

START_TEST(test_tmpl_many_rows_and_values)
{
	struct arena *a = arena_new(1 << 20);
	tmpl_dict *d = tmpl_new();
	struct buf want;
	buf_init(&want, a, 4096);
	char key[16], val[16];
	/* More names in one dictionary than its 64-bit summary has bits: each is still found. */
	for (int i = 0; i < 300; i++) {
		snprintf(key, sizeof key, "K%d", i);
		snprintf(val, sizeof val, "%d,", i);
		tmpl_set(d, key, val);
		tmpl_set(tmpl_add(d, "ROW"), "V", val);
		buf_puts(&want, val);
	}
	ck_assert_str_eq(expand(a, "many.tpl", d), buf_cstr(&want));
	tmpl_free(d);
	arena_free(a);
}
END_TEST

/* tmpl_escape.cc's escape against ctemplate's own, byte for byte: every byte alone and every pair,
 * each special byte at every place of values from 0 to 70 bytes (the SIMD blocks, the overlapping
 * last block and the short values' loop meet there), and random bytes of random lengths. */
START_TEST(test_tmpl_escape_same_as_ctemplate)
{
	char s[256];
	for (int c = 0; c < 256; c++) {
		s[0] = (char)c;
		ck_assert_msg(tmpl_escape_same(s, 1), "byte %d", c);
		for (int d = 0; d < 256; d++) {
			s[1] = (char)d;
			ck_assert_msg(tmpl_escape_same(s, 2), "bytes %d %d", c, d);
		}
	}
	static const char specials[] = "&\"'<>\t\n\v\f\r";
	for (size_t len = 0; len <= 70; len++)
		for (size_t at = 0; at < len; at++)
			for (size_t k = 0; k < sizeof specials - 1; k++) {
				memset(s, 'a', len);
				s[at] = specials[k];
				s[len - 1 - at] = specials[(k + 3) % (sizeof specials - 1)];
				ck_assert_msg(tmpl_escape_same(s, len), "length %zu, special %zu at %zu", len, k, at);
			}
	uint32_t x = 2463534242u;	/* xorshift: the same bytes every run */
	for (int i = 0; i < 20000; i++) {
		size_t len = 0;
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		len = x % sizeof s;
		for (size_t j = 0; j < len; j++) {
			x ^= x << 13, x ^= x >> 17, x ^= x << 5;
			/* mostly text, now and then a special byte or a high one */
			s[j] = (char)(x % 8 == 0 ? specials[x / 8 % (sizeof specials - 1)] : x % 8 == 1 ? (int)(x >> 8) : 'a' + (int)(x >> 8) % 26);
		}
		ck_assert_msg(tmpl_escape_same(s, len), "random value %d", i);
	}
}
END_TEST

/* Through a page, once tmpl_init installed it: text, a quoted attribute and a URL attribute (the
 * URL check, then this escape), values longer than a block. */
START_TEST(test_tmpl_escape_in_pages)
{
	struct arena *a = arena_new(65536);
	tmpl_dict *d = tmpl_new();
	tmpl_set(d, "V", "Tom & Jerry's \"<b>best</b>\"\tpicks\r\nfor you & me");
	tmpl_set(d, "U", "/search?q=a&b=\"c\"&d='e'&f=<g>&h=1234567890");
	ck_assert_str_eq(expand(a, "escape.tpl", d),
			 "<p title=\"Tom &amp; Jerry&#39;s &quot;&lt;b&gt;best&lt;/b&gt;&quot; picks  for you &amp; me\">"
			 "Tom &amp; Jerry&#39;s &quot;&lt;b&gt;best&lt;/b&gt;&quot; picks  for you &amp; me</p>"
			 "<a href=\"/search?q=a&amp;b=&quot;c&quot;&amp;d=&#39;e&#39;&amp;f=&lt;g&gt;&amp;h=1234567890\">x</a>");
	tmpl_set(d, "U", "javascript:alert(1)//0123456789abcdef");
	ck_assert_ptr_nonnull(strstr(expand(a, "escape.tpl", d), "<a href=\"#\">x</a>"));
	tmpl_free(d);
	arena_free(a);
}
END_TEST

Suite *tmpl_suite(void)
{
	Suite *s = suite_create("tmpl");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_tmpl_lookup_rules);
	tcase_add_test(tc, test_tmpl_shown_section_expands_once);
	tcase_add_test(tc, test_tmpl_many_rows_and_values);
	tcase_add_test(tc, test_tmpl_escape_same_as_ctemplate);
	tcase_add_test(tc, test_tmpl_escape_in_pages);
	suite_add_tcase(s, tc);
	return s;
}
