/* backup_run.h: what crowdcartctl backup and restore share: the MariaDB client tools run with the
 * admin account's credentials in a private option file (never on a command line, where ps shows
 * them), and child processes run without a shell. */
#ifndef CC_BACKUP_RUN_H
#define CC_BACKUP_RUN_H
#include <stdbool.h>
#include <stddef.h>

/* Runs argv[0] (found on PATH) with stdin from in_path and stdout to out_path (either may be
 * NULL: inherited); the exit status, or -1 if it could not run or was killed. */
int backup_run(char *const argv[], const char *in_path, const char *out_path);

/* Writes a [client] option file (mode 0600) into dir for the first of db_hosts with the ctl
 * account (ctl_db_user, ctl_db_password); its path goes in out. */
bool backup_client_file(const char *dir, char *out, size_t outsz);

/* Removes a temporary directory made by the caller, and what is in it. */
void backup_remove_dir(const char *dir);

#endif
