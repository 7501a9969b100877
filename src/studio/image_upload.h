/* image_upload.h: what the studio's picture uploads (product pictures, the creator's avatar)
 * share: the checks the first bytes allow, and the path a picture is then held by. The studio
 * never decodes a picture: crowdcartctl worker does (docs/IMAGES.md). */
#ifndef CC_STUDIO_IMAGE_UPLOAD_H
#define CC_STUDIO_IMAGE_UPLOAD_H
#include "web/multipart.h"
#include "domain/media/image_asset.h"

/* Each upload route's body cap: a picture at its limit (IMAGE_MAX_BYTES) plus the form around it. */
#define STUDIO_IMAGE_UPLOAD_BODY ((12 << 20) + 65536)

/* NULL when the file may be recorded; else the sentence to answer with and *status (413, 415,
 * 422): missing or empty, too large, SVG or another format, a claimed size over the limits. */
const char *image_upload_refusal(const struct mp_part *file, int *status);

/* "/media/img/<key>": how a page column holds an uploaded picture. */
#define IMAGE_UPLOAD_PATH_LEN (sizeof IMAGE_PATH_PREFIX - 1 + IMAGE_KEY_LEN)
void image_upload_path(char out[IMAGE_UPLOAD_PATH_LEN + 1], const char key[IMAGE_KEY_LEN + 1]);

#endif
