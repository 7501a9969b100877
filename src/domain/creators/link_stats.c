/* link_stats.c: visits per short link and UTC day, tallied in the worker (db/tally.h), as
 * media_stats.c tallies videos and ads. */
#include <string.h>
#include <time.h>
#include "db/tally.h"
#include "domain/creators/link_stats.h"

struct link_stats_key {
	long long id;
	char day[11];		/* YYYY-MM-DD, UTC */
	long long visits;
};

/* Worker-lifetime state, on purpose: counts waiting for their write. */
static struct link_stats_key pending[LINK_STATS_BATCH];

#define HEAD "INSERT INTO short_link_stats (link_id, day, visits) VALUES "
#define ROW "(?, ?, ?)"
#define ROWT "isi"
#define ON_DUP " ON DUPLICATE KEY UPDATE visits = visits + VALUES(visits)"
static const struct db_stmt q_upsert[TALLY_ROWS_PER_STMT] = TALLY_UPSERTS(HEAD, ROW, ROWT, ON_DUP);

static void link_row(size_t i, struct db_param *row)
{
	row[0] = DB_I(pending[i].id);
	row[1] = DB_S(pending[i].day);
	row[2] = DB_I(pending[i].visits);
}

static struct tally tally = { .upsert = q_upsert, .ncols = 3, .row = link_row, .rows = pending, .row_size = sizeof pending[0] };

void link_stats_count(struct db *db, long long id, long long now)
{
	if (id <= 0)
		return;
	char day[11];
	tally_day(now, day);
	for (size_t i = 0; i < tally.n; i++) {
		if (pending[i].id == id && strcmp(pending[i].day, day) == 0) {
			pending[i].visits++;
			tally_flush(db, &tally, false);
			return;
		}
	}
	if (tally.n == LINK_STATS_BATCH)
		tally_flush(db, &tally, true);
	if (tally.n < LINK_STATS_BATCH) {	/* still full only if the database is away: drop */
		struct link_stats_key *k = &pending[tally.n++];
		k->id = id;
		memcpy(k->day, day, sizeof day);
		k->visits = 1;
	}
	tally_flush(db, &tally, false);
}

void link_stats_flush(struct db *db, bool force)
{
	tally_flush(db, &tally, force);
}
