/* video_upload.c: "POST /studio/videos/upload" — a creator or brand uploads an MP4 file; it is
 * checked by size and by its first bytes (an MP4 "ftyp" box), stored under a random name in the
 * media folder (config media_dir, default "media" next to the config file) that the web server
 * serves statically under /media/, and offered as the address of a new video. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>
#include "lib/config.h"
#include "web/response.h"
#include "studio/studio.h"
#include "domain/video/upload_quota.h"
#include "domain/video/video_rules.h"

_Static_assert(STUDIO_VIDEO_UPLOAD_BODY > VIDEO_UPLOAD_MAX, "the route's body cap leaves room for the form around the file");

/* The media folder: config media_dir, else "media" beside the config file (var/media by default). */
static const char *media_dir(struct req *r)
{
	const char *dir = config_str("media_dir", NULL);
	if (dir && *dir)
		return dir;
	const char *conf = getenv("CROWDCART_CONF");
	const char *slash = conf ? strrchr(conf, '/') : NULL;
	if (!slash)
		return "var/media";
	return arena_printf(r->arena, "%.*s/media", (int)(slash - conf), conf);
}

/* Writes data to dir/name through a temporary file and a rename, so the web server never serves
 * half a file. */
static bool store(struct req *r, const char *dir, const char *name, const uint8_t *data, size_t len)
{
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		return false;
	const char *tmp = arena_printf(r->arena, "%s/.%s.part", dir, name);
	const char *final = arena_printf(r->arena, "%s/%s", dir, name);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0)
		return false;
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	bool ok = done == len && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (ok && rename(tmp, final) == 0)
		return true;
	unlink(tmp);
	return false;
}

int page_studio_video_upload(struct req *r)
{
	if (!r->brand && !r->creator) {	/* NEED_OWNER: an account that is neither */
		response_error(r, 403, "Videos are published by creators and brands.");
		return REQ_DONE;
	}
	const struct mp_part *file = multipart_file(&r->files, "file");
	if (!file || file->len == 0)
		return video_studio_page(r, 422, "Choose a video file to upload (it was missing or empty).");
	if (file->len > VIDEO_UPLOAD_MAX)
		return video_studio_page(r, 413, "That file is larger than 16 MiB. Upload a shorter or smaller MP4, or link to it.");
	if (!video_mp4_ok(file->data, file->len))
		return video_studio_page(r, 415, "That file is not an MP4 video. Upload an .mp4 file (H.264), or link to an HLS stream.");
	unsigned char rnd[16];
	char hex[33];
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
	const char *name = arena_printf(r->arena, "%s.mp4", hex);
	enum upload_quota_verdict verdict = UPLOAD_QUOTA_OK;
	long long upload_id = 0;
	enum db_status rc = upload_quota_reserve(r->db, r->arena, r->sess.user_id, name, (long long)file->len,
						 &verdict, &upload_id);
	if (rc != DB_OK)
		return req_db_fail(rc);
	if (verdict != UPLOAD_QUOTA_OK) {
		struct upload_quota_limits lim = upload_quota_limits();
		return video_studio_page(r, 422, verdict == UPLOAD_QUOTA_FILES
			? arena_printf(r->arena, "Your account has uploaded its %lld files, the most this shop keeps for one "
				       "account. Link to a video hosted elsewhere, or ask the shop's operator for more room.",
				       lim.max_files)
			: arena_printf(r->arena, "This file would take your account's uploads past %lld MiB, the most this shop "
				       "keeps for one account. Link to a video hosted elsewhere, or ask the shop's operator for "
				       "more room.", lim.max_bytes >> 20));
	}
	if (!store(r, media_dir(r), name, file->data, file->len)) {
		/* A record left behind would only count against the account a file it does not have. */
		db_best_effort(upload_quota_release(r->db, upload_id));
		response_error(r, 500, "The file could not be stored. Please try again later.");
		return REQ_DONE;
	}
	response_redirect(r, arena_printf(r->arena, "/studio/videos?uploaded=%s", name));
	return REQ_DONE;
}
