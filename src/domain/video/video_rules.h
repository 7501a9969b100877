/* video_rules.h: the pure checks behind publishing a shoppable video: which media URLs are
 * accepted, how tag times are read, and the feed's ranking score. No I/O, so they are unit-tested. */
#ifndef CC_VIDEO_RULES_H
#define CC_VIDEO_RULES_H
#include <stdbool.h>

#define VIDEO_URL_MAX 500
#define VIDEO_CAPTION_MAX 300
#define VIDEO_MAX_TAGS 5		/* tag rows on the publish form */
#define VIDEO_MAX_SECONDS 86400		/* a tag may not start or end later than a day in */

/* An https:// URL with a host, or a local path under /media/; printable ASCII without spaces,
 * quotes, angle brackets or backslashes, and no ".." segment. */
bool video_url_ok(const char *s);

#define VIDEO_UPLOAD_MAX (16 << 20)	/* bytes of an uploaded video file */

/* True if the bytes start like an ISO-BMFF (MP4) file: a first box of type "ftyp" with a sane size
 * and a printable major brand. The browser and the server's Content-Type trust nothing else. */
bool video_mp4_ok(const unsigned char *p, unsigned long long n);

/* Seconds from "75", "1:15" or "01:15"; -1 if malformed or above VIDEO_MAX_SECONDS. */
long video_seconds(const char *s);

#define VIDEO_SPOT_LABEL_MAX 60		/* characters of a hotspot's label */

/* A tag's hotspot, as typed: x and y are whole percent of the frame's width and height (0 to 100,
 * from the top left), both given or neither (has_x, has_y say whether each was typed; a typed
 * value that is not a whole number in range comes as has = true, value -1). A label without a
 * position is refused: it would show nowhere. NULL when fine, else what is wrong. */
const char *video_spot_check(bool has_x, long long x, bool has_y, long long y, const char *label);

/* The feed score (docs/VIDEO.md): (100 * orders bought from the video in the last 14 days + views
 * in the last 14 days + 1) * 24000 / (age in hours + 24): a sale weighs a hundred views, and the score
 * halves after a day and keeps falling with age, so a new video with nothing yet still shows. */
long long video_score(long long sales_14d, long long views_14d, long long age_hours);

#endif
