/* webhook_out.c: lead webhook payloads, signatures, backoff and the small HTTP/1.1 client. */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sodium.h>
#include "webhook_out.h"

void webhook_json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)*p);
		} else if (*p == '\n') {
			buf_puts(b, "\\n");
		} else if (*p == '\r') {
			buf_puts(b, "\\r");
		} else if (*p == '\t') {
			buf_puts(b, "\\t");
		} else if (*p < 0x20 || *p == 0x7f) {
			buf_printf(b, "\\u%04x", *p);
		} else if (*p == '<' || *p == '>' || *p == '&') {
			/* so the payload is inert even if a receiver pastes it into HTML */
			buf_printf(b, "\\u%04x", *p);
		} else {
			buf_putc(b, (char)*p);
		}
	}
	buf_putc(b, '"');
}

void webhook_sign(const char *secret, long long timestamp, const char *body, size_t n,
		  char out[WEBHOOK_SIG_LEN + 1])
{
	crypto_auth_hmacsha256_state st;
	uint8_t mac[crypto_auth_hmacsha256_BYTES];
	char ts[24];
	int tn = snprintf(ts, sizeof ts, "%lld.", timestamp);
	crypto_auth_hmacsha256_init(&st, (const uint8_t *)secret, strlen(secret));
	crypto_auth_hmacsha256_update(&st, (const uint8_t *)ts, (size_t)tn);
	crypto_auth_hmacsha256_update(&st, (const uint8_t *)body, n);
	crypto_auth_hmacsha256_final(&st, mac);
	memcpy(out, "sha256=", 7);
	sodium_bin2hex(out + 7, 65, mac, sizeof mac);
}

long long webhook_backoff(unsigned attempt)
{
	long long s = 30;
	for (unsigned i = 1; i < attempt && s < 6 * 3600; i++)
		s *= 2;
	return s < 6 * 3600 ? s : 6 * 3600;
}

bool webhook_url_parse(const char *url, struct webhook_url *u)
{
	if (!url || strncmp(url, "http://", 7) != 0)
		return false;
	const char *h = url + 7;
	size_t hl = strcspn(h, ":/?#");
	if (hl == 0 || hl >= sizeof u->host || memchr(h, '@', strcspn(h, "/")))
		return false;
	for (size_t i = 0; i < hl; i++)
		if (!((h[i] >= 'a' && h[i] <= 'z') || (h[i] >= 'A' && h[i] <= 'Z') || (h[i] >= '0' && h[i] <= '9') ||
		      h[i] == '.' || h[i] == '-'))
			return false;
	memcpy(u->host, h, hl);
	u->host[hl] = '\0';
	const char *p = h + hl;
	strcpy(u->port, "80");
	if (*p == ':') {
		size_t pl = strspn(p + 1, "0123456789");
		long port = pl ? strtol(p + 1, NULL, 10) : 0;
		if (pl == 0 || pl > 5 || port < 1 || port > 65535)
			return false;
		snprintf(u->port, sizeof u->port, "%ld", port);
		p += 1 + pl;
	}
	if (*p == '#' || (*p && *p != '/' && *p != '?'))
		return false;
	const char *path = *p ? p : "/";
	size_t pl = strcspn(path, "#");
	if (pl + 2 >= sizeof u->path)
		return false;
	for (size_t i = 0; i < pl; i++)
		if ((unsigned char)path[i] <= 0x20 || path[i] == 0x7f)
			return false;
	if (*path == '?')
		u->path[0] = '/', memcpy(u->path + 1, path, pl), u->path[pl + 1] = '\0';
	else
		memcpy(u->path, path, pl), u->path[pl] = '\0';
	return true;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for fd to be ready for `events` until the deadline; false on timeout or error. */
static bool wait_fd(int fd, short events, long long deadline)
{
	long long left = deadline - now_ms();
	if (left <= 0)
		return false;
	struct pollfd p = { .fd = fd, .events = events };
	return poll(&p, 1, (int)left) == 1 && (p.revents & (events | POLLHUP));
}

static int connect_to(const struct webhook_url *u, long long deadline, char err[128])
{
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM }, *ai = NULL;
	int g = getaddrinfo(u->host, u->port, &hints, &ai);
	if (g != 0) {
		snprintf(err, 128, "cannot resolve host: %s", gai_strerror(g));
		return -1;
	}
	int fd = -1;
	for (struct addrinfo *a = ai; a && fd < 0; a = a->ai_next) {
		fd = socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
		if (fd < 0)
			continue;
		int soerr = 0;
		socklen_t sl = sizeof soerr;
		if (connect(fd, a->ai_addr, a->ai_addrlen) != 0 &&
		    (errno != EINPROGRESS || !wait_fd(fd, POLLOUT, deadline) ||
		     getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) != 0 || soerr != 0)) {
			snprintf(err, 128, "cannot connect: %s", soerr ? strerror(soerr) : "timed out");
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(ai);
	return fd;
}

static bool send_all(int fd, const char *p, size_t n, long long deadline)
{
	while (n > 0) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
		} else if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			if (!wait_fd(fd, POLLOUT, deadline))
				return false;
		} else if (!(w < 0 && errno == EINTR)) {
			return false;
		}
	}
	return true;
}

int webhook_post(const struct webhook_url *u, const char *secret, long long delivery_id, const char *event,
		 const char *body, size_t n, int timeout_ms, char err[128])
{
	long long deadline = now_ms() + timeout_ms;
	err[0] = '\0';
	int fd = connect_to(u, deadline, err);
	if (fd < 0)
		return 0;
	long long ts = (long long)time(NULL);
	char sig[WEBHOOK_SIG_LEN + 1];
	webhook_sign(secret, ts, body, n, sig);
	char head[1400];
	int hn = snprintf(head, sizeof head,
			  "POST %s HTTP/1.1\r\nHost: %s:%s\r\nUser-Agent: crowdcart-webhook/1\r\n"
			  "Content-Type: application/json\r\nContent-Length: %zu\r\n"
			  "X-Crowdcart-Event: %s\r\nX-Crowdcart-Delivery: %lld\r\n"
			  "X-Crowdcart-Timestamp: %lld\r\nX-Crowdcart-Signature: %s\r\nConnection: close\r\n\r\n",
			  u->path, u->host, u->port, n, event, delivery_id, ts, sig);
	int status = 0;
	if (hn <= 0 || (size_t)hn >= sizeof head) {
		snprintf(err, 128, "request head too long");
	} else if (!send_all(fd, head, (size_t)hn, deadline) || !send_all(fd, body, n, deadline)) {
		snprintf(err, 128, "send failed or timed out");
	} else {
		char resp[64];
		size_t got = 0;
		while (got < sizeof resp - 1 && !memchr(resp, '\n', got)) {
			if (!wait_fd(fd, POLLIN, deadline))
				break;
			ssize_t r = recv(fd, resp + got, sizeof resp - 1 - got, 0);
			if (r <= 0)
				break;
			got += (size_t)r;
		}
		resp[got] = '\0';
		if (strncmp(resp, "HTTP/1.", 7) == 0 && got >= 12 && resp[8] == ' ')
			status = atoi(resp + 9);
		if (status < 100 || status > 599) {
			status = 0;
			snprintf(err, 128, got ? "malformed response" : "no response or timed out");
		}
	}
	close(fd);
	return status;
}
