/* showcases.h: the studio's dynamic showcases, for brands and creators alike:
 * showcases.c lists and deletes them, showcase_edit.c creates, edits, places and previews them. */
#ifndef CC_STUDIO_SHOWCASES_H
#define CC_STUDIO_SHOWCASES_H
#include "web/http.h"

/* Whose showcases a page shows (studio_owner_of), refusing anyone else with this message. */
#define SC_REFUSAL "Showcases are made by creators and brands."

int page_showcases(struct req *r);
int page_showcase_new(struct req *r);
int page_showcase_create(struct req *r);
int page_showcase_edit(struct req *r);
int page_showcase_update(struct req *r);
int page_showcase_delete(struct req *r);

#endif
