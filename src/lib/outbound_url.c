/* outbound_url.c: save-time refusal of outbound URLs that hide where they point (outbound_url.h). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "lib/netcheck.h"
#include "lib/outbound_url.h"

static const char *outbound_url_say(char msg[OUTBOUND_URL_MSG], const char *text)
{
	snprintf(msg, OUTBOUND_URL_MSG, "%s", text);
	return msg;
}

/* Resolvers read a host whose last label is a number (decimal, 0x hex, 0 octal) as an IPv4 address. */
static bool outbound_url_numeric_label(const char *label, size_t n)
{
	if (n > 2 && label[0] == '0' && (label[1] == 'x' || label[1] == 'X'))
		return strspn(label + 2, "0123456789abcdefABCDEF") >= n - 2;
	return n > 0 && strspn(label, "0123456789") >= n;
}

/* Four decimal parts 0-255 without leading zeros: the one spelling a person reads right. */
static bool outbound_url_dotted_quad(const char *h, size_t n)
{
	unsigned parts = 0;
	size_t i = 0;
	while (i < n) {
		size_t d = strspn(h + i, "0123456789");
		if (d == 0 || d > 3 || (d > 1 && h[i] == '0'))
			return false;
		unsigned v = 0;
		for (size_t k = 0; k < d; k++)
			v = v * 10 + (unsigned)(h[i + k] - '0');
		if (v > 255)
			return false;
		parts++;
		i += d;
		if (i < n && (h[i] != '.' || i + 1 == n))
			return false;
		i += i < n;
	}
	return parts == 4;
}

static const char *outbound_url_private(char msg[OUTBOUND_URL_MSG], const char *why)
{
	snprintf(msg, OUTBOUND_URL_MSG, "This address is not on the public internet (%s): webhooks cannot be sent to"
		 " the server's own network.", why);
	return msg;
}

const char *outbound_url_refusal(const char *url, const char *allow, char msg[OUTBOUND_URL_MSG])
{
	const char *h = !url ? NULL : strncmp(url, "https://", 8) == 0 ? url + 8 : strncmp(url, "http://", 7) == 0 ? url + 7 : NULL;
	if (!h)
		return outbound_url_say(msg, "Enter an https:// (or http://) URL, like https://crm.example.com/hooks/leads.");
	size_t authority = strcspn(h, "/?#");
	if (memchr(h, '@', authority))
		return outbound_url_say(msg, "Leave out the user name and password (the part before @): the receiver checks"
					" the request's signature instead.");
	char host[256];
	size_t n = h[0] == '[' ? strcspn(h, "]") + 1 : strcspn(h, ":/?#");
	if (n == 0 || n >= sizeof host || n > authority)
		return outbound_url_say(msg, "Enter an https:// (or http://) URL, like https://crm.example.com/hooks/leads.");
	memcpy(host, h, n);
	host[n] = '\0';
	bool trailing_dot = host[n - 1] == '.';
	if (trailing_dot)
		host[--n] = '\0';
	if (n == 0 || host[0] == '.' || strstr(host, ".."))
		return outbound_url_say(msg, "Enter an https:// (or http://) URL, like https://crm.example.com/hooks/leads.");
	/* The address itself first: the most telling reason. */
	struct netcheck_addr a;
	bool literal = netcheck_literal(host, &a);
	const char *dot = strrchr(host, '.');
	bool local_name = strcasecmp(host, "localhost") == 0 || (dot && strcasecmp(dot, ".localhost") == 0);
	if (local_name)
		literal = netcheck_literal("127.0.0.1", &a);
	const char *why = literal ? netcheck_refuse(&a, allow) : NULL;
	if (why)
		return outbound_url_private(msg, why);
	if (host[0] == '[' && !literal)
		return outbound_url_say(msg, "The address in brackets is not an IPv6 address.");
	if (trailing_dot)
		return outbound_url_say(msg, "Write the host without the dot at its end.");
	const char *last = dot ? dot + 1 : host;
	if (host[0] != '[' && outbound_url_numeric_label(last, strlen(last)) && !outbound_url_dotted_quad(host, n))
		return outbound_url_say(msg, "Write an IP address as four decimal numbers, like 203.0.113.7 (not as one"
					" number, in hex or in octal).");
	return NULL;
}
