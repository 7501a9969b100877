/* test_catalog_wire.c: the parsed products and report cross from the parsing child to its parent
 * intact, and the parent's decoder refuses anything the parse side could not have produced: cut,
 * oversized or garbage input. And crowdcartctl import's parent never parses the file itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <check.h>
#include "domain/catalog/catalog_parse.h"
#include "domain/catalog/catalog_wire.h"
#include "domain/catalog/catalog_write.h"
#include "ctl/import_sandbox.h"
#include "suites.h"

static struct arena *A;

static void setup(void)
{
	A = arena_new(1 << 16);
}

static void teardown(void)
{
	arena_free(A);
}

#define SHOP_HEAD "Handle,Title,Body (HTML),Vendor,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Price," \
	"Variant Compare At Price,Variant Inventory Qty,Variant Inventory Policy,Variant Image,Image Src,Image Position,Image Alt Text\n"
static const char shop[] = SHOP_HEAD
	"tee,Thé tee,<p>Soft <b>cotton</b><script>x</script></p>,Acme,\"a, b\",Size,S,T-S,10.00,12.00,3,deny,,https://e.test/2.jpg,2,back\n"
	"tee,,,,,,M,T-M,11.00,,-1,continue,https://e.test/1.jpg,https://e.test/1.jpg,1,front\n"
	"mug,Mug,,,,,,M-1,5.50,,0,,,,,\n";

/* The child's sink, one frame per product; also remembers each product's digest. */
struct enc {
	struct buf b;
	uint8_t digest[8][16];
	size_t n;
};

static enum catalog_sink_ret sink_enc(void *ctx, struct catalog_product *p)
{
	struct enc *e = ctx;
	if (!p)
		return CATALOG_SINK_RELEASE;
	catalog_product_digest(p, e->digest[e->n++ % 8]);
	catalog_wire_put_products(&e->b, &p, 1);
	return CATALOG_SINK_RELEASE;
}

static bool encode(enum catalog_format f, const char *text, struct enc *e)
{
	struct catalog_mem m;
	struct catalog_source src = catalog_source_mem(&m, text, strlen(text));
	struct catalog_report rep = { .a = A };
	memset(e, 0, sizeof *e);
	buf_init(&e->b, A, 4096);
	bool ok = catalog_parse(f, "USD", &src, &rep, sink_enc, e);
	catalog_wire_put_report(&e->b, &rep, ok);
	return ok;
}

static bool decode(const void *p, size_t n, struct catalog_report *rep, bool *accepted)
{
	struct catalog_wire_totals t;
	memset(rep, 0, sizeof *rep);
	rep->a = A;
	return catalog_wire_decode_all(p, n, A, rep, accepted, &t);
}

START_TEST(test_catalog_wire_round_trips_products_and_report)
{
	struct enc e;
	ck_assert(encode(CATALOG_SHOPIFY, shop, &e));
	ck_assert_uint_eq(e.n, 2);
	struct catalog_report rep;
	bool accepted;
	ck_assert(decode(e.b.p, e.b.len, &rep, &accepted));
	ck_assert(accepted);
	ck_assert_uint_eq(rep.rows, 3);
	ck_assert_uint_eq(rep.products, 2);
	ck_assert_uint_eq(rep.variants, 3);
	ck_assert_uint_eq(rep.images, 2);
	/* Frame by frame: the decoded product is the one that was parsed, to the digest. */
	const uint8_t *p = (const uint8_t *)e.b.p;
	for (size_t i = 0; i < 2; i++) {
		enum catalog_wire_kind kind;
		size_t n, count;
		struct catalog_product **items;
		ck_assert(catalog_wire_head(p, &kind, &n));
		ck_assert_int_eq(kind, CATALOG_WIRE_PRODUCTS);
		ck_assert(catalog_wire_get_products(p + CATALOG_WIRE_HEAD, n, A, &items, &count));
		ck_assert_uint_eq(count, 1);
		uint8_t d[16];
		catalog_product_digest(items[0], d);
		ck_assert_mem_eq(d, e.digest[i], 16);
		if (i == 0) {
			ck_assert_str_eq(items[0]->title, "Thé tee");
			ck_assert_str_eq(items[0]->tags, "a, b");
			ck_assert_ptr_null(strstr(items[0]->body_html, "script"));
			ck_assert_str_eq(items[0]->images[0].url, "https://e.test/1.jpg");	/* position 1 first */
			ck_assert_str_eq(items[0]->images[1].alt, "back");
			ck_assert_int_eq(items[0]->vars[0].compare_at, 1200);
			ck_assert_int_eq(items[0]->vars[1].compare_at, -1);
			ck_assert(items[0]->vars[1].policy_continue);
			ck_assert_str_eq(items[0]->vars[1].image_url, "https://e.test/1.jpg");
		}
		p += CATALOG_WIRE_HEAD + n;
	}
	/* A rejected file: its report crosses, with the errors and their lines. */
	ck_assert(!encode(CATALOG_SHOPIFY, SHOP_HEAD "tee,Tee,,,,,,T,-5,,,,,,,\n", &e));
	ck_assert(decode(e.b.p, e.b.len, &rep, &accepted));
	ck_assert(!accepted);
	ck_assert_uint_eq(rep.nerrors, 1);
	ck_assert_uint_eq(rep.errors[0].line, 2);
	ck_assert_ptr_nonnull(strstr(rep.errors[0].msg, "negative"));
}
END_TEST

