/* backup_run.c: child processes and the client option file for backup.c and restore.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/config.h"
#include "ctl/backup_run.h"

static bool redirect(const char *path, int fd, int flags)
{
	if (!path)
		return true;
	int f = open(path, flags, 0600);
	if (f < 0 || dup2(f, fd) < 0) {
		fprintf(stderr, "crowdcartctl: %s: %s\n", path, strerror(errno));
		return false;
	}
	close(f);
	return true;
}

int backup_run(char *const argv[], const char *in_path, const char *out_path)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (!redirect(in_path, 0, O_RDONLY) || !redirect(out_path, 1, O_WRONLY | O_CREAT | O_TRUNC))
			_exit(127);
		execvp(argv[0], argv);
		fprintf(stderr, "crowdcartctl: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* An option file value in double quotes, so '#', ';' and spaces in a password stay in it. */
static void put_quoted(FILE *f, const char *key, const char *v)
{
	fprintf(f, "%s=\"", key);
	for (; *v; v++) {
		if (*v == '"' || *v == '\\')
			fputc('\\', f);
		fputc(*v, f);
	}
	fputs("\"\n", f);
}

bool backup_client_file(const char *dir, char *out, size_t outsz)
{
	char host[256];
	const char *hosts = config_str("db_hosts", "127.0.0.1:3306");
	size_t n = strcspn(hosts, ", ");
	if (n == 0 || n >= sizeof host || (size_t)snprintf(out, outsz, "%s/client.cnf", dir) >= outsz)
		return false;
	memcpy(host, hosts, n);
	host[n] = '\0';
	char *colon = strrchr(host, ':');
	const char *port = "3306";
	if (colon) {
		*colon = '\0';
		port = colon + 1;
	}
	int fd = open(out, O_WRONLY | O_CREAT | O_EXCL, 0600);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
	if (!f) {
		fprintf(stderr, "crowdcartctl: %s: %s\n", out, strerror(errno));
		return false;
	}
	fputs("[client]\n", f);
	put_quoted(f, "host", host);
	put_quoted(f, "port", port);
	put_quoted(f, "user", config_prog("ctl", "db_user", "root"));
	put_quoted(f, "password", config_prog("ctl", "db_password", ""));
	fputs("default-character-set=utf8mb4\n", f);
	return fclose(f) == 0;
}

void backup_remove_dir(const char *dir)
{
	char *argv[] = { "rm", "-rf", "--", (char *)dir, NULL };
	if (backup_run(argv, NULL, NULL) != 0)
		fprintf(stderr, "crowdcartctl: could not remove %s\n", dir);
}
