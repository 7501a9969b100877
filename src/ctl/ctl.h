/* ctl.h: crowdcartctl's commands; each returns the process exit status. */
#ifndef CC_CTL_H
#define CC_CTL_H
#include "db/db.h"

/* [--status | --dry-run]: apply the pending files of sql_dir, or only report (writes nothing). */
int ctl_migrate(struct db *db, int argc, char **argv);
int ctl_demo(struct db *db);
/* The demo's video files in media_dir, made with ffmpeg unless they are there; 0 or 1. */
int ctl_demo_media(void);
int ctl_purge(struct db *db);
/* lead_purge.c: the leads past their retention, for ctl_purge. */
int ctl_lead_purge(struct db *db);
/* Indexes for search every product whose index row is missing or stale (search_reindex.c). */
int ctl_search_index(struct db *db);
/* argv holds the arguments after the command name. */
int ctl_import(struct db *db, int argc, char **argv);
int ctl_connect(struct db *db, int argc, char **argv);
int ctl_export(struct db *db, int argc, char **argv);
/* The value after `name` in argv, or NULL; the brand's id and currency by slug (false and a
 * message on stderr when there is none). */
const char *ctl_opt(int argc, char **argv, const char *name);
bool ctl_brand(struct db *db, struct arena *a, const char *slug, long long *id, const char **currency);
/* [--to ADDRESS]: sends the due outbox mail (or that address's) by the configured transport. */
int ctl_send_mail(struct db *db, int argc, char **argv);
/* --dead: the dead mails, newest first: id, when queued, to, attempts, last error, subject;
 * --retry ID: that dead mail pending again. */
int ctl_mail(struct db *db, int argc, char **argv);
int ctl_purge_carts(struct db *db);
/* [--once]: delivers due lead webhooks and runs the due DNS checks of brand domains, looping
 * every 5 s unless --once. */
int ctl_worker(struct db *db, int argc, char **argv);
/* reconcile [--checkout REF]: asks the providers about every hosted payment still open (or that
 * checkout's) and settles it. */
int ctl_payments(struct db *db, int argc, char **argv);
/* Loads the templates and the notices' renderer, once, for a command that may queue notices;
 * false (and a message) if the templates do not load. */
bool ctl_notices_ready(void);
/* For the worker: releases the stock of hosted payments whose hold is over (unless the provider
 * says paid), and forgets provider event ids older than 60 days. The number settled, or -1 on a
 * database failure. outbound_init first. */
long ctl_payments_release(struct db *db, struct arena *a);
/* list --brand SLUG | check [--brand SLUG] [--all] | verify --brand SLUG DOMAIN: a brand's domains,
 * their DNS checks now, or one marked verified by hand. */
int ctl_domains(struct db *db, int argc, char **argv);
/* token --ad SLUG --target URL [--expires-in S]: prints a signed /go/ path for the ad. */
int ctl_ads(struct db *db, int argc, char **argv);
/* verify [--brand SLUG] [--init]: recompute each brand's commission ledger hash chain, report the
 * first broken link, record the result for the dashboards; non-zero when any is broken. */
int ctl_ledger(struct db *db, int argc, char **argv);
/* `ledger verify --init` for every brand: chains entries written without ledger_append (demo). */
int ctl_ledger_chain_all(struct db *db);
/* run [--brand SLUG]: each brand's payout batch for the current period of its schedule. */
int ctl_payouts(struct db *db, int argc, char **argv);
/* [--out DIR]: a dated archive (mode 0600) of a consistent database dump, media_dir and the
 * config; prints its path. */
int ctl_backup(struct db *db, int argc, char **argv);
/* ARCHIVE [--force]: a backup into the configured database (refused unless empty or --force)
 * and its media into media_dir. */
int ctl_restore(struct db *db, int argc, char **argv);
/* [--once]: the image passes of the worker alone (image_jobs.h), looping every 5 s unless --once. */
int ctl_images(struct db *db, int argc, char **argv);

#endif
