/* import_sandbox.c: crowdcartctl import's parse pass in a child without root, network or open
 * (kcgi's parsing child). The child streams the parsed products and its report over a pipe; the
 * parent decodes them as untrusted, spools them, and writes them only once the child has lived
 * to the end and accepted the file. The parent never parses the file. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <libxml/parser.h>
#include "lib/buf.h"
#include "lib/pipe_io.h"
#include "lib/sandbox.h"
#include "domain/catalog/catalog_import.h"
#include "domain/catalog/catalog_parse.h"
#include "domain/catalog/catalog_wire.h"
#include "domain/catalog/catalog_write.h"
#include "ctl/import_sandbox.h"

/* The most the child may send: every byte it sends comes from the file, but a short row can
 * become a longer product (field lengths, a description's escaping), so the bound is a multiple
 * of the file's size plus room for the report. A child that sends more is not parsing. */
#define WIRE_BASE (64ull << 20)
#define WIRE_PER_BYTE 32ull
/* The parent writes in batches and reuses the memory of decoded products once a batch is out;
 * frames that never line up with batches are written early rather than held. */
#define DECODED_MAX (32u << 20)

static size_t file_read(void *ctx, void *buf, size_t n)
{
	return fread(buf, 1, n, ctx);
}

static bool no_rewind(void *ctx)
{
	return false;	/* the child reads the file once */
}

/* The child's side: products go into a frame that is sent when it holds CATALOG_BATCH products or
 * CATALOG_WIRE_FRAME_SOFT bytes; a product is encoded as soon as it is handed over, so the parser
 * may reuse its memory at once. */
struct stream {
	int fd;
	struct buf b;
	size_t at, n;
	bool broken;
};

static bool send_frame(struct stream *s)
{
	if (s->n == 0)
		return true;
	catalog_wire_end_products(&s->b, s->at, s->n);
	bool ok = pipe_io_write_all(s->fd, s->b.p, s->b.len);
	s->b.len = 0;
	s->n = 0;
	return ok;
}

static enum catalog_sink_ret sink_stream(void *ctx, struct catalog_product *p)
{
	struct stream *s = ctx;
	if (!p)
		return send_frame(s) ? CATALOG_SINK_RELEASE : (s->broken = true, CATALOG_SINK_STOP);
	if (s->n == 0)
		s->at = catalog_wire_begin_products(&s->b);
	catalog_wire_put_product(&s->b, p);
	s->n++;
	if ((s->n == CATALOG_BATCH || s->b.len >= CATALOG_WIRE_FRAME_SOFT) && !send_frame(s)) {
		s->broken = true;
		return CATALOG_SINK_STOP;
	}
	return CATALOG_SINK_RELEASE;
}

/* The child: never returns. Everything before sandbox_filter is done with trusted data only. */
static void parse_child(FILE *fp, int out, enum catalog_format f, const char *currency)
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
	struct catalog_report rep = { .a = a };
	struct catalog_source src = { file_read, no_rewind, fp };
	struct stream s = { .fd = out };
	buf_init(&s.b, arena_new(1 << 20), 1 << 20);
	bool ok = catalog_parse(f, currency, &src, &rep, sink_stream, &s);
	if (s.broken)
		_exit(112);
	s.b.len = 0;
	catalog_wire_put_report(&s.b, &rep, ok);
	_exit(pipe_io_write_all(out, s.b.p, s.b.len) ? 0 : 112);
}

/* The pipe ended early: the child died or gave up, and how it ended is the better explanation. */
static const char stopped_early[] = "the parsing process stopped before its report";

/* A frame's payload buffer, grown to the largest frame seen (at most CATALOG_WIRE_FRAME_MAX). */
struct payload {
	uint8_t *p;
	size_t cap;
};

static uint8_t *payload_room(struct payload *pl, size_t n)
{
	if (n > pl->cap) {
		free(pl->p);
		pl->cap = n;
		pl->p = xmalloc(n ? n : 1);
	}
	return pl->p;
}

/* The parent's side of the pipe. Returns the error to report, or NULL when the stream ended with
 * a report that decodes (then *got and *accepted are set and the products are spooled). */
static const char *receive(int fd, FILE *spool, unsigned long long limit, struct catalog_report *got, bool *accepted)
{
	struct arena *scratch = arena_new(1 << 16);
	struct payload pl = { 0 };
	struct catalog_wire_totals t = { 0 };
	unsigned long long total = 0;
	const char *err = NULL;
	for (;;) {
		uint8_t head[CATALOG_WIRE_HEAD];
		enum catalog_wire_kind kind;
		size_t n;
		if (!pipe_io_read_full(fd, head, sizeof head)) {
			err = stopped_early;
			break;
		}
		if (!catalog_wire_head(head, &kind, &n) || (total += sizeof head + n) > limit) {
			err = "the parsing process sent more than a report, or bytes that do not decode";
			break;
		}
		uint8_t *p = payload_room(&pl, n);
		if (!pipe_io_read_full(fd, p, n)) {
			err = stopped_early;
			break;
		}
		if (kind == CATALOG_WIRE_REPORT) {
			uint8_t extra;
			if (!catalog_wire_get_report(p, n, got, accepted) || !catalog_wire_check_totals(got, *accepted, &t) ||
			    pipe_io_read_full(fd, &extra, 1))
				err = "the parsing process sent a report that does not decode";
			break;
		}
		struct catalog_product **items;
		size_t count;
		if (!catalog_wire_get_products(p, n, scratch, &items, &count)) {
			err = "the parsing process sent products that do not decode";
			break;
		}
		for (size_t i = 0; i < count; i++) {
			t.products++;
			t.variants += items[i]->nvars;
			t.images += items[i]->nimages;
		}
		arena_reset(scratch);
		if (fwrite(head, 1, sizeof head, spool) != sizeof head || fwrite(p, 1, n, spool) != n) {
			err = "the parsed products could not be kept in a temporary file";
			break;
		}
	}
	free(pl.p);
	arena_free(scratch);
	return err;
}

