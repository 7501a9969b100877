/* sandbox.c: leave root and narrow the system calls once start-up is done (kcgi's
 * sandbox-seccomp-filter.c, Kore's seccomp.c); the allow-lists are explained in docs/SANDBOX.md. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <seccomp.h>
#include "lib/config.h"
#include "lib/sandbox.h"


const char *sandbox_user(void)
{
	const char *name = config_str("run_as_user", NULL);
	if (name && *name)
		return name;
	return getpwnam("crowdcart") ? "crowdcart" : "nobody";
}

bool sandbox_drop_user(const char *name)
{
	if (geteuid() != 0 && getuid() != 0)
		return true;
	struct passwd *pw = getpwnam(name);
	if (!pw) {
		fprintf(stderr, "sandbox: no user \"%s\" to run as (config run_as_user)\n", name);
		return false;
	}
	uid_t uid = pw->pw_uid;
	gid_t gid = pw->pw_gid;
	if (uid == 0 || gid == 0) {
		fprintf(stderr, "sandbox: run_as_user \"%s\" is root; name an unprivileged user\n", name);
		return false;
	}
	/* Groups first and the uid last: once the uid is gone, the groups could no longer be changed. */
	if (setgroups(1, &gid) != 0 || setresgid(gid, gid, gid) != 0 || setresuid(uid, uid, uid) != 0) {
		fprintf(stderr, "sandbox: cannot become %s: %s\n", name, strerror(errno));
		return false;
	}
	uid_t r, e, s;
	gid_t rg, eg, sg;
	if (getresuid(&r, &e, &s) != 0 || r != uid || e != uid || s != uid ||
	    getresgid(&rg, &eg, &sg) != 0 || rg != gid || eg != gid || sg != gid ||
	    setuid(0) == 0 || seteuid(0) == 0 || setgid(0) == 0) {
		fprintf(stderr, "sandbox: still able to be root after becoming %s\n", name);
		return false;
	}
	return true;
}

int sandbox_mode(void)
{
	return prctl(PR_GET_SECCOMP, 0, 0, 0, 0);
}

/* System calls that exist on one architecture only resolve to negative pseudo numbers elsewhere;
 * a rule for one of those is skipped, any other failure counts. */
static bool allow(scmp_filter_ctx ctx, int nr, unsigned n, const struct scmp_arg_cmp *cmp)
{
	if (nr < 0)
		return true;
	int rc = seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, nr, n, cmp);
	if (rc < 0)
		fprintf(stderr, "sandbox: rule for system call %d: %s\n", nr, strerror(-rc));
	return rc >= 0;
}

static bool allow_all(scmp_filter_ctx ctx, const int *nrs, size_t n)
{
	bool ok = true;
	for (size_t i = 0; i < n; i++)
		ok = allow(ctx, nrs[i], 0, NULL) && ok;
	return ok;
}

#define ALLOW_ALL(ctx, list) allow_all(ctx, list, sizeof list / sizeof list[0])
#define ALLOW_IF(ctx, nr, ...) \
	allow(ctx, nr, sizeof (struct scmp_arg_cmp[]){ __VA_ARGS__ } / sizeof (struct scmp_arg_cmp), \
	      (struct scmp_arg_cmp[]){ __VA_ARGS__ })

/* Every process: its memory, its clock, its signals, the descriptors it already has, its end. */
/* The system calls of every request, in the order of how often a worker makes them. */
static const int hot_calls[] = {
	SCMP_SYS(write), SCMP_SYS(poll), SCMP_SYS(read), SCMP_SYS(close), SCMP_SYS(accept),
	SCMP_SYS(shutdown), SCMP_SYS(recvfrom), SCMP_SYS(sendto),
};

