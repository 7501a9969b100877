/* shopper.h: what a signed-in person keeps as a shopper: orders, followed creators, saved
 * products (shopper_home.c, shopper_keep.c). */
#ifndef CC_STUDIO_SHOPPER_H
#define CC_STUDIO_SHOPPER_H
#include "web/http.h"
#include "web/tmpl.h"

/* The SHOPPER section of the studio home: orders, follows, saved products. confirmed_email: the
 * account's address once confirmed (its guest orders are listed too), else NULL. */
enum db_status shopper_home_add(struct req *r, tmpl_dict *d, const char *confirmed_email) DB_MUST_CHECK;
/* "/studio/follow/{id}" and "/studio/save/{id}": a page with the one button (the storefront and
 * product pages link here, so they carry no form and stay one cached page for every visitor), the
 * button's POST, and the POST that lets go. */
int page_follow(struct req *r);
int page_follow_add(struct req *r);
int page_follow_remove(struct req *r);
int page_save(struct req *r);
int page_save_add(struct req *r);
int page_save_remove(struct req *r);

#endif
