/* image_pipeline.c: libvips behind image_pipeline.h. The format is decided by our own sniffing,
 * never by libvips' loader guessing, so only the JPEG, PNG and WebP loaders ever see the bytes. */
#include <stdio.h>
#include <string.h>
#include <vips/vips.h>
#include <vips/vector.h>
#include "ctl/image_pipeline.h"

#define WEBP_QUALITY 80
#define JPEG_QUALITY 82
/* AV1 at effort 2 of 9: about as small as WebP at 80 for a third fewer bytes, in a second for a
 * 1600 px picture here; higher efforts cost several times the CPU for a few percent. */
#define AVIF_QUALITY 55
#define AVIF_EFFORT 2

static bool started;

bool image_pipeline_init(void)
{
	if (started)
		return true;
	if (VIPS_INIT("crowdcartctl") != 0)
		return false;
	vips_concurrency_set(1);
	vips_cache_set_max(0);
	vips_block_untrusted_set(TRUE);
	/* No run-time code generation (liborc): the plain C paths are fast enough for a background
	 * job, and the worker's unit forbids writable executable memory (MemoryDenyWriteExecute). */
	vips_vector_set_enabled(FALSE);
	started = true;
	return true;
}

static bool refuse(struct image_result *out, const char *why)
{
	snprintf(out->error, sizeof out->error, "%s", why);
	vips_error_clear();
	return false;
}

/* The decoded picture, or NULL with out->error set. fail_on truncated: a cut-off file is refused
 * rather than shown half grey. */
