/* ctl.h: crowdcartctl's commands; each returns the process exit status. */
#ifndef CC_CTL_H
#define CC_CTL_H
#include "db.h"

int ctl_migrate(struct db *db);
int ctl_demo(struct db *db);
int ctl_purge(struct db *db);

#endif
