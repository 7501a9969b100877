/* import_sandbox.c: crowdcartctl import's check pass in a child without root, network or open
 * (kcgi's parsing child); the child's report comes back over a pipe and is decoded as untrusted. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libxml/parser.h>
#include "lib/buf.h"
#include "ctl/import_sandbox.h"
#include "lib/sandbox.h"

/* The most a report can take: 54 messages of a line or two, with room to spare. A child that
 * sends more is not a parser doing its job. */
#define REPORT_MAX (4u << 20)

static const struct db_stmt q_run = {
	"INSERT INTO import_runs (brand_id, user_id, format, source, status, rows_read, products,"
	" created, updated, unchanged, skipped, error_count, errors, started_at, finished_at)"
	" VALUES (?, NULL, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	"isssiiis", "" };

static size_t file_read(void *ctx, void *buf, size_t n)
{
	return fread(buf, 1, n, ctx);
}

static bool no_rewind(void *ctx)
{
	return false;	/* the check pass reads once; without a database there is no second pass */
}

static void put_u64(struct buf *b, uint64_t v)
{
	buf_put(b, &v, sizeof v);
}

static void put_str(struct buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	put_u64(b, n);
	buf_put(b, s ? s : "", n);
}

static bool write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* The child: never returns. Everything before sandbox_filter is done with trusted data only. */
static void check_child(FILE *fp, int out, enum cat_format f, const char *currency, const char *name)
{
	/* Inherited descriptors it has no business with (the MariaDB connection above all) go
	 * before any byte of the file is read. */
	for (int fd = 3; fd < 4096; fd++)
		if (fd != fileno(fp) && fd != out)
			close(fd);
	xmlInitParser();	/* sanitize.c's libxml2, set up before its first use is confined */
	if (!sandbox_drop_user(sandbox_user()) || !sandbox_filter(SANDBOX_PARSER))
		_exit(111);
	struct arena *a = arena_new(1 << 16);
	struct cat_report rep = { .a = a };
	struct cat_source src = { file_read, no_rewind, fp };
	bool ok = catalog_import(NULL, 0, currency, f, &src, name, &rep);
	struct buf b;
	buf_init(&b, a, 4096);
	put_u64(&b, ok);
	put_u64(&b, rep.rows);
	put_u64(&b, rep.products);
	put_u64(&b, rep.variants);
	put_u64(&b, rep.images);
	put_u64(&b, rep.error_count);
	put_u64(&b, rep.nerrors);
	for (size_t i = 0; i < rep.nerrors; i++) {
		put_u64(&b, rep.errors[i].line);
		put_str(&b, rep.errors[i].msg);
	}
	put_u64(&b, rep.nnotices);
	for (size_t i = 0; i < rep.nnotices; i++) {
		put_u64(&b, rep.notices[i].line);
		put_str(&b, rep.notices[i].msg);
	}
	put_u64(&b, rep.fatal != NULL);
	put_str(&b, rep.fatal);
	const char *p = buf_cstr(&b);
	_exit(write_all(out, p, b.len) ? 0 : 112);
}

/* Decoding what the child sent: every count and length is checked against what is left. */
struct rd {
	const uint8_t *p, *end;
	struct arena *a;
	bool ok;
};

static uint64_t get_u64(struct rd *r)
{
	uint64_t v = 0;
	if ((size_t)(r->end - r->p) < sizeof v) {
		r->ok = false;
		return 0;
	}
	memcpy(&v, r->p, sizeof v);
	r->p += sizeof v;
	return v;
}

static const char *get_str(struct rd *r)
{
	uint64_t n = get_u64(r);
	if (!r->ok || n > (uint64_t)(r->end - r->p)) {
		r->ok = false;
		return "";
	}
	char *s = arena_alloc(r->a, (size_t)n + 1);
	memcpy(s, r->p, (size_t)n);
	s[n] = '\0';
	r->p += n;
	return s;
}

static bool decode(const uint8_t *p, size_t len, struct cat_report *rep, bool *accepted)
{
	struct rd r = { p, p + len, rep->a, true };
	*accepted = get_u64(&r) == 1;
	rep->rows = get_u64(&r);
	rep->products = get_u64(&r);
	rep->variants = get_u64(&r);
	rep->images = get_u64(&r);
	rep->error_count = get_u64(&r);
	uint64_t n = get_u64(&r);
	if (n > CAT_MAX_ERRORS)
		return false;
	for (rep->nerrors = 0; r.ok && rep->nerrors < n; rep->nerrors++) {
		rep->errors[rep->nerrors].line = get_u64(&r);
		rep->errors[rep->nerrors].msg = get_str(&r);
	}
	n = get_u64(&r);
	if (n > CAT_MAX_NOTICES)
		return false;
	for (rep->nnotices = 0; r.ok && rep->nnotices < n; rep->nnotices++) {
		rep->notices[rep->nnotices].line = get_u64(&r);
		rep->notices[rep->nnotices].msg = get_str(&r);
	}
	bool fatal = get_u64(&r) != 0;
	const char *msg = get_str(&r);
	rep->fatal = fatal ? msg : NULL;
	/* An accepted file has no errors; a rejected one has at least one. Anything else is a lie. */
	return r.ok && r.p == r.end && *accepted == (rep->error_count == 0 && !rep->fatal);
}

enum sandbox_check import_check_sandboxed(FILE *fp, enum cat_format f, const char *currency,
					  const char *name, struct cat_report *rep)
{
	int fds[2];
	if (fflush(NULL) != 0 || pipe(fds) != 0) {
		rep->fatal = "the file could not be checked: no pipe to the checking process";
		return SANDBOX_CHECK_FAILED;
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		check_child(fp, fds[1], f, currency, name);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		rep->fatal = "the file could not be checked: fork failed";
		return SANDBOX_CHECK_FAILED;
	}
	uint8_t *data = xmalloc(REPORT_MAX);
	size_t len = 0;
	bool too_long = false;
	for (;;) {
		ssize_t n = read(fds[0], data + len, REPORT_MAX - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
		if (len == REPORT_MAX) {
			too_long = true;
			kill(pid, SIGKILL);
			break;
		}
	}
	close(fds[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	struct cat_report got = { .a = rep->a };
	bool accepted = false;
	enum sandbox_check rc = SANDBOX_CHECK_FAILED;
	if (WIFSIGNALED(st))
		rep->fatal = arena_printf(rep->a, "the file could not be checked: the checking process was"
					  " killed by signal %d (%s); nothing written", WTERMSIG(st),
					  strsignal(WTERMSIG(st)));
	else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		rep->fatal = arena_printf(rep->a, "the file could not be checked: the checking process"
					  " exited with status %d; nothing written", WEXITSTATUS(st));
	else if (too_long || !decode(data, len, &got, &accepted))
		rep->fatal = "the file could not be checked: the checking process sent a report that does"
			     " not decode; nothing written";
	else if (accepted) {
		rewind(fp);	/* the child read through the same open file */
		rc = SANDBOX_CHECK_ACCEPTED;
	} else {
		*rep = got;
		rc = SANDBOX_CHECK_REJECTED;
	}
	free(data);
	return rc;
}

void import_record_unparsed(struct db *db, long long brand_id, enum cat_format f, const char *name,
			    struct cat_report *rep)
{
	struct buf errs;
	buf_init(&errs, rep->a, 1024);
	for (size_t i = 0; i < rep->nnotices; i++)
		buf_printf(&errs, "line %lu: notice: %s\n", rep->notices[i].line, rep->notices[i].msg);
	for (size_t i = 0; i < rep->nerrors; i++)
		buf_printf(&errs, "line %lu: %s\n", rep->errors[i].line, rep->errors[i].msg);
	if (rep->fatal)
		buf_printf(&errs, "%s\n", rep->fatal);
	char src[256];
	snprintf(src, sizeof src, "%s", name ? name : "");
	enum db_status rc = db_query(db, rep->a, &q_run,
		(struct db_param[]){ DB_I(brand_id), DB_S(cat_format_name(f)), DB_S(src),
				     DB_S(rep->fatal ? "failed" : "rejected"), DB_I(rep->rows), DB_I(rep->products),
				     DB_I(rep->error_count), DB_S(buf_cstr(&errs)) }, NULL);
	if (rc != DB_OK)
		fprintf(stderr, "crowdcartctl: could not record the import run: %s\n", db_status_str(rc));
}
