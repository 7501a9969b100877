/* live_reactions.c: the worker's pending reaction counts and their upserts. The shard is the
 * worker's process id modulo 8, so workers (and nodes) adding to one second rarely meet on a row. */
#include <string.h>
#include <unistd.h>
#include "db/tally.h"
#include "domain/live/live_reactions.h"

#define PENDING_MAX 64

static const struct db_stmt q_upsert[TALLY_ROWS_PER_STMT] = TALLY_UPSERTS(
	"INSERT INTO live_reactions (session_id, at_s, emoji, shard, n) VALUES ",
	"(?, FROM_UNIXTIME(?), ?, ?, ?)", "iisii", " ON DUPLICATE KEY UPDATE n = n + VALUES(n)");

static struct pending {
	long long session_id, at_s, n;
	char emoji[8];
} pending[PENDING_MAX];

static void row(size_t i, struct db_param *p)
{
	p[0] = DB_I(pending[i].session_id);
	p[1] = DB_I(pending[i].at_s);
	p[2] = DB_S(pending[i].emoji);
	p[3] = DB_I(getpid() % 8);
	p[4] = DB_I(pending[i].n);
}

static struct tally tally = { .upsert = q_upsert, .ncols = 5, .row = row, .rows = pending, .row_size = sizeof pending[0] };

void live_reactions_count(struct db *db, long long session_id, long long at_s, const char *emoji)
{
	for (size_t i = 0; i < tally.n; i++)
		if (pending[i].session_id == session_id && pending[i].at_s == at_s && strcmp(pending[i].emoji, emoji) == 0) {
			pending[i].n++;
			tally_flush(db, &tally, false);
			return;
		}
	if (tally.n == PENDING_MAX)
		tally_flush(db, &tally, true);
	if (tally.n == PENDING_MAX)
		return;	/* the database is away: a tap is not worth holding a request for */
	struct pending *p = &pending[tally.n++];
	p->session_id = session_id;
	p->at_s = at_s;
	p->n = 1;
	strncpy(p->emoji, emoji, sizeof p->emoji - 1);
	p->emoji[sizeof p->emoji - 1] = '\0';
	tally_flush(db, &tally, false);
}

void live_reactions_flush(struct db *db, bool force)
{
	tally_flush(db, &tally, force);
}
