/* dbcache.c: two-way cache keyed by statement and parameter bytes; entries are one malloc'd
 * block each (values, text, key). A hit hands out the block itself: an entry replaced later in
 * the same request is retired, not freed, until the next request starts (dbcache_mark), so a
 * page never loses memory it was given. */
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
#define CACHE_MAX_KEY 2048	/* reads with longer parameters (none of the pages') are not cached */

struct entry {
	uint64_t hash;	/* of the key bytes, which the blob holds for an exact comparison */
	long long expires_ms;
	long long asked_ns, done_ns;	/* when the database was asked and had answered */
	size_t nrows, ncols, key_len;
	unsigned char *blob;	/* struct db_val[nrows*ncols] pointing into the text, the text, the key */
	const unsigned char *key;
};

static struct entry slots[CACHE_SLOTS];
/* Scratch of the request in progress (a worker serves one at a time), reset by dbcache_mark. */
static long long earliest_expiry = LLONG_MAX;
static unsigned char **retired;	/* blobs replaced during this request, freed at the next */
static size_t retired_n, retired_cap;
static unsigned long long hit_count, miss_count;

void dbcache_counts(unsigned long long *hits, unsigned long long *misses)
{
	*hits = hit_count;
	*misses = miss_count;
}

void dbcache_mark(void)
{
	earliest_expiry = LLONG_MAX;
	for (size_t i = 0; i < retired_n; i++)
		free(retired[i]);
	retired_n = 0;
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

static bool key_put(unsigned char *k, size_t *n, const void *p, size_t len)
{
	if (len > CACHE_MAX_KEY - *n)
		return false;
	memcpy(k + *n, p, len);
	*n += len;
	return true;
}

/* The statement and every parameter's type and bytes, each text with its length before it, so
 * two different reads never have the same key; 0 when it does not fit. */
static size_t cache_key(const struct db_stmt *st, const struct db_param *p, unsigned char k[CACHE_MAX_KEY])
{
	size_t n = 0;
	bool ok = key_put(k, &n, &st, sizeof st);
	for (size_t i = 0; ok && st->params[i]; i++) {
		unsigned char type = (unsigned char)p[i].type;
		uint64_t len = p[i].len;
		ok = key_put(k, &n, &type, 1);
		if (ok && p[i].type == 'i')
			ok = key_put(k, &n, &p[i].i, sizeof p[i].i);
		else if (ok && p[i].type != 'n')
			ok = key_put(k, &n, &len, sizeof len) && key_put(k, &n, p[i].s, p[i].len);
	}
	return ok ? n : 0;
}

static void retire(unsigned char *blob)
{
	if (retired_n == retired_cap) {
		retired_cap = retired_cap ? retired_cap * 2 : 16;
		if (!(retired = realloc(retired, retired_cap * sizeof *retired)))
			abort();
	}
	retired[retired_n++] = blob;
}

static bool store(struct entry *e, uint64_t hash, const unsigned char *key, size_t key_len,
		  const struct db_res *res, long ttl)
{
	size_t n = res->nrows * res->ncols, size = n * sizeof(struct db_val) + key_len;
	for (size_t i = 0; i < n; i++)
		size += res->v[i].len + 1;
	if (size > CACHE_MAX_ENTRY)
		return false;
	unsigned char *blob = xmalloc(size);
	struct db_val *v = (struct db_val *)blob;
	size_t off = n * sizeof(struct db_val);
	for (size_t i = 0; i < n; i++) {
		v[i] = res->v[i];
		memcpy(blob + off, res->v[i].s, res->v[i].len + 1);
		v[i].s = (const char *)blob + off;
		off += res->v[i].len + 1;
	}
	memcpy(blob + off, key, key_len);
	if (e->blob)
		retire(e->blob);
	e->blob = blob;
	e->key = blob + off;
	e->key_len = key_len;
	e->hash = hash;
	e->nrows = res->nrows;
	e->ncols = res->ncols;
	e->expires_ms = now_ms() + ttl;
	return true;
}

static bool holds(const struct entry *e, uint64_t hash, const unsigned char *key, size_t key_len)
{
	return e->blob && e->hash == hash && e->key_len == key_len && memcmp(e->key, key, key_len) == 0;
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
	unsigned char key[CACHE_MAX_KEY];
	size_t key_len = cache_key(st, params, key);
	if (!key_len) {
		enum db_status rc = db_query(db, a, st, params, out);
		if (done_at)
			*done_at = now_ns();
		return rc;
	}
	/* Two places a key may live (two halves of its hash): in a single one, two reads of the same
	 * page that happened to share it evicted each other on every view, a database round trip each,
	 * which the statements' addresses (part of the key) decided anew with every build. */
	uint64_t hash = XXH3_64bits(key, key_len);
	struct entry *pair[2] = { &slots[hash % CACHE_SLOTS], &slots[(hash >> 32) % CACHE_SLOTS] };
	struct entry *e = holds(pair[0], hash, key, key_len) ? pair[0] : holds(pair[1], hash, key, key_len) ? pair[1]
		/* neither: the new entry takes an empty place, else the one closer to its end */
		: !pair[0]->blob || (pair[1]->blob && pair[0]->expires_ms <= pair[1]->expires_ms) ? pair[0] : pair[1];
	if (holds(e, hash, key, key_len) && now_ms() < e->expires_ms && e->asked_ns >= since) {
		/* the entry's own block: the caller reads it and never writes it (dbcache.h) */
		*out = (struct db_res){ .nrows = e->nrows, .ncols = e->ncols, .v = (struct db_val *)e->blob };
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
	if (rc == DB_OK && (out->nrows || keep_empty) && store(e, hash, key, key_len, out, ttl)) {
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
