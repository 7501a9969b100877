/* picture_form.h: the studio's upload form of one picture column (a cover, an ad's hero, a video's
 * poster), showing what the column holds now: the picture once the worker made it, "being
 * processed", or why it was refused (templates/studio_picture_upload.tpl). */
#ifndef CC_STUDIO_PICTURE_FORM_H
#define CC_STUDIO_PICTURE_FORM_H
#include "web/http.h"
#include "domain/media/image_asset.h"

/* The two columns picture_form_add reads from a row: the column's reference (TYPED_REF_SQL) and,
 * for an upload the worker refused or a typed address it could not fetch or use, why. */
#define PICTURE_FORM_COLS(col) \
	TYPED_REF_SQL(col) ", COALESCE((SELECT ia.error FROM image_assets ia WHERE ia.akey = SUBSTRING(" col ", 12, 32)" \
	" AND ia.status = 'refused' AND " col " LIKE '" IMAGE_PATH_PREFIX "%')," \
	" (SELECT IF(f.status = 'failed', f.error, ia.error) FROM image_fetches f LEFT JOIN image_assets ia ON ia.akey = f.akey" \
	"  AND ia.status = 'refused' WHERE f.url_hash = UNHEX(SHA2(" col ", 256)) AND (f.status = 'failed' OR ia.id IS NOT NULL)), '')"

struct picture_form {
	const char *action;	/* the upload route */
	const char *id;		/* the file input's id, unique on the page */
	const char *legend, *hint;
	const char *ref, *refusal;	/* the PICTURE_FORM_COLS of the row */
	const char *remove_action;	/* where "Remove" posts, when the column may be emptied; or NULL */
};

/* Includes the form as {{>name}} of d. */
void picture_form_add(struct req *r, tmpl_dict *d, const char *name, const struct picture_form *f);

#endif
