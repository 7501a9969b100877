/* test_sandbox.c: each profile's filter is on once installed, keeps what its process needs and
 * kills it for the rest; root is left for good. Every check runs in a child of its own. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <check.h>
#include <netinet/in.h>
#include "lib/arena.h"
#include "lib/sandbox.h"
#include "web/outbound.h"
#include "suites.h"

/* The sanitiser builds (gcc's or clang's) may open any file (their report log, sandbox.c); the
 * rest is the same. */
#define SANITIZER SANDBOX_SANITIZER

/* Runs fn in a child under profile p; its wait status. fn returns the child's exit code. */
static int in_sandbox(enum sandbox_profile p, int (*fn)(void))
{
	fflush(NULL);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if (!sandbox_drop_user("nobody"))
			_exit(100);
		if (!sandbox_filter(p))
			_exit(101);
		_exit(fn());
	}
	int st;
	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	return st;
}

#define ck_assert_exit_ok(st) \
	do { \
		ck_assert_msg(WIFEXITED(st), "child killed by signal %d", WIFSIGNALED(st) ? WTERMSIG(st) : 0); \
		ck_assert_int_eq(WEXITSTATUS(st), 0); \
	} while (0)
#define ck_assert_sigsys(st) \
	ck_assert_msg(WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS, "child not killed by SIGSYS (status %d)", st)

static int filter_on_and_root_gone(void)
{
	if (sandbox_mode() != 2)
		return 1;
	if (getuid() == 0 || geteuid() == 0)
		return 2;
	return 0;
}

static int do_execve(void)
{
	char *argv[] = { "/bin/true", NULL }, *envp[] = { NULL };
	execve(argv[0], argv, envp);
	return 3;
}

static int do_fork(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	return 3;
}

static int do_inet_socket(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	return fd >= 0 ? 0 : 4;
}

static int do_packet_socket(void)
{
	socket(AF_PACKET, SOCK_RAW, 0);
	return 3;
}

static int do_pipe_io(void)
{
	/* The descriptors a parser child gets: its input and the pipe it answers on. */
	return write(STDERR_FILENO, "", 0) == 0 ? 0 : 5;
}

static int parser_open_refused(void)
{
	int fd = open("/etc/hostname", O_RDONLY);
	return fd < 0 && errno == EACCES ? 0 : 6;
}

static int worker_open_read(void)
{
	int fd = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
	return fd >= 0 || errno == ENOENT ? 0 : 7;
}

/* Named by the test process, which removes it: the worker profile has no unlink. */
static char scratch[64];

static int open_for_writing(void)
{
	open(scratch, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	return 0;	/* reached only when the filter let the open through */
}

static int media_create_new(void)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/cc-sandbox-unit-%d", (int)getpid());
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return 8;
	bool ok = write(fd, "x", 1) == 1 && fsync(fd) == 0 && close(fd) == 0;
	return unlink(path) == 0 && ok ? 0 : 9;
}

START_TEST(test_sandbox_worker_filter_is_on_and_root_is_gone)
{
	int st = in_sandbox(SANDBOX_WORKER, filter_on_and_root_gone);
	if (getuid() == 0) {
		ck_assert_exit_ok(st);
	} else {
		/* Not root: nothing to drop, so only the filter is checked. */
		ck_assert(WIFEXITED(st) && WEXITSTATUS(st) != 1);
	}
}
END_TEST

START_TEST(test_sandbox_worker_killed_by_execve_and_fork)
{
	ck_assert_sigsys(in_sandbox(SANDBOX_WORKER, do_execve));
	ck_assert_sigsys(in_sandbox(SANDBOX_WORKER, do_fork));
	ck_assert_sigsys(in_sandbox(SANDBOX_WORKER, do_packet_socket));
}
END_TEST

START_TEST(test_sandbox_worker_may_reach_the_database_and_read_files)
{
	ck_assert_exit_ok(in_sandbox(SANDBOX_WORKER, do_inet_socket));
	ck_assert_exit_ok(in_sandbox(SANDBOX_WORKER, worker_open_read));
}
END_TEST

/* A listener that accepts connections into its backlog and never answers: enough for a whole
 * libcurl transfer up to its timeout, with the name resolved as in production. */
static int listen_port;

