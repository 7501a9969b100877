/* image_upload.c: the first-bytes checks of a studio picture upload (image_upload.h). */
#include <string.h>
#include "lib/image_sniff.h"
#include "studio/image_upload.h"

_Static_assert(STUDIO_IMAGE_UPLOAD_BODY > IMAGE_MAX_BYTES, "the routes' body cap leaves room for the form around the file");

const char *image_upload_refusal(const struct mp_part *file, int *status)
{
	struct image_sniff s;
	*status = 415;
	if (!file || file->len == 0) {
		*status = 422;
		return "Choose a picture to upload (the file was missing or empty).";
	}
	if (file->len > IMAGE_MAX_BYTES) {
		*status = 413;
		return "That picture is larger than 12 MiB. Upload a smaller JPEG, PNG or WebP.";
	}
	bool sized = image_sniff(file->data, file->len, &s);
	if (s.format == IMAGE_SVG)
		return "SVG pictures are not accepted (they can carry scripts). Upload a JPEG, PNG or WebP.";
	if (s.format == IMAGE_UNKNOWN)
		return "That file is not a JPEG, PNG or WebP picture.";
	*status = 422;
	if (!sized)
		return "That picture's header is damaged or incomplete.";
	return image_size_refusal(s.width, s.height);
}

void image_upload_path(char out[IMAGE_UPLOAD_PATH_LEN + 1], const char key[IMAGE_KEY_LEN + 1])
{
	memcpy(out, IMAGE_PATH_PREFIX, sizeof IMAGE_PATH_PREFIX - 1);
	memcpy(out + sizeof IMAGE_PATH_PREFIX - 1, key, IMAGE_KEY_LEN + 1);
}
