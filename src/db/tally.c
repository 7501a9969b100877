/* tally.c: see tally.h. */
#include <stdio.h>
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

struct one_row {
	const struct tally *t;
	size_t i;
};

static enum db_status write_one(struct db *db, void *ctx)
{
	const struct one_row *o = ctx;
	struct db_param p[MAX_COLS];
	o->t->row(o->i, p);
	return db_query(db, NULL, &o->t->upsert[0], p, NULL);
}

/* A batch refused outright holds a row the database will never take: a count for a link, video
 * or session deleted after it was counted (their foreign keys). Kept, it would fail every later
 * batch of this worker. So each row is written on its own; the refused ones are dropped, and
 * those that met the database away or a conflict wait for the next flush. */
static void write_singly(struct db *db, struct tally *t)
{
	char *rows = t->rows;
	size_t kept = 0, dropped = 0;
	for (size_t i = 0; i < t->n; i++) {
		enum db_status rc = db_txn(db, write_one, &(struct one_row){ t, i });
		if (db_transient(rc)) {
			if (kept != i)
				memmove(rows + kept * t->row_size, rows + i * t->row_size, t->row_size);
			kept++;
		} else if (rc != DB_OK) {
			dropped++;
		}
	}
	if (dropped)
		fprintf(stderr, "tally: dropped %zu count row(s) the database refused\n", dropped);
	t->n = kept;
}

void tally_flush(struct db *db, struct tally *t, bool force)
{
	long long now = mono_ms();
	if (t->ncols > MAX_COLS)
		abort();	/* a tally declared wider than write_txn's parameter array */
	if (t->n == 0 || (!force && now - t->last_ms < FLUSH_EVERY_MS))
		return;
	t->last_ms = now;
	enum db_status rc = db_txn(db, write_txn, t);
	if (rc == DB_OK)
		t->n = 0;
	else if (!db_transient(rc))
		write_singly(db, t);
}
