/* outbox.c: queue mail with the transaction that causes it; deliver it through sendmail(8). */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "domain/mail/outbox.h"

static const struct db_stmt q_add = {
	"INSERT INTO outbox (to_addr, subject, body_text, checkout_id, order_id, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())", "sssii", "" };
static const struct db_stmt q_pending = {
	"SELECT id, to_addr, subject, body_text FROM outbox WHERE status = 'pending'"
	" ORDER BY created_at, id LIMIT ?", "i", "isss" };
static const struct db_stmt q_sent = {
	"UPDATE outbox SET status = 'sent', attempts = attempts + 1, sent_at = UTC_TIMESTAMP(),"
	" last_error = '' WHERE id = ? AND status = 'pending'", "i", "" };
static const struct db_stmt q_failed = {
	"UPDATE outbox SET attempts = attempts + 1, last_error = ?,"
	" status = IF(attempts >= ?, 'failed', 'pending') WHERE id = ? AND status = 'pending'", "sii", "" };

enum db_status outbox_add(struct db *db, const char *to, const char *subject, const char *body,
			  long long checkout_id, long long order_id)
{
	struct db_param p[] = {
		DB_S(to), DB_S(subject), DB_S(body),
		checkout_id ? DB_I(checkout_id) : DB_NULL, order_id ? DB_I(order_id) : DB_NULL,
	};
	return db_query(db, NULL, &q_add, p, NULL);
}

/* A header value on one line: CR and LF would let a value add headers of its own. */
static void header(FILE *f, const char *name, const char *val)
{
	fprintf(f, "%s: ", name);
	for (const char *p = val; *p; p++)
		fputc(*p == '\r' || *p == '\n' ? ' ' : *p, f);
	fputc('\n', f);
}

/* Runs sendmail -t -i with the message on its stdin; true if it exited 0. */
static bool deliver(const char *path, const char *from, const char *to, const char *subject, const char *body)
{
	int fds[2];
	if (pipe(fds) != 0)
		return false;
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return false;
	}
	if (pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		execl(path, path, "-t", "-i", (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	FILE *f = fdopen(fds[1], "w");
	if (!f) {
		close(fds[1]);
		waitpid(pid, NULL, 0);
		return false;
	}
	header(f, "From", from);
	header(f, "To", to);
	header(f, "Subject", subject);
	fputs("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n", f);
	fputs(body, f);
	bool ok = fclose(f) == 0;
	int st;
	if (waitpid(pid, &st, 0) != pid)
		return false;
	return ok && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

long outbox_send_pending(struct db *db, struct arena *a, const char *sendmail_path, const char *from, long max)
{
	struct db_res res;
	if (db_query(db, a, &q_pending, (struct db_param[]){ DB_I(max) }, &res) != DB_OK)
		return -1;
	long sent = 0;
	for (size_t i = 0; i < res.nrows; i++) {
		long long id = db_at(&res, i, 0)->i;
		enum db_status rc;
		if (deliver(sendmail_path, from, db_at(&res, i, 1)->s, db_at(&res, i, 2)->s, db_at(&res, i, 3)->s)) {
			rc = db_query(db, NULL, &q_sent, (struct db_param[]){ DB_I(id) }, NULL);
			sent++;
		} else {
			rc = db_query(db, NULL, &q_failed, (struct db_param[]){
				DB_S("sendmail failed"), DB_I(OUTBOX_MAX_ATTEMPTS - 1), DB_I(id) }, NULL);
		}
		if (rc != DB_OK)
			return -1;
	}
	return sent;
}
