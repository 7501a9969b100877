/* studio_layout.c: see studio_layout.h. */
#include "studio/studio_layout.h"
#include "views/layout_extras.h"
#include "views/page_meta.h"

void studio_layout_show(struct req *r, tmpl_dict *layout)
{
	layout_extras_show(r, layout);
	page_meta_noindex(r);
}
