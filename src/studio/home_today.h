/* home_today.h: the figures of the studio home that matter today, and the to-do list they make:
 * for a brand its sales and the commission they accrued since midnight UTC, the orders to ship,
 * the pick and sample requests waiting for an answer, the leads that came in; for a creator the
 * commission earned today and the requests still open with brands. */
#ifndef CC_HOME_TODAY_H
#define CC_HOME_TODAY_H
#include "web/http.h"

enum db_status home_today_brand(struct req *r, tmpl_dict *d, long long brand_id);
enum db_status home_today_creator(struct req *r, tmpl_dict *d, long long creator_id);

#endif
