/* mail.c: crowdcartctl mail --dead: the mails given up on, newest first, with why. */
#include <stdio.h>
#include <string.h>
#include "ctl/ctl.h"
#include "domain/mail/outbox.h"

#define MAIL_DEAD_LIST_MAX 200

int ctl_mail(struct db *db, int argc, char **argv)
{
	if (argc != 1 || strcmp(argv[0], "--dead") != 0) {
		fprintf(stderr, "usage: crowdcartctl mail --dead\n");
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
