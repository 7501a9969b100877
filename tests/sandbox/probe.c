/* probe.c: a FastCGI program for the sandbox test only, run through the real worker_main: one page
 * that reports what confines the worker, one that tries a forbidden system call. Never shipped. */
#include <stdio.h>
#include <unistd.h>
#include "web/http.h"
#include "web/response.h"
#include "lib/sandbox.h"

static int page_status(struct req *r)
{
	char text[128];
	snprintf(text, sizeof text, "pid=%d uid=%d euid=%d seccomp=%d\n", (int)getpid(), (int)getuid(),
		 (int)geteuid(), sandbox_mode());
	response_text(r, 200, "text/plain; charset=utf-8", text);
	return REQ_DONE;
}

/* execve is outside every allow-list: the filter must kill the worker before it returns. */
static int page_execve(struct req *r)
{
	char *argv[] = { "/bin/true", NULL }, *envp[] = { NULL };
	execve(argv[0], argv, envp);
	response_text(r, 200, "text/plain; charset=utf-8", "execve was not stopped\n");
	return REQ_DONE;
}

enum probe_page { PROBE_STATUS, PROBE_EXECVE, PROBE__MAX };

static const struct route routes[] = {
	[PROBE_STATUS] = { .pat = { HTTP_GET, "/status" }, .fn = page_status, .needs = NEED_NO_DB },
	[PROBE_EXECVE] = { .pat = { HTTP_GET, "/execve" }, .fn = page_execve, .needs = NEED_NO_DB },
};
_Static_assert(sizeof routes / sizeof routes[0] == PROBE__MAX, "one row per probe page");

int main(int argc, char **argv)
{
	static const struct app probe = { .name = "probe", .routes = routes, .nroutes = PROBE__MAX };
	return worker_main(&probe, argc, argv);
}
