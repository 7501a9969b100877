/* products_parse.c: request bodies into products and variants. Prices are decimal strings read
 * with money_parse, never JSON numbers, so no amount ever passes through floating point. */
#include <string.h>
#include "api/api_products.h"
#include "lib/money.h"

static bool bad(struct product_problem *p, const char *field, const char *msg)
{
	p->field = field;
	p->msg = msg;
	return false;
}

/* An optional string member: absent leaves *out alone; null or another type is refused. */
static bool opt_string(struct req *r, json_t *o, const char *prefix, const char *name, const char **out,
		       struct product_problem *p)
{
	json_t *v = json_object_get(o, name);
	if (!v)
		return true;
	if (!json_is_string(v))
		return bad(p, *prefix ? arena_printf(r->arena, "%s.%s", prefix, name) : name, "Must be a string.");
	*out = arena_strdup(r->arena, json_string_value(v));
	if (strlen(*out) != json_string_length(v))
		return bad(p, *prefix ? arena_printf(r->arena, "%s.%s", prefix, name) : name, "Must not contain NUL characters.");
	return true;
}

static bool amount(struct req *r, json_t *v, const char *currency, const char *field, long long *out,
		   struct product_problem *p)
{
	if (!json_is_string(v) || !money_parse(json_string_value(v), currency, out))
		return bad(p, field, arena_printf(r->arena, "Give the amount as a decimal string in %s, like \"12.50\".", currency));
	return true;
}

bool api_parse_variant(struct req *r, json_t *o, const char *currency, const char *prefix,
		       struct product_variant *v, struct product_problem *p)
{
	memset(v, 0, sizeof *v);
	v->policy = "deny";
	if (!json_is_object(o))
		return bad(p, prefix, "Must be an object.");
	static const char *const optn[] = { "option1", "option2", "option3" };
	for (int k = 0; k < PRODUCT_MAX_OPTIONS; k++)
		if (!opt_string(r, o, prefix, optn[k], &v->opt[k], p))
			return false;
	if (!opt_string(r, o, prefix, "sku", &v->sku, p) || !opt_string(r, o, prefix, "barcode", &v->barcode, p) ||
	    !opt_string(r, o, prefix, "inventory_policy", &v->policy, p))
		return false;
	json_t *price = json_object_get(o, "price");
	if (!price)
		return bad(p, arena_printf(r->arena, "%s.price", prefix), "A variant needs a price.");
	if (!amount(r, price, currency, arena_printf(r->arena, "%s.price", prefix), &v->price, p))
		return false;
	json_t *cmp = json_object_get(o, "compare_at_price");
	if (cmp && !json_is_null(cmp)) {
		v->has_compare = true;
		if (!amount(r, cmp, currency, arena_printf(r->arena, "%s.compare_at_price", prefix), &v->compare_at, p))
			return false;
	}
	json_t *stock = json_object_get(o, "stock");
	if (stock && !json_is_integer(stock))
		return bad(p, arena_printf(r->arena, "%s.stock", prefix), "Must be a whole number.");
	v->stock = stock ? (long long)json_integer_value(stock) : 0;
	return true;
}

bool api_parse_fields(struct req *r, json_t *o, struct product_input *in, const char **status, bool *images_set,
		      struct product_problem *p)
{
	if (!opt_string(r, o, "", "title", &in->title, p) || !opt_string(r, o, "", "description", &in->description, p) ||
	    !opt_string(r, o, "", "product_type", &in->type, p) || !opt_string(r, o, "", "vendor", &in->vendor, p) ||
	    !opt_string(r, o, "", "tags", &in->tags, p) || !opt_string(r, o, "", "status", status, p))
		return false;
	if (*status && !product_status_ok(*status))
		return bad(p, "status", "Must be draft, active or archived.");
	json_t *imgs = json_object_get(o, "images");
	*images_set = imgs != NULL;
	if (!imgs)
		return true;
	if (!json_is_array(imgs) || json_array_size(imgs) > PRODUCT_MAX_IMAGES)
		return bad(p, "images", "Must be an array of at most 20 images.");
	in->nimages = json_array_size(imgs);
	in->images = arena_zalloc(r->arena, sizeof *in->images * (in->nimages + 1));
	for (size_t i = 0; i < in->nimages; i++) {
		json_t *im = json_array_get(imgs, i);
		const char *prefix = arena_printf(r->arena, "images[%zu]", i);
		if (!json_is_object(im))
			return bad(p, prefix, "Must be an object with url and alt.");
		in->images[i].alt = "";
		if (!opt_string(r, im, prefix, "url", &in->images[i].url, p) || !opt_string(r, im, prefix, "alt", &in->images[i].alt, p))
			return false;
		if (!in->images[i].url)
			return bad(p, arena_printf(r->arena, "%s.url", prefix), "An image needs a url.");
	}
	return true;
}
