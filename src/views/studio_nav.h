/* studio_nav.h: the studio's navigation, on every studio page (layout hook): the signed-in
 * person's main sections for their role, the current one marked, so no studio page is a dead end
 * and a phone reaches any section in one tap from the top of the page. */
#ifndef CC_STUDIO_NAV_H
#define CC_STUDIO_NAV_H
#include "web/http.h"

void studio_nav_show(struct req *r, tmpl_dict *layout);

#endif
