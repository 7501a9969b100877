/* admin.h: the /admin pages of the studio, for the admin role only (NEED_ADMIN on every route):
 * the home and its navigation (admin_home.c), users (admin_users.c, admin_user.c), the audit log
 * (admin_audit_log.c) and the system page (admin_system.c). Moderation and brand approval are
 * pages of their own, linked from the navigation. */
#ifndef CC_STUDIO_ADMIN_H
#define CC_STUDIO_ADMIN_H
#include "web/http.h"

/* The search page shows this many accounts, the audit log this many rows, per page. */
#define ADMIN_PAGE_ROWS 50
#define ADMIN_MAX_PAGE 10000

/* layout_begin with the admin navigation on top, `current` (its href) marked as the page shown. */
tmpl_dict *admin_begin(struct req *r, const char *content_tpl, const char *title, const char *current);

/* The dispatcher's gate before every /admin route (admin_gate.c): two-step sign-in, unless the
 * operator turned admin_requires_two_step off. */
bool admin_gate_two_step(struct req *r);

int page_admin_home(struct req *r);
int page_admin_users(struct req *r);
int page_admin_user(struct req *r);
int page_admin_user_suspend(struct req *r);
int page_admin_user_reinstate(struct req *r);
int page_admin_user_role(struct req *r);
/* a new verification link; two-step sign-in off for an owner locked out (admin_access.h) */
int page_admin_user_resend_verification(struct req *r);
int page_admin_user_two_step_off(struct req *r);
int page_admin_audit(struct req *r);
int page_admin_system(struct req *r);
/* admin_moderation.c: reports, take-downs and restores */
int page_admin_moderation(struct req *r);
int page_admin_take_down(struct req *r);
int page_admin_restore(struct req *r);
int page_admin_report_dismiss(struct req *r);
/* admin_brands.c: brands waiting for approval */
int page_admin_brands(struct req *r);
int page_admin_brand_approve(struct req *r);

#endif
