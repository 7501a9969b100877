/* mail_transport.c: the configured transport, and sendmail(8) as a child process (no shell). */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lib/config.h"
#include "domain/mail/mail_transport.h"

bool mail_transport_config(struct mail_transport *t, char err[MAIL_ERROR_MAX])
{
	const char *kind = config_str("mail_transport", "sendmail");
	const char *tls = config_str("smtp_starttls", "required");
	*t = (struct mail_transport){
		.smtp = strcmp(kind, "smtp") == 0,
		.sendmail_path = config_str("sendmail_path", ""),
		.server = {
			.url = config_str("smtp_url", ""),
			.user = config_str("smtp_user", ""),
			.password = config_str("smtp_password", ""),
			.ca_file = config_str("smtp_ca_file", ""),
			.starttls_required = strcmp(tls, "off") != 0,
			.connect_timeout = config_int("smtp_connect_timeout", 10, 1, 300),
			.timeout = config_int("smtp_timeout", 60, 1, 3600),
		},
	};
	if (!t->smtp && strcmp(kind, "sendmail") != 0) {
		snprintf(err, MAIL_ERROR_MAX, "mail_transport must be sendmail or smtp");
		return false;
	}
	if (strcmp(tls, "required") != 0 && strcmp(tls, "off") != 0) {
		snprintf(err, MAIL_ERROR_MAX, "smtp_starttls must be required or off");
		return false;
	}
	if (t->smtp && strncmp(t->server.url, "smtp://", 7) != 0 && strncmp(t->server.url, "smtps://", 8) != 0) {
		snprintf(err, MAIL_ERROR_MAX, "mail_transport = smtp needs smtp_url = smtp://host:port or smtps://host:port");
		return false;
	}
	if (t->smtp && strchr(t->server.url, '@')) {
		/* A password in the URL would show wherever the URL does: it has keys of its own. */
		snprintf(err, MAIL_ERROR_MAX, "smtp_url must not hold credentials: use smtp_user and smtp_password");
		return false;
	}
	return true;
}

const char *mail_transport_eol(const struct mail_transport *t)
{
	return t->smtp ? "\r\n" : "\n";
}

/* sysexits(3) of sendmail: these say the mail itself cannot go; anything else may pass later. */
static bool sendmail_exit_permanent(int code)
{
	return code == 65 /* EX_DATAERR */ || code == 67 /* EX_NOUSER */ || code == 68 /* EX_NOHOST */;
}

static enum mail_result sendmail_send(const char *path, const char *msg, size_t len, char err[MAIL_ERROR_MAX])
{
	int fds[2];
	if (pipe(fds) != 0) {
		snprintf(err, MAIL_ERROR_MAX, "pipe failed");
		return MAIL_RETRY;
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		snprintf(err, MAIL_ERROR_MAX, "fork failed");
		return MAIL_RETRY;
	}
	if (pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		execl(path, path, "-t", "-i", (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	bool written = true;
	for (size_t off = 0; off < len;) {
		ssize_t k = write(fds[1], msg + off, len - off);
		if (k <= 0) {
			written = false;
			break;
		}
		off += (size_t)k;
	}
	close(fds[1]);
	int st;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st)) {
		snprintf(err, MAIL_ERROR_MAX, "sendmail did not finish");
		return MAIL_RETRY;
	}
	if (written && WEXITSTATUS(st) == 0)
		return MAIL_SENT;
	snprintf(err, MAIL_ERROR_MAX, "sendmail exited with %d", WEXITSTATUS(st));
	return sendmail_exit_permanent(WEXITSTATUS(st)) ? MAIL_DEAD : MAIL_RETRY;
}

enum mail_result mail_transport_send(const struct mail_transport *t, const char *from, const char *to,
				     const char *msg, size_t len, char err[MAIL_ERROR_MAX])
{
	if (t->smtp)
		return mail_smtp_send(&t->server, from, to, msg, len, err);
	return sendmail_send(t->sendmail_path, msg, len, err);
}
