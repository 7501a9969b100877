/* two_step.h: two-step sign-in: the code asked after the first factor (login_code.c) and its
 * set-up on the account page (two_step.c). */
#ifndef CC_STUDIO_TWO_STEP_H
#define CC_STUDIO_TWO_STEP_H
#include "web/http.h"

/* For a first factor that passed (the password, or the emailed link: via_link): when the account
 * has a second factor, answers the code form and returns true (*answer: what the handler returns);
 * false when it has none and the caller signs in as before. */
bool login_code_needed(struct req *r, long long user_id, bool via_link, const char *next, int *answer);

int page_login_code(struct req *r);
int page_two_step(struct req *r);
int page_two_step_qr(struct req *r);
int page_two_step_begin(struct req *r);
int page_two_step_confirm(struct req *r);
int page_two_step_off(struct req *r);

#endif