static int outbound_to_listener(void)
{
	struct outbound_policy pol = { .allow = "127.0.0.0/8" };
	struct arena *a = arena_new(16384);
	struct outcall_req q = { .method = "POST", .url = NULL, .body = "a=b", .body_len = 3, .user = "sk_test",
				 .password = "", .timeout_ms = 300, .headers = { "Idempotency-Key: k" } };
	q.url = arena_printf(a, "http://localhost:%d/v1/checkout/sessions", listen_port);
	struct outcall_res r;
	outbound_call(&pol, a, &q, &r);
	/* nothing answered: status 0 and a reason that names neither the path nor the key */
	return r.status == 0 && *r.error && !strstr(r.error, "sk_test") && !strstr(r.error, "/v1/") ? 0 : 1;
}

START_TEST(test_sandbox_worker_may_call_a_payment_provider_with_libcurl)
{
	ck_assert(outbound_init());
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof sa;
	ck_assert_int_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
	ck_assert_int_eq(listen(fd, 8), 0);
	ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
	listen_port = ntohs(sa.sin_port);
	ck_assert_exit_ok(in_sandbox(SANDBOX_WORKER, outbound_to_listener));
	close(fd);
}
END_TEST

START_TEST(test_sandbox_only_media_workers_create_files_and_never_truncate)
{
	ck_assert_exit_ok(in_sandbox(SANDBOX_WORKER_MEDIA, media_create_new));
	snprintf(scratch, sizeof scratch, "/tmp/cc-sandbox-unit-w%d", (int)getpid());
	if (SANITIZER) {
		ck_assert_exit_ok(in_sandbox(SANDBOX_WORKER, open_for_writing));
		unlink(scratch);
	} else {
		ck_assert_sigsys(in_sandbox(SANDBOX_WORKER, media_create_new));
		ck_assert_sigsys(in_sandbox(SANDBOX_WORKER, open_for_writing));
		ck_assert_sigsys(in_sandbox(SANDBOX_WORKER_MEDIA, open_for_writing));
	}
}
END_TEST

START_TEST(test_sandbox_parser_has_no_network_and_no_open)
{
	ck_assert_exit_ok(in_sandbox(SANDBOX_PARSER, do_pipe_io));
	ck_assert_sigsys(in_sandbox(SANDBOX_PARSER, do_inet_socket));
	ck_assert_sigsys(in_sandbox(SANDBOX_PARSER, do_execve));
	if (!SANITIZER)
		ck_assert_exit_ok(in_sandbox(SANDBOX_PARSER, parser_open_refused));
}
END_TEST

static void *thread_body(void *arg)
{
	return arg;
}

/* libvips' pool: a thread of the process starts and ends under the image filter. */
static int image_thread(void)
{
	pthread_t t;
	void *out = NULL;
	if (pthread_create(&t, NULL, thread_body, (void *)1) != 0 || pthread_join(t, &out) != 0)
		return 1;
	return out == (void *)1 ? 0 : 2;
}

/* The image child may make threads, but never a process, a socket or a file. */
START_TEST(test_sandbox_image_child_threads_but_no_process)
{
	ck_assert_exit_ok(in_sandbox(SANDBOX_IMAGE, image_thread));
	ck_assert_exit_ok(in_sandbox(SANDBOX_IMAGE, do_pipe_io));
	ck_assert_sigsys(in_sandbox(SANDBOX_IMAGE, do_fork));
	ck_assert_sigsys(in_sandbox(SANDBOX_IMAGE, do_execve));
	ck_assert_sigsys(in_sandbox(SANDBOX_IMAGE, do_inet_socket));
	if (!SANITIZER)
		ck_assert_exit_ok(in_sandbox(SANDBOX_IMAGE, parser_open_refused));
}
END_TEST

Suite *sandbox_suite(void)
{
	Suite *s = suite_create("sandbox");
	TCase *tc = tcase_create("filters");
	tcase_add_test(tc, test_sandbox_worker_filter_is_on_and_root_is_gone);
	tcase_add_test(tc, test_sandbox_worker_killed_by_execve_and_fork);
	tcase_add_test(tc, test_sandbox_worker_may_reach_the_database_and_read_files);
	tcase_add_test(tc, test_sandbox_worker_may_call_a_payment_provider_with_libcurl);
	tcase_add_test(tc, test_sandbox_only_media_workers_create_files_and_never_truncate);
	tcase_add_test(tc, test_sandbox_parser_has_no_network_and_no_open);
	tcase_add_test(tc, test_sandbox_image_child_threads_but_no_process);
	suite_add_tcase(s, tc);
	return s;
}
