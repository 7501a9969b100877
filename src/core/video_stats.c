/* video_stats.c: video counters aggregated in the worker and upserted at most once a second
 * (video_stats.h says what that costs). */
#include <string.h>
#include <time.h>
#include "video_stats.h"

#define FLUSH_EVERY_MS 1000

struct vstat_key {
	long long video_id;
	char day[11];		/* YYYY-MM-DD, UTC */
	long long n[VSTAT__MAX];
};

/* Worker-lifetime state, on purpose: counts waiting for their write. */
static struct vstat_key pending[VSTAT_BATCH];
static size_t npending;
static long long last_flush_ms;

#define ROW "(?, ?, ?, ?, ?)"
#define ROWT "isiii"
#define UPSERT "INSERT INTO video_stats (video_id, day, views, clicks, adds) VALUES "
#define ON_DUP " ON DUPLICATE KEY UPDATE views = views + VALUES(views), clicks = clicks + VALUES(clicks)," \
	" adds = adds + VALUES(adds)"
/* 1 to 4 rows per statement keeps the bind count under the db layer's limit of 32. */
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

void vstat_count(struct db *db, long long video_id, enum vstat_kind kind, long long now)
{
	if (video_id <= 0 || kind < 0 || kind >= VSTAT__MAX)
		return;
	char day[11];
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	for (size_t i = 0; i < npending; i++) {
		if (pending[i].video_id == video_id && strcmp(pending[i].day, day) == 0) {
			pending[i].n[kind]++;
			vstat_flush(db, false);
			return;
		}
	}
	if (npending == VSTAT_BATCH)
		vstat_flush(db, true);
	if (npending < VSTAT_BATCH) {	/* still full only if the database is away: drop */
		struct vstat_key *k = &pending[npending++];
		memset(k, 0, sizeof *k);
		k->video_id = video_id;
		memcpy(k->day, day, sizeof day);
		k->n[kind] = 1;
	}
	vstat_flush(db, false);
}

static enum db_status flush_txn(struct db *db, void *ctx)
{
	(void)ctx;
	struct db_param p[4 * 5];
	for (size_t at = 0; at < npending;) {
		size_t rows = npending - at < 4 ? npending - at : 4;
		for (size_t i = 0; i < rows; i++) {
			const struct vstat_key *k = &pending[at + i];
			struct db_param *row = &p[i * 5];
			row[0] = DB_I(k->video_id);
			row[1] = DB_S(k->day);
			row[2] = DB_I(k->n[VSTAT_VIEW]);
			row[3] = DB_I(k->n[VSTAT_CLICK]);
			row[4] = DB_I(k->n[VSTAT_ADD]);
		}
		enum db_status rc = db_query(db, NULL, &q_upsert[rows - 1], p, NULL);
		if (rc != DB_OK)
			return rc;
		at += rows;
	}
	return DB_OK;
}

void vstat_flush(struct db *db, bool force)
{
	long long now = mono_ms();
	if (npending == 0 || (!force && now - last_flush_ms < FLUSH_EVERY_MS))
		return;
	last_flush_ms = now;
	/* Cleared only once written; a failed write is tried again a second later. */
	if (db_txn(db, flush_txn, NULL) == DB_OK)
		npending = 0;
}
