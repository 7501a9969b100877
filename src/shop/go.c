/* go.c: "/go/{token}" — an ad's click-out. The token is checked in this order: its signature (in
 * constant time), its expiry, that the ad still exists and was not taken down, and that the target
 * is still on one of the ad's brand's verified domains (a domain can be removed after the link was
 * made). Only then is the click logged (ad, credited creator, UTC day; nothing about the visitor)
 * and the visitor sent on. Every failure is an error page, never a redirect: this is not an open redirect. */
#include <time.h>
#include "domain/ads/ad_token.h"
#include "web/response.h"
#include "shop/shop.h"

/* A creator's ad its brand took down is gone for /go/ too: links handed out before stop at once. */
static const struct db_stmt q_ad = { "SELECT brand_id FROM ads WHERE id = ? AND state <> 'blocked' AND taken_down_at IS NULL", "i", "i" };
static const struct db_stmt q_log = {
	"INSERT INTO ad_clicks (ad_id, creator_id, day, count) VALUES (?, ?, UTC_DATE(), 1)"
	" ON DUPLICATE KEY UPDATE count = count + 1", "ii", "" };

int page_go(struct req *r)
{
	struct ad_token t;
	char url[AD_TOKEN_URL_MAX + 1];
	switch (ad_token_decode(r->secret, req_param(r, "token"), (long long)time(NULL), &t, url)) {
	case AD_TOKEN_OK:
		break;
	case AD_TOKEN_EXPIRED:
		response_error(r, 410, "This link has expired. Go back to the ad for a fresh one.");
		return REQ_DONE;
	default:
		response_error(r, 400, "This link is not valid.");
		return REQ_DONE;
	}
	struct db_res ad;
	bool ok = false;
	enum db_status rc = db_query(r->db, r->arena, &q_ad, (struct db_param[]){ DB_I(t.ad_id) }, &ad);
	if (rc == DB_OK && ad.nrows)
		rc = brand_domain_check(r->db, r->arena, db_at(&ad, 0, 0)->i, t.url, &ok);
	/* A HEAD (a link checker, a prefetch) is answered the same way but is not a click. */
	if (rc == DB_OK && ok && r->method != HTTP_HEAD)
		rc = db_query(r->db, NULL, &q_log, (struct db_param[]){ DB_I(t.ad_id), DB_I(t.creator_id) }, NULL);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (ad.nrows == 0) {
		response_error(r, 404, "This ad no longer exists.");
		return REQ_DONE;
	}
	if (!ok) {
		response_error(r, 400, "This link leads to an address the brand has not verified, so we will not send you there.");
		return REQ_DONE;
	}
	r->status = 302;
	r->body.len = 0;
	response_header(r, "Location", t.url);
	/* Each visit is logged: no cache may answer for us. The global Referrer-Policy
	 * (strict-origin-when-cross-origin) tells the brand's site only our origin, not the token. */
	response_header(r, "Cache-Control", "no-store");
	return REQ_DONE;
}
