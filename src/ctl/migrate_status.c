/* migrate_status.c: what `crowdcartctl migrate` has applied and would apply, without writing. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/arena.h"
#include "ctl/migrate_status.h"
#include "ctl/migration_files.h"
#include "lib/sql_split.h"

#define MIGRATE_STATUS_MAX_STATEMENTS 4096

/* A database no migrate has run against has no schema_migrations, and one last migrated by an
 * older crowdcartctl has no checksum column: both are read, never created. */
static const struct db_stmt q_columns = {
	"SELECT COUNT(*), COALESCE(SUM(column_name = 'checksum'), 0) FROM information_schema.columns"
	" WHERE table_schema = DATABASE() AND table_name = 'schema_migrations'", "", "ii" };
static const struct db_stmt q_recorded = {
	"SELECT name, DATE_FORMAT(applied_at, '%Y-%m-%d %H:%i:%s'), COALESCE(checksum, '')"
	" FROM schema_migrations WHERE name NOT LIKE 'demo/%' ORDER BY name", "", "sss" };
static const struct db_stmt q_recorded_unsummed = {
	"SELECT name, DATE_FORMAT(applied_at, '%Y-%m-%d %H:%i:%s'), ''"
	" FROM schema_migrations WHERE name NOT LIKE 'demo/%' ORDER BY name", "", "sss" };

struct migrate_status_counts {
	int applied, pending, changed, unknown;
};

static const struct db_val *migrate_status_find(const struct db_res *rec, const char *name)
{
	for (size_t i = 0; i < rec->nrows; i++)
		if (strcmp(db_at(rec, i, 0)->s, name) == 0)
			return db_at(rec, i, 0);
	return NULL;
}

static bool migrate_status_on_disk(char **files, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(files[i], name) == 0)
			return true;
	return false;
}

/* One statement on one line: whitespace squeezed, cut at 100 characters. */
static void migrate_status_print_statement(size_t i, const char *stmt)
{
	char line[101];
	size_t n = 0;
	bool space = false;
	const char *p = stmt;
	for (; *p; p++) {
		if (isspace((unsigned char)*p)) {
			space = n > 0;
			continue;
		}
		if (n + space >= sizeof line - 1)
			break;
		if (space)
			line[n++] = ' ';
		space = false;
		line[n++] = *p;
	}
	line[n] = '\0';
	printf("    %3zu  %s%s\n", i + 1, line, *p ? " ..." : "");
}

/* Prints the statements a pending file would run; false when it cannot be read. */
static bool migrate_status_print_pending(struct arena *a, const char *dir, const char *name)
{
	char *text = migration_files_read(arena_printf(a, "%s/%s", dir, name));
	if (!text)
		return false;
	char **stmts = xcalloc(MIGRATE_STATUS_MAX_STATEMENTS, sizeof *stmts);
	size_t n = sql_split(text, stmts, MIGRATE_STATUS_MAX_STATEMENTS);
	printf("would apply %s (%zu statements):\n", name, n);
	for (size_t i = 0; i < n && i < MIGRATE_STATUS_MAX_STATEMENTS; i++)
		migrate_status_print_statement(i, stmts[i]);
	free(stmts);
	free(text);
	return true;
}

/* One file's line; counts it. */
static bool migrate_status_file(struct arena *a, const char *dir, const char *name, const struct db_res *rec,
				bool dry_run, struct migrate_status_counts *c)
{
	const struct db_val *row = migrate_status_find(rec, name);
	if (!row) {
		c->pending++;
		if (dry_run)
			return migrate_status_print_pending(a, dir, name);
		printf("pending  %s\n", name);
		return true;
	}
	const char *when = row[1].s, *recorded = row[2].s;
	char now[MIGRATION_FILES_CHECKSUM_LEN + 1] = "";
	if (*recorded) {
		char *text = migration_files_read(arena_printf(a, "%s/%s", dir, name));
		if (!text)
			return false;
		migration_files_checksum(text, now);
		free(text);
	}
	if (*recorded && strcmp(recorded, now) != 0) {
		c->changed++;
		printf("changed  %s  applied %s; the file is not the one applied (sha256 then %.12s..., now %.12s...)\n",
		       name, when, recorded, now);
	} else {
		c->applied++;
		if (!dry_run)
			printf("applied  %s  %s%s\n", name, when, *recorded ? "" : "  (no checksum recorded)");
	}
	return true;
}

int migrate_status_report(struct db *db, const char *dir, bool dry_run)
{
	char **files;
	int n = migration_files_list(dir, &files);
	if (n < 0)
		return 1;
	struct arena *a = arena_new(65536);
	struct db_res cols, rec = { 0 };
	bool ok = db_query(db, a, &q_columns, NULL, &cols) == DB_OK;
	bool have_table = ok && db_at(&cols, 0, 0)->i > 0, have_checksum = ok && db_at(&cols, 0, 1)->i > 0;
	if (ok && have_table)
		ok = db_query(db, a, have_checksum ? &q_recorded : &q_recorded_unsummed, NULL, &rec) == DB_OK;
	struct migrate_status_counts c = { 0 };
	for (int i = 0; i < n && ok; i++)
		ok = migrate_status_file(a, dir, files[i], &rec, dry_run, &c);
	for (size_t i = 0; i < rec.nrows && ok; i++) {
		const char *name = db_at(&rec, i, 0)->s;
		if (migrate_status_on_disk(files, n, name))
			continue;
		c.unknown++;
		printf("unknown  %s  applied %s; no such file in %s (applied by a newer version?)\n", name,
		       db_at(&rec, i, 1)->s, dir);
	}
	if (ok && dry_run && c.pending == 0)
		printf("nothing to apply\n");
	if (ok)
		printf("%d applied, %d pending, %d changed, %d unknown%s\n", c.applied, c.pending, c.changed,
		       c.unknown, dry_run ? " (dry run: nothing written)" : "");
	else
		fprintf(stderr, "crowdcartctl: could not read the applied migrations\n");
	for (int i = 0; i < n; i++)
		free(files[i]);
	free(files);
	arena_free(a);
	return ok && c.pending + c.changed + c.unknown == 0 ? 0 : 1;
}