static const int base_calls[] = {
	SCMP_SYS(read), SCMP_SYS(readv), SCMP_SYS(pread64), SCMP_SYS(write), SCMP_SYS(writev),
	SCMP_SYS(lseek), SCMP_SYS(close), SCMP_SYS(fstat), SCMP_SYS(newfstatat), SCMP_SYS(statx),
	SCMP_SYS(fcntl),
	SCMP_SYS(brk), SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mremap), SCMP_SYS(mprotect),
	SCMP_SYS(madvise),
	SCMP_SYS(futex), SCMP_SYS(getrandom),
	SCMP_SYS(clock_gettime), SCMP_SYS(clock_getres), SCMP_SYS(gettimeofday), SCMP_SYS(time),
	SCMP_SYS(nanosleep), SCMP_SYS(clock_nanosleep),
	SCMP_SYS(rt_sigaction), SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigreturn),
	SCMP_SYS(restart_syscall),
	SCMP_SYS(getpid), SCMP_SYS(gettid),
	SCMP_SYS(exit), SCMP_SYS(exit_group),
};

/* The FastCGI socket and MariaDB, including a reconnect to another node by name (which reads
 * /etc/hosts and resolv.conf and may ask DNS over UDP). */
static const int net_calls[] = {
	SCMP_SYS(accept), SCMP_SYS(accept4), SCMP_SYS(shutdown),
	SCMP_SYS(poll), SCMP_SYS(ppoll), SCMP_SYS(select), SCMP_SYS(pselect6),
	SCMP_SYS(connect), SCMP_SYS(getsockopt), SCMP_SYS(setsockopt), SCMP_SYS(getsockname),
	SCMP_SYS(getpeername), SCMP_SYS(sendto), SCMP_SYS(recvfrom), SCMP_SYS(sendmsg),
	SCMP_SYS(recvmsg), SCMP_SYS(sendmmsg), SCMP_SYS(bind),
	SCMP_SYS(uname), SCMP_SYS(getuid), SCMP_SYS(geteuid), SCMP_SYS(getgid), SCMP_SYS(getegid),
	SCMP_SYS(access), SCMP_SYS(faccessat), SCMP_SYS(faccessat2),
};

/* The studio's video upload (video_upload.c): a new file under media_dir, renamed into place. */
static const int media_calls[] = {
	SCMP_SYS(mkdir), SCMP_SYS(mkdirat), SCMP_SYS(rename), SCMP_SYS(renameat), SCMP_SYS(renameat2),
	SCMP_SYS(unlink), SCMP_SYS(unlinkat), SCMP_SYS(fsync), SCMP_SYS(fdatasync),
};

/* A new thread of libvips' pool sets itself up (glibc's robust futex list and restartable
 * sequences), asks how many processors there are, and yields while it waits for work; libvips
 * reads the umask when it starts a picture (and sets it back: no file is created). */
static const int image_calls[] = {
	SCMP_SYS(set_robust_list), SCMP_SYS(rseq), SCMP_SYS(sched_getaffinity), SCMP_SYS(sched_yield),
	SCMP_SYS(umask),
};

static const int sanitizer_calls[] = {
	SCMP_SYS(readlink), SCMP_SYS(readlinkat), SCMP_SYS(sched_yield), SCMP_SYS(sigaltstack),
	SCMP_SYS(prctl), SCMP_SYS(getppid), SCMP_SYS(mincore), SCMP_SYS(pipe), SCMP_SYS(pipe2),
};

