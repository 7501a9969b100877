/* image_view.c: <picture> fields of a product picture from its reference (image_view.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/base_url.h"
#include "lib/buf.h"
#include "domain/media/image_asset.h"
#include "views/image_view.h"

/* How wide each slot is drawn (static/style.css: .grid, .product, .gallery-thumbs). */
static const char *const slot_sizes[] = {
	[IMAGE_SLOT_CARD] = "(min-width: 40rem) 18rem, 50vw",
	[IMAGE_SLOT_MAIN] = "(min-width: 48rem) 36rem, 100vw",
	[IMAGE_SLOT_THUMB] = "5rem",
	[IMAGE_SLOT_AVATAR] = "8.5rem",
	[IMAGE_SLOT_CHIP] = "48px",
	[IMAGE_SLOT_COVER] = "(min-width: 72rem) 72rem, 100vw",	/* the page's width, --max at most */
};
/* The rendition in src for browsers without srcset, and the one whose size the tag states. */
static const unsigned slot_fallback[] = {
	[IMAGE_SLOT_CARD] = 320, [IMAGE_SLOT_MAIN] = 640, [IMAGE_SLOT_THUMB] = 160, [IMAGE_SLOT_AVATAR] = 160,
	[IMAGE_SLOT_CHIP] = 160, [IMAGE_SLOT_COVER] = 1080,
};

/* The narrowest rendition a slot offers: the step a 360 px phone at one device pixel per CSS pixel
 * picks for it (cards about 175 px, the main picture and covers the screen's width); a narrower
 * step would be chosen only by a screen narrower than any phone sold, so it is not worth its bytes
 * in every card of a grid. */
static const unsigned slot_min[] = {
	[IMAGE_SLOT_CARD] = 320, [IMAGE_SLOT_MAIN] = 640, [IMAGE_SLOT_THUMB] = 160, [IMAGE_SLOT_AVATAR] = 160,
	[IMAGE_SLOT_CHIP] = 160, [IMAGE_SLOT_COVER] = 640,
};

/* The widest rendition a slot offers: what it needs at 3 device pixels per CSS pixel (a card is at
 * most ~18rem), so a grid of cards does not carry candidates no screen picks. */
static const unsigned slot_max[] = {
	[IMAGE_SLOT_CARD] = 640, [IMAGE_SLOT_MAIN] = 1600, [IMAGE_SLOT_THUMB] = 320, [IMAGE_SLOT_AVATAR] = 640,
	[IMAGE_SLOT_CHIP] = 160, [IMAGE_SLOT_COVER] = 1600,
};

bool image_view_parse(const char *ref, char key[33], unsigned *width, unsigned *height)
{
	if (!ref || ref[0] != '@' || strlen(ref) < 1 + IMAGE_KEY_LEN + 4 || ref[1 + IMAGE_KEY_LEN] != ':')
		return false;
	memcpy(key, ref + 1, IMAGE_KEY_LEN);
	key[IMAGE_KEY_LEN] = '\0';
	char *end;
	unsigned long w = strtoul(ref + 2 + IMAGE_KEY_LEN, &end, 10);
	if (*end != ':')
		return false;
	unsigned long h = strtoul(end + 1, &end, 10);
	if ((*end && strcmp(end, ":a") != 0) || !image_key_valid(key) || image_size_refusal((unsigned)w, (unsigned)h))
		return false;
	*width = (unsigned)w;
	*height = (unsigned)h;
	return true;
}

bool image_view_avif(const char *ref)
{
	size_t n = ref ? strlen(ref) : 0;
	return n > 2 && ref[0] == '@' && strcmp(ref + n - 2, ":a") == 0;
}

/* Decimal digits of w (a ladder width: at most 5 digits) into out; their count. */
static size_t put_width(char out[8], unsigned w)
{
	char tmp[8];
	size_t n = 0;
	do
		tmp[n++] = (char)('0' + w % 10);
	while ((w /= 10) && n < sizeof tmp);
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return n;
}

/* Built by appends, not printf: a grid of cards makes three of these per card on every render,
 * and formatting them was a quarter of a storefront's picture markup cost (docs/BENCHMARKS.md). */
static const char *srcset(struct arena *a, const char *key, const unsigned *widths, size_t n, const char *ext,
			  size_t *len)
{
	struct buf b;
	char w[8];
	size_t wn, en = strlen(ext);
	buf_init(&b, a, 512);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_put(&b, ", ", 2);
		buf_put(&b, IMAGE_PATH_PREFIX, sizeof IMAGE_PATH_PREFIX - 1);
		buf_put(&b, key, IMAGE_KEY_LEN);
		buf_putc(&b, '-');
		wn = put_width(w, widths[i]);
		buf_put(&b, w, wn);
		buf_putc(&b, '.');
		buf_put(&b, ext, en);
		buf_putc(&b, ' ');
		buf_put(&b, w, wn);
		buf_putc(&b, 'w');
	}
	*len = b.len;
	return buf_cstr(&b);
}

