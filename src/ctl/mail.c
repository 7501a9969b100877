/* mail.c: crowdcartctl mail --dead | --retry ID: the mails given up on, newest first, with why;
 * or one of them sent again by the next send-mail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ctl/ctl.h"
#include "domain/mail/outbox.h"

#define MAIL_DEAD_LIST_MAX 200

static int mail_retry(struct db *db, const char *arg)
{
	char *end;
	long long id = strtoll(arg, &end, 10);
	if (*end || id <= 0) {
		fprintf(stderr, "crowdcartctl: mail --retry takes a mail id (from mail --dead)\n");
		return 2;
	}
	bool revived;
	if (outbox_revive(db, id, &revived) != DB_OK) {
		fprintf(stderr, "crowdcartctl: the database failed\n");
		return 1;
	}
	if (!revived) {
		fprintf(stderr, "crowdcartctl: mail %lld is not dead\n", id);
		return 1;
	}
	printf("mail %lld is pending again: the next send-mail sends it\n", id);
	return 0;
}

int ctl_mail(struct db *db, int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[0], "--retry") == 0)
		return mail_retry(db, argv[1]);
	if (argc != 1 || strcmp(argv[0], "--dead") != 0) {
		fprintf(stderr, "usage: crowdcartctl mail --dead | --retry ID\n");
		return 2;
	}
	long total = outbox_dead_count(db);
	struct arena *a = arena_new(65536);
	struct db_res res;
	if (total < 0 || outbox_dead_list(db, a, MAIL_DEAD_LIST_MAX, &res) != DB_OK) {
		arena_free(a);
		fprintf(stderr, "crowdcartctl: the database failed\n");
		return 1;
	}
	printf("%ld dead mails%s\n", total, total > MAIL_DEAD_LIST_MAX ? " (the newest 200 below)" : "");
	for (size_t i = 0; i < res.nrows; i++)
		printf("%lld\t%s\t%s\t%lld attempts\t%s\t%s\n", db_at(&res, i, 0)->i, db_at(&res, i, 5)->s,
		       db_at(&res, i, 1)->s, db_at(&res, i, 3)->i, db_at(&res, i, 4)->s, db_at(&res, i, 2)->s);
	arena_free(a);
	return 0;
}
