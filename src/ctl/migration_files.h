/* migration_files.h: the numbered SQL files of a migrations directory, their text and checksum. */
#ifndef CC_MIGRATION_FILES_H
#define CC_MIGRATION_FILES_H
#include <stddef.h>

/* SHA-256 in hex, as `sha256sum` prints it, so an operator can compare by hand. */
#define MIGRATION_FILES_CHECKSUM_LEN 64

/* The names of dir's numbered files (NNNN_name.sql) in name order, in *names (free each and the
 * array); the count, or -1 with a message on stderr. */
int migration_files_list(const char *dir, char ***names);
/* The whole file, NUL-terminated (free it), or NULL with a message on stderr. */
char *migration_files_read(const char *path);
void migration_files_checksum(const char *text, char hex[MIGRATION_FILES_CHECKSUM_LEN + 1]);

#endif
