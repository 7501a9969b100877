/* attr_visits.c: creator visit counts, one row per creator, UTC day, surface and UTM fields,
 * tallied in the worker (db/tally.h: written at most once a second, never during a page view). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "db/tally.h"
#include "domain/creators/attr.h"

#define UTM_MAX 100

struct visit_key {
	long long creator_id;
	char day[11];			/* YYYY-MM-DD, UTC */
	enum attr_surface surface;
	char utm[3][UTM_MAX + 1];	/* source, medium, campaign; "" when absent */
	long long count;
};

/* Worker-lifetime state, on purpose: counts waiting for their write (see attr.h). */
static struct visit_key pending[ATTR_VISIT_BATCH];

#define ROW "(?, ?, ?, ?, ?, ?, ?)"
#define ROWT "isssssi"
#define UPSERT "INSERT INTO creator_visits (creator_id, day, surface, utm_source, utm_medium, utm_campaign, count) VALUES "
#define ON_DUP " ON DUPLICATE KEY UPDATE count = count + VALUES(count)"
static const struct db_stmt q_upsert[TALLY_ROWS_PER_STMT] = TALLY_UPSERTS(UPSERT, ROW, ROWT, ON_DUP);

static void visit_row(size_t i, struct db_param *row)
{
	const struct visit_key *k = &pending[i];
	row[0] = DB_I(k->creator_id);
	row[1] = DB_S(k->day);
	row[2] = DB_S(attr_surface_name(k->surface));
	row[3] = DB_S(k->utm[0]);
	row[4] = DB_S(k->utm[1]);
	row[5] = DB_S(k->utm[2]);
	row[6] = DB_I(k->count);
}

static struct tally visits = { .upsert = q_upsert, .ncols = 7, .row = visit_row, .rows = pending, .row_size = sizeof pending[0] };

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
	tally_day(now, k.day);
	copy_utm(k.utm[0], utm->source);
	copy_utm(k.utm[1], utm->medium);
	copy_utm(k.utm[2], utm->campaign);
	for (size_t i = 0; i < visits.n; i++) {
		struct visit_key *p = &pending[i];
		if (p->creator_id == k.creator_id && p->surface == k.surface && strcmp(p->day, k.day) == 0 &&
		    strcmp(p->utm[0], k.utm[0]) == 0 && strcmp(p->utm[1], k.utm[1]) == 0 &&
		    strcmp(p->utm[2], k.utm[2]) == 0) {
			p->count++;
			return;
		}
	}
	if (visits.n == ATTR_VISIT_BATCH)
		tally_flush(db, &visits, true);
	if (visits.n < ATTR_VISIT_BATCH)	/* still full only if the database is away: drop */
		pending[visits.n++] = k;
}

void attr_flush_visits(struct db *db, bool force)
{
	tally_flush(db, &visits, force);
}