START_TEST(test_catalog_wire_refuses_every_truncation)
{
	struct enc e;
	ck_assert(encode(CATALOG_SHOPIFY, shop, &e));
	struct catalog_report rep;
	bool accepted;
	for (size_t n = 0; n < e.b.len; n++) {
		uint8_t *cut = malloc(n + 1);	/* exactly n bytes, so ASan sees any read past them */
		memcpy(cut, e.b.p, n);
		ck_assert_msg(!decode(cut, n, &rep, &accepted), "a stream cut at %zu of %zu bytes decoded", n, e.b.len);
		free(cut);
	}
	ck_assert(decode(e.b.p, e.b.len, &rep, &accepted));
}
END_TEST

/* A product the parse side could have handed on: one variant, one image. */
static struct catalog_product *product(void)
{
	struct catalog_product *p = arena_zalloc(A, sizeof *p);
	*p = (struct catalog_product){ .handle = "tee", .title = "Tee", .body_html = "", .vendor = "", .type = "",
				   .tags = "", .status = "active", .opt_name = { "", "", "" }, .line = 2 };
	p->images = arena_zalloc(A, (CATALOG_MAX_IMAGES + 2) * sizeof *p->images);
	p->images[0] = (struct catalog_image){ "https://e.test/1.jpg", "", 1 };
	p->nimages = 1;
	p->vars = arena_zalloc(A, (CATALOG_MAX_VARIANTS + 2) * sizeof *p->vars);
	for (size_t i = 0; i < CATALOG_MAX_VARIANTS + 2; i++)
		p->vars[i] = (struct catalog_variant){ .ext_id = "", .sku = arena_printf(A, "S%zu", i), .barcode = "",
						   .opt = { "", "", "" }, .price = 1000, .compare_at = -1, .currency = "USD",
						   .image_url = "", .line = 2 };
	p->nvars = 1;
	return p;
}

/* Does a products frame holding p decode? */
static bool frame_ok(struct catalog_product *p)
{
	struct buf b;
	buf_init(&b, A, 256);
	catalog_wire_put_products(&b, &p, 1);
	enum catalog_wire_kind kind;
	size_t n, count;
	struct catalog_product **items;
	return catalog_wire_head((const uint8_t *)b.p, &kind, &n) && n == b.len - CATALOG_WIRE_HEAD &&
	       catalog_wire_get_products((const uint8_t *)b.p + CATALOG_WIRE_HEAD, n, A, &items, &count);
}

