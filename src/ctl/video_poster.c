/* video_poster.c: a poster frame for each uploaded video without one (video_poster.h). The MP4 is
 * the uploader's; ffmpeg parses it in a child without root, with a minute of CPU and 1 GiB of
 * address space, and its PNG answer is sniffed and then decoded again only in the image child. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/image_sniff.h"
#include "lib/sandbox.h"
#include "domain/media/image_asset.h"
#include "domain/media/poster_frame.h"
#include "ctl/lease.h"
#include "ctl/video_poster.h"

#define POSTER_ATTEMPTS 3

static const struct db_stmt q_discover = {
	"INSERT IGNORE INTO video_posters (video_id, status, next_attempt_at)"
	" SELECT v.id, 'pending', UTC_TIMESTAMP() FROM videos v LEFT JOIN video_posters p ON p.video_id = v.id"
	" WHERE p.video_id IS NULL AND v.poster_url = '' AND v.deleted_at IS NULL AND v.src_url LIKE '/media/%.mp4' LIMIT 50", "", "" };
static const struct db_stmt q_due = {
	"SELECT video_id FROM video_posters WHERE status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()"
	" ORDER BY next_attempt_at, video_id LIMIT 5", "", "i" };
static const struct db_stmt q_claim = {
	"UPDATE video_posters SET next_attempt_at = UTC_TIMESTAMP() + INTERVAL 300 SECOND, attempts = attempts + 1"
	" WHERE video_id = ? AND status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()", "i", "" };
static const struct db_stmt q_load = {
	"SELECT v.src_url, v.poster_url, p.attempts, COALESCE(v.poster_second, " POSTER_FRAME_DEFAULT_SQL ")"
	" FROM videos v JOIN video_posters p ON p.video_id = v.id WHERE v.id = ?", "i", "ssii" };
/* Only while the owner has not set a poster, nor chosen another second, meanwhile. */
static const struct db_stmt q_set = {
	"UPDATE videos SET poster_url = ? WHERE id = ? AND poster_url = ''"
	" AND COALESCE(poster_second, " POSTER_FRAME_DEFAULT_SQL ") = ?", "sii", "" };
static const struct db_stmt q_done = {
	"UPDATE video_posters SET status = 'done', error = '' WHERE video_id = ?", "i", "" };
static const struct db_stmt q_fail = {
	"UPDATE video_posters SET status = IF(? = 1, 'failed', 'pending'), error = ? WHERE video_id = ?", "isi", "" };

/* The file name of an upload's address, "/media/<name>.mp4": letters, digits, '-', '_' and one
 * dot; NULL for anything else (a path that could leave the media folder above all). */
static const char *media_name(const char *src)
{
	if (strncmp(src, "/media/", 7) != 0)
		return NULL;
	const char *name = src + 7;
	size_t n = strlen(name);
	if (n < 5 || n > 100 || strcmp(name + n - 4, ".mp4") != 0)
		return NULL;
	for (size_t i = 0; i < n - 4; i++)
		if (!(name[i] >= 'a' && name[i] <= 'z') && !(name[i] >= 'A' && name[i] <= 'Z') &&
		    !(name[i] >= '0' && name[i] <= '9') && name[i] != '-' && name[i] != '_')
			return NULL;
	return name;
}

/* Runs ffmpeg on path in the confined child for the frame at `second`; the PNG frame (malloc'd) or
 * NULL (also when the video is shorter than that). */
static uint8_t *frame(const char *path, long long second, size_t *len)
{
	char at[24];
	snprintf(at, sizeof at, "%lld", second);
	int fds[2];
	if (fflush(NULL) != 0 || pipe(fds) != 0)
		return NULL;
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR | O_CLOEXEC);
		if (null < 0 || dup2(fds[1], 1) < 0 || dup2(null, 0) < 0 || dup2(null, 2) < 0)
			_exit(111);
		for (int fd = 3; fd < 4096; fd++)
			close(fd);
		struct rlimit mem = { 1ull << 30, 1ull << 30 }, cpu = { 60, 60 };
		if (setrlimit(RLIMIT_AS, &mem) != 0 || setrlimit(RLIMIT_CPU, &cpu) != 0 || !sandbox_drop_user(sandbox_user()))
			_exit(111);
		execlp("ffmpeg", "ffmpeg", "-nostdin", "-v", "error", "-ss", at, "-i", path, "-frames:v", "1",
		       "-f", "image2pipe", "-vcodec", "png", "-", (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		return NULL;
	}
	size_t cap = 1 << 20, n = 0;
	uint8_t *buf = malloc(cap);
	bool over = false;
	for (;;) {
		if (n == cap) {
			if (cap >= IMAGE_MAX_BYTES) {
				over = true;
				break;
			}
			cap *= 2;
			buf = realloc(buf, cap);
		}
		ssize_t r = read(fds[0], buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	if (over)
		kill(pid, SIGKILL);
	close(fds[0]);
	int ws;
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	if (over || !WIFEXITED(ws) || WEXITSTATUS(ws) != 0 || n == 0) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

struct poster_ctx {
	const char *media_dir;
	long made;
};

static bool make_one(struct db *db, struct arena *a, long long id, void *ctx)
{
	struct poster_ctx *c = ctx;
	struct db_res d;
	if (db_query(db, a, &q_load, (struct db_param[]){ DB_I(id) }, &d) != DB_OK)
		return false;
	if (d.nrows == 0)
		return true;
	const char *name = media_name(db_at(&d, 0, 0)->s);
	long long attempts = db_at(&d, 0, 2)->i, second = db_at(&d, 0, 3)->i;
	if (*db_at(&d, 0, 1)->s || !name)	/* a poster was set meanwhile, or not one of our uploads */
		return db_query(db, NULL, &q_done, (struct db_param[]){ DB_I(id) }, NULL) == DB_OK;
	size_t len = 0;
	uint8_t *png = frame(arena_printf(a, "%s/%s", c->media_dir, name), second, &len);
	struct image_sniff s;
	if (!png || !image_sniff(png, len, &s) || s.format != IMAGE_PNG) {
		free(png);
		fprintf(stderr, "crowdcartctl: video %lld (attempt %lld): ffmpeg found no frame at %lld s in %s\n", id, attempts,
			second, name);
		bool last = attempts >= POSTER_ATTEMPTS;
		const char *why = arena_printf(a, "No frame at %lld s: is the video that long?", second);
		return db_query(db, NULL, &q_fail, (struct db_param[]){ DB_I(last), DB_S(why), DB_I(id) }, NULL) == DB_OK;
	}
	char key[IMAGE_KEY_LEN + 1];
	enum db_status rc = image_asset_add(db, 0, png, len, key);
	free(png);
	if (rc != DB_OK)
		return false;
	const char *path = arena_printf(a, IMAGE_PATH_PREFIX "%s", key);
	if (db_query(db, NULL, &q_set, (struct db_param[]){ DB_S(path), DB_I(id), DB_I(second) }, NULL) != DB_OK ||
	    db_query(db, NULL, &q_done, (struct db_param[]){ DB_I(id) }, NULL) != DB_OK)
		return false;
	c->made++;
	return true;
}

long video_poster_pass(struct db *db, struct arena *a, const char *media_dir)
{
	struct poster_ctx c = { media_dir, 0 };
	struct lease_job job = { &q_due, 5, &q_claim, make_one, &c, 0 };
	if (db_query(db, NULL, &q_discover, NULL, NULL) != DB_OK || lease_pass(db, a, &job) < 0)
		return -1;
	return c.made;
}
