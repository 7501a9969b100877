/* sendmail.c: crowdcartctl send-mail [--to ADDRESS]: compose each due outbox mail (text and HTML
 * alternative), or only those to one address (an operator resending one customer's mail after a
 * fix), and hand it to the configured transport, recording sent, retry later, or dead. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <curl/curl.h>
#include "lib/base_url.h"
#include "lib/config.h"
#include "lib/mime_encode.h"
#include "lib/mime_message.h"
#include "web/tmpl.h"
#include "ctl/ctl.h"
#include "ctl/mail_html.h"
#include "domain/mail/mail_transport.h"
#include "domain/mail/outbox.h"

#define SEND_BATCH 100

struct sender {
	struct mail_transport t;
	char from_name[256], from_addr[256];
	char host[BASE_URL_MAX];	/* of base_url: the right side of every Message-ID */
	long retry_seconds;
	long sent, retried, dead;
};

/* The host of an address base_url_parse accepted ("https://shop.example:8443/x" -> shop.example). */
static void sender_host(const char *base, char host[BASE_URL_MAX])
{
	const char *h = strstr(base, "://") + 3;
	size_t n = strcspn(h, ":/");
	memcpy(host, h, n);
	host[n] = '\0';
}

/* One mail: composed, sent, its outcome recorded. */
static enum db_status sender_one(struct db *db, struct arena *a, struct sender *s, const struct outbox_mail *m)
{
	char err[MAIL_ERROR_MAX] = "";
	if (!mime_address_ok(m->to))
		return outbox_mark_dead(db, m->id, "not a mail address");
	const char *html = mail_html_render(a, m->subject, m->body);
	if (!html) {
		s->retried++;
		return outbox_mark_retry(db, m->id, "the mail template failed", s->retry_seconds);
	}
	struct mime_message msg = {
		.from_name = s->from_name, .from_addr = s->from_addr, .to_addr = m->to, .subject = m->subject,
		.date = time(NULL), .message_id = arena_printf(a, "%lld.%lld.outbox@%s", m->id, m->created, s->host),
		.unsubscribe_url = m->unsubscribe_url, .text = m->body, .html = html, .calendar = m->calendar,
	};
	struct buf b;
	buf_init(&b, a, 8192);
	mime_message_write(&b, &msg, mail_transport_eol(&s->t));
	switch (mail_transport_send(&s->t, s->from_addr, m->to, b.p, b.len, err)) {
	case MAIL_SENT:
		s->sent++;
		return outbox_mark_sent(db, m->id);
	case MAIL_RETRY:
		s->retried++;
		return outbox_mark_retry(db, m->id, err, s->retry_seconds);
	case MAIL_DEAD:
		break;
	}
	s->dead++;
	return outbox_mark_dead(db, m->id, err);
}

int ctl_send_mail(struct db *db, int argc, char **argv)
{
	const char *to = ctl_opt(argc, argv, "--to");
	if (argc != (to ? 2 : 0)) {
		fprintf(stderr, "usage: crowdcartctl send-mail [--to ADDRESS]\n");
		return 2;
	}
	struct sender s = { .retry_seconds = config_int("mail_retry_seconds", 300, 1, 86400) };
	char base[BASE_URL_MAX], err[MAIL_ERROR_MAX];
	if (!base_url_get(base)) {
		fprintf(stderr, "crowdcartctl: send-mail needs base_url (the shop's public address, like"
			" https://shop.example): every link in mail is absolute\n");
		return 2;
	}
	if (!mail_transport_config(&s.t, err)) {
		fprintf(stderr, "crowdcartctl: %s\n", err);
		return 2;
	}
	if (!s.t.smtp && !*s.t.sendmail_path) {
		/* No mailer on this host: the mail stays in the outbox table for the operator. */
		printf("sendmail_path is not set: pending mail stays in the outbox\n");
		return 0;
	}
	if (!mime_address_split(config_str("mail_from", "crowdcart <no-reply@localhost>"), s.from_name, s.from_addr,
				sizeof s.from_addr)) {
		fprintf(stderr, "crowdcartctl: mail_from must be an address, like crowdcart <no-reply@shop.example>\n");
		return 2;
	}
	sender_host(base, s.host);
	if (!tmpl_init(config_str("templates_dir", "templates")) || curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return 1;
	struct arena *a = arena_new(65536);
	enum db_status rc = DB_OK;
	size_t n;
	/* In batches, so a long queue is not read into memory at once. */
	do {
		arena_reset(a);
		struct outbox_mail *due;
		rc = outbox_claim_due(db, a, to, SEND_BATCH, &due, &n);
		for (size_t i = 0; rc == DB_OK && i < n; i++)
			rc = sender_one(db, a, &s, &due[i]);
	} while (rc == DB_OK && n == SEND_BATCH);
	arena_free(a);
	printf("sent %ld mails, %ld to retry, %ld dead\n", s.sent, s.retried, s.dead);
	return rc == DB_OK ? 0 : 1;
}
