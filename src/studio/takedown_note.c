/* takedown_note.c: the owner's view of a takedown, beside the item in its studio list: that the
 * site's moderators took it down, why (the reason the admin wrote) and that it stays off the site
 * whatever the owner changes until they restore it. */
#include "studio/studio.h"

void takedown_note_add(tmpl_dict *row, const struct db_val *reason)
{
	if (reason->null)
		return;
	tmpl_dict *note = tmpl_include(row, "MODERATED", "takedown_note.tpl");
	tmpl_set(note, "REASON", reason->s);
}