static VipsImage *load(const uint8_t *src, size_t len, enum image_format f, struct image_result *out)
{
	VipsImage *img = NULL;
	int rc = -1;
	switch (f) {
	case IMAGE_JPEG:
		rc = vips_jpegload_buffer((void *)src, len, &img, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
		break;
	case IMAGE_PNG:
		rc = vips_pngload_buffer((void *)src, len, &img, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
		break;
	case IMAGE_WEBP:
		rc = vips_webpload_buffer((void *)src, len, &img, "fail_on", VIPS_FAIL_ON_TRUNCATED, NULL);
		break;
	default:
		break;
	}
	if (rc != 0) {
		refuse(out, "The picture could not be read: the file is damaged or incomplete.");
		return NULL;
	}
	/* libvips read the header only so far: the limits again, on what the decoder itself found. */
	const char *why = image_size_refusal((unsigned)vips_image_get_width(img), (unsigned)vips_image_get_height(img));
	if (why) {
		g_object_unref(img);
		refuse(out, why);
		return NULL;
	}
	return img;
}

/* Upright, sRGB, 8 bits, decoded into memory once (each rendition reads it again). */
static VipsImage *prepare(VipsImage *in, struct image_result *out)
{
	VipsImage *t[4] = { NULL };
	VipsImage *ready = NULL;
	if (vips_autorot(in, &t[0], NULL) == 0 &&
	    vips_colourspace(t[0], &t[1], VIPS_INTERPRETATION_sRGB, NULL) == 0 &&
	    vips_cast_uchar(t[1], &t[2], NULL) == 0)
		ready = vips_image_copy_memory(t[2]);
	for (int i = 0; i < 4; i++)
		if (t[i])
			g_object_unref(t[i]);
	if (!ready) {
		refuse(out, "The picture could not be read: the file is damaged or incomplete.");
		return NULL;
	}
	/* Every metadata block goes (EXIF with its GPS position, XMP, IPTC, the ICC profile now that
	 * the pixels are sRGB, comments): libvips' own "strip" still writes EXIF into WebP here. The
	 * header fields (size, bands, format) are built in and stay whatever is asked. */
	gchar **fields = vips_image_get_fields(ready);
	for (gchar **f = fields; f && *f; f++)
		(void)vips_image_remove(ready, *f);
	g_strfreev(fields);
	return ready;
}

/* JPEG has no transparency: transparent parts go white, as on the page behind them. */
static VipsImage *opaque(VipsImage *in)
{
	VipsImage *flat = NULL;
	if (!vips_image_hasalpha(in)) {
		g_object_ref(in);
		return in;
	}
	double white[3] = { 255, 255, 255 };
	VipsArrayDouble *bg = vips_array_double_new(white, 3);
	int rc = vips_flatten(in, &flat, "background", bg, NULL);
	vips_area_unref(VIPS_AREA(bg));
	return rc == 0 ? flat : NULL;
}

/* libvips 8.14's webpsave writes an EXIF chunk even when told to strip (the pixels' resolution,
 * nothing of the source's: prepare() removed that); the chunk and its VP8X flag go anyway, so a
 * rendition holds pixels only. Compacts the RIFF chunks in place; false if they do not parse. */
static bool webp_drop_metadata(uint8_t *p, size_t *len)
{
	size_t n = *len, r = 12, w = 12;
	if (n < 12 || memcmp(p, "RIFF", 4) != 0 || memcmp(p + 8, "WEBP", 4) != 0)
		return false;
	while (r + 8 <= n) {
		size_t size = (size_t)p[r + 4] | (size_t)p[r + 5] << 8 | (size_t)p[r + 6] << 16 | (size_t)p[r + 7] << 24;
		size_t whole = 8 + size + (size & 1);
		if (whole > n - r)
			return false;
		bool meta = memcmp(p + r, "EXIF", 4) == 0 || memcmp(p + r, "XMP ", 4) == 0;
		if (!meta) {
			memmove(p + w, p + r, whole);
			if (memcmp(p + w, "VP8X", 4) == 0 && size >= 1)
				p[w + 8] &= (uint8_t)~0x0C;	/* the EXIF and XMP flags */
			w += whole;
		}
		r += whole;
	}
	if (r != n)
		return false;
	uint32_t riff = (uint32_t)(w - 8);
	p[4] = (uint8_t)riff, p[5] = (uint8_t)(riff >> 8), p[6] = (uint8_t)(riff >> 16), p[7] = (uint8_t)(riff >> 24);
	*len = w;
	return true;
}

static bool encode(VipsImage *img, enum image_kind kind, struct image_rendition *r)
{
	void *buf = NULL;
	size_t len = 0;
	int rc;
	if (kind == IMAGE_OUT_WEBP) {
		rc = vips_webpsave_buffer(img, &buf, &len, "Q", WEBP_QUALITY, "strip", TRUE, NULL);
		if (rc == 0 && !webp_drop_metadata(buf, &len))
			rc = -1;
	} else if (kind == IMAGE_OUT_AVIF) {
		rc = vips_heifsave_buffer(img, &buf, &len, "Q", AVIF_QUALITY, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
					  "effort", AVIF_EFFORT, "strip", TRUE, NULL);
	} else {
		VipsImage *flat = opaque(img);
		if (!flat)
			return false;
		rc = vips_jpegsave_buffer(flat, &buf, &len, "Q", JPEG_QUALITY, "strip", TRUE, "interlace", TRUE,
					  "optimize_coding", TRUE, NULL);
		g_object_unref(flat);
	}
	if (rc != 0)
		return false;
	r->kind = kind;
	r->width = (unsigned)vips_image_get_width(img);
	r->height = (unsigned)vips_image_get_height(img);
	r->data = buf;
	r->len = len;
	return true;
}

static bool ladder(VipsImage *img, struct image_result *out)
{
	unsigned widths[IMAGE_LADDER_N];
	size_t n = image_widths(out->width, widths);
	for (size_t i = 0; i < n; i++) {
		VipsImage *small = NULL;
		if (vips_thumbnail_image(img, &small, (int)widths[i], "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
					 "no_rotate", TRUE, NULL) != 0)
			return false;
		bool ok = encode(small, IMAGE_OUT_WEBP, &out->r[out->n]) && (out->n++, true) &&
			  encode(small, IMAGE_OUT_JPEG, &out->r[out->n]) && (out->n++, true) &&
			  (widths[i] > IMAGE_AVIF_MAX_W || (encode(small, IMAGE_OUT_AVIF, &out->r[out->n]) && (out->n++, true)));
		g_object_unref(small);
		if (!ok)
			return false;
	}
	/* The shared-link picture fills 1200x630 exactly, cropped around the middle. */
	VipsImage *share = NULL;
	if (vips_thumbnail_image(img, &share, IMAGE_SHARE_W, "height", IMAGE_SHARE_H, "crop", VIPS_INTERESTING_CENTRE,
				 "no_rotate", TRUE, NULL) != 0)
		return false;
	bool ok = encode(share, IMAGE_OUT_SHARE_JPEG, &out->r[out->n]);
	g_object_unref(share);
	if (ok)
		out->n++;
	return ok;
}

bool image_pipeline_run(const uint8_t *src, size_t len, struct image_result *out)
{
	memset(out, 0, sizeof *out);
	if (!image_pipeline_init())
		return refuse(out, "The picture could not be processed here (the image library did not start).");
	if (len > IMAGE_MAX_BYTES)
		return refuse(out, "The picture is larger than 12 MiB; upload a smaller file.");
	struct image_sniff s;
	bool sized = image_sniff(src, len, &s);
	if (s.format == IMAGE_SVG)
		return refuse(out, "SVG pictures are not accepted; upload a JPEG, PNG or WebP.");
	if (s.format == IMAGE_UNKNOWN)
		return refuse(out, "That file is not a JPEG, PNG or WebP picture.");
	if (!sized)
		return refuse(out, "The picture could not be read: its header is damaged or incomplete.");
	const char *why = image_size_refusal(s.width, s.height);
	if (why)
		return refuse(out, why);
	VipsImage *raw = load(src, len, s.format, out);
	if (!raw)
		return false;
	VipsImage *img = prepare(raw, out);
	g_object_unref(raw);
	if (!img)
		return false;
	out->width = (unsigned)vips_image_get_width(img);
	out->height = (unsigned)vips_image_get_height(img);
	bool ok = ladder(img, out);
	g_object_unref(img);
	if (!ok) {
		image_result_free(out);
		return refuse(out, "The picture could not be read: the file is damaged or incomplete.");
	}
	return true;
}

void image_result_free(struct image_result *res)
{
	for (size_t i = 0; i < res->n; i++)
		g_free(res->r[i].data);
	res->n = 0;
}

const char *image_rendition_name(char *buf, size_t size, const char *key, enum image_kind kind, unsigned width)
{
	if (kind == IMAGE_OUT_SHARE_JPEG)
		snprintf(buf, size, "%s-og.jpg", key);
	else
		snprintf(buf, size, "%s-%u.%s", key, width, kind == IMAGE_OUT_WEBP ? "webp" : kind == IMAGE_OUT_AVIF ? "avif" : "jpg");
	return buf;
}
