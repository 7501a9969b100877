/* image_child.c: a picture is decoded by libvips in a confined child, as crowdcartctl import parses
 * a catalog (import_sandbox.c): the parent never decodes, and reads the child's renditions as
 * untrusted bytes: counts, sizes and widths checked against the ladder, file magic checked. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>
#include "lib/pipe_io.h"
#include "lib/sandbox.h"
#include "ctl/image_child.h"

/* What one child may use: the largest allowed picture decoded (160 MB) several times over, and
 * a minute of CPU, far beyond an honest picture's few seconds. */
#define CHILD_MEMORY (1536ull << 20)
#define CHILD_CPU_SECONDS 60
/* The most one rendition may weigh on the wire: a 1600 px JPEG at our quality is far smaller. */
#define RENDITION_MAX (16u << 20)

static bool put_u32(int fd, uint32_t v)
{
	return pipe_io_write_all(fd, &v, sizeof v);
}

/* The child: never returns. The answer is: status, width, height, count, then either the reason
 * (length, bytes) or each rendition (kind, width, height, length, bytes). */
static void child(const uint8_t *src, size_t len, int out)
{
	for (int fd = 3; fd < 4096; fd++)
		if (fd != out)
			close(fd);
	struct rlimit mem = { CHILD_MEMORY, CHILD_MEMORY }, cpu = { CHILD_CPU_SECONDS, CHILD_CPU_SECONDS };
	/* libvips loads its modules (libheif...) and starts glib before any byte is read. */
	if ((!SANDBOX_SANITIZER && setrlimit(RLIMIT_AS, &mem) != 0) || setrlimit(RLIMIT_CPU, &cpu) != 0 || !image_pipeline_init() ||
	    !sandbox_drop_user(sandbox_user()) || !sandbox_filter(SANDBOX_IMAGE))
		_exit(111);
	struct image_result res;
	bool ok = image_pipeline_run(src, len, &res);
	bool sent = put_u32(out, ok) && put_u32(out, res.width) && put_u32(out, res.height) &&
		    put_u32(out, (uint32_t)res.n);
	if (!ok) {
		size_t n = strnlen(res.error, sizeof res.error);
		sent = sent && put_u32(out, (uint32_t)n) && pipe_io_write_all(out, res.error, n);
	}
	for (size_t i = 0; sent && i < res.n; i++)
		sent = put_u32(out, res.r[i].kind) && put_u32(out, res.r[i].width) && put_u32(out, res.r[i].height) &&
		       put_u32(out, (uint32_t)res.r[i].len) && pipe_io_write_all(out, res.r[i].data, res.r[i].len);
	_exit(sent ? 0 : 112);
}

static bool magic_ok(enum image_kind kind, const uint8_t *p, size_t n)
{
	if (kind == IMAGE_OUT_WEBP)
		return n >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBP", 4) == 0;
	if (kind == IMAGE_OUT_AVIF)	/* an ISO BMFF "ftyp" box of brand avif */
		return n >= 12 && memcmp(p + 4, "ftypavif", 8) == 0;
	return n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF;
}

/* The rendition the ladder expects at index i of n, for a picture width x height: each step's WebP,
 * JPEG and (up to IMAGE_AVIF_MAX_W) AVIF, in that order, then the shared-link picture. */
static bool expected(unsigned width, unsigned height, size_t i, size_t n, enum image_kind *kind, unsigned *w, unsigned *h)
{
	unsigned widths[IMAGE_LADDER_N];
	size_t steps = image_widths(width, widths), at = 0;
	for (size_t s = 0; s < steps; s++) {
		size_t per = widths[s] <= IMAGE_AVIF_MAX_W ? 3 : 2;
		if (i >= at && i < at + per) {
			static const enum image_kind order[] = { IMAGE_OUT_WEBP, IMAGE_OUT_JPEG, IMAGE_OUT_AVIF };
			*kind = order[i - at];
			*w = widths[s];
			*h = image_scaled_height(width, height, *w);
		}
		at += per;
	}
	if (n != at + 1)
		return false;
	if (i == n - 1) {
		*kind = IMAGE_OUT_SHARE_JPEG;
		*w = IMAGE_SHARE_W;
		*h = IMAGE_SHARE_H;
	}
	return i < n;
}

