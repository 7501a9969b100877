/* tally.c: see tally.h. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "db/tally.h"

#define FLUSH_EVERY_MS 1000
#define MAX_COLS 8

static long long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static enum db_status write_txn(struct db *db, void *ctx)
{
	const struct tally *t = ctx;
	struct db_param p[TALLY_ROWS_PER_STMT * MAX_COLS];
	for (size_t at = 0; at < t->n;) {
		size_t rows = t->n - at < TALLY_ROWS_PER_STMT ? t->n - at : TALLY_ROWS_PER_STMT;
		for (size_t i = 0; i < rows; i++)
			t->row(at + i, &p[i * t->ncols]);
		enum db_status rc = db_query(db, NULL, &t->upsert[rows - 1], p, NULL);
		if (rc != DB_OK)
			return rc;
		at += rows;
	}
	return DB_OK;
}

/* Every counted view asks for its day, and gmtime_r and strftime cost about two thousand
 * instructions: the last day written is kept with the seconds it covers, a pure function of them. */
void tally_day(long long now, char out[11])
{
	static long long from = 1, to = 0;	/* [from, to): the seconds of the day in `last` */
	static char last[11];
	if (now < from || now >= to) {
		time_t t = (time_t)now;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(last, sizeof last, "%Y-%m-%d", &tm);
		from = now - (tm.tm_hour * 3600LL + tm.tm_min * 60LL + tm.tm_sec);
		to = from + 86400;
	}
	memcpy(out, last, sizeof last);
}

void tally_flush(struct db *db, struct tally *t, bool force)
{
	long long now = mono_ms();
	if (t->ncols > MAX_COLS)
		abort();	/* a tally declared wider than write_txn's parameter array */
	if (t->n == 0 || (!force && now - t->last_ms < FLUSH_EVERY_MS))
		return;
	t->last_ms = now;
	if (db_txn(db, write_txn, t) == DB_OK)
		t->n = 0;
}
