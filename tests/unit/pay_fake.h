/* pay_fake.h: a scripted stand-in for the payment providers' HTTP transport in unit tests: it
 * answers each call with the next canned answer and keeps what it was asked. */
#ifndef CC_TEST_PAY_FAKE_H
#define CC_TEST_PAY_FAKE_H
#include <stdbool.h>
#include "domain/commerce/payment.h"

#define PAY_FAKE_MAX 16

struct pay_fake_seen {
	char method[8];
	char url[512];
	char headers[OUTCALL_MAX_HEADERS][600];
	char body[8192];
	char user[128];
};

struct pay_fake {
	struct { int status; const char *body; } answers[PAY_FAKE_MAX];
	size_t nanswers, next;
	struct pay_fake_seen seen[PAY_FAKE_MAX];
	size_t nseen;
};

/* A transport over f: fill f->answers first (status 0 means nothing answered). */
struct payment_http pay_fake_http(struct pay_fake *f);
void pay_fake_answer(struct pay_fake *f, int status, const char *body);
/* The value of header name in the i-th request seen, or NULL. */
const char *pay_fake_header(const struct pay_fake *f, size_t i, const char *name);
/* Loads a config file with these "key = value" lines, for the providers' settings. */
void pay_fake_config(const char *lines);

#endif
