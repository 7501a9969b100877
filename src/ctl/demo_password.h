/* demo_password.h: the password `crowdcartctl demo` gives the demo accounts. */
#ifndef CC_DEMO_PASSWORD_H
#define CC_DEMO_PASSWORD_H
#include "lib/arena.h"

/* config demo_password when set (the private stacks of make run and make test set it), else a new
 * random one, so demo data loaded on a real shop never brings an account anyone can guess
 * (ASVS 2.5.4: no default accounts); crowdcartctl demo prints it. */
const char *demo_password_choose(struct arena *a);

#endif
