/* live_replay.c: recordings into replays (live_replay.h). The file name comes from the database,
 * where the recording callback put it only after checking its shape (live_stream_key.h), and is
 * checked again here: nothing but a session's own recording is ever opened. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/config.h"
#include "lib/sandbox.h"
#include "domain/live/live_stream_key.h"
#include "ctl/lease.h"
#include "ctl/live_replay.h"

#define REPLAY_ATTEMPTS 3

static const struct db_stmt q_due = {
	"SELECT session_id FROM live_streams WHERE replay_state = 'pending' AND replay_next_at <= UTC_TIMESTAMP()"
	" ORDER BY replay_next_at, session_id LIMIT 5", "", "i" };
static const struct db_stmt q_claim = {
	"UPDATE live_streams SET replay_next_at = UTC_TIMESTAMP() + INTERVAL 600 SECOND, replay_attempts = replay_attempts + 1"
	" WHERE session_id = ? AND replay_state = 'pending' AND replay_next_at <= UTC_TIMESTAMP()", "i", "" };
static const struct db_stmt q_load = {
	"SELECT recording, replay_attempts FROM live_streams WHERE session_id = ?", "i", "si" };
/* The creator's own replay address, when they set one, wins over the recording. */
static const struct db_stmt q_set = {
	"UPDATE live_sessions SET replay_url = ? WHERE id = ? AND replay_url = ''", "si", "" };
static const struct db_stmt q_done = {
	"UPDATE live_streams SET replay_state = 'done' WHERE session_id = ?", "i", "" };
static const struct db_stmt q_fail = {
	"UPDATE live_streams SET replay_state = IF(? = 1, 'failed', 'pending'),"
	" replay_next_at = UTC_TIMESTAMP() + INTERVAL 60 SECOND WHERE session_id = ?", "ii", "" };

/* ffmpeg copies the streams of in into out (MP4, index first so playback starts before the whole
 * file is loaded); true when it finished. */
static bool remux(const char *in, const char *out)
{
	if (fflush(NULL) != 0)
		return false;
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR | O_CLOEXEC);
		if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0)
			_exit(111);
		for (int fd = 3; fd < 4096; fd++)
			close(fd);
		struct rlimit mem = { 1ull << 30, 1ull << 30 }, cpu = { 300, 300 };
		if (setrlimit(RLIMIT_AS, &mem) != 0 || setrlimit(RLIMIT_CPU, &cpu) != 0 || !sandbox_drop_user(sandbox_user()))
			_exit(111);
		execlp("ffmpeg", "ffmpeg", "-nostdin", "-v", "error", "-y", "-i", in, "-c", "copy", "-movflags", "+faststart",
		       "-f", "mp4", out, (char *)NULL);
		_exit(127);
	}
	if (pid < 0)
		return false;
	int ws;
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(ws) && WEXITSTATUS(ws) == 0;
}

struct replay_ctx {
	long made;
};

static bool make_one(struct db *db, struct arena *a, long long id, void *ctx)
{
	struct replay_ctx *c = ctx;
	const char *record_dir = config_str("live_record_dir", "var/live/rec");
	const char *replay_dir = arena_printf(a, "%s/live/replay", config_str("media_dir", "var/media"));
	struct db_res d;
	if (db_query(db, a, &q_load, (struct db_param[]){ DB_I(id) }, &d) != DB_OK)
		return false;
	if (d.nrows == 0)
		return true;
	const char *file = live_stream_key_recording(db_at(&d, 0, 0)->s, id);
	long long attempts = db_at(&d, 0, 1)->i;
	bool made = false;
	if (file) {
		size_t stem = strlen(file) - 4;	/* without ".flv" */
		const char *name = arena_printf(a, "%.*s.mp4", (int)stem, file);
		const char *out = arena_printf(a, "%s/%s", replay_dir, name);
		const char *part = arena_printf(a, "%s/.%.*s.part.mp4", replay_dir, (int)stem, file);
		made = remux(arena_printf(a, "%s/%s", record_dir, file), part) && rename(part, out) == 0;
		if (made) {
			const char *url = arena_printf(a, "/media/live/replay/%s", name);
			if (db_query(db, NULL, &q_set, (struct db_param[]){ DB_S(url), DB_I(id) }, NULL) != DB_OK ||
			    db_query(db, NULL, &q_done, (struct db_param[]){ DB_I(id) }, NULL) != DB_OK)
				return false;
			c->made++;
			return true;
		}
		unlink(part);
	}
	fprintf(stderr, "crowdcartctl: live session %lld (attempt %lld): could not turn recording '%s' into a replay\n", id,
		attempts, db_at(&d, 0, 0)->s);
	return db_query(db, NULL, &q_fail, (struct db_param[]){ DB_I(!file || attempts >= REPLAY_ATTEMPTS), DB_I(id) }, NULL) == DB_OK;
}

long live_replay_pass(struct db *db, struct arena *a)
{
	struct replay_ctx c = { 0 };
	struct lease_job job = { &q_due, 5, &q_claim, make_one, &c, 0 };
	return lease_pass(db, a, &job) < 0 ? -1 : c.made;
}
