/* attribution.h: the request side of attribution (domain/creators/attr.h has the rules): a visit
 * to a creator surface touches the visitor, and a brand's sale asks which creator it goes to. */
#ifndef CC_ATTRIBUTION_H
#define CC_ATTRIBUTION_H
#include "domain/creators/attr.h"
#include "web/http.h"

/* A visit to a creator surface: counts the visit (with the request's utm_* fields) in the
 * worker, sets the cookie, and, when the request has a session, records the mark against it.
 * Never fails the page: a database problem only loses that server-side record (the cookie
 * still holds it). */
void attribution_touch(struct req *r, long long creator_id, enum attr_surface surface);

/* The creator that a sale of brand_id's products in this request's session is attributed to,
 * under the brand's rule and window (brands.attribution_window_days; last creator click wins;
 * a direct visit does not erase it), from the request's cookie and `server`, the session's mark
 * as attribution_touch recorded it in attribution_sessions (creator_id 0: none), which the
 * checkout reads with its cart's lock, once for all its brands. creator_id 0 when none applies. */
enum db_status attribution_for_brand(struct req *r, long long brand_id, const struct attr_mark *server,
				     struct attribution *out);

#endif
