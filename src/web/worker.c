/* worker.c: worker_main — config and templates loaded once, then a prefork pool of FastCGI workers
 * with one database connection each; the parent respawns dead workers and drains on SIGTERM. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <sodium.h>
#include "lib/config.h"
#include "web/outbound.h"
#include "web/asset.h"
#include "web/dispatch.h"
#include "web/health.h"
#include "web/metrics.h"
#include "lib/sandbox.h"

#define MAX_WORKERS 256

/* Set by the parent before the first fork: config sandbox_filter = off (see worker_main). */
static bool profiling;

/* A worker with an after-request hook holds counts for up to a second (db/tally.h). Idle, it
 * would hold them until its next request, which on a quiet site may be hours away: its accept
 * gives up after a second without a connection (a receive timeout on the listening socket, the
 * one accept keeps to), and the hook runs. Linux copies the timeout to connections accepted
 * from a TCP socket, where a body read would then fail after a second's pause, so it is cleared
 * once libfcgi's accept returns (the request's parameters, read inside it, come with the
 * connection from the web server); Unix sockets don't. Set by the parent before the first fork. */
#define IDLE_WAKE_SECONDS 1
static bool idle_wake, idle_wake_inherited;

static void idle_wake_init(int listen_fd)
{
	struct timeval tv = { IDLE_WAKE_SECONDS, 0 };
	int domain = AF_UNIX;
	socklen_t len = sizeof domain;
	idle_wake = setsockopt(listen_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) == 0;
	idle_wake_inherited = getsockopt(listen_fd, SOL_SOCKET, SO_DOMAIN, &domain, &len) == 0 && domain != AF_UNIX;
}

static void idle_wake_clear(int fd)
{
	struct timeval none = { 0, 0 };
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &none, sizeof none);	/* on a socket of ours: cannot fail */
}

static volatile sig_atomic_t stopping;

static void on_term_parent(int sig)
{
	(void)sig;
	stopping = 1;
}

/* A worker waiting in accept() is woken by the signal (accept fails with EINTR) and leaves the
 * loop; one in the middle of a request finishes it first. Either way app->after runs last. */
static void on_term_worker(int sig)
{
	(void)sig;
	stopping = 1;
}

static void set_handler(int sig, void (*fn)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);	/* no SA_RESTART: waitpid/accept return EINTR */
}

static void worker_loop(const struct app *app, int listen_fd, const uint8_t secret[32])
{
	/* If the parent is killed outright, its workers must not linger holding the socket. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	set_handler(SIGTERM, on_term_worker);
	set_handler(SIGINT, on_term_worker);
	struct worker w;
	memset(&w, 0, sizeof w);
	w.app = app;
	w.db = db_open(app->name);
	w.arena = arena_new(64 * 1024);
	memcpy(w.secret, secret, 32);
	w.max_body = (size_t)config_int("max_body_bytes", 1 << 20, 1024, 64L << 20);
	db_best_effort(db_ready(w.db));	/* connect early; a failure here is retried by the first request */
	/* Everything that needs more than the filter allows is done: config, templates, the socket,
	 * the user (dropped by the parent). A worker that cannot be confined does not serve. */
	if (!profiling && !sandbox_filter(app->writes_media ? SANDBOX_WORKER_MEDIA : SANDBOX_WORKER))
		_exit(1);
	FCGX_Request fr;
	FCGX_InitRequest(&fr, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR);
	while (!stopping) {
		int rc = FCGX_Accept_r(&fr);
		if (rc == -EAGAIN && idle_wake) {	/* a second without a request */
			app->after(w.db, false);
			continue;
		}
		if (rc < 0) {
			if (rc == -EINTR)
				continue;
			break;
		}
		if (idle_wake_inherited)
			idle_wake_clear(fr.ipcFd);
		dispatch(&w, &fr);
		FCGX_Finish_r(&fr);
		arena_reset(w.arena);
		if (app->after)
			app->after(w.db, false);
	}
	if (app->after)
		app->after(w.db, true);
	db_close(w.db);
	arena_free(w.arena);
	_exit(0);
}

static pid_t spawn(const struct app *app, int listen_fd, const uint8_t secret[32])
{
	pid_t pid = fork();
	if (pid == 0)
		worker_loop(app, listen_fd, secret);
	if (pid < 0)
		perror("fork");
	return pid;
}

static void usage(const char *name)
{
	fprintf(stderr, "usage: %s [--conf FILE] [--workers N] [--listen HOST:PORT|PATH]\n"
			"Without --listen, fd 0 must be the FastCGI socket (spawned by the web server).\n",
		name);
}

