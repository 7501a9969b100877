/* samples.h: product samples in the studio: creators ask for one and follow it
 * (samples_creator.c), brands approve, decline, ship and deliver (samples_brand.c), each move in
 * one transaction that also mails the other side (samples_move.c). */
#ifndef CC_STUDIO_SAMPLES_H
#define CC_STUDIO_SAMPLES_H
#include "web/http.h"
#include "domain/creators/sample.h"

/* Products p of brands b that are open to creators: the creator marketplace's own condition
 * (creator_marketplace.c), since a sample is asked for from there. */
#define SAMPLES_OPEN_TO_CREATORS \
	" p.status = 'active' AND (p.marketplace = 'open' OR (p.marketplace = 'inherit' AND b.marketplace_open = 1))"

#define SAMPLES_NOTE_MAX 500
#define SAMPLES_REASON_MAX 500

int page_creator_samples(struct req *r);
int page_creator_sample_new(struct req *r);
int page_creator_sample_create(struct req *r);
int page_creator_sample_move(struct req *r);
int page_brand_samples(struct req *r);
int page_brand_sample_move(struct req *r);
int page_brand_sample_limits(struct req *r);

/* One move of one request, by the creator who made it or the brand it was made to. */
struct samples_move {
	long long id;			/* the request */
	enum sample_actor who;
	long long owner_id;		/* the acting creator's or brand's id */
	enum sample_action action;
	const char *reason;		/* decline: why, for the creator */
	const char *carrier;		/* ship: a sample_carrier code */
	const char *tracking;		/* ship: normalised (sample_tracking_normalise) */
	struct arena *a;		/* set by samples_move_run: the request's */
	/* set when the move is refused: 404 (not this owner's request) or 409 (not from its status) */
	int http;
	enum sample_status from;
};

/* Runs the move in one transaction: locks the owner's request, checks sample_next against its
 * status, writes the new status with what goes with it, and queues a mail to the other side.
 * DB_CONFLICT with m->http set when refused. */
enum db_status samples_move_run(struct req *r, struct samples_move *m);
/* "Approve", "Decline"... as the verb a refusal names. */
const char *samples_action_verb(enum sample_action a);

/* The carrier's name and, when it has a tracking page, TRACK_URL, into d (CARRIER, TRACKING). */
void samples_tracking_fill(struct req *r, tmpl_dict *d, const char *carrier, const char *tracking);

#endif