bool image_view_fill(struct req *r, tmpl_dict *d, const char *section, const char *ref, const char *alt,
		     enum image_slot slot, bool eager)
{
	if (!ref || !*ref)
		return false;
	char key[IMAGE_KEY_LEN + 1];
	unsigned w, h;
	/* A card's picture is drawn in a square box whose size the card templates state (image_view.h). */
	bool sized = slot != IMAGE_SLOT_CARD;
	tmpl_set(d, "ALT", alt ? alt : "");
	/* Fixed words and arena strings below are borrowed, not copied: they outlive d. */
	tmpl_setn_borrowed(d, "LOADING", eager ? "eager" : "lazy", eager ? 5 : 4);
	if (image_view_parse(ref, key, &w, &h)) {
		unsigned all[IMAGE_LADDER_N];
		size_t n = image_widths(w, all);
		while (n > 1 && all[n - 1] > slot_max[slot])
			n--;
		const unsigned *widths = all;
		while (n > 1 && widths[0] < slot_min[slot]) {
			widths++;
			n--;
		}
		unsigned fb = widths[n - 1];
		for (size_t i = 0; i < n; i++)
			if (widths[i] >= slot_fallback[slot]) {
				fb = widths[i];
				break;
			}
		const char *src = arena_printf(r->arena, IMAGE_PATH_PREFIX "%s-%u.jpg", key, fb);
		tmpl_setn_borrowed(d, "SRC", src, strlen(src));
		if (sized) {
			tmpl_set_int(d, "WIDTH", fb);
			tmpl_set_int(d, "HEIGHT", image_scaled_height(w, h, fb));
		}
		tmpl_setn_borrowed(d, "SIZES", slot_sizes[slot], strlen(slot_sizes[slot]));
		size_t len;	/* of a srcset, in the request's arena */
		/* A <picture> offers one modern format and falls back to SRC (JPEG): one srcset keeps a
		 * grid of cards small. AVIF, for a slot whose every candidate has it: a browser takes the
		 * first source whose type it supports and picks only among that source's widths, so a
		 * source that stopped short of what the slot needs would show a screen too coarse a
		 * picture. Where AVIF is offered WebP is not: every browser that decodes AVIF decodes
		 * WebP, so a WebP source beside it serves only the few that have WebP and not AVIF
		 * (Safari before 16), which get the JPEG; a storefront's 26 cards are 10 KB lighter
		 * for everyone else (docs/BENCHMARKS.md).
		 * An avatar is a bare <img> (its layout styles the img itself): a JPEG srcset. */
		if (slot == IMAGE_SLOT_AVATAR || slot == IMAGE_SLOT_CHIP) {
			const char *jpeg = srcset(r->arena, key, widths, n, "jpg", &len);
			tmpl_setn_borrowed(d, "JPEG_SRCSET", jpeg, len);
			tmpl_show(d, "SRCSET");
		} else if (slot_max[slot] <= IMAGE_AVIF_MAX_W && image_view_avif(ref)) {
			const char *avif = srcset(r->arena, key, widths, n, "avif", &len);
			tmpl_setn_borrowed(tmpl_add(d, "AVIF"), "AVIF_SRCSET", avif, len);
		} else {
			const char *webp = srcset(r->arena, key, widths, n, "webp", &len);
			tmpl_setn_borrowed(d, "WEBP_SRCSET", webp, len);
			tmpl_show(d, "SRCSET");
		}
	} else {
		/* "@" (not processed yet, or refused) and anything that is not a local path: the
		 * placeholder. A remote address is never put in a page (IMAGE_REF_SQL hides those). */
		bool local = ref[0] == '/' && ref[1] != '/';
		tmpl_set(d, "SRC", local ? ref : IMAGE_PLACEHOLDER_URL);
		/* The placeholder's fixed size, as the fixed words they are, not numbers formatted and
		 * copied for every picture of a page. */
		if (sized) {
			const char *width = slot == IMAGE_SLOT_MAIN ? "600" : slot == IMAGE_SLOT_COVER ? "1200" : "300";
			const char *height = slot == IMAGE_SLOT_MAIN ? "600" : slot == IMAGE_SLOT_COVER ? "400" : "300";
			tmpl_setn_borrowed(d, "WIDTH", width, strlen(width));
			tmpl_setn_borrowed(d, "HEIGHT", height, strlen(height));
		}
	}
	tmpl_show(d, section);
	return true;
}

const char *image_view_share_url(struct arena *a, const char *ref)
{
	char base[BASE_URL_MAX], key[IMAGE_KEY_LEN + 1];
	unsigned w, h;
	if (!ref || !base_url_get(base))
		return NULL;
	if (image_view_parse(ref, key, &w, &h))
		return arena_printf(a, "%s" IMAGE_PATH_PREFIX "%s-og.jpg", base, key);
	if (ref[0] == '/' && ref[1] != '/')
		return arena_printf(a, "%s%s", base, ref);
	return NULL;
}

const char *image_view_url(struct arena *a, const char *ref, unsigned width)
{
	char key[IMAGE_KEY_LEN + 1];
	unsigned w, h, widths[IMAGE_LADDER_N];
	if (!ref || !*ref || strcmp(ref, "@") == 0)
		return NULL;
	if (!image_view_parse(ref, key, &w, &h))
		return ref[0] == '/' && ref[1] != '/' ? ref : NULL;
	size_t n = image_widths(w, widths), i = 0;
	while (i + 1 < n && widths[i] < width)
		i++;
	return arena_printf(a, IMAGE_PATH_PREFIX "%s-%u.jpg", key, widths[i]);
}
