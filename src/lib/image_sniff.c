/* image_sniff.c: formats and claimed sizes from header bytes (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/
 * VP8X), the limits, the ladder of widths. */
#include <string.h>
#include "lib/image_sniff.h"

const unsigned image_ladder[IMAGE_LADDER_N] = { 160, 320, 640, 1080, 1600 };

static unsigned be16(const uint8_t *p) { return (unsigned)p[0] << 8 | p[1]; }
static unsigned be32(const uint8_t *p) { return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3]; }
static unsigned le16(const uint8_t *p) { return (unsigned)p[1] << 8 | p[0]; }
static unsigned le24(const uint8_t *p) { return (unsigned)p[2] << 16 | (unsigned)p[1] << 8 | p[0]; }

/* SVG (or any XML, which librsvg would take): text starting with '<' after a BOM and blanks. */
static bool looks_like_markup(const uint8_t *p, size_t n)
{
	size_t i = 0;
	if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		i = 3;
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
		i++;
	return i < n && p[i] == '<';
}

/* Walks the markers up to the first start-of-frame, which holds the size. */
static bool jpeg_size(const uint8_t *p, size_t n, struct image_sniff *out)
{
	size_t i = 2;
	while (i + 4 <= n) {
		if (p[i] != 0xFF)
			return false;
		uint8_t m = p[i + 1];
		if (m == 0xFF) {	/* fill byte */
			i++;
			continue;
		}
		if (m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
			i += 2;
			continue;
		}
		unsigned len = be16(p + i + 2);
		if (len < 2)
			return false;
		bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
		if (sof) {
			if (i + 9 > n || len < 7)
				return false;
			out->height = be16(p + i + 5);
			out->width = be16(p + i + 7);
			return out->width > 0 && out->height > 0;
		}
		if (m == 0xD9 || m == 0xDA)	/* end of image, or scan data before any frame header */
			return false;
		i += 2 + (size_t)len;
	}
	return false;
}

static bool webp_size(const uint8_t *p, size_t n, struct image_sniff *out)
{
	if (n < 30)
		return false;
	if (memcmp(p + 12, "VP8 ", 4) == 0) {
		if (p[23] != 0x9D || p[24] != 0x01 || p[25] != 0x2A)
			return false;
		out->width = le16(p + 26) & 0x3FFF;
		out->height = le16(p + 28) & 0x3FFF;
	} else if (memcmp(p + 12, "VP8L", 4) == 0) {
		if (p[20] != 0x2F)
			return false;
		uint32_t b = (uint32_t)p[21] | (uint32_t)p[22] << 8 | (uint32_t)p[23] << 16 | (uint32_t)p[24] << 24;
		out->width = (b & 0x3FFF) + 1;
		out->height = ((b >> 14) & 0x3FFF) + 1;
	} else if (memcmp(p + 12, "VP8X", 4) == 0) {
		out->width = le24(p + 24) + 1;
		out->height = le24(p + 27) + 1;
	} else
		return false;
	return out->width > 0 && out->height > 0;
}

bool image_sniff(const uint8_t *p, size_t n, struct image_sniff *out)
{
	*out = (struct image_sniff){ IMAGE_UNKNOWN, 0, 0 };
	if (!p)
		return false;
	if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF) {
		out->format = IMAGE_JPEG;
		return jpeg_size(p, n, out);
	}
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0) {
		out->format = IMAGE_PNG;
		if (n < 24 || memcmp(p + 12, "IHDR", 4) != 0)
			return false;
		out->width = be32(p + 16);
		out->height = be32(p + 20);
		return out->width > 0 && out->height > 0;
	}
	if (n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0) {
		out->format = IMAGE_WEBP;
		return webp_size(p, n, out);
	}
	if (looks_like_markup(p, n))
		out->format = IMAGE_SVG;
	return false;
}

const char *image_size_refusal(unsigned width, unsigned height)
{
	if (width == 0 || height == 0)
		return "The picture does not say how large it is.";
	if (width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE)
		return "The picture is larger than 12000 pixels on a side; upload a smaller one.";
	if ((unsigned long long)width * height > IMAGE_MAX_PIXELS)
		return "The picture has more than 40 megapixels; upload a smaller one.";
	return NULL;
}

size_t image_widths(unsigned width, unsigned out[IMAGE_LADDER_N])
{
	size_t n = 0;
	unsigned top = image_ladder[IMAGE_LADDER_N - 1];
	for (size_t i = 0; i < IMAGE_LADDER_N - 1 && image_ladder[i] < width; i++)
		out[n++] = image_ladder[i];
	unsigned last = width < top ? width : top;
	if (last == 0)
		last = 1;
	if (n == 0 || out[n - 1] != last)
		out[n++] = last;
	return n;
}

unsigned image_scaled_height(unsigned width, unsigned height, unsigned w)
{
	if (width == 0)
		return 1;
	unsigned long long h = ((unsigned long long)height * w + width / 2) / width;
	return h ? (unsigned)h : 1;
}

bool image_key_valid(const char *key)
{
	if (!key || strlen(key) != IMAGE_KEY_LEN)
		return false;
	for (const char *c = key; *c; c++)
		if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f')))
			return false;
	return true;
}
