/* access_log.c: the combined line, "addr - - [time] "method path proto" status bytes "referer"
 * "agent"", with the path only (a query string may carry tokens; a path that is itself a secret,
 * a {token}, is logged as its pattern) and every field escaped, so none can end early. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "lib/config.h"
#include "web/access_log.h"

bool access_log_combined(void)
{
	static int combined = -1;
	if (combined < 0)
		combined = strcmp(config_str("log_format", "default"), "combined") == 0;
	return combined;
}

/* Copies at most n - 1 bytes of s (NULL or empty: "-") into out, with control bytes, quotes and
 * backslashes written \xHH, as Apache does, so a field cannot end early or forge a line. */
static void field(char *out, size_t n, const char *s)
{
	size_t i = 0;
	for (const char *p = s && *s ? s : "-"; *p && i + 4 < n; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c == 0x7f || c == '"' || c == '\\')
			i += (size_t)snprintf(out + i, n - i, "\\x%02x", c);
		else
			out[i++] = (char)c;
	}
	out[i] = '\0';
}

void access_log_write(const struct req *r, const char *method)
{
	char addr[64], path[201], referer[301], agent[301], when[40];
	field(addr, sizeof addr, r->remote_addr);
	field(path, sizeof path, r->route && req_param(r, "token") ? r->route->pat.pattern : r->path);
	field(referer, sizeof referer, req_env(r, "HTTP_REFERER"));
	field(agent, sizeof agent, req_env(r, "HTTP_USER_AGENT"));
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%d/%b/%Y:%H:%M:%S +0000", &tm);
	const char *proto = req_env(r, "SERVER_PROTOCOL");
	if (!proto || strncmp(proto, "HTTP/", 5) != 0 || strlen(proto) > 8)
		proto = "HTTP/1.1";
	fprintf(stderr, "%s - - [%s] \"%s %s %s\" %d %zu \"%s\" \"%s\"\n", addr, when, method, path, proto,
		r->status, r->method == HTTP_HEAD ? 0 : r->body.len, referer, agent);
}
