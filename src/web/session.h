/* session.h: cookie sessions stored as token hashes, idle and absolute expiry, log-in rotation. */
#ifndef CC_SESSION_H
#define CC_SESSION_H
#include "web/http.h"

#define SESSION_COOKIE "cc_session"
/* Over HTTPS the browser is told, by the name itself, to send the cookie back only to this
 * host, over HTTPS, for every path: a sibling subdomain cannot plant or overwrite it. */
#define SESSION_COOKIE_SECURE "__Host-cc_session"

/* The session cookie's name: SESSION_COOKIE_SECURE when the shop is published over HTTPS
 * (response_secure), SESSION_COOKIE over plain HTTP, where browsers refuse the prefix. */
const char *session_cookie_name(bool secure);

/* Loads the session named by the cookie, if any and unexpired. DB_OK also when there is none. */
enum db_status session_load(struct req *r);
/* Makes sure the request has a session, creating an anonymous one (and its cookie) if needed. */
enum db_status session_ensure(struct req *r);
/* Signs user in: the old session is deleted and a new token issued (no fixation). */
enum db_status session_login(struct req *r, long long user_id, const char *name, enum role role);
/* Deletes the session server-side and clears the cookie. */
enum db_status session_logout(struct req *r);
enum role session_role(const char *name);

#endif
