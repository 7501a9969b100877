/* demo_media.c: the demo's video files (sql/demo/0017_tour.sql points at them), generated with
 * ffmpeg into media_dir where uploaded videos live, once: a file that is there is left alone. */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/arena.h"
#include "lib/config.h"
#include "ctl/ctl.h"

/* One scene: a coloured background with a product's name, as the video's tags and the replay's
 * pins expect it on screen between from and to seconds. */
struct scene {
	int from, to;
	const char *colour, *text;
};

struct clip {
	const char *name, *poster;	/* files under media_dir; poster may be NULL */
	int seconds;
	const struct scene *scenes;
	size_t n;
};

static const struct scene desk_tour[] = {
	{ 0, 3, "0x8a5a2b", "Task Lamp No. 2" },
	{ 3, 6, "0x4a6a4a", "Walnut Monitor Stand" },
	{ 6, 9, "0x2b4a8a", "Felt Desk Mat" },
};
static const struct scene coffee_replay[] = {
	{ 0, 5, "0x6a3b4a", "Stoneware Mug 12oz" },
	{ 5, 9, "0x3b5a6a", "Pour-Over Coffee Set" },
	{ 9, 12, "0x5a5a3b", "Linen Throw Pillow" },
};
static const struct clip clips[] = {
	{ "demo-lena-desk-tour.mp4", "demo-lena-desk-tour.jpg", 9, desk_tour, sizeof desk_tour / sizeof desk_tour[0] },
	{ "demo-lena-live-replay.mp4", NULL, 12, coffee_replay, sizeof coffee_replay / sizeof coffee_replay[0] },
};

/* The media folder as the programs find it (src/studio/video_upload.c): config media_dir, else
 * "media" beside the config file. */
static const char *media_dir(struct arena *a)
{
	const char *dir = config_str("media_dir", NULL);
	if (dir && *dir)
		return dir;
	const char *conf = getenv("CROWDCART_CONF");
	const char *slash = conf ? strrchr(conf, '/') : NULL;
	return slash ? arena_printf(a, "%.*s/media", (int)(slash - conf), conf) : "var/media";
}

/* Runs argv (no shell: every argument is passed as it is) and waits; true on exit status 0. */
static bool run(char *const argv[])
{
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "crowdcartctl: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* The web workers run as run_as_user and only read these files; when crowdcartctl runs as root
 * (make run does), hand them over as scripts/db.sh hands over the folder. */
static bool publish(const char *tmp, const char *path)
{
	if (chmod(tmp, 0644) != 0)
		return false;
	const char *user = config_str("run_as_user", NULL);
	if (geteuid() == 0 && user && *user) {
		struct passwd *pw = getpwnam(user);
		if (pw && chown(tmp, pw->pw_uid, pw->pw_gid) != 0)
			return false;
	}
	return rename(tmp, path) == 0;
}

static bool exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && st.st_size > 0;
}

/* H.264 baseline, yuv420p and the index up front (faststart): what every browser plays and
 * starts before the whole file has arrived. Written to a temporary name, then renamed, so the
 * web server never serves half a file. */
static bool make_clip(struct arena *a, const char *dir, const struct clip *c)
{
	const char *path = arena_printf(a, "%s/%s", dir, c->name);
	if (!exists(path)) {
		char *vf = arena_printf(a, "drawtext=text='demo video':fontcolor=white@0.7:fontsize=18:x=16:y=h-34");
		for (size_t i = 0; i < c->n; i++) {
			const struct scene *s = &c->scenes[i];
			vf = arena_printf(a, "drawbox=x=0:y=0:w=iw:h=ih:color=%s:t=fill:enable='between(t,%d,%d)',"
					  "drawtext=text='%s':fontcolor=white:fontsize=40:x=(w-tw)/2:y=(h-th)/2:"
					  "enable='between(t,%d,%d)',%s",
					  s->colour, s->from, s->to, s->text, s->from, s->to, vf);
		}
		char *src = arena_printf(a, "color=c=0x333333:s=640x360:r=25:d=%d", c->seconds);
		char *tmp = arena_printf(a, "%s/.%s.part.mp4", dir, c->name);
		char *argv[] = { "ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", src,
				 "-vf", vf, "-c:v", "libx264", "-profile:v", "baseline", "-pix_fmt", "yuv420p",
				 "-movflags", "+faststart", tmp, NULL };
		if (!run(argv) || !publish(tmp, path)) {
			fprintf(stderr, "crowdcartctl: could not make the demo video %s\n", path);
			unlink(tmp);
			return false;
		}
		printf("demo video: %s\n", path);
	}
	if (!c->poster)
		return true;
	const char *poster = arena_printf(a, "%s/%s", dir, c->poster);
	if (exists(poster))
		return true;
	char *tmp = arena_printf(a, "%s/.%s.part.jpg", dir, c->poster);
	char *argv[] = { "ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-ss", "1", "-i", (char *)path,
			 "-frames:v", "1", "-q:v", "4", tmp, NULL };
	if (!run(argv) || !publish(tmp, poster)) {
		fprintf(stderr, "crowdcartctl: could not make the demo poster %s\n", poster);
		unlink(tmp);
		return false;
	}
	printf("demo poster: %s\n", poster);
	return true;
}

int ctl_demo_media(void)
{
	struct arena *a = arena_new(16384);
	const char *dir = media_dir(a);
	int rc = 0;
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "crowdcartctl: %s: %s\n", dir, strerror(errno));
		rc = 1;
	}
	for (size_t i = 0; rc == 0 && i < sizeof clips / sizeof clips[0]; i++)
		if (!make_clip(a, dir, &clips[i]))
			rc = 1;
	arena_free(a);
	return rc;
}
