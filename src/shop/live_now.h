/* live_now.h: what is true in a live session right now, as opposed to its event log: the pinned
 * products (at most LIVE_PINS_MAX, with a running flash deal and the sold-out mark), the latest
 * poll with its results, the reactions of the last complete seconds, the viewer count and the
 * pinned chat message. The page renders it; every events poll carries it as "now", refreshed
 * with the worker's tail (live_tail.h), so a change shows within a poll and costs no event. */
#ifndef CC_LIVE_NOW_H
#define CC_LIVE_NOW_H
#include <jansson.h>
#include "shop/live_view.h"

#define LIVE_PRESENCE_S 45	/* a viewer counts this long after their last heartbeat */
#define LIVE_REACTION_WINDOW_S 10	/* settled seconds of reaction counts in each "now" */

/* Columns of live_now_pins after the product's (LIVE_PRODUCT_COLS, then gifted): */
enum {
	NOW_GIFTED = LIVE_PRODUCT_NCOLS, NOW_PIN, NOW_DEAL, NOW_DEAL_PRICE, NOW_DEAL_CURRENCY, NOW_DEAL_ENDS_MS,
	NOW_DEAL_STOCK, NOW_DEAL_PER_BUYER, NOW_DEAL_TAKEN,
};

/* The current pins of session s, first shown first (read as live_page_list reads). */
enum db_status live_now_pins(struct req *r, const struct live_session *s, struct db_res *out);
/* The latest poll: id, question, options 1-4, closed, votes for 1-4. No row: none yet. */
enum db_status live_now_poll(struct req *r, const struct live_session *s, struct db_res *out);
/* The whole "now" object of session `id` (docs/LIVE.md lists its fields). */
enum db_status live_now_json(struct req *r, long long id, long long creator_id, const char *via, json_t **out);
/* A pinned product as JSON (the same fields as a "pin" event's product) plus its pin and deal. */
json_t *live_now_pin_json(struct req *r, const struct db_res *res, size_t i, const char *via);

#endif
