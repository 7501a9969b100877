/* probe.c: a FastCGI program for the sandbox test only, run through the real app_main: one page
 * that reports what confines the worker, one that tries a forbidden system call. Never shipped. */
#include <stdio.h>
#include <unistd.h>
#include "web/http.h"
#include "web/response.h"
#include "lib/sandbox.h"

static const struct field no_fields[] = { { NULL, 0 } };

static void page_status(struct req *r)
{
	char text[128];
	snprintf(text, sizeof text, "pid=%d uid=%d euid=%d seccomp=%d\n", (int)getpid(), (int)getuid(),
		 (int)geteuid(), sandbox_mode());
	resp_text(r, 200, "text/plain; charset=utf-8", text);
}

/* execve is outside every allow-list: the filter must kill the worker before it returns. */
static void page_execve(struct req *r)
{
	char *argv[] = { "/bin/true", NULL }, *envp[] = { NULL };
	execve(argv[0], argv, envp);
	resp_text(r, 200, "text/plain; charset=utf-8", "execve was not stopped\n");
}

enum probe_page { PROBE_STATUS, PROBE_EXECVE, PROBE__MAX };

static const struct route routes[] = {
	[PROBE_STATUS] = { { HTTP_GET, "/status" }, page_status, NEED_NO_DB, no_fields },
	[PROBE_EXECVE] = { { HTTP_GET, "/execve" }, page_execve, NEED_NO_DB, no_fields },
};
_Static_assert(sizeof routes / sizeof routes[0] == PROBE__MAX, "one row per probe page");

int main(int argc, char **argv)
{
	static const struct app probe = { "probe", routes, PROBE__MAX, NULL, NULL, false };
	return app_main(&probe, argc, argv);
}
