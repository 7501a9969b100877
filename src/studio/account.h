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
/* The account page, with an error (or NULL) beside one of its two forms. */
enum account_form { ACCOUNT_PASSWORD_FORM, ACCOUNT_SESSIONS_FORM, ACCOUNT_EMAIL_FORM, ACCOUNT_DELETE_FORM };
int account_page(struct req *r, int status, enum account_form form, const char *error);
/* account_email.c: the mailed confirmation link, changing the address, sending the link again. */
int page_verify_open(struct req *r);
int page_verify_use(struct req *r);
int page_account_email(struct req *r);
int page_account_verify_resend(struct req *r);
/* account_delete.c: what deleting takes and keeps, the deletion (asks the password), the export. */
int account_delete_page(struct req *r, int status, const char *error);
int page_account_delete_form(struct req *r);
int page_account_delete(struct req *r);
int page_account_export(struct req *r);
/* Asks the signed-in account's password again (ASVS 3.3.4 before ending other sessions, and
 * before a change): counted by the sign-in throttle's pair and prefix delays, not its account-wide
 * hold. True when current is right; else *answer is what the handler returns (the page with the
 * error beside form, or a failure). t: the account's throttle subjects, for the caller. */
struct login_subject;
bool account_reauth(struct req *r, const char *current, enum account_form form, struct login_subject *t,
		    int *answer);
int page_account(struct req *r);
int page_account_password(struct req *r);
int page_account_end_others(struct req *r);
/* Which notices the account gets: account_notifications.c. */
int page_account_notifications(struct req *r);
int page_account_notifications_save(struct req *r);

#endif
