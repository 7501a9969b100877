/* image_pipeline.h: one untrusted picture in, its renditions out, with libvips: decoded under
 * limits, turned upright by its EXIF orientation, stripped of every metadata block (location
 * above all), resized down the ladder (image_sniff.h) and encoded as WebP and JPEG (and AVIF up
 * to IMAGE_AVIF_MAX_W), plus the
 * 1200x630 picture for shared links. Runs in crowdcartctl only (never in a page-serving program),
 * in a confined child (image_child.h). */
#ifndef CC_IMAGE_PIPELINE_H
#define CC_IMAGE_PIPELINE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lib/image_sniff.h"

enum image_kind { IMAGE_OUT_WEBP, IMAGE_OUT_JPEG, IMAGE_OUT_SHARE_JPEG, IMAGE_OUT_AVIF };

struct image_rendition {
	enum image_kind kind;
	unsigned width, height;
	uint8_t *data;	/* malloc'd (g_malloc'd by libvips: freed by image_result_free) */
	size_t len;
};

#define IMAGE_RENDITIONS_MAX (3 * IMAGE_LADDER_N + 1)

struct image_result {
	unsigned width, height;	/* upright, before any resize */
	size_t n;
	struct image_rendition r[IMAGE_RENDITIONS_MAX];
	char error[160];	/* why the picture was refused, when image_pipeline_run returns false */
};

/* Starts libvips once per process: one thread of work, no operation cache, untrusted loaders
 * (SVG, PDF, ImageMagick...) blocked. False when it cannot start. */
bool image_pipeline_init(void);
/* Decodes src and makes every rendition. False with out->error a sentence for the uploader (the
 * format, a limit, a truncated or broken file) when the picture is refused. */
bool image_pipeline_run(const uint8_t *src, size_t len, struct image_result *out);
void image_result_free(struct image_result *res);
/* The file name of a rendition of asset key: "<key>-<width>.webp", "<key>-<width>.jpg",
 * "<key>-<width>.avif", "<key>-og.jpg". buf holds at least 64 bytes. */
const char *image_rendition_name(char *buf, size_t size, const char *key, enum image_kind kind, unsigned width);

#endif