int worker_main(const struct app *app, int argc, char **argv)
{
	const char *conf = NULL, *listen_addr = NULL;
	long nworkers = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--conf") == 0 && i + 1 < argc)
			conf = argv[++i];
		else if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc)
			listen_addr = argv[++i];
		else if (strcmp(argv[i], "--workers") == 0 && i + 1 < argc)
			nworkers = atol(argv[++i]);
		else {
			usage(argv[0]);
			return 2;
		}
	}
	for (size_t i = 0; i < app->nroutes; i++) {
		char name[64];
		const char *missing = input_undeclared_param(app->routes[i].pat.pattern, app->routes[i].path,
							     name, sizeof name);
		if (missing) {
			fprintf(stderr, "%s: route %s: path parameter {%s} is not declared in .path\n", app->name,
				app->routes[i].pat.pattern, missing);
			return 1;
		}
	}
	uint8_t secret[32];
	if (!config_load(conf) || sodium_init() < 0)
		return 1;
	if (!config_secret(secret)) {
		fprintf(stderr, "%s: secret_key must be 64 hex digits in the config\n", app->name);
		return 1;
	}
	if (!tmpl_init(config_str("templates_dir", "templates")))
		return 1;
	asset_init();
	/* libcurl and its TLS library set up before the filter, which they would otherwise meet */
	if (!outbound_init())
		return 1;
	/* One more worker than cores: enough to cover a worker waiting on MariaDB, few enough that
	 * the web server and the database keep a core's share (measured in docs/BENCHMARKS.md). */
	long fallback = sysconf(_SC_NPROCESSORS_ONLN) + 1;
	if (fallback < 2 || fallback > MAX_WORKERS)
		fallback = 4;
	if (nworkers <= 0) {
		const char *own = config_prog(app->name, "workers", NULL);	/* e.g. shop_workers */
		nworkers = own ? atol(own) : config_int("workers", fallback, 1, MAX_WORKERS);
	}
	if (nworkers < 1 || nworkers > MAX_WORKERS)
		nworkers = fallback;
	/* Before the fork: the workers share the counters, and may not read a directory. */
	if (!metrics_init(app))
		return 1;
	health_init();
	if (FCGX_Init() != 0)
		return 1;
	int listen_fd = 0;
	if (listen_addr) {
		listen_fd = FCGX_OpenSocket(listen_addr, 256);
		if (listen_fd < 0) {
			fprintf(stderr, "%s: cannot listen on %s\n", app->name, listen_addr);
			return 1;
		}
	} else if (FCGX_IsCGI()) {
		usage(argv[0]);
		return 2;
	}
	/* Root is given up here, in the parent, after the last step that may need it (reading the
	 * root-only config with the database passwords and the secret, templates, binding the listen
	 * socket) and before the first fork. The parent needs nothing of root afterwards: it forks,
	 * waits and signals its own workers, and its log is the stderr it was started with, already
	 * open. So no process of this program keeps root, and a worker never has it to lose. The
	 * parent stays without a system call filter: it runs no request code, reads no input, and
	 * fork/wait/kill would be the bulk of its list anyway. */
	if (!sandbox_drop_user(sandbox_user()))
		return 1;
	/* valgrind cannot run a process under seccomp, so a profile of the workers (bench/callgrind.sh)
	 * needs them unfiltered; the parent says so on every start, to be noticed if left on. */
	profiling = strcmp(config_str("sandbox_filter", "on"), "off") == 0;
	if (profiling)
		fprintf(stderr, "%s: sandbox_filter = off: workers run WITHOUT their system call filter "
				"(for profiling only)\n", app->name);
	if (app->after)
		idle_wake_init(listen_fd);
	signal(SIGPIPE, SIG_IGN);
	set_handler(SIGTERM, on_term_parent);
	set_handler(SIGINT, on_term_parent);
	pid_t pids[MAX_WORKERS];
	time_t born[MAX_WORKERS];
	for (long i = 0; i < nworkers; i++) {
		pids[i] = spawn(app, listen_fd, secret);
		born[i] = time(NULL);
	}
	fprintf(stderr, "%s: %ld workers ready\n", app->name, nworkers);
	while (!stopping) {
		int status;
		pid_t dead = waitpid(-1, &status, 0);
		if (dead < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (long i = 0; i < nworkers && !stopping; i++) {
			if (pids[i] != dead)
				continue;
			if (WIFSIGNALED(status))	/* SIGSYS: a call outside the filter (sandbox.c) */
				fprintf(stderr, "%s: worker %d killed by signal %d (%s), starting another\n",
					app->name, (int)dead, WTERMSIG(status), strsignal(WTERMSIG(status)));
			else
				fprintf(stderr, "%s: worker %d exited (status %d), starting another\n", app->name,
					(int)dead, status);
			if (time(NULL) - born[i] < 1)
				sleep(1);	/* a worker that dies at once must not become a fork storm */
			metrics_worker_restart();
			pids[i] = spawn(app, listen_fd, secret);
			born[i] = time(NULL);
		}
	}
	for (long i = 0; i < nworkers; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	/* Drain: workers finish the request they are in; after 10 s the stragglers are killed. */
	for (int waited = 0; waited < 100; waited++) {
		while (waitpid(-1, NULL, WNOHANG) > 0)
			;
		if (waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD)
			return 0;
		struct timespec ts = { 0, 100 * 1000000L };
		nanosleep(&ts, NULL);
	}
	for (long i = 0; i < nworkers; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGKILL);
	return 0;
}
