/* ad_stats.c: ad counters aggregated in the worker and upserted at most once a second
 * (ad_stats.h says what that costs). */
#include <string.h>
#include <time.h>
#include "ad_stats.h"

#define FLUSH_EVERY_MS 1000

struct adstat_key {
	long long ad_id;
	char day[11];		/* YYYY-MM-DD, UTC */
	long long n[ADSTAT__MAX];
};

/* Worker-lifetime state, on purpose: counts waiting for their write. */
static struct adstat_key pending[ADSTAT_BATCH];
static size_t npending;
static long long last_flush_ms;

#define ROW "(?, ?, ?, ?, ?)"
#define ROWT "isiii"
#define UPSERT "INSERT INTO ad_stats (ad_id, day, views, clicks, adds) VALUES "
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

void adstat_count(struct db *db, long long ad_id, enum adstat_kind kind, long long now)
{
	if (ad_id <= 0 || kind < 0 || kind >= ADSTAT__MAX)
		return;
	char day[11];
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	for (size_t i = 0; i < npending; i++) {
		if (pending[i].ad_id == ad_id && strcmp(pending[i].day, day) == 0) {
			pending[i].n[kind]++;
			adstat_flush(db, false);
			return;
		}
	}
	if (npending == ADSTAT_BATCH)
		adstat_flush(db, true);
	if (npending < ADSTAT_BATCH) {	/* still full only if the database is away: drop */
		struct adstat_key *k = &pending[npending++];
		memset(k, 0, sizeof *k);
		k->ad_id = ad_id;
		memcpy(k->day, day, sizeof day);
		k->n[kind] = 1;
	}
	adstat_flush(db, false);
}

static enum db_status flush_txn(struct db *db, void *ctx)
{
	(void)ctx;
	struct db_param p[4 * 5];
	for (size_t at = 0; at < npending;) {
		size_t rows = npending - at < 4 ? npending - at : 4;
		for (size_t i = 0; i < rows; i++) {
			const struct adstat_key *k = &pending[at + i];
			struct db_param *row = &p[i * 5];
			row[0] = DB_I(k->ad_id);
			row[1] = DB_S(k->day);
			row[2] = DB_I(k->n[ADSTAT_VIEW]);
			row[3] = DB_I(k->n[ADSTAT_CLICK]);
			row[4] = DB_I(k->n[ADSTAT_ADD]);
		}
		enum db_status rc = db_query(db, NULL, &q_upsert[rows - 1], p, NULL);
		if (rc != DB_OK)
			return rc;
		at += rows;
	}
	return DB_OK;
}

void adstat_flush(struct db *db, bool force)
{
	long long now = mono_ms();
	if (npending == 0 || (!force && now - last_flush_ms < FLUSH_EVERY_MS))
		return;
	last_flush_ms = now;
	/* Cleared only once written; a failed write is tried again a second later. */
	if (db_txn(db, flush_txn, NULL) == DB_OK)
		npending = 0;
}
