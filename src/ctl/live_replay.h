/* live_replay.h: the recording of a live session streamed from an encoder becomes its replay
 * (docs/LIVE_STREAMING.md): ffmpeg remuxes the streaming server's FLV (live_record_dir) into an MP4
 * under media_dir/live/replay without re-encoding, in a child that has left root with its CPU time
 * and memory capped; the session's replay address then points at it unless its creator set one. */
#ifndef CC_LIVE_REPLAY_H
#define CC_LIVE_REPLAY_H
#include "db/db.h"

/* One pass over the recordings waiting: the number turned into replays, or -1 on a database failure. */
long live_replay_pass(struct db *db, struct arena *a);

#endif
