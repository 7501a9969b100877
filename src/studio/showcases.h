/* showcases.h: the studio's dynamic showcases (issue 6), for brands and creators alike:
 * showcases.c lists and deletes them, showcase_edit.c creates, edits, places and previews them. */
#ifndef CC_STUDIO_SHOWCASES_H
#define CC_STUDIO_SHOWCASES_H
#include "http.h"

/* The owner of the showcases a page shows: the signed-in creator or brand (one of the two). */
struct sc_owner {
	long long brand_id, creator_id;
};
/* False when a response was made (403 for shoppers, 404/5xx from creator_of/brand_of). */
bool sc_owner_of(struct req *r, struct sc_owner *o);

extern const struct field showcase_list_fields[], showcase_form_fields[];
void page_showcases(struct req *r);
void page_showcase_new(struct req *r);
void page_showcase_create(struct req *r);
void page_showcase_edit(struct req *r);
void page_showcase_update(struct req *r);
void page_showcase_delete(struct req *r);

#endif
