/* dbcache.c: direct-mapped cache keyed by statement and parameter bytes; entries are one malloc'd
 * block each (values + text), copied out into the request arena on a hit so that an eviction
 * later in the same request cannot pull memory from under a page. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#define XXH_INLINE_ALL
#include <xxhash.h>
#include "lib/config.h"
#include "db/dbcache.h"

#define CACHE_SLOTS 1024
#define CACHE_MAX_ENTRY (256 * 1024)	/* bigger results are not worth holding per worker */
/* Reads whose statement and parameters take more bytes are asked every time (a long search). */
#define CACHE_MAX_KEY 1024

/* An entry is found by its whole key, compared byte for byte: the statement's address, then each
 * parameter's type, length and bytes. No two reads can share a key, so no hash collision, chosen
 * or not, can hand one read's rows to another; the hash only picks the slot. */
struct cache_key {
	size_t len;
	unsigned char bytes[CACHE_MAX_KEY];
};

struct entry {
	long long expires_ms;
	long long asked_ns, done_ns;	/* when the database was asked and had answered */
	size_t nrows, ncols, size, key_len;
	unsigned char *blob;	/* struct db_val[nrows*ncols] with s as offsets, the text, then the key */
};

static struct entry slots[CACHE_SLOTS];
/* Scratch of the request in progress (a worker serves one at a time), reset by dbcache_mark. */
static long long earliest_expiry = LLONG_MAX;
static unsigned long long hit_count, miss_count;

void dbcache_counts(unsigned long long *hits, unsigned long long *misses)
{
	*hits = hit_count;
	*misses = miss_count;
}

void dbcache_mark(void)
{
	earliest_expiry = LLONG_MAX;
}

long long dbcache_expiry(void)
{
	return earliest_expiry;
}

static void seen(const struct entry *e)
{
	if (e->expires_ms < earliest_expiry)
		earliest_expiry = e->expires_ms;
}

/* Nanoseconds, so that program order shows in the values: a read asked after another answered
 * has a later or equal stamp, never an earlier one. */
static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void cache_key_put(struct cache_key *k, const void *p, size_t n)
{
	memcpy(k->bytes + k->len, p, n);
	k->len += n;
}

/* False when the key would not fit (the read is then not cached). A string's length comes before
 * its bytes, so the parameters cannot be shifted into another list of the same bytes. */
static bool cache_key_make(const struct db_stmt *st, const struct db_param *p, struct cache_key *k)
{
	k->len = 0;
	cache_key_put(k, &st, sizeof st);
	for (size_t i = 0; st->params[i]; i++) {
		unsigned char type = (unsigned char)p[i].type;
		size_t len = p[i].type == 'i' ? sizeof p[i].i : p[i].type == 'n' ? 0 : p[i].len;
		if (k->len + 1 + sizeof len + len > CACHE_MAX_KEY)
			return false;
		cache_key_put(k, &type, 1);
		if (p[i].type == 'i')
			cache_key_put(k, &p[i].i, sizeof p[i].i);
		else if (p[i].type != 'n') {
			cache_key_put(k, &len, sizeof len);
			cache_key_put(k, p[i].s, len);
		}
	}
	return true;
}

static void copy_out(const struct entry *e, struct arena *a, struct db_res *out)
{
	unsigned char *copy = arena_alloc(a, e->size);
	memcpy(copy, e->blob, e->size);
	out->nrows = e->nrows;
	out->ncols = e->ncols;
	out->v = (struct db_val *)copy;
	for (size_t i = 0; i < e->nrows * e->ncols; i++)
		out->v[i].s = (const char *)copy + (uintptr_t)out->v[i].s;
}

