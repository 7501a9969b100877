/* live_stream.h: going live from an encoder (docs/LIVE_STREAMING.md): live_stream.c is the
 * creator's ingest box and stream key, live_stream_hook.c answers the streaming server. */
#ifndef CC_STUDIO_LIVE_STREAM_H
#define CC_STUDIO_LIVE_STREAM_H
#include "studio/live_studio.h"

/* Where encoders publish: rtmp_ingest_url, else the loopback server on rtmp_port. */
const char *live_stream_ingest_url(struct req *r);
/* The control panel's ingest box, as include STREAM_BOX of d. */
enum db_status live_stream_box(struct req *r, tmpl_dict *d, const struct live_own *o) DB_MUST_CHECK;

int page_studio_live_stream_key(struct req *r);
int page_studio_live_stream_revoke(struct req *r);
int page_live_stream_publish(struct req *r);
int page_live_stream_update(struct req *r);
int page_live_stream_done(struct req *r);
int page_live_stream_recorded(struct req *r);

#endif
