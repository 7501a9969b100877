/* picture_form.c: one picture column's upload form and current state (picture_form.h). */
#include "studio/picture_form.h"
#include "views/image_view.h"

void picture_form_add(struct req *r, tmpl_dict *d, const char *name, const struct picture_form *f)
{
	tmpl_dict *p = tmpl_include(d, name, "studio_picture_upload.tpl");
	tmpl_set(p, "ACTION", f->action);
	tmpl_set(p, "ID", f->id);
	tmpl_set(p, "LEGEND", f->legend);
	tmpl_set(p, "HINT", f->hint);
	if (!f->ref || !*f->ref)
		return;
	tmpl_dict *cur = tmpl_add(p, "CURRENT");
	if (f->remove_action)
		tmpl_set(tmpl_add(p, "REMOVE"), "REMOVE_ACTION", f->remove_action);
	char key[IMAGE_KEY_LEN + 1];
	unsigned w, h;
	if (image_view_parse(f->ref, key, &w, &h) || f->ref[0] == '/') {
		image_view_fill(r, cur, "THUMB", f->ref, "", IMAGE_SLOT_THUMB, true);
		tmpl_set(cur, "STATE", "Now:");
	} else if (f->refusal && *f->refusal) {
		tmpl_set(cur, "STATE", arena_printf(r->arena, "Refused: %s Upload another.", f->refusal));
	} else {
		/* "@": an upload, or a typed address being fetched, not made yet */
		tmpl_set(cur, "STATE", "Being processed: it shows here and on the site in a moment.");
	}
}
