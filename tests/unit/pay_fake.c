/* pay_fake.c: the scripted payment transport of pay_fake.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "lib/config.h"
#include "pay_fake.h"

static void fake_call(void *ctx, struct arena *a, const struct outcall_req *req, struct outcall_res *res)
{
	struct pay_fake *f = ctx;
	memset(res, 0, sizeof *res);
	res->body = "";
	if (f->nseen < PAY_FAKE_MAX) {
		struct pay_fake_seen *s = &f->seen[f->nseen++];
		memset(s, 0, sizeof *s);
		snprintf(s->method, sizeof s->method, "%s", req->method);
		snprintf(s->url, sizeof s->url, "%s", req->url);
		for (size_t i = 0; i < OUTCALL_MAX_HEADERS && req->headers[i]; i++)
			snprintf(s->headers[i], sizeof s->headers[i], "%s", req->headers[i]);
		if (req->body)
			snprintf(s->body, sizeof s->body, "%.*s", (int)req->body_len, req->body);
		if (req->user)
			snprintf(s->user, sizeof s->user, "%s", req->user);
	}
	if (f->next >= f->nanswers) {
		snprintf(res->error, sizeof res->error, "no answer scripted");
		return;
	}
	res->status = f->answers[f->next].status;
	res->body = arena_strdup(a, f->answers[f->next].body ? f->answers[f->next].body : "");
	res->body_len = strlen(res->body);
	if (res->status == 0)
		snprintf(res->error, sizeof res->error, "connection refused");
	f->next++;
}

struct payment_http pay_fake_http(struct pay_fake *f)
{
	return (struct payment_http){ .call = fake_call, .ctx = f };
}

void pay_fake_answer(struct pay_fake *f, int status, const char *body)
{
	if (f->nanswers < PAY_FAKE_MAX) {
		f->answers[f->nanswers].status = status;
		f->answers[f->nanswers].body = body;
		f->nanswers++;
	}
}

const char *pay_fake_header(const struct pay_fake *f, size_t i, const char *name)
{
	size_t n = strlen(name);
	for (size_t h = 0; i < f->nseen && h < OUTCALL_MAX_HEADERS && f->seen[i].headers[h][0]; h++)
		if (strncasecmp(f->seen[i].headers[h], name, n) == 0 && f->seen[i].headers[h][n] == ':')
			return f->seen[i].headers[h] + n + 2;
	return NULL;
}

void pay_fake_config(const char *lines)
{
	char path[] = "/tmp/crowdcart-unit-conf-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		abort();
	FILE *f = fdopen(fd, "w");
	fputs(lines, f);
	fclose(f);
	if (!config_load(path))
		abort();
	unlink(path);
}
