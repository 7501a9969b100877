/* backup.c: crowdcartctl backup [--out DIR]: one dated archive (mode 0600: it holds the config's
 * secrets) with a consistent dump of the database, the media folder and the config. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "lib/config.h"
#include "ctl/backup_run.h"
#include "ctl/ctl.h"

static const struct db_stmt q_last_migration = {
	"SELECT COALESCE(MAX(name), '') FROM schema_migrations WHERE name NOT LIKE 'demo/%'", "", "s" };

/* --single-transaction reads every InnoDB table in one snapshot without locking a table, so the
 * shop keeps selling while it runs; routines, triggers and events come along; no CREATE
 * DATABASE, so the dump restores into whatever database the restoring config names. */
static bool dump(const char *cnf_opt, const char *out)
{
	char *argv[] = { "mariadb-dump", (char *)cnf_opt, "--single-transaction", "--skip-lock-tables",
			 "--routines", "--triggers", "--events", "--hex-blob", "--no-tablespaces",
			 "--default-character-set=utf8mb4", "--", (char *)config_str("db_name", "crowdcart"), NULL };
	int rc = backup_run(argv, NULL, out);
	if (rc != 0)
		fprintf(stderr, "crowdcartctl: mariadb-dump failed (exit %d)\n", rc);
	return rc == 0;
}

static bool copy_file(const char *from, const char *to)
{
	char *argv[] = { "cp", "--", (char *)from, (char *)to, NULL };
	return backup_run(argv, NULL, NULL) == 0 && chmod(to, 0600) == 0;
}

static bool write_info(struct db *db, const char *path, const char *when)
{
	struct arena *a = arena_new(4096);
	struct db_res res;
	const char *last = db_query(db, a, &q_last_migration, NULL, &res) == DB_OK ? db_at(&res, 0, 0)->s : "";
	FILE *f = fopen(path, "w");
	bool ok = f && fprintf(f, "crowdcart backup\ncreated_at = %s\ndb_name = %s\nlast_migration = %s\n"
				   "contents = crowdcart.sql (mariadb-dump), crowdcart.conf, media/\n",
				   when, config_str("db_name", "crowdcart"), last) > 0;
	if (f && fclose(f) != 0)
		ok = false;
	arena_free(a);
	return ok;
}

/* The archive: the three files from tmp, then media_dir's content under media/ (an empty media/
 * when there is no media_dir), so restore always finds the same names. */
static bool pack(const char *tmp, const char *archive)
{
	const char *media = config_str("media_dir", "media");
	struct stat sb;
	bool have_media = stat(media, &sb) == 0 && S_ISDIR(sb.st_mode);
	char empty[4200];
	snprintf(empty, sizeof empty, "%s/media", tmp);
	if (!have_media && mkdir(empty, 0700) != 0)
		return false;
	char *argv[] = { "tar", "--create", "--gzip", "--file", (char *)archive, "--transform=s,^\\.,media,",
			 "-C", (char *)tmp, "crowdcart.sql", "crowdcart.conf", "backup.txt",
			 "-C", (char *)(have_media ? media : tmp), (char *)(have_media ? "." : "media"), NULL };
	int rc = backup_run(argv, NULL, NULL);
	if (rc != 0)
		fprintf(stderr, "crowdcartctl: tar failed (exit %d)\n", rc);
	return rc == 0;
}

int ctl_backup(struct db *db, int argc, char **argv)
{
	const char *dir = ctl_opt(argc, argv, "--out");
	if (!dir)
		dir = ".";
	if (!config_path()) {
		fprintf(stderr, "crowdcartctl: backup: no config file was read\n");
		return 1;
	}
	umask(077);	/* everything made here holds secrets: the config, the dump */
	char when[32], stamp[32], tmp[4096], cnf[4200], cnf_opt[4300], path[4200], archive[4200], part[4300];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	snprintf(archive, sizeof archive, "%s/crowdcart-backup-%s.tar.gz", dir, stamp);
	snprintf(part, sizeof part, "%s.part", archive);
	/* Beside the archive, so the dump never lands on a smaller /tmp and the rename is atomic. */
	snprintf(tmp, sizeof tmp, "%s/.crowdcart-backup-XXXXXX", dir);
	if (!mkdtemp(tmp)) {
		fprintf(stderr, "crowdcartctl: backup: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	bool ok = backup_client_file(tmp, cnf, sizeof cnf);
	snprintf(cnf_opt, sizeof cnf_opt, "--defaults-extra-file=%s", cnf);
	snprintf(path, sizeof path, "%s/crowdcart.sql", tmp);
	ok = ok && dump(cnf_opt, path);
	snprintf(path, sizeof path, "%s/crowdcart.conf", tmp);
	ok = ok && copy_file(config_path(), path);
	snprintf(path, sizeof path, "%s/backup.txt", tmp);
	ok = ok && write_info(db, path, when);
	ok = ok && pack(tmp, part) && chmod(part, 0600) == 0 && rename(part, archive) == 0;
	if (!ok)
		unlink(part);
	backup_remove_dir(tmp);
	if (!ok) {
		fprintf(stderr, "crowdcartctl: backup failed; nothing was written to %s\n", dir);
		return 1;
	}
	printf("%s\n", archive);
	return 0;
}
