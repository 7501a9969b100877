/* media_stats.c: video and ad counters, one row per video or ad and UTC day, tallied in the
 * worker per table (db/tally.h). */
#include <string.h>
#include <time.h>
#include "db/tally.h"
#include "domain/video/media_stats.h"

struct media_stats_key {
	long long id;
	char day[11];		/* YYYY-MM-DD, UTC */
	long long n[MEDIA_STATS__KINDS];
};

/* Worker-lifetime state, on purpose: counts waiting for their write, per table. */
static struct media_stats_key pending[MEDIA_STATS__TABLES][MEDIA_STATS_BATCH];

#define ROW "(?, ?, ?, ?, ?)"
#define ROWT "isiii"
#define ON_DUP " ON DUPLICATE KEY UPDATE views = views + VALUES(views), clicks = clicks + VALUES(clicks)," \
	" adds = adds + VALUES(adds)"
#define UPSERTS(head) TALLY_UPSERTS(head, ROW, ROWT, ON_DUP)
static const struct db_stmt q_upsert[MEDIA_STATS__TABLES][TALLY_ROWS_PER_STMT] = {
	[MEDIA_STATS_VIDEO] = UPSERTS("INSERT INTO video_stats (video_id, day, views, clicks, adds) VALUES "),
	[MEDIA_STATS_AD] = UPSERTS("INSERT INTO ad_stats (ad_id, day, views, clicks, adds) VALUES "),
};

static void put_row(const struct media_stats_key *k, struct db_param *row)
{
	row[0] = DB_I(k->id);
	row[1] = DB_S(k->day);
	row[2] = DB_I(k->n[MEDIA_STATS_VIEW]);
	row[3] = DB_I(k->n[MEDIA_STATS_CLICK]);
	row[4] = DB_I(k->n[MEDIA_STATS_ADD]);
}
static void video_row(size_t i, struct db_param *row) { put_row(&pending[MEDIA_STATS_VIDEO][i], row); }
static void ad_row(size_t i, struct db_param *row) { put_row(&pending[MEDIA_STATS_AD][i], row); }

static struct tally tallies[MEDIA_STATS__TABLES] = {
	[MEDIA_STATS_VIDEO] = { .upsert = q_upsert[MEDIA_STATS_VIDEO], .ncols = 5, .row = video_row,
		.rows = pending[MEDIA_STATS_VIDEO], .row_size = sizeof pending[0][0] },
	[MEDIA_STATS_AD] = { .upsert = q_upsert[MEDIA_STATS_AD], .ncols = 5, .row = ad_row,
		.rows = pending[MEDIA_STATS_AD], .row_size = sizeof pending[0][0] },
};

void media_stats_count(struct db *db, enum media_stats_table table, long long id, enum media_stats_kind kind, long long now)
{
	if (id <= 0 || table < 0 || table >= MEDIA_STATS__TABLES || kind < 0 || kind >= MEDIA_STATS__KINDS)
		return;
	char day[11];
	tally_day(now, day);
	struct tally *ty = &tallies[table];
	struct media_stats_key *keys = pending[table];
	for (size_t i = 0; i < ty->n; i++) {
		if (keys[i].id == id && strcmp(keys[i].day, day) == 0) {
			keys[i].n[kind]++;
			tally_flush(db, ty, false);
			return;
		}
	}
	if (ty->n == MEDIA_STATS_BATCH)
		tally_flush(db, ty, true);
	if (ty->n < MEDIA_STATS_BATCH) {	/* still full only if the database is away: drop */
		struct media_stats_key *k = &keys[ty->n++];
		memset(k, 0, sizeof *k);
		k->id = id;
		memcpy(k->day, day, sizeof day);
		k->n[kind] = 1;
	}
	tally_flush(db, ty, false);
}

void media_stats_flush(struct db *db, bool force)
{
	for (enum media_stats_table t = 0; t < MEDIA_STATS__TABLES; t++)
		tally_flush(db, &tallies[t], force);
}
