/* migration_files.c: list, read and checksum the numbered SQL files that migrate applies. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "lib/arena.h"
#include "ctl/migration_files.h"

static int migration_files_by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int migration_files_numbered(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return n > 9 && e->d_name[0] >= '0' && e->d_name[0] <= '9' && e->d_name[4] == '_' &&
	       strcmp(e->d_name + n - 4, ".sql") == 0;
}

int migration_files_list(const char *dir, char ***names)
{
	struct dirent **list;
	int n = scandir(dir, &list, migration_files_numbered, migration_files_by_name);
	if (n < 0) {
		fprintf(stderr, "crowdcartctl: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	*names = xcalloc((size_t)n + 1, sizeof **names);
	for (int i = 0; i < n; i++) {
		(*names)[i] = xstrdup(list[i]->d_name);
		free(list[i]);
	}
	free(list);
	return n;
}

char *migration_files_read(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "crowdcartctl: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	size_t cap = 65536, len = 0;
	char *s = xmalloc(cap);
	size_t n;
	while ((n = fread(s + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len - 1 == 0)
			s = realloc(s, cap *= 2);
		if (!s)
			abort();
	}
	fclose(f);
	s[len] = '\0';
	return s;
}

void migration_files_checksum(const char *text, char hex[MIGRATION_FILES_CHECKSUM_LEN + 1])
{
	unsigned char sum[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(sum, (const unsigned char *)text, strlen(text));
	sodium_bin2hex(hex, MIGRATION_FILES_CHECKSUM_LEN + 1, sum, sizeof sum);
}
