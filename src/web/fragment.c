/* fragment.c: direct-mapped per-worker slots of rendered page content (see fragment.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lib/config.h"
#include "web/fragment.h"

#define FRAGMENT_SLOTS 64
#define FRAGMENT_MAX (256 * 1024)	/* a page bigger than this is not worth holding per worker */

struct slot {
	char key[FRAGMENT_KEY_MAX + 1];
	long long expires_ms;
	char *title, *html, *extra;	/* one malloc'd block: title, NUL, html, NUL, extra */
	size_t len, extra_len;
};

static struct slot slots[FRAGMENT_SLOTS];
static unsigned long long hit_count, miss_count;

void fragment_counts(unsigned long long *hits, unsigned long long *misses)
{
	*hits = hit_count;
	*misses = miss_count;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* keep_pages = off renders every view while the cached reads stay on: how the uncached render
 * path is measured (bench/view_cost.sh, bench/callgrind.sh) and what a page costs when it is not
 * popular enough to be kept. */
static long ttl_ms(void)
{
	static long ttl = -1;	/* read once: the config does not change while a worker lives */
	if (ttl < 0)
		ttl = strcmp(config_str("keep_pages", "on"), "off") == 0 ? 0 : config_int("cache_ttl_ms", 1000, 0, 60000);
	return ttl;
}

bool fragment_on(void)
{
	return ttl_ms() != 0;
}

static struct slot *slot_of(const char *key)
{
	uint32_t h = 2166136261u;	/* FNV-1a: keys are short */
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return &slots[h % FRAGMENT_SLOTS];
}

bool fragment_get(struct arena *a, const char *key, struct fragment *f)
{
	if (ttl_ms() == 0 || strlen(key) > FRAGMENT_KEY_MAX)
		return false;
	const struct slot *s = slot_of(key);
	if (!s->title || strcmp(s->key, key) != 0 || now_ms() >= s->expires_ms) {
		miss_count++;
		return false;
	}
	hit_count++;
	f->title = arena_strdup(a, s->title);
	f->html = arena_strndup(a, s->html, s->len);
	f->len = s->len;
	f->extra_len = s->extra_len;
	f->extra = memcpy(arena_alloc(a, s->extra_len + 1), s->extra, s->extra_len);
	return true;
}

void fragment_put(const char *key, const struct fragment *f, long long expires_ms)
{
	size_t klen = strlen(key), tlen = strlen(f->title), len = f->len;
	long long latest = now_ms() + ttl_ms();
	if (ttl_ms() == 0 || klen > FRAGMENT_KEY_MAX || len > FRAGMENT_MAX || f->extra_len > FRAGMENT_MAX)
		return;
	struct slot *s = slot_of(key);
	char *block = xmalloc(tlen + 1 + len + 1 + f->extra_len);
	memcpy(block, f->title, tlen + 1);
	memcpy(block + tlen + 1, f->html, len);
	block[tlen + 1 + len] = '\0';
	if (f->extra_len)
		memcpy(block + tlen + 1 + len + 1, f->extra, f->extra_len);
	free(s->title);
	memcpy(s->key, key, klen + 1);
	s->title = block;
	s->html = block + tlen + 1;
	s->len = len;
	s->extra = block + tlen + 1 + len + 1;
	s->extra_len = f->extra_len;
	s->expires_ms = expires_ms < latest ? expires_ms : latest;
}
