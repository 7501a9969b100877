/* video_poster.h: posters for uploaded videos that have none: a frame at 1 s (or the second the
 * owner chose, videos.poster_second) taken by ffmpeg in a
 * child that has left root, keeps only its output pipe and has its CPU time and memory capped;
 * the frame is recorded as a pending picture (image_asset.h) and becomes the video's poster, which
 * the image pass then processes like an upload (docs/IMAGES.md). */
#ifndef CC_VIDEO_POSTER_H
#define CC_VIDEO_POSTER_H
#include "db/db.h"

/* One pass: take on uploaded videos without a poster, then make the due ones. The number made,
 * or -1 on a database failure. */
long video_poster_pass(struct db *db, struct arena *a, const char *media_dir);

#endif