static char *repeat(char c, size_t n)
{
	char *s = arena_alloc(A, n + 1);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

START_TEST(test_catalog_wire_refuses_oversized_fields_and_counts)
{
	size_t count0;
	struct catalog_product **items0;
	struct catalog_product *p = product();
	ck_assert(frame_ok(p));
	p->title = repeat('t', CATALOG_MAX_TITLE);
	ck_assert(frame_ok(p));
	p->title = repeat('t', CATALOG_MAX_TITLE + 1);
	ck_assert(!frame_ok(p));
	p = product();
	p->handle = repeat('h', CATALOG_MAX_HANDLE + 1);
	ck_assert(!frame_ok(p));
	p = product();
	p->tags = repeat('x', CATALOG_MAX_TAGS + 1);
	ck_assert(!frame_ok(p));
	p = product();
	p->body_html = repeat('x', CATALOG_MAX_BODY_HTML);
	ck_assert(frame_ok(p));
	p->body_html = repeat('x', CATALOG_MAX_BODY_HTML + 1);
	ck_assert(!frame_ok(p));
	p = product();
	p->vars[0].barcode = repeat('1', CATALOG_MAX_BARCODE + 1);
	ck_assert(!frame_ok(p));
	p = product();
	p->images[0].url = arena_concat(A, "https://e.test/", repeat('x', CATALOG_MAX_URL), NULL);
	ck_assert(!frame_ok(p));
	p = product();
	p->nvars = CATALOG_MAX_VARIANTS;
	ck_assert(frame_ok(p));
	p->nvars = CATALOG_MAX_VARIANTS + 1;
	ck_assert(!frame_ok(p));
	p = product();
	for (size_t i = 0; i <= CATALOG_MAX_IMAGES; i++)
		p->images[i] = (struct catalog_image){ arena_printf(A, "https://e.test/%zu.jpg", i), "", 0 };
	p->nimages = CATALOG_MAX_IMAGES;
	ck_assert(frame_ok(p));
	p->nimages = CATALOG_MAX_IMAGES + 1;
	ck_assert(!frame_ok(p));
	/* More option names than a product has room for: the count is patched in the bytes (the
	 * encoder cannot be made to write a fourth). Frame header, product count, then the product's
	 * seven strings ("tee", "Tee", four empty, "active") and its line come before it. */
	p = product();
	struct buf ob;
	buf_init(&ob, A, 256);
	catalog_wire_put_products(&ob, &p, 1);
	size_t at = CATALOG_WIRE_HEAD + 4 + (4 + 3) * 2 + 4 * 4 + (4 + 6) + 8;
	ck_assert_int_eq(ob.p[at], 0);
	ob.p[at] = CATALOG_MAX_OPTIONS + 1;
	ck_assert(!catalog_wire_get_products((const uint8_t *)ob.p + CATALOG_WIRE_HEAD, ob.len - CATALOG_WIRE_HEAD, A, &items0, &count0));
	ob.p[at] = 0;
	ck_assert(catalog_wire_get_products((const uint8_t *)ob.p + CATALOG_WIRE_HEAD, ob.len - CATALOG_WIRE_HEAD, A, &items0, &count0));

	/* Frames and counts that claim more than they may. */
	uint8_t head[CATALOG_WIRE_HEAD] = { 'P', 0xff, 0xff, 0xff, 0xff };
	enum catalog_wire_kind kind;
	size_t n, count;
	struct catalog_product **items;
	ck_assert(!catalog_wire_head(head, &kind, &n));
	uint32_t big = CATALOG_WIRE_FRAME_MAX + 1;
	uint8_t head2[CATALOG_WIRE_HEAD] = { 'P', (uint8_t)big, (uint8_t)(big >> 8), (uint8_t)(big >> 16), (uint8_t)(big >> 24) };
	ck_assert(!catalog_wire_head(head2, &kind, &n));
	uint8_t zero[4] = { 0 }, many[4] = { CATALOG_BATCH + 1, 0, 0, 0 };
	ck_assert(!catalog_wire_get_products(zero, sizeof zero, A, &items, &count));
	ck_assert(!catalog_wire_get_products(many, sizeof many, A, &items, &count));
	/* A string that claims 4 GiB in a few bytes. */
	uint8_t claim[] = { 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 't' };
	ck_assert(!catalog_wire_get_products(claim, sizeof claim, A, &items, &count));
}
END_TEST

START_TEST(test_catalog_wire_refuses_garbage)
{
	struct catalog_product *p = product();
	p->title = "caf\xc3";	/* cut inside a character */
	ck_assert(!frame_ok(p));
	p = product();
	p->handle = "a tee";
	ck_assert(!frame_ok(p));
	p = product();
	p->status = "deleted";
	ck_assert(!frame_ok(p));
	p = product();
	p->vars[0].currency = "XX";
	ck_assert(!frame_ok(p));
	p = product();
	p->nvars = 2;
	p->vars[1].currency = "EUR";	/* one product, one currency */
	ck_assert(!frame_ok(p));
	p = product();
	p->vars[0].price = -1;
	ck_assert(!frame_ok(p));
	p = product();
	p->vars[0].stock = 10000000000LL;
	ck_assert(!frame_ok(p));
	p = product();
	p->vars[0].image_url = "https://e.test/elsewhere.jpg";	/* not one of the product's images */
	ck_assert(!frame_ok(p));
	p = product();
	p->images[0].url = "javascript:alert(1)";
	ck_assert(!frame_ok(p));
	p = product();
	p->nvars = 0;
	ck_assert(!frame_ok(p));

	/* A NUL inside a string: C would see a shorter value than the bytes say. */
	struct buf b;
	buf_init(&b, A, 256);
	p = product();
	p->title = "Tee!";
	catalog_wire_put_products(&b, &p, 1);
	char *t = memmem(b.p, b.len, "Tee!", 4);
	ck_assert_ptr_nonnull(t);
	t[3] = '\0';
	size_t count;
	struct catalog_product **items;
	ck_assert(!catalog_wire_get_products((const uint8_t *)b.p + CATALOG_WIRE_HEAD, b.len - CATALOG_WIRE_HEAD, A, &items, &count));

	/* Reports that contradict themselves, or the products sent before them. */
	struct catalog_report rep = { .a = A, .error_count = 1 };
	bool accepted;
	buf_init(&b, A, 256);
	catalog_wire_put_report(&b, &rep, true);	/* accepted, with an error */
	ck_assert(!decode(b.p, b.len, &rep, &accepted));
	struct catalog_report clean = { .a = A };
	buf_init(&b, A, 256);
	catalog_wire_put_report(&b, &clean, false);	/* rejected, without one */
	ck_assert(!decode(b.p, b.len, &rep, &accepted));
	struct catalog_report counted = { .a = A, .products = 3, .variants = 3 };
	buf_init(&b, A, 256);
	p = product();
	catalog_wire_put_products(&b, &p, 1);
	catalog_wire_put_report(&b, &counted, true);	/* says 3 products, sent 1 */
	ck_assert(!decode(b.p, b.len, &rep, &accepted));
	counted.products = counted.variants = counted.images = 1;
	buf_init(&b, A, 256);
	catalog_wire_put_products(&b, &p, 1);
	catalog_wire_put_report(&b, &counted, true);
	ck_assert(decode(b.p, b.len, &rep, &accepted));
	buf_putc(&b, 'R');	/* anything after the report */
	ck_assert(!decode(b.p, b.len, &rep, &accepted));

	/* Noise, and noise behind a valid header. */
	uint64_t x = 88172645463325252ULL;
	uint8_t noise[512];
	for (int round = 0; round < 2000; round++) {
		for (size_t i = 0; i < sizeof noise; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			noise[i] = (uint8_t)x;
		}
		size_t len = (size_t)(x % sizeof noise);
		if (round & 1) {
			noise[0] = (round & 2) ? 'P' : 'R';
			noise[1] = (uint8_t)(len - CATALOG_WIRE_HEAD), noise[2] = noise[3] = noise[4] = 0;
		}
		ck_assert(!decode(noise, len, &rep, &accepted));
	}
}
END_TEST

/* crowdcartctl import's parent: the file is parsed in the confined child (this process's parse
 * counter does not move), and what comes back is the file's products, spooled, unwritten. */
START_TEST(test_import_parses_only_in_the_confined_child)
{
	FILE *fp = tmpfile(), *spool = tmpfile();
	ck_assert_ptr_nonnull(fp);
	ck_assert_ptr_nonnull(spool);
	fputs(shop, fp);
	rewind(fp);
	unsigned long before = catalog_parse_runs();
	struct catalog_report rep = { .a = A };
	ck_assert_int_eq(import_parse_sandboxed(fp, CATALOG_SHOPIFY, "USD", spool, &rep), SANDBOX_CHECK_ACCEPTED);
	ck_assert_uint_eq(catalog_parse_runs(), before);
	ck_assert_ptr_null(rep.fatal);
	ck_assert_uint_eq(rep.products, 2);
	ck_assert_uint_eq(rep.variants, 3);
	/* The spool holds the products frames, as the child sent them. */
	fseek(spool, 0, SEEK_END);
	long len = ftell(spool);
	rewind(spool);
	struct catalog_report tail = { .a = A, .products = 2, .variants = 3, .images = 2, .rows = 3 };
	struct buf b;
	buf_init(&b, A, 64);
	catalog_wire_put_report(&b, &tail, true);
	uint8_t *data = malloc((size_t)len + b.len);
	ck_assert_int_eq(fread(data, 1, (size_t)len, spool), len);
	memcpy(data + len, b.p, b.len);
	struct catalog_report got;
	bool accepted;
	ck_assert(decode(data, (size_t)len + b.len, &got, &accepted));
	free(data);
	fclose(spool);

	/* A rejected file: the child's report, the parent still parsed nothing. */
	spool = tmpfile();
	rewind(fp);
	ck_assert_int_eq(ftruncate(fileno(fp), 0), 0);
	fputs(SHOP_HEAD "tee,Tee,,,,,,T,-5,,,,,,,\n", fp);
	rewind(fp);
	struct catalog_report bad = { .a = A };
	ck_assert_int_eq(import_parse_sandboxed(fp, CATALOG_SHOPIFY, "USD", spool, &bad), SANDBOX_CHECK_REJECTED);
	ck_assert_uint_eq(catalog_parse_runs(), before);
	ck_assert_uint_eq(bad.error_count, 1);
	ck_assert_uint_eq(bad.errors[0].line, 2);
	fclose(spool);
	fclose(fp);
}
END_TEST

/* A feed's "in stock" without a quantity crosses as uncounted, the others as they were; the
 * flag alone (without "keep selling") is not something the parse side makes. */
START_TEST(test_catalog_wire_carries_uncounted_stock)
{
	struct enc e;
	ck_assert(encode(CATALOG_FEED, "id\ttitle\tprice\tavailability\tquantity_to_sell_on_facebook\n"
			 "A\tA\t1.00 USD\tin stock\t\nB\tB\t1.00 USD\tbackorder\t\nC\tC\t1.00 USD\tin stock\t2\n", &e));
	const uint8_t *p = (const uint8_t *)e.b.p;
	static const bool uncounted[] = { true, false, false }, keep_selling[] = { true, true, false };
	for (size_t i = 0; i < 3; i++) {
		enum catalog_wire_kind kind;
		size_t n, count;
		struct catalog_product **items;
		ck_assert(catalog_wire_head(p, &kind, &n));
		ck_assert(catalog_wire_get_products(p + CATALOG_WIRE_HEAD, n, A, &items, &count));
		ck_assert_int_eq(items[0]->vars[0].stock_uncounted, uncounted[i]);
		ck_assert_int_eq(items[0]->vars[0].policy_continue, keep_selling[i]);
		p += CATALOG_WIRE_HEAD + n;
	}
	struct catalog_variant v = { .ext_id = "", .sku = "", .barcode = "", .opt = { "", "", "" },
				     .currency = "USD", .image_url = "", .compare_at = -1, .stock_uncounted = true };
	struct catalog_product prod = { .handle = "h", .title = "t", .body_html = "", .vendor = "", .type = "",
					.tags = "", .status = "active", .opt_name = { "", "", "" }, .vars = &v, .nvars = 1 };
	struct catalog_product *one = &prod;
	struct buf b;
	buf_init(&b, A, 1024);
	catalog_wire_put_products(&b, &one, 1);
	enum catalog_wire_kind kind;
	size_t n, count;
	struct catalog_product **items;
	ck_assert(catalog_wire_head((const uint8_t *)b.p, &kind, &n));
	ck_assert(!catalog_wire_get_products((const uint8_t *)b.p + CATALOG_WIRE_HEAD, n, A, &items, &count));
}
END_TEST

Suite *catalog_wire_suite(void)
{
	Suite *s = suite_create("catalog_wire");
	TCase *tc = tcase_create("core");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_catalog_wire_round_trips_products_and_report);
	tcase_add_test(tc, test_catalog_wire_refuses_every_truncation);
	tcase_add_test(tc, test_catalog_wire_refuses_oversized_fields_and_counts);
	tcase_add_test(tc, test_catalog_wire_refuses_garbage);
	tcase_add_test(tc, test_catalog_wire_carries_uncounted_stock);
	tcase_add_test(tc, test_import_parses_only_in_the_confined_child);
	suite_add_tcase(s, tc);
	return s;
}
