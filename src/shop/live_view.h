/* live_view.h: what the shop's live-shopping files (live_*.c) share: the session row,
 * the viewer's identity, and the product columns of lineup cards and pins. */
#ifndef CC_LIVE_VIEW_H
#define CC_LIVE_VIEW_H
#include <stdint.h>
#include "domain/live/live_rules.h"
#include "shop/shop.h"

/* Product columns of a lineup card or a pin, given products p (with CARD_JOINS): id, title,
 * brand name, price, currency, stock, image reference (IMAGE_REF_SQL), image alt, brand slug, handle, and the variant
 * the buy button adds (the first in stock, else the first; 0 if none). */
#define LIVE_PRODUCT_COLS \
	"p.id, p.title, b.name, p.price_min, p.currency, p.stock_total, " IMAGE_REF_SQL("i.url", "i.url_hash") ", COALESCE(i.alt, '')," \
	" b.slug, p.handle, COALESCE((SELECT va.id FROM variants va WHERE va.product_id = p.id" \
	" ORDER BY va.stock > 0 OR va.inventory_policy <> 'deny' DESC, va.position, va.id LIMIT 1), 0)"
#define LIVE_PRODUCT_TYPES "issisissssi"
#define LIVE_PRODUCT_NCOLS 11

struct live_session {
	long long id, creator_id, last_seq;
	long long starts_ms, started_ms;	/* unix milliseconds; started 0 until live */
	enum live_state state;
	const char *title, *starts_at, *stream_url, *replay_url, *blocked_words, *handle, *creator_name;
	/* Set by live_session_load_public: the row came from the worker's read cache (dbcache.h),
	 * complete at read_done_ns, and the page's lists may too, if no older than that. */
	bool cached;
	long long read_done_ns;
};

/* Loads session `id` (path parameter "id"); false with *st what to answer: REQ_DONE with a 404
 * made, or a database failure. */
bool live_session_load(struct req *r, struct live_session *s, int *st);
/* The same for a page every cookieless visitor sees alike: read through the worker's cache. */
bool live_session_load_public(struct req *r, struct live_session *s, int *st);
/* One of the page's lists, read as the session row was: through the cache, no older than the
 * row (so that the events after its last_seq are all the page lacks), or afresh. */
enum db_status live_page_list(struct req *r, const struct live_session *s, const struct db_stmt *st,
			      const struct db_param *params, struct db_res *out) DB_MUST_CHECK;
/* The viewer: BLAKE2b-256 of the user id when signed in (the same across devices and log-ins),
 * else the session token hash. The request must have a session. */
void live_viewer_key(const struct req *r, uint8_t key[32]);
/* Whether the viewer is blocked from session `id`. */
enum db_status live_viewer_blocked(struct req *r, long long id, const uint8_t key[32], bool *blocked);
/* A product as JSON fields or template values: a card's link carries the creator's handle. */
const char *live_product_url(struct req *r, const struct db_res *res, size_t row, size_t col, const char *via);
/* A pin's picture for live.js, which draws one <img>: the card-sized JPEG rendition, a local
 * path, the placeholder while the picture is being made, or NULL when the product has none. */
const char *live_product_image(struct req *r, const struct db_res *res, size_t row, size_t col);

int page_live(struct req *r);
/* The live page as page_live shows it, answered with status and, when error is not NULL, that
 * message where the forms are: a refused form posted without JavaScript comes back to the page. */
int live_page_render(struct req *r, const struct live_session *s, int status, const char *error);
int page_live_events(struct req *r);
int page_live_ask(struct req *r);
int page_live_vote(struct req *r);
int page_live_remind(struct req *r);
int page_live_cart_add(struct req *r);
int page_live_chat(struct req *r);
int page_live_poll_vote(struct req *r);
int page_live_react(struct req *r);
int page_live_here(struct req *r);
int page_live_deal_claim(struct req *r);
int page_live_confirm_form(struct req *r);
int page_live_confirm(struct req *r);
int page_live_stop_form(struct req *r);
int page_live_stop(struct req *r);

#endif
