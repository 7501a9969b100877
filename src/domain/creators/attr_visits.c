/* attr_visits.c: creator visit counts aggregated in the worker and written at most once a second
 * with multi-row upserts, so a storefront view never waits on a database write (attr.h
 * explains what a crash or an idle worker costs). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "domain/creators/attr.h"

#define UTM_MAX 100
#define FLUSH_EVERY_MS 1000

struct visit_key {
	long long creator_id;
	char day[11];			/* YYYY-MM-DD, UTC */
	enum attr_surface surface;
	char utm[3][UTM_MAX + 1];	/* source, medium, campaign; "" when absent */
	long long count;
};

/* Worker-lifetime state, on purpose: counts waiting for their write (see attr.h). */
static struct visit_key pending[ATTR_VISIT_BATCH];
static size_t npending;
static long long last_flush_ms;

/* One row of the upsert and its parameter types; statements of 1 to 4 rows keep the bind count
 * under the db layer's limit of 32. */
#define ROW "(?, ?, ?, ?, ?, ?, ?)"
#define ROWT "isssssi"
#define UPSERT "INSERT INTO creator_visits (creator_id, day, surface, utm_source, utm_medium, utm_campaign, count) VALUES "
#define ON_DUP " ON DUPLICATE KEY UPDATE count = count + VALUES(count)"
static const struct db_stmt q_upsert[4] = {
	{ UPSERT ROW ON_DUP, ROWT, "" },
	{ UPSERT ROW ", " ROW ON_DUP, ROWT ROWT, "" },
	{ UPSERT ROW ", " ROW ", " ROW ON_DUP, ROWT ROWT ROWT, "" },
	{ UPSERT ROW ", " ROW ", " ROW ", " ROW ON_DUP, ROWT ROWT ROWT ROWT, "" },
};

static long long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void copy_utm(char dst[UTM_MAX + 1], const char *src)
{
	size_t n = src ? strnlen(src, UTM_MAX) : 0;	/* the routes cap utm_* at UTM_MAX already */
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

void attr_visit_count(struct db *db, long long creator_id, enum attr_surface s, long long now,
		      const struct attr_utm *utm)
{
	if (creator_id <= 0 || s <= ATTR_NONE || s >= ATTR__MAX)
		return;
	struct visit_key k = { .creator_id = creator_id, .surface = s, .count = 1 };
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(k.day, sizeof k.day, "%Y-%m-%d", &tm);
	copy_utm(k.utm[0], utm->source);
	copy_utm(k.utm[1], utm->medium);
	copy_utm(k.utm[2], utm->campaign);
	for (size_t i = 0; i < npending; i++) {
		struct visit_key *p = &pending[i];
		if (p->creator_id == k.creator_id && p->surface == k.surface && strcmp(p->day, k.day) == 0 &&
		    strcmp(p->utm[0], k.utm[0]) == 0 && strcmp(p->utm[1], k.utm[1]) == 0 &&
		    strcmp(p->utm[2], k.utm[2]) == 0) {
			p->count++;
			return;
		}
	}
	if (npending == ATTR_VISIT_BATCH)
		attr_flush_visits(db, true);
	if (npending < ATTR_VISIT_BATCH)	/* still full only if the database is away: drop */
		pending[npending++] = k;
}

static enum db_status flush_txn(struct db *db, void *ctx)
{
	(void)ctx;
	struct db_param p[4 * 7];
	for (size_t at = 0; at < npending;) {
		size_t rows = npending - at < 4 ? npending - at : 4;
		for (size_t i = 0; i < rows; i++) {
			const struct visit_key *k = &pending[at + i];
			struct db_param *row = &p[i * 7];
			row[0] = DB_I(k->creator_id);
			row[1] = DB_S(k->day);
			row[2] = DB_S(attr_surface_name(k->surface));
			row[3] = DB_S(k->utm[0]);
			row[4] = DB_S(k->utm[1]);
			row[5] = DB_S(k->utm[2]);
			row[6] = DB_I(k->count);
		}
		enum db_status rc = db_query(db, NULL, &q_upsert[rows - 1], p, NULL);
		if (rc != DB_OK)
			return rc;
		at += rows;
	}
	return DB_OK;
}

void attr_flush_visits(struct db *db, bool force)
{
	long long now = mono_ms();
	if (npending == 0 || (!force && now - last_flush_ms < FLUSH_EVERY_MS))
		return;
	last_flush_ms = now;
	/* The counts are cleared only once written; a failed write is tried again a second later. */
	if (db_txn(db, flush_txn, NULL) == DB_OK)
		npending = 0;
}
