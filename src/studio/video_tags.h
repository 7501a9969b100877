/* video_tags.h: the tag rows of the studio's video forms (publish and edit): a product, its time
 * range and an optional hotspot (x, y in percent, a label), read and checked from the form, written
 * for a video, and filled back into the form. Internal to src/studio. */
#ifndef CC_STUDIO_VIDEO_TAGS_H
#define CC_STUDIO_VIDEO_TAGS_H
#include <stddef.h>
#include "studio/studio.h"
#include "domain/video/video_rules.h"

struct video_tag {
	long long product, start, end;
	long long x, y;		/* percent of the frame; -1: no hotspot */
	const char *label;	/* the hotspot's label, "" for the product's title */
};

struct video_tag_set {
	struct video_tag tags[VIDEO_MAX_TAGS];
	size_t n;
	enum db_status rc;	/* of the ownership checks' queries */
};

/* Reads rows tag1_..tag5_ (product, start, end, x, y, label) and checks each against what the
 * owner may tag. NULL when fine; "" after a database error (s->rc says which); else the problem. */
const char *video_tags_read(struct req *r, const struct studio_owner *o, struct video_tag_set *s);
/* Inserts the set's tags for video `video_id`, in order (inside the caller's transaction). */
enum db_status video_tags_insert(struct db *db, long long video_id, const struct video_tag_set *s);
/* The products the owner may tag (id, title): their approved picks or the brand's products. */
enum db_status video_tags_products(struct req *r, const struct studio_owner *o, struct db_res *out);
/* Includes the VIDEO_MAX_TAGS tag rows (video_tag_rows.tpl) as TAG_ROWS in d, with the product choices: as typed when `typed`, else from
 * `saved` (product, start, end, x, y, label per row; NULL: blank rows). */
void video_tags_fill(struct req *r, tmpl_dict *d, const struct db_res *products, bool typed,
		     const struct db_res *saved);

#endif
