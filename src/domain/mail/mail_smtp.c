/* mail_smtp.c: SMTP delivery through libcurl, STARTTLS enforced unless the operator turned it off. */
#include <stdio.h>
#include <string.h>
#include <curl/curl.h>
#include "domain/mail/mail_smtp.h"

struct upload {
	const char *p;
	size_t left;
};

static size_t upload_read(char *dst, size_t size, size_t nmemb, void *ctx)
{
	struct upload *u = ctx;
	size_t n = size * nmemb < u->left ? size * nmemb : u->left;
	memcpy(dst, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

enum mail_result mail_smtp_send(const struct mail_smtp *t, const char *from, const char *to,
				const char *msg, size_t len, char err[MAIL_ERROR_MAX])
{
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(err, MAIL_ERROR_MAX, "curl_easy_init failed");
		return MAIL_RETRY;
	}
	char env_from[300], env_to[300];
	snprintf(env_from, sizeof env_from, "<%s>", from);
	snprintf(env_to, sizeof env_to, "<%s>", to);
	struct curl_slist *rcpt = curl_slist_append(NULL, env_to);
	struct upload u = { msg, len };
	curl_easy_setopt(c, CURLOPT_URL, t->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, t->connect_timeout);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, t->timeout);
	/* smtps:// is TLS from the first byte; smtp:// upgrades with STARTTLS or, when required, stops. */
	curl_easy_setopt(c, CURLOPT_USE_SSL, t->starttls_required ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_NONE);
	if (*t->ca_file)
		curl_easy_setopt(c, CURLOPT_CAINFO, t->ca_file);
	if (*t->user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, t->user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, t->password);
	}
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, env_from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, upload_read);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	CURLcode rc = curl_easy_perform(c);
	long code = 0;
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	if (rc == CURLE_OK)
		return MAIL_SENT;
	/* curl's own words and the server's code; never the URL or the credentials. */
	snprintf(err, MAIL_ERROR_MAX, "smtp: %s (server answered %ld)", curl_easy_strerror(rc), code);
	/* A refused login is the configuration's fault, not the mail's: it waits for the fix. */
	return rc != CURLE_LOGIN_DENIED && code >= 500 && code <= 599 ? MAIL_DEAD : MAIL_RETRY;
}