enum sandbox_check import_parse_sandboxed(FILE *fp, enum catalog_format f, const char *currency,
					  FILE *spool, struct catalog_report *rep)
{
	struct stat st;
	int fds[2];
	if (!spool || fstat(fileno(fp), &st) != 0) {
		rep->fatal = "the file could not be parsed: no temporary file for the parsed products";
		return SANDBOX_CHECK_FAILED;
	}
	if (fflush(NULL) != 0 || pipe(fds) != 0) {
		rep->fatal = "the file could not be parsed: no pipe to the parsing process";
		return SANDBOX_CHECK_FAILED;
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		parse_child(fp, fds[1], f, currency);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		rep->fatal = "the file could not be parsed: fork failed";
		return SANDBOX_CHECK_FAILED;
	}
	unsigned long long limit = WIRE_BASE + WIRE_PER_BYTE * (unsigned long long)(st.st_size > 0 ? st.st_size : 0);
	struct catalog_report got = { .a = rep->a };
	bool accepted = false;
	const char *err = receive(fds[0], spool, limit, &got, &accepted);
	bool stopped = err && err != stopped_early;
	if (stopped)
		kill(pid, SIGKILL);	/* it may be blocked writing more; it gets no say now */
	close(fds[0]);
	int ws;
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	/* How the child ended says more than what it sent, unless it ended because we stopped it. */
	const char *how = NULL;
	if (WIFSIGNALED(ws) && !stopped)
		how = arena_printf(rep->a, "the parsing process was killed by signal %d (%s)", WTERMSIG(ws),
				   strsignal(WTERMSIG(ws)));
	else if (WIFEXITED(ws) && WEXITSTATUS(ws) != 0)
		how = arena_printf(rep->a, "the parsing process exited with status %d", WEXITSTATUS(ws));
	if (how || err) {
		rep->fatal = arena_printf(rep->a, "the file could not be parsed: %s; nothing written", how ? how : err);
		return SANDBOX_CHECK_FAILED;
	}
	if (fflush(spool) != 0 || fseek(spool, 0, SEEK_SET) != 0) {
		rep->fatal = "the file could not be parsed: the temporary file of parsed products failed;"
			     " nothing written";
		return SANDBOX_CHECK_FAILED;
	}
	got.user_id = rep->user_id;
	*rep = got;
	return accepted ? SANDBOX_CHECK_ACCEPTED : SANDBOX_CHECK_REJECTED;
}

bool import_write_spooled(struct db *db, long long brand_id, FILE *spool, struct catalog_report *rep)
{
	struct arena *a = arena_new(1 << 16);
	struct payload pl = { 0 };
	struct catalog_writer w;
	catalog_writer_init(&w, db, brand_id, rep);
	size_t held = 0;
	bool ok = true;
	const char *err = NULL;
	uint8_t head[CATALOG_WIRE_HEAD];
	while (ok && fread(head, 1, sizeof head, spool) == sizeof head) {
		enum catalog_wire_kind kind;
		size_t n, count;
		struct catalog_product **items;
		uint8_t *p = NULL;
		/* The spool is this process's file, but its bytes are the child's: decoded again. */
		if (!catalog_wire_head(head, &kind, &n) || kind != CATALOG_WIRE_PRODUCTS ||
		    fread(p = payload_room(&pl, n), 1, n, spool) != n ||
		    !catalog_wire_get_products(p, n, a, &items, &count)) {
			err = "the temporary file of parsed products does not decode";
			ok = false;
			break;
		}
		for (size_t i = 0; ok && i < count; i++)
			ok = catalog_writer_add(&w, items[i]);
		held += n;
		if (ok && (catalog_writer_pending(&w) == 0 || held > DECODED_MAX)) {
			ok = catalog_writer_flush(&w);
			arena_reset(a);
			held = 0;
		}
	}
	if (ok && ferror(spool)) {
		err = "the temporary file of parsed products could not be read";
		ok = false;
	}
	ok = ok && catalog_writer_flush(&w);
	if (!ok)
		rep->fatal = err ? arena_printf(rep->a, "%s; batches already written stay", err)
				 : catalog_write_failed(rep->a, w.rc);
	catalog_writer_free(&w);
	free(pl.p);
	arena_free(a);
	return ok;
}
