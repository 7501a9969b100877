/* restore.c: crowdcartctl restore ARCHIVE [--force]: a backup's dump into the configured database,
 * which must be empty unless --force, and its media into media_dir. The archive's config is left
 * in the archive: the config in use is what names this database. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lib/config.h"
#include "ctl/backup_run.h"
#include "ctl/ctl.h"

static const struct db_stmt q_tables = {
	"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()", "", "i" };

static long long table_count(struct db *db)
{
	struct arena *a = arena_new(1024);
	struct db_res res;
	long long n = db_query(db, a, &q_tables, NULL, &res) == DB_OK ? db_at(&res, 0, 0)->i : -1;
	arena_free(a);
	return n;
}

static bool unpack(const char *archive, const char *into, const char *member, bool strip)
{
	char *argv[] = { "tar", "--extract", "--gzip", "--no-same-owner", "--file", (char *)archive,
			 "-C", (char *)into, strip ? "--strip-components=1" : "--", (char *)member, NULL };
	int rc = backup_run(argv, NULL, NULL);
	if (rc != 0)
		fprintf(stderr, "crowdcartctl: restore: could not extract %s from %s (tar exit %d)\n", member,
			archive, rc);
	return rc == 0;
}

static bool load(const char *cnf_opt, const char *sql)
{
	char *argv[] = { "mariadb", (char *)cnf_opt, "--batch", "--",
			 (char *)config_str("db_name", "crowdcart"), NULL };
	int rc = backup_run(argv, sql, NULL);
	if (rc != 0)
		fprintf(stderr, "crowdcartctl: restore: loading the dump failed (mariadb exit %d)\n", rc);
	return rc == 0;
}

int ctl_restore(struct db *db, int argc, char **argv)
{
	const char *archive = NULL;
	bool force = false, bad = false;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--force") == 0)
			force = true;
		else if (!archive && argv[i][0] != '-')
			archive = argv[i];
		else
			bad = true;
	}
	if (!archive || bad) {
		fprintf(stderr, "usage: crowdcartctl restore ARCHIVE [--force]\n");
		return 2;
	}
	if (access(archive, R_OK) != 0) {
		fprintf(stderr, "crowdcartctl: restore: %s: %s\n", archive, strerror(errno));
		return 1;
	}
	long long tables = table_count(db);
	if (tables < 0)
		return 1;
	if (tables > 0 && !force) {
		fprintf(stderr, "crowdcartctl: restore: database %s is not empty (%lld tables); restore into an "
				"empty database, or add --force to replace the tables the backup holds\n",
			config_str("db_name", "crowdcart"), tables);
		return 1;
	}
	umask(077);
	const char *base = getenv("TMPDIR");
	char tmp[4096], cnf[4200], cnf_opt[4300], sql[4200];
	snprintf(tmp, sizeof tmp, "%s/crowdcart-restore-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(tmp)) {
		fprintf(stderr, "crowdcartctl: restore: %s: %s\n", tmp, strerror(errno));
		return 1;
	}
	const char *media = config_str("media_dir", "media");
	snprintf(sql, sizeof sql, "%s/crowdcart.sql", tmp);
	bool ok = backup_client_file(tmp, cnf, sizeof cnf);
	snprintf(cnf_opt, sizeof cnf_opt, "--defaults-extra-file=%s", cnf);
	ok = ok && unpack(archive, tmp, "crowdcart.sql", false) && load(cnf_opt, sql);
	/* Media files are written as the files they were; none is removed. */
	ok = ok && (mkdir(media, 0755) == 0 || errno == EEXIST) && unpack(archive, media, "media", true);
	backup_remove_dir(tmp);
	if (!ok)
		return 1;
	printf("restored %s into database %s (%lld tables) and %s\n", archive, config_str("db_name", "crowdcart"),
	       table_count(db), media);
	printf("next: apply the table grants (sql/grants.sql, sql/grants/*.sql), run crowdcartctl migrate and "
	       "crowdcartctl ledger verify; the backup's config is crowdcart.conf in the archive\n");
	return 0;
}