bool sandbox_filter(enum sandbox_profile p)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
	if (!ctx) {
		fprintf(stderr, "sandbox: seccomp_init failed\n");
		return false;
	}
	/* Every system call a worker makes runs the filter first: a binary tree of the allowed
	 * numbers instead of libseccomp's default linear chain, and the calls of every request
	 * (read, write, poll, accept, shutdown, close) tested before the rest. */
	(void)seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);	/* older libseccomp: linear */
	for (size_t i = 0; i < sizeof hot_calls / sizeof hot_calls[0]; i++)
		(void)seccomp_syscall_priority(ctx, hot_calls[i], 255);
	bool ok = ALLOW_ALL(ctx, base_calls);
	/* abort() and raise() signal the process itself; signalling any other process is refused. */
	ok = ok && ALLOW_IF(ctx, SCMP_SYS(kill), SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid()));
	ok = ok && ALLOW_IF(ctx, SCMP_SYS(tgkill), SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid()));
	/* Asking whether the filter is on (sandbox_mode) is no privilege. */
	ok = ok && ALLOW_IF(ctx, SCMP_SYS(prctl), SCMP_A0(SCMP_CMP_EQ, PR_GET_SECCOMP));
	/* stdio asks isatty() before it buffers a stream; the resolver asks how much a reply holds. */
	ok = ok && ALLOW_IF(ctx, SCMP_SYS(ioctl), SCMP_A1(SCMP_CMP_EQ, TCGETS));
	ok = ok && ALLOW_IF(ctx, SCMP_SYS(ioctl), SCMP_A1(SCMP_CMP_EQ, FIONREAD));
	/* Opening for reading only, never creating or truncating; the sanitisers also open their log. */
	const scmp_datum_t rd_mask = SANDBOX_SANITIZER ? 0 : (O_ACCMODE | O_CREAT | O_TRUNC);
	if (p == SANDBOX_IMAGE) {
		/* libvips decodes in a pool of threads (glib): a clone that makes a thread of this
		 * process, never a new process; clone3 is answered "not here" so glibc falls back to
		 * clone, whose flags the filter can read. */
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(clone), SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD));
		ok = ok && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0) == 0;
		ok = ok && ALLOW_ALL(ctx, image_calls);
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(prctl), SCMP_A0(SCMP_CMP_EQ, PR_SET_NAME));
		/* glib asks whether stderr is journald's socket before it logs a decoder's warning
		 * (a damaged file): told it is no socket, it writes the line to stderr. */
		ok = ok && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOTSOCK), SCMP_SYS(getpeername), 0) == 0;
		ok = ok && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOTSOCK), SCMP_SYS(getsockname), 0) == 0;
	}
	if (p == SANDBOX_PARSER || p == SANDBOX_IMAGE) {
		/* The parser gets no new files at all. libxml2 and iconv may try (an encoding's
		 * conversion module): they are told no instead of killing an import halfway. */
		if (!SANDBOX_SANITIZER) {
			ok = ok && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 0) == 0;
			if (SCMP_SYS(open) >= 0)
				ok = ok && seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 0) == 0;
		}
	}
	if (p == SANDBOX_WORKER || p == SANDBOX_WORKER_MEDIA) {
		ok = ok && ALLOW_ALL(ctx, net_calls);
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(socket), SCMP_A0(SCMP_CMP_EQ, AF_UNIX));
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(socket), SCMP_A0(SCMP_CMP_EQ, AF_INET));
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(socket), SCMP_A0(SCMP_CMP_EQ, AF_INET6));
		/* getaddrinfo asks the kernel which address families are configured. */
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(socket), SCMP_A0(SCMP_CMP_EQ, AF_NETLINK));
		/* libcurl (web/outbound.c: payment providers) makes a local socket pair per transfer to
		 * wake its poll loop; only the AF_UNIX kind, which reaches nothing outside the process. */
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(socketpair), SCMP_A0(SCMP_CMP_EQ, AF_UNIX));
	}
	if ((p != SANDBOX_PARSER && p != SANDBOX_IMAGE) || SANDBOX_SANITIZER) {
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(openat), SCMP_A2(SCMP_CMP_MASKED_EQ, rd_mask, O_RDONLY));
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(open), SCMP_A1(SCMP_CMP_MASKED_EQ, rd_mask, O_RDONLY));
	}
	if (p == SANDBOX_WORKER_MEDIA) {
		/* Write-only, and only a file that did not exist: an upload can add, never overwrite. */
		const scmp_datum_t m = O_ACCMODE | O_CREAT | O_EXCL | O_TRUNC | O_APPEND;
		const scmp_datum_t v = O_WRONLY | O_CREAT | O_EXCL;
		ok = ok && ALLOW_ALL(ctx, media_calls);
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(openat), SCMP_A2(SCMP_CMP_MASKED_EQ, m, v));
		ok = ok && ALLOW_IF(ctx, SCMP_SYS(open), SCMP_A1(SCMP_CMP_MASKED_EQ, m, v));
	}
	if (SANDBOX_SANITIZER)
		ok = ok && ALLOW_ALL(ctx, sanitizer_calls);
	int rc = ok ? seccomp_load(ctx) : -1;
	seccomp_release(ctx);
	if (rc != 0) {
		fprintf(stderr, "sandbox: cannot install the seccomp filter%s%s\n", rc < 0 && ok ? ": " : "",
			rc < 0 && ok ? strerror(-rc) : "");
		return false;
	}
	return true;
}
