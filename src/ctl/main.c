/* main.c: crowdcartctl, the operator's command: migrate, demo, purge, import, export... */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sodium.h>
#include "lib/config.h"
#include "ctl/ctl.h"

static const struct {
	const char *name, *help;
	int (*fn)(struct db *db);
} commands[] = {
	{ "demo", "load the demo data in sql/demo/ once, make its video clips in media_dir (ffmpeg), and give the demo accounts their password", ctl_demo },
	{ "purge", "delete expired sessions, old log-in failures and expired emailed links, and erase leads past their form's retention (keeping their number)", ctl_purge },
	{ "search-index", "index for search every product whose search row is missing or older than the product (after an upgrade; crowdcartctl worker otherwise does it 500 a pass)", ctl_search_index },
	{ "purge-carts", "delete carts of ended anonymous sessions, stale carts, old order-lookup misses and abuse counts, and reminders that will never be mailed", ctl_purge_carts },
};

/* Commands that take arguments: they get those after their name. */
static const struct {
	const char *name, *help;
	int (*fn)(struct db *db, int argc, char **argv);
} arg_commands[] = {
	{ "migrate", "[--status | --dry-run]: apply the numbered files in sql/ that have not been applied, in order; --status lists applied, pending and changed files, --dry-run what would run (both write nothing; exit 0 only when nothing is pending)", ctl_migrate },
	{ "import", "--brand SLUG --format shopify|woocommerce|feed FILE: import a catalog file", ctl_import },
	{ "export", "--brand SLUG: write the brand's catalog feed (TSV) to stdout", ctl_export },
	{ "connect", "--brand SLUG [--platform woocommerce] --shop ADDRESS: connect the brand to its Shopify shop (access token and client secret on stdin, one a line) or WooCommerce shop (consumer key, consumer secret, webhook secret) and queue a full sync", ctl_connect },
	{ "worker", "[--once]: deliver pending lead webhooks with retries, sync connected shops, run due DNS checks of brand domains, release the stock of hosted payments not paid within payment_hold_minutes, forget payment event ids older than 60 days, index for search the products changed elsewhere, and roll up the brand dashboards' sales of the days that changed or closed (cron or a service)", ctl_worker },
	{ "payments", "reconcile [--checkout REF]: ask the payment providers about every order still awaiting a hosted payment (or that checkout's) and settle it", ctl_payments },
	{ "domains", "list --brand SLUG | check [--brand SLUG] [--all] | verify --brand SLUG DOMAIN: a brand's web domains and their DNS TXT checks", ctl_domains },
	{ "ledger", "verify [--brand SLUG] [--init]: recompute the commission ledger's hash chains and report the first broken link", ctl_ledger },
	{ "payouts", "run [--brand SLUG]: make each brand's payout batch for the current period of its schedule (idempotent: cron it daily)", ctl_payouts },
	{ "backup", "[--out DIR]: one dated archive (mode 0600) of a consistent database dump, the media folder and the config", ctl_backup },
	{ "restore", "ARCHIVE [--force]: a backup into the configured database, which must be empty unless --force, and its media into media_dir", ctl_restore },
	{ "send-mail", "[--to ADDRESS]: send due outbox mail (or only that address's) through sendmail or SMTP (config mail_transport), retrying temporary failures with backoff", ctl_send_mail },
	{ "mail", "--dead | --retry ID: list the mails given up on (a 5xx answer or too many attempts), newest first; or send one again", ctl_mail },
	{ "images", "[--once]: fetch imported pictures, process uploaded ones into their renditions under media_dir/img, delete those nothing uses (the worker does this too)", ctl_images },
	{ "ads", "token --ad SLUG --target URL [--expires-in SECONDS]: a signed /go/ link for an ad", ctl_ads },
};

static struct db *connect(const char *conf)
{
	if (!config_load(conf) || sodium_init() < 0)
		return NULL;
	struct db *db = db_open("ctl");
	if (db_ready(db) != DB_OK) {
		fprintf(stderr, "crowdcartctl: cannot reach the database\n");
		return NULL;
	}
	return db;
}

/* The command list: on stdout with exit 0 when asked for (--help), on stderr with exit 2 after a
 * mistake, so a script that pipes the help gets it and one that misspells a command fails. */
static int usage(FILE *out, int status)
{
	fprintf(out, "usage: crowdcartctl [--conf FILE] COMMAND [ARGS]\n"
		     "       crowdcartctl COMMAND --help | --help | --version\n"
		     "The config is $CROWDCART_CONF, else --conf FILE, else /etc/crowdcart/crowdcart.conf.\n"
		     "Commands (crowdcartctl(1)):\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].help);
	for (size_t i = 0; i < sizeof arg_commands / sizeof arg_commands[0]; i++)
		fprintf(out, "  %-12s %s\n", arg_commands[i].name, arg_commands[i].help);
	return status;
}

/* `crowdcartctl COMMAND --help`: answered before the config is read, so it works anywhere. */
static int command_help(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(name, commands[i].name) == 0) {
			printf("usage: crowdcartctl [--conf FILE] %s\n%s\n", name, commands[i].help);
			return 0;
		}
	for (size_t i = 0; i < sizeof arg_commands / sizeof arg_commands[0]; i++)
		if (strcmp(name, arg_commands[i].name) == 0) {
			printf("usage: crowdcartctl [--conf FILE] %s ARGS\n%s %s\n", name, name,
			       arg_commands[i].help);
			return 0;
		}
	return usage(stderr, 2);
}

static bool is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int main(int argc, char **argv)
{
	const char *conf = NULL;
	int i = 1;
	if (i + 1 < argc && strcmp(argv[i], "--conf") == 0) {
		conf = argv[i + 1];
		i += 2;
	}
	if (i >= argc)
		return usage(stderr, 2);
	if (is_help(argv[i]))
		return usage(stdout, 0);
	if (strcmp(argv[i], "--version") == 0) {
		printf("crowdcartctl %s\n", CROWDCART_VERSION);
		return 0;
	}
	for (int k = i + 1; k < argc; k++)
		if (is_help(argv[k]))
			return command_help(argv[i]);
	for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
		if (strcmp(argv[i], commands[c].name) != 0)
			continue;
		if (i + 1 != argc)
			return usage(stderr, 2);
		if (!config_load(conf) || sodium_init() < 0)
			return 1;
		struct db *db = db_open("ctl");
		if (db_ready(db) != DB_OK) {
			fprintf(stderr, "crowdcartctl: cannot reach the database\n");
			return 1;
		}
		int rc = commands[c].fn(db);
		db_close(db);
		return rc;
	}
	for (size_t c = 0; c < sizeof arg_commands / sizeof arg_commands[0]; c++) {
		if (strcmp(argv[i], arg_commands[c].name) != 0)
			continue;
		struct db *db = connect(conf);
		if (!db)
			return 1;
		int rc = arg_commands[c].fn(db, argc - i - 1, argv + i + 1);
		db_close(db);
		return rc;
	}
	return usage(stderr, 2);
}
