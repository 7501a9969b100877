/* media_stats.c: video and ad counters aggregated in the worker and upserted at most once a
 * second (media_stats.h says what that costs). */
#include <string.h>
#include <time.h>
#include "domain/video/media_stats.h"

#define FLUSH_EVERY_MS 1000

struct mstat_key {
	enum mstat_table table;
	long long id;
	char day[11];		/* YYYY-MM-DD, UTC */
	long long n[MSTAT__KINDS];
};

/* Worker-lifetime state, on purpose: counts waiting for their write. */
static struct mstat_key pending[MSTAT_BATCH];
static size_t npending;
static long long last_flush_ms;

#define ROW "(?, ?, ?, ?, ?)"
#define ROWT "isiii"
#define ON_DUP " ON DUPLICATE KEY UPDATE views = views + VALUES(views), clicks = clicks + VALUES(clicks)," \
	" adds = adds + VALUES(adds)"
/* 1 to 4 rows per statement keeps the bind count well under the db layer's limit. */
#define UPSERTS(head) { \
	{ head ROW ON_DUP, ROWT, "" }, \
	{ head ROW ", " ROW ON_DUP, ROWT ROWT, "" }, \
	{ head ROW ", " ROW ", " ROW ON_DUP, ROWT ROWT ROWT, "" }, \
	{ head ROW ", " ROW ", " ROW ", " ROW ON_DUP, ROWT ROWT ROWT ROWT, "" }, \
}
static const struct db_stmt q_upsert[MSTAT__TABLES][4] = {
	[MSTAT_VIDEO] = UPSERTS("INSERT INTO video_stats (video_id, day, views, clicks, adds) VALUES "),
	[MSTAT_AD] = UPSERTS("INSERT INTO ad_stats (ad_id, day, views, clicks, adds) VALUES "),
};

static long long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void mstat_count(struct db *db, enum mstat_table table, long long id, enum mstat_kind kind, long long now)
{
	if (id <= 0 || table < 0 || table >= MSTAT__TABLES || kind < 0 || kind >= MSTAT__KINDS)
		return;
	char day[11];
	time_t t = (time_t)now;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	for (size_t i = 0; i < npending; i++) {
		struct mstat_key *k = &pending[i];
		if (k->table == table && k->id == id && strcmp(k->day, day) == 0) {
			k->n[kind]++;
			mstat_flush(db, false);
			return;
		}
	}
	if (npending == MSTAT_BATCH)
		mstat_flush(db, true);
	if (npending < MSTAT_BATCH) {	/* still full only if the database is away: drop */
		struct mstat_key *k = &pending[npending++];
		memset(k, 0, sizeof *k);
		k->table = table;
		k->id = id;
		memcpy(k->day, day, sizeof day);
		k->n[kind] = 1;
	}
	mstat_flush(db, false);
}

/* Writes one table's pending keys, up to four per statement. */
static enum db_status flush_table(struct db *db, enum mstat_table table)
{
	const struct mstat_key *rows[4];
	struct db_param p[4 * 5];
	size_t n = 0;
	for (size_t i = 0; i <= npending; i++) {
		if (i < npending && pending[i].table == table)
			rows[n++] = &pending[i];
		if (n == 4 || (i == npending && n > 0)) {
			for (size_t j = 0; j < n; j++) {
				struct db_param *row = &p[j * 5];
				row[0] = DB_I(rows[j]->id);
				row[1] = DB_S(rows[j]->day);
				row[2] = DB_I(rows[j]->n[MSTAT_VIEW]);
				row[3] = DB_I(rows[j]->n[MSTAT_CLICK]);
				row[4] = DB_I(rows[j]->n[MSTAT_ADD]);
			}
			enum db_status rc = db_query(db, NULL, &q_upsert[table][n - 1], p, NULL);
			if (rc != DB_OK)
				return rc;
			n = 0;
		}
	}
	return DB_OK;
}

static enum db_status flush_txn(struct db *db, void *ctx)
{
	(void)ctx;
	for (enum mstat_table t = 0; t < MSTAT__TABLES; t++) {
		enum db_status rc = flush_table(db, t);
		if (rc != DB_OK)
			return rc;
	}
	return DB_OK;
}

void mstat_flush(struct db *db, bool force)
{
	long long now = mono_ms();
	if (npending == 0 || (!force && now - last_flush_ms < FLUSH_EVERY_MS))
		return;
	last_flush_ms = now;
	/* Cleared only once written; a failed write is tried again a second later. */
	if (db_txn(db, flush_txn, NULL) == DB_OK)
		npending = 0;
}
