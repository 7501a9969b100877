/* image_view.h: the one helper every product picture on a page goes through (cards, the product
 * gallery): from an image reference (IMAGE_REF_SQL, domain/media/image_asset.h) it sets the
 * fields of the <picture>/<img> markup: a WebP and a JPEG srcset of the renditions with the
 * slot's sizes, the intrinsic width and height (no layout shift), eager or lazy loading; a
 * neutral placeholder while the worker has not made the renditions; never a remote URL. */
#ifndef CC_IMAGE_VIEW_H
#define CC_IMAGE_VIEW_H
#include "web/http.h"
#include "domain/media/image_asset.h"

/* Where the picture sits, which decides its `sizes` (how wide it is drawn, static/style.css). */
enum image_slot {
	IMAGE_SLOT_CARD,	/* a grid card: half the phone's width, about 18rem from 40rem up */
	IMAGE_SLOT_MAIN,	/* the product page's main picture: the screen on a phone, half from 48rem */
	IMAGE_SLOT_THUMB,	/* a gallery thumbnail */
	IMAGE_SLOT_AVATAR,	/* a storefront's avatar (8.5rem at most) */
	IMAGE_SLOT_CHIP,	/* a creator's 48 px avatar in a list */
	IMAGE_SLOT_COVER,	/* a page-wide banner: a storefront's or collection's cover, an ad's hero */
};

/* The SQL of an avatar's reference from creators.avatar_url (IMAGE_REF_SQL over its hash). */
#define AVATAR_REF_SQL(col) TYPED_REF_SQL(col)

/* The placeholder shown until a picture's renditions exist. */
#define IMAGE_PLACEHOLDER_URL "/static/img/placeholder.svg"

/* Sets on d: SRC (a JPEG rendition, the placeholder, or a local path), ALT, WIDTH, HEIGHT (not for
 * IMAGE_SLOT_CARD: a card's picture is drawn in a square box, static/style.css img.card-img, whose
 * size the card templates state themselves, 320 x 320), LOADING ("eager" or "lazy"), and for a
 * processed picture SIZES and either, for the slots no wider than IMAGE_AVIF_MAX_W of a picture
 * with AVIF steps, an AVIF section with AVIF_SRCSET, or the SRCSET section with WEBP_SRCSET (for a
 * <picture>'s <source>) or, for the avatar slots (a bare <img>), JPEG_SRCSET; only the steps the
 * slot's sizes can pick. Shows section `section` of d (the markup around them). An empty ref shows
 * nothing and returns false. */
bool image_view_fill(struct req *r, tmpl_dict *d, const char *section, const char *ref, const char *alt,
		     enum image_slot slot, bool eager);

/* The absolute address of the picture made for shared links (1200x630, og:image) of a processed
 * picture, a local picture as it is, or NULL (a placeholder or nothing). For the page head. */
const char *image_view_share_url(struct arena *a, const char *ref);

/* One address for a picture where markup takes a single URL (a <video> poster, a cart line): the
 * JPEG rendition at least `width` wide (or the largest) of a processed picture, a local path as it
 * is, or NULL (not processed yet, or nothing). */
const char *image_view_url(struct arena *a, const char *ref, unsigned width);

/* A reference's parts: key (33 bytes with its NUL) and intrinsic size; false unless it names a
 * processed picture ("@<key>:<width>:<height>", and ":a" when it has AVIF steps). */
bool image_view_parse(const char *ref, char key[33], unsigned *width, unsigned *height);
/* True when a processed picture's steps up to IMAGE_AVIF_MAX_W have AVIF files. */
bool image_view_avif(const char *ref);

#endif
