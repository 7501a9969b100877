/* image_child.h: the image pipeline runs in a forked child that has left root, keeps only the pipe
 * it answers on, has its memory and CPU time capped and runs under the image filter (no network,
 * no open, no exec); this process decodes the answer as untrusted (docs/SANDBOX.md). */
#ifndef CC_IMAGE_CHILD_H
#define CC_IMAGE_CHILD_H
#include "ctl/image_pipeline.h"

enum image_child_status {
	IMAGE_CHILD_FAILED = -1,	/* the child crashed, was killed, or answered nonsense: out->error */
	IMAGE_CHILD_REFUSED = 0,	/* the picture was refused: out->error is the reason */
	IMAGE_CHILD_DONE = 1,		/* out holds every rendition, checked against the ladder */
};

/* Runs image_pipeline_run(src, len) in the confined child. The renditions in out are this
 * process's memory (free with image_result_free). */
enum image_child_status image_child_run(const uint8_t *src, size_t len, struct image_result *out);

#endif