static bool store(struct entry *e, const struct cache_key *key, const struct db_res *res, long ttl)
{
	size_t n = res->nrows * res->ncols, size = n * sizeof(struct db_val);
	for (size_t i = 0; i < n; i++)
		size += res->v[i].len + 1;
	if (size > CACHE_MAX_ENTRY)
		return false;
	unsigned char *blob = xmalloc(size + key->len);
	memcpy(blob + size, key->bytes, key->len);
	struct db_val *v = (struct db_val *)blob;
	size_t off = n * sizeof(struct db_val);
	for (size_t i = 0; i < n; i++) {
		v[i] = res->v[i];
		memcpy(blob + off, res->v[i].s, res->v[i].len + 1);
		v[i].s = (const char *)(uintptr_t)off;
		off += res->v[i].len + 1;
	}
	free(e->blob);
	e->key_len = key->len;
	e->blob = blob;
	e->size = size;
	e->nrows = res->nrows;
	e->ncols = res->ncols;
	e->expires_ms = now_ms() + ttl;
	return true;
}

static bool holds(const struct entry *e, const struct cache_key *key)
{
	return e->blob && e->key_len == key->len && memcmp(e->blob + e->size, key->bytes, key->len) == 0;
}

static enum db_status cached(struct db *db, struct arena *a, const struct db_stmt *st,
			     const struct db_param *params, struct db_res *out, bool keep_empty, long long since,
			     long long *done_at)
{
	static long ttl = -1;	/* read once: the config does not change while a worker lives */
	if (ttl < 0)
		ttl = config_int("cache_ttl_ms", 1000, 0, 60000);
	if (ttl == 0) {
		if (done_at)
			*done_at = LLONG_MIN;	/* every later read is asked after this one, uncached */
		return db_query(db, a, st, params, out);
	}
	struct cache_key key;
	if (!cache_key_make(st, params, &key)) {
		enum db_status rc = db_query(db, a, st, params, out);
		if (done_at)
			*done_at = now_ns();
		return rc;
	}
	/* Two places a key may live (two halves of its hash): in a single one, two reads of the same
	 * page that happened to share it evicted each other on every view, a database round trip each,
	 * which the statements' addresses (part of the key) decided anew with every build. */
	uint64_t h = XXH3_64bits(key.bytes, key.len);
	struct entry *pair[2] = { &slots[h % CACHE_SLOTS], &slots[(h >> 32) % CACHE_SLOTS] };
	struct entry *e = holds(pair[0], &key) ? pair[0] : holds(pair[1], &key) ? pair[1]
		/* neither: the new entry takes an empty place, else the one closer to its end */
		: !pair[0]->blob || (pair[1]->blob && pair[0]->expires_ms <= pair[1]->expires_ms) ? pair[0] : pair[1];
	if (holds(e, &key) && now_ms() < e->expires_ms && e->asked_ns >= since) {
		copy_out(e, a, out);
		seen(e);
		hit_count++;
		if (done_at)
			*done_at = e->done_ns;
		return DB_OK;
	}
	miss_count++;
	long long asked = now_ns();
	enum db_status rc = db_query(db, a, st, params, out);
	long long done = now_ns();
	if (rc == DB_OK && (out->nrows || keep_empty) && store(e, &key, out, ttl)) {
		e->asked_ns = asked;
		e->done_ns = done;
		seen(e);
	}
	if (done_at)
		*done_at = done;
	return rc;
}

enum db_status db_query_cached(struct db *db, struct arena *a, const struct db_stmt *st,
			       const struct db_param *params, struct db_res *out)
{
	return cached(db, a, st, params, out, false, LLONG_MIN, NULL);
}

enum db_status db_query_cached_list(struct db *db, struct arena *a, const struct db_stmt *st,
				    const struct db_param *params, struct db_res *out)
{
	return cached(db, a, st, params, out, true, LLONG_MIN, NULL);
}

enum db_status db_query_cached_stamped(struct db *db, struct arena *a, const struct db_stmt *st,
				       const struct db_param *params, long long *done_at, struct db_res *out)
{
	return cached(db, a, st, params, out, false, LLONG_MIN, done_at);
}

enum db_status db_query_cached_since(struct db *db, struct arena *a, const struct db_stmt *st,
				     const struct db_param *params, long long since, struct db_res *out)
{
	return cached(db, a, st, params, out, true, since, NULL);
}
