/* image_sniff.h: what a picture's first bytes say it is and how large it claims to be, the limits
 * every picture is held to, the ladder of widths it is resized to and the names of its files.
 * Pure: no I/O, no decoder; the studio refuses early with these, the pipeline checks again. */
#ifndef CC_IMAGE_SNIFF_H
#define CC_IMAGE_SNIFF_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of an upload or a fetched picture. */
#define IMAGE_MAX_BYTES (12u << 20)
/* Pixels on a side, and in all: 40 megapixels decoded is 160 MB of RGBA, the most a worker spends
 * on one picture; a larger claim is a decompression bomb or a picture no card needs. */
#define IMAGE_MAX_SIDE 12000u
#define IMAGE_MAX_PIXELS 40000000ull
/* The widths every picture is resized to, smallest first (never enlarged past its own width). */
#define IMAGE_LADDER_N 5
extern const unsigned image_ladder[IMAGE_LADDER_N];
/* The widest step also encoded as AVIF: every card and thumbnail (a grid of cards is most of the
 * bytes a page carries) gets it, while the wider steps of a product's main picture and of covers,
 * where an AV1 encode costs the worker most (about 0.6 s at 1080 px and 1 s at 1600 px, against
 * about 1 s for all the steps below), stay WebP (docs/IMAGES.md). */
#define IMAGE_AVIF_MAX_W 640u
/* The open-graph picture social networks show for a shared link. */
#define IMAGE_SHARE_W 1200u
#define IMAGE_SHARE_H 630u
/* An asset's key: the first 32 hex digits of the SHA-256 of its bytes. */
#define IMAGE_KEY_LEN 32

enum image_format { IMAGE_UNKNOWN, IMAGE_JPEG, IMAGE_PNG, IMAGE_WEBP, IMAGE_SVG };

struct image_sniff {
	enum image_format format;
	unsigned width, height;	/* as the header claims; 0 when it was not found */
};

/* Reads the format and the claimed size from the first bytes; false (with format set) when the
 * bytes are not a JPEG, PNG or WebP whose header gives a size. */
bool image_sniff(const uint8_t *p, size_t n, struct image_sniff *out);
/* NULL when the claimed size is within the limits, else the sentence that says why not. */
const char *image_size_refusal(unsigned width, unsigned height);
/* The widths of the renditions of a picture `width` wide: the ladder's steps below it, then its own
 * width capped at the top step. Returns how many (1..IMAGE_LADDER_N); out holds IMAGE_LADDER_N. */
size_t image_widths(unsigned width, unsigned out[IMAGE_LADDER_N]);
/* The height of a rendition `w` wide of a width x height picture (rounded, at least 1). */
unsigned image_scaled_height(unsigned width, unsigned height, unsigned w);
/* True when key is IMAGE_KEY_LEN lowercase hex digits. */
bool image_key_valid(const char *key);

#endif
