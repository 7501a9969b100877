/* fuzz_api_product.c: libFuzzer harness for the JSON API's product body decoding (what POST
 * /api/v1/products does before the database): jansson, api_parse_fields, api_parse_variant and
 * product_check, and their promises: an accepted product has valid text, URLs and amounts that
 * read back through product_decimal/money_parse unchanged; a refusal always names a message. */
#include <stdlib.h>
#include <string.h>
#include "api/api_products.h"
#include "lib/money.h"
#include "lib/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The currency comes from the input's first byte, so both 2- and 0-decimal amounts are fuzzed. */
static const char *const fuzz_currencies[] = { "USD", "JPY", "EUR", "KWD" };

static void fuzz_check_amount(struct arena *a, long long v, const char *cur)
{
	long long back;
	if (!money_parse(product_decimal(a, v, cur), cur, &back) || back != v)
		abort();
}

static bool fuzz_decode(struct req *r, json_t *body, const char *cur, struct product_input *in, struct product_problem *p)
{
	const char *status = NULL;
	bool images_set;
	if (!api_parse_fields(r, body, in, &status, &images_set, p))
		return false;
	if (status && !product_status_ok(status))
		abort();
	json_t *opts = json_object_get(body, "options"), *vars = json_object_get(body, "variants");
	if (opts && (!json_is_array(opts) || json_array_size(opts) > PRODUCT_MAX_OPTIONS))
		return false;
	for (size_t k = 0; opts && k < json_array_size(opts); k++) {
		json_t *n = json_array_get(opts, k);
		if (!json_is_string(n))
			return false;
		in->opt_name[k] = arena_strdup(r->arena, json_string_value(n));
	}
	if (!json_is_array(vars) || json_array_size(vars) == 0 || json_array_size(vars) > PRODUCT_MAX_VARIANTS)
		return false;
	in->nvariants = json_array_size(vars);
	in->variants = arena_zalloc(r->arena, sizeof *in->variants * in->nvariants);
	for (size_t i = 0; i < in->nvariants; i++)
		if (!api_parse_variant(r, json_array_get(vars, i), cur, "variants[0]", &in->variants[i], p))
			return false;
	if (!in->title)
		return false;
	return product_check(r->arena, in, p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	if (!a)
		a = arena_new(64 * 1024);
	if (size == 0)
		return 0;
	const char *cur = fuzz_currencies[data[0] % 4];
	json_error_t err;
	json_t *body = json_loadb((const char *)data + 1, size - 1, JSON_REJECT_DUPLICATES, &err);
	if (!json_is_object(body)) {
		json_decref(body);
		return 0;
	}
	struct req r = { .arena = a };
	struct product_input in = { .title = NULL };
	struct product_problem p = { NULL, NULL };
	bool ok = fuzz_decode(&r, body, cur, &in, &p);
	json_decref(body);
	if (p.msg && (!p.field || !utf8_valid((const uint8_t *)p.msg, strlen(p.msg))))
		abort();
	if (ok) {
		if (p.msg || !product_text_ok(in.title, 255, false))
			abort();
		for (size_t i = 0; i < in.nimages; i++)
			if (!product_valid_url(in.images[i].url))
				abort();
		for (size_t i = 0; i < in.nvariants; i++) {
			const struct product_variant *v = &in.variants[i];
			if (v->price < 0 || v->stock < -PRODUCT_MAX_STOCK || v->stock > PRODUCT_MAX_STOCK ||
			    (v->stock < 0 && strcmp(v->policy, "deny") == 0))
				abort();
			fuzz_check_amount(a, v->price, cur);
			if (v->has_compare)
				fuzz_check_amount(a, v->compare_at, cur);
		}
	}
	arena_reset(a);
	return 0;
}
