/* studio.h: the studio program: accounts (sign-up, log-in, log-out) and the brand/creator studio. */
#ifndef CC_STUDIO_H
#define CC_STUDIO_H
#include "http.h"

void page_login_form(struct req *r);
void page_login(struct req *r);
void page_logout(struct req *r);
void page_signup_form(struct req *r);
void page_signup(struct req *r);
void page_studio_home(struct req *r);

#endif
