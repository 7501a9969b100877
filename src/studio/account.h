/* account.h: the owner's ways back into an account and its care: a sign-in link or a password
 * reset by mail (login_mail.c, login_link.c, password_reset.c), and the account page with the
 * password change and the sessions list (account.c, account_password.c). */
#ifndef CC_STUDIO_ACCOUNT_H
#define CC_STUDIO_ACCOUNT_H
#include "web/http.h"

/* What is wrong with a new password, by the sign-up policy, or NULL. */
const char *account_password_problem(const char *pw);

int page_login_link_form(struct req *r);
int page_login_link(struct req *r);
int page_login_link_open(struct req *r);
int page_login_link_use(struct req *r);
int page_forgot_form(struct req *r);
int page_forgot(struct req *r);
int page_reset_form(struct req *r);
int page_reset(struct req *r);
/* The account page with the password form's error (or NULL). */
int account_page(struct req *r, int status, const char *error);
int page_account(struct req *r);
int page_account_password(struct req *r);
int page_account_end_others(struct req *r);

#endif
