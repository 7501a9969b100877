/* attr.h: which creator a sale is credited to. Creator surfaces "touch" the visitor (a
 * signed cookie with no personal data, plus a row against the session), orders ask for the
 * creator per brand. The rules are pure functions (attr_*) so they can be tested as a table; the request side
 * (touching a visitor, the creator of a sale) is views/attribution.h.
 *
 * The rule: the last creator click wins, within the brand's window (brands.attribution_window_days,
 * default 30); a direct visit, without a creator link, changes nothing. The record is held
 * server-side against the session (attribution_sessions, keyed by sessions.token_hash) and in the
 * cc_attr cookie; the server-side record is preferred and the cookie is the fallback, which also
 * carries the attribution across log-in (the session token rotates, the cookie stays).
 *
 * Visits are counted per creator, UTC day, surface and UTM source/medium/campaign in the worker
 * and written with one multi-row upsert at most once a second (or every ATTR_VISIT_BATCH
 * distinct keys), never as a synchronous write per page view. The trade-off: a worker that
 * crashes loses at most about a second of visit counts, and an idle worker holds its last counts
 * until its next creator-surface request (a SIGTERM while idle drops them); no other node needs
 * them, and sales never depend on them. docs/CREATORS.md has the details. */
#ifndef CC_ATTR_H
#define CC_ATTR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "db/db.h"

#define ATTR_COOKIE "cc_attr"
/* The cookie outlives the longest window a brand may choose. */
#define ATTR_MAX_WINDOW_DAYS 90
#define ATTR_DEFAULT_WINDOW_DAYS 30
/* A mark from a clock this far ahead of ours (another web node) is still believed. */
#define ATTR_CLOCK_SKEW_S 300
#define ATTR_COOKIE_MAX 96
#define ATTR_SAME_VISIT_S 1800
#define ATTR_VISIT_BATCH 63	/* distinct visit keys held before a flush is forced */

enum attr_surface {
	ATTR_NONE = 0,
	ATTR_STOREFRONT,
	ATTR_COLLECTION,
	ATTR_PRODUCT,
	ATTR_VIDEO,
	ATTR_LIVE,
	ATTR_LINK,
	ATTR_AD,	/* a collection ad */
	ATTR__MAX
};

struct attribution {
	long long creator_id;	/* 0: no creator */
	const char *surface;	/* "storefront", "collection", "product", "video", "live", "link", "ad"; "" when none */
	long long at;		/* when that creator's click happened (unix seconds, UTC); 0 when none */
};

/* One creator click: who, through which surface, when (unix seconds, UTC). creator_id 0: none. */
struct attr_mark {
	long long creator_id;
	enum attr_surface surface;
	long long at;
};

/* ---- pure rules ---------------------------------------------------------------------------- */

const char *attr_surface_name(enum attr_surface s);	/* "" for ATTR_NONE or out of range */
enum attr_surface attr_surface_parse(const char *name);	/* ATTR_NONE if unknown */

/* The state after a visit: a creator click (creator_id > 0, a real surface) replaces the mark,
 * whoever held it (last click wins); a direct visit (creator_id 0) keeps the mark as it was.
 * Browsing on through the same creator's pages within ATTR_SAME_VISIT_S keeps the surface the
 * shopper came in through (a short link that leads to a storefront stays "link"), with the new
 * time. */
struct attr_mark attr_after_visit(struct attr_mark cur, long long creator_id, enum attr_surface s, long long now);

/* True if the mark names a creator and is at most window_days old at `now` (and not from the
 * future beyond ATTR_CLOCK_SKEW_S). window_days is capped at ATTR_MAX_WINDOW_DAYS. */
bool attr_in_window(const struct attr_mark *m, long long now, unsigned window_days);

/* The mark that applies to a brand with window_days: the server-side one if it is in the window,
 * else the cookie's if that is; else a mark with creator_id 0. Either pointer may be NULL. */
struct attr_mark attr_resolve(const struct attr_mark *server, const struct attr_mark *cookie,
			      long long now, unsigned window_days);

/* Cookie text "1.<creator>.<surface>.<unix>.<mac>", mac = base64url of BLAKE2b-256 keyed with the
 * server secret over the rest. out must hold ATTR_COOKIE_MAX bytes; false if m is not a mark. */
bool attr_cookie_encode(const uint8_t secret[32], const struct attr_mark *m, char out[ATTR_COOKIE_MAX]);
/* False for anything not made by attr_cookie_encode with this secret. */
bool attr_cookie_decode(const uint8_t secret[32], const char *text, struct attr_mark *out);

/* ---- visit counts ------------------------------------------------------------------------------ */

/* The utm_source, utm_medium and utm_campaign of a visit; NULL or "" when absent. */
struct attr_utm {
	const char *source, *medium, *campaign;
};

/* Counts one visit in this worker; `now` picks the UTC day. */
void attr_visit_count(struct db *db, long long creator_id, enum attr_surface s, long long now,
		      const struct attr_utm *utm);

/* Writes the worker's pending visit counts if a second has passed since the last write (or
 * `force`). Called after each creator-surface visit; a worker's "after request" hook may call it too. */
void attr_flush_visits(struct db *db, bool force);

#endif
