/* showcase_rules.c: parse and check a showcase's rule set and the recently-viewed cookie. Pure. */
#include <stdio.h>
#include <string.h>
#include "lib/money.h"
#include "domain/showcases/showcase_rules.h"
#include "lib/utf8.h"

static const char *const sort_names[SHOWCASE_SORT__MAX] = { "featured", "newest", "price_asc", "price_desc" };

const char *showcase_sort_name(enum showcase_sort s)
{
	return (unsigned)s < SHOWCASE_SORT__MAX ? sort_names[s] : "";
}

enum showcase_sort showcase_sort_parse(const char *name)
{
	for (int i = 0; i < SHOWCASE_SORT__MAX; i++)
		if (name && strcmp(name, sort_names[i]) == 0)
			return (enum showcase_sort)i;
	return SHOWCASE_SORT__MAX;
}

static bool given(const char *s)
{
	return s && *s;
}

static bool problem(struct showcase_problem *p, const char *field, const char *message)
{
	p->field = field;
	p->message = message;
	return false;
}

/* A whole number in lo..hi written as plain digits (no sign, no spaces, no leading zeros beyond "0"). */
static bool whole(const char *s, long long lo, long long hi, long long *out)
{
	size_t n = strlen(s);
	if (n == 0 || n > 18 || (n > 1 && s[0] == '0'))
		return false;
	long long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static bool text_ok(const char *s, size_t max_chars)
{
	size_t n = strlen(s);
	if (!utf8_valid((const uint8_t *)s, n) || utf8_len((const uint8_t *)s, n) > max_chars)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static const char *trimmed(struct arena *a, const char *s, size_t n)
{
	while (n && is_space(*s))
		s++, n--;
	while (n && is_space(s[n - 1]))
		n--;
	return arena_strndup(a, s, n);
}

static bool parse_tags(struct arena *a, const char *text, struct showcase_rules *out, struct showcase_problem *p)
{
	out->ntags = 0;
	if (!given(text))
		return true;
	if (!text_ok(text, SHOWCASE_TAGS_TEXT_MAX))
		return problem(p, "tags", "Tags are plain text, at most 400 characters in all.");
	for (const char *s = text;;) {
		const char *comma = strchr(s, ',');
		size_t n = comma ? (size_t)(comma - s) : strlen(s);
		const char *tag = trimmed(a, s, n);
		if (*tag) {
			if (out->ntags == SHOWCASE_MAX_TAGS)
				return problem(p, "tags", "Use at most 5 tags.");
			if (utf8_len((const uint8_t *)tag, strlen(tag)) > SHOWCASE_TAG_MAX)
				return problem(p, "tags", "Each tag has at most 60 characters.");
			out->tags[out->ntags++] = tag;
		}
		if (!comma)
			return true;
		s = comma + 1;
	}
}

static bool parse_prices(const struct showcase_input *in, struct showcase_rules *out, struct showcase_problem *p)
{
	out->has_min = given(in->price_min);
	out->has_max = given(in->price_max);
	out->currency[0] = '\0';
	if (!out->has_min && !out->has_max)
		return true;
	const char *cur = in->currency;
	if (!given(cur) || strlen(cur) != 3 || money_exponent(cur) < 0)
		return problem(p, "currency", "Give the currency of the price range as three capital letters, e.g. USD.");
	memcpy(out->currency, cur, 4);
	if (out->has_min && !money_parse(in->price_min, cur, &out->price_min))
		return problem(p, "price_min", "Write the lowest price as a plain amount, e.g. 10 or 10.50.");
	if (out->has_max && !money_parse(in->price_max, cur, &out->price_max))
		return problem(p, "price_max", "Write the highest price as a plain amount, e.g. 80 or 79.99.");
	if (out->has_min && out->has_max && out->price_min > out->price_max)
		return problem(p, "price_max", "The highest price is below the lowest price: no product could match.");
	return true;
}

static bool yes(const char *s)
{
	return s && (strcmp(s, "yes") == 0 || strcmp(s, "1") == 0 || strcmp(s, "on") == 0);
}

bool showcase_rules_parse(struct arena *a, const struct showcase_input *in, struct showcase_rules *out,
			  struct showcase_problem *p)
{
	memset(out, 0, sizeof *out);
	out->type = "";
	out->limit = SHOWCASE_LIMIT_DEFAULT;
	long long v;
	if (!given(in->title) || !text_ok(in->title, SHOWCASE_TITLE_MAX) || !*trimmed(a, in->title, strlen(in->title)))
		return problem(p, "title", "Give the showcase a title of 1 to 80 characters.");
	if (given(in->brand_id)) {
		if (!whole(in->brand_id, 1, (long long)1e17, &v))
			return problem(p, "brand_id", "Choose a brand from the list.");
		out->brand_id = v;
	}
	if (!parse_tags(a, in->tags, out, p))
		return false;
	if (given(in->type)) {
		if (!text_ok(in->type, SHOWCASE_TYPE_MAX))
			return problem(p, "type", "The product type is plain text of at most 120 characters.");
		out->type = trimmed(a, in->type, strlen(in->type));
	}
	if (!parse_prices(in, out, p))
		return false;
	out->in_stock_only = yes(in->in_stock_only);
	out->recently_viewed = yes(in->recently_viewed);
	if (given(in->best_sellers_days)) {
		if (!whole(in->best_sellers_days, 1, SHOWCASE_DAYS_MAX, &v))
			return problem(p, "best_sellers_days", "Best sellers look back 1 to 365 days.");
		out->best_sellers_days = (int)v;
	}
	if (given(in->sort) && (out->sort = showcase_sort_parse(in->sort)) == SHOWCASE_SORT__MAX)
		return problem(p, "sort", "Choose an order from the list.");
	if (given(in->limit)) {
		if (!whole(in->limit, 1, SHOWCASE_LIMIT_MAX, &v))
			return problem(p, "limit", "Show 1 to 24 products.");
		out->limit = (int)v;
	}
	return true;
}

const char *showcase_tags_join(struct arena *a, const struct showcase_rules *r)
{
	size_t len = 1;
	for (size_t i = 0; i < r->ntags; i++)
		len += strlen(r->tags[i]) + 1;
	char *out = arena_alloc(a, len), *w = out;
	for (size_t i = 0; i < r->ntags; i++) {
		if (i)
			*w++ = ',';
		size_t n = strlen(r->tags[i]);
		memcpy(w, r->tags[i], n);
		w += n;
	}
	*w = '\0';
	return out;
}

void showcase_tags_split(struct arena *a, const char *stored, struct showcase_rules *r)
{
	r->ntags = 0;
	for (const char *s = stored; s && *s && r->ntags < SHOWCASE_MAX_TAGS;) {
		const char *comma = strchr(s, ',');
		size_t n = comma ? (size_t)(comma - s) : strlen(s);
		if (n)
			r->tags[r->ntags++] = arena_strndup(a, s, n);
		if (!comma)
			break;
		s = comma + 1;
	}
}

size_t showcase_recent_parse(const char *text, long long ids[SHOWCASE_RECENT_MAX])
{
	size_t n = 0;
	if (!text || !*text || strlen(text) >= SHOWCASE_RECENT_TEXT_MAX)
		return 0;
	for (const char *s = text;;) {
		size_t len = 0;
		long long v = 0;
		while (s[len] >= '0' && s[len] <= '9') {
			if (len == 18)	/* before multiplying: a 19th digit could overflow */
				return 0;
			v = v * 10 + (s[len] - '0');
			len++;
		}
		if (len == 0 || s[0] == '0' || n == SHOWCASE_RECENT_MAX)
			return 0;
		for (size_t i = 0; i < n; i++)
			if (ids[i] == v)
				return 0;
		ids[n++] = v;
		if (s[len] == '\0')
			return n;
		if (s[len] != '.')
			return 0;
		s += len + 1;
	}
}

size_t showcase_recent_push(long long ids[SHOWCASE_RECENT_MAX], size_t n, long long id)
{
	size_t keep = 0;
	long long old[SHOWCASE_RECENT_MAX];
	for (size_t i = 0; i < n && i < SHOWCASE_RECENT_MAX; i++)
		if (ids[i] != id)
			old[keep++] = ids[i];
	ids[0] = id;
	size_t out = 1;
	for (size_t i = 0; i < keep && out < SHOWCASE_RECENT_MAX; i++)
		ids[out++] = old[i];
	return out;
}

void showcase_recent_format(const long long *ids, size_t n, char out[SHOWCASE_RECENT_TEXT_MAX])
{
	size_t w = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && i < SHOWCASE_RECENT_MAX; i++) {
		if (ids[i] <= 0 || ids[i] > 999999999999999999LL)
			continue;
		int k = snprintf(out + w, SHOWCASE_RECENT_TEXT_MAX - w, "%s%lld", w ? "." : "", ids[i]);
		if (k < 0 || (size_t)k >= SHOWCASE_RECENT_TEXT_MAX - w) {
			out[w] = '\0';
			return;
		}
		w += (size_t)k;
	}
}
