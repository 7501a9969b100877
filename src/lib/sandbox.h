/* sandbox.h: least privilege after start-up: leave root for an unprivileged user, then narrow the
 * system calls to what a FastCGI worker or a file parser needs (docs/SANDBOX.md). */
#ifndef CC_SANDBOX_H
#define CC_SANDBOX_H
#include <stdbool.h>
#include <sys/types.h>

/* 1 in a sanitiser build (a test build). Its runtime writes its report to a file it opens when it
 * happens, reads /proc/self/maps and the binary to symbolise it, and yields while other threads
 * stop: the filters allow those calls too, so that the suites run under them instead of beside
 * them. And AddressSanitizer maps terabytes of shadow memory: no address-space cap fits it. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
#define SANDBOX_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define SANDBOX_SANITIZER 1
#endif
#endif
#ifndef SANDBOX_SANITIZER
#define SANDBOX_SANITIZER 0
#endif

enum sandbox_profile {
	SANDBOX_WORKER,		/* FastCGI socket, MariaDB (reconnects too), read-only opens */
	SANDBOX_WORKER_MEDIA,	/* the worker's, plus create-new-file/mkdir/rename/unlink for uploads */
	SANDBOX_PARSER,		/* read the open input, write the open result pipe; nothing else */
	SANDBOX_IMAGE,		/* the parser's, plus threads of its own process (libvips' work pool) */
};

/* The user to run as: config run_as_user, else "crowdcart" if that user exists, else "nobody". */
const char *sandbox_user(void);

/* When running as root: setgroups, setgid, setuid to name's uid and gid, then checks that root
 * cannot be had back. Not root: does nothing and returns true (there is nothing to give up).
 * False, with a message on stderr, if the user is unknown, is root, or a step failed. */
bool sandbox_drop_user(const char *name);

/* Installs the profile's seccomp filter (with no_new_privs) for the rest of the process's life;
 * any other system call kills the process (SIGSYS). False, with a message, if it could not. */
bool sandbox_filter(enum sandbox_profile p);

/* The calling process's seccomp mode (0 none, 2 filter), as PR_GET_SECCOMP reports it. */
int sandbox_mode(void);

#endif