/* Reads the child's answer; NULL when it decodes, else what was wrong with it. */
static const char *receive(int fd, struct image_result *out, bool *refused)
{
	uint32_t head[4];
	if (!pipe_io_read_full(fd, head, sizeof head))
		return "the image process stopped before its answer";
	out->width = head[1];
	out->height = head[2];
	if (head[0] == 0) {
		uint32_t n;
		if (!pipe_io_read_full(fd, &n, sizeof n) || n == 0 || n >= sizeof out->error || !pipe_io_read_full(fd, out->error, n))
			return "the image process sent a reason that does not decode";
		out->error[n] = '\0';
		for (uint32_t i = 0; i < n; i++)
			if ((unsigned char)out->error[i] < 0x20)
				return "the image process sent a reason that does not decode";
		*refused = true;
		return NULL;
	}
	if (head[0] != 1 || image_size_refusal(out->width, out->height) || head[3] > IMAGE_RENDITIONS_MAX)
		return "the image process sent a size or a count beyond the limits";
	for (size_t i = 0; i < head[3]; i++) {
		uint32_t r[4];
		enum image_kind kind = IMAGE_OUT_WEBP;
		unsigned w = 0, h = 0;
		if (!pipe_io_read_full(fd, r, sizeof r))
			return "the image process stopped before its answer";
		/* a rounding of one pixel either way is libvips' business, not a lie */
		if (!expected(out->width, out->height, i, head[3], &kind, &w, &h) || r[0] != (uint32_t)kind ||
		    r[1] != w || r[2] + 1 < h || r[2] > h + 1 || r[3] == 0 || r[3] > RENDITION_MAX)
			return "the image process sent renditions the ladder does not have";
		struct image_rendition *d = &out->r[out->n];
		*d = (struct image_rendition){ kind, r[1], r[2], g_malloc(r[3]), r[3] };
		out->n++;
		if (!pipe_io_read_full(fd, d->data, d->len))
			return "the image process stopped before its answer";
		if (!magic_ok(kind, d->data, d->len))
			return "the image process sent a file that is not what it said";
	}
	uint8_t extra;
	if (pipe_io_read_full(fd, &extra, 1))
		return "the image process sent more than its answer";
	return NULL;
}

enum image_child_status image_child_run(const uint8_t *src, size_t len, struct image_result *out)
{
	memset(out, 0, sizeof *out);
	int fds[2];
	if (fflush(NULL) != 0 || pipe(fds) != 0) {
		snprintf(out->error, sizeof out->error, "no pipe to the image process");
		return IMAGE_CHILD_FAILED;
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		child(src, len, fds[1]);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		snprintf(out->error, sizeof out->error, "fork failed");
		return IMAGE_CHILD_FAILED;
	}
	bool refused = false;
	const char *err = receive(fds[0], out, &refused);
	if (err)
		kill(pid, SIGKILL);
	close(fds[0]);
	int ws;
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	if (!err && !(WIFEXITED(ws) && WEXITSTATUS(ws) == 0))
		err = "the image process did not end cleanly";
	if (err || (WIFSIGNALED(ws) && WTERMSIG(ws) != SIGKILL)) {
		image_result_free(out);
		if (WIFSIGNALED(ws) && !(err && WTERMSIG(ws) == SIGKILL))
			snprintf(out->error, sizeof out->error, "the image process was killed by signal %d (%s)",
				 WTERMSIG(ws), strsignal(WTERMSIG(ws)));
		else if (WIFEXITED(ws) && WEXITSTATUS(ws) != 0)
			snprintf(out->error, sizeof out->error, "the image process exited with status %d", WEXITSTATUS(ws));
		else
			snprintf(out->error, sizeof out->error, "%s", err);
		return IMAGE_CHILD_FAILED;
	}
	return refused ? IMAGE_CHILD_REFUSED : IMAGE_CHILD_DONE;
}
