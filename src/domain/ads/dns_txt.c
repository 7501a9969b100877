/* dns_txt.c: the verification-record rule and the reading of a DNS TXT answer (see dns_txt.h).
 * glibc's ns_initparse/ns_parserr (libresolv) walk the message; they do no I/O. */
#include <arpa/nameser.h>
#include <stdio.h>
#include <string.h>
#include "domain/ads/dns_txt.h"

#define NAMES_MAX 8	/* the name and the CNAME targets followed from it */

static enum dns_txt_outcome judge_one(const struct dns_txt_value *v, const char *token)
{
	size_t plen = sizeof DNS_TXT_PREFIX - 1, tlen = strlen(token);
	if (v->len < plen || memcmp(v->p, DNS_TXT_PREFIX, plen) != 0)
		return DNS_TXT_OTHER;
	return v->len == plen + tlen && memcmp(v->p + plen, token, tlen) == 0 ? DNS_TXT_MATCH : DNS_TXT_DIFFERS;
}

enum dns_txt_outcome dns_txt_judge(const struct dns_txt_value *v, size_t n, const char *token)
{
	enum dns_txt_outcome best = DNS_TXT_NONE;
	for (size_t i = 0; i < n; i++) {
		enum dns_txt_outcome o = judge_one(&v[i], token);
		if (o > best)
			best = o;
	}
	return best;
}

long dns_txt_join(const uint8_t *rdata, size_t len, uint8_t *out, size_t cap)
{
	if (len == 0)
		return -1;
	size_t total = 0;
	for (size_t i = 0; i < len;) {
		size_t n = rdata[i++];
		if (n > len - i)
			return -1;
		for (size_t k = 0; k < n; k++, total++)
			if (total < cap)
				out[total] = rdata[i + k];
		i += n;
	}
	return (long)total;
}

/* DNS names compare without regard to ASCII case (RFC 4343), whatever the locale. */
static bool same_name(const char *a, const char *b)
{
	for (;; a++, b++) {
		char x = (char)(*a >= 'A' && *a <= 'Z' ? *a + 32 : *a), y = (char)(*b >= 'A' && *b <= 'Z' ? *b + 32 : *b);
		if (x != y)
			return false;
		if (!x)
			return true;
	}
}

void dns_txt_describe(enum dns_txt_outcome o, const char *name, char why[DNS_WHY_MAX])
{
	switch (o) {
	case DNS_TXT_MATCH:
		snprintf(why, DNS_WHY_MAX, "verified");
		break;
	case DNS_TXT_DIFFERS:
		snprintf(why, DNS_WHY_MAX, "a TXT record was found but its value differs");
		break;
	case DNS_TXT_OTHER:
		snprintf(why, DNS_WHY_MAX, "no crowdcart-verification TXT record at %s (other TXT records are there)", name);
		break;
	case DNS_TXT_NONE:
		snprintf(why, DNS_WHY_MAX, "no TXT record at %s", name);
		break;
	case DNS_TXT_FAILED:
		snprintf(why, DNS_WHY_MAX, "lookup failed");
		break;
	}
}

const char *dns_rcode_text(int rcode, char buf[64])
{
	switch (rcode) {
	case ns_r_servfail:
		return "the resolver answered SERVFAIL";
	case ns_r_refused:
		return "the resolver refused the query";
	case ns_r_notimpl:
		return "the resolver does not support the query";
	default:
		snprintf(buf, 64, "the resolver answered error %d", rcode);
		return buf;
	}
}

static enum dns_txt_outcome failed(char why[DNS_WHY_MAX], const char *what)
{
	snprintf(why, DNS_WHY_MAX, "lookup failed: %s", what);
	return DNS_TXT_FAILED;
}

static bool known(char names[][NS_MAXDNAME], size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (same_name(names[i], name))
			return true;
	return false;
}

enum dns_txt_outcome dns_txt_answer(const uint8_t *msg, size_t len, const char *name, const char *token,
				    char why[DNS_WHY_MAX])
{
	ns_msg h;
	ns_rr rr;
	if (len > 65535 || ns_initparse(msg, (int)len, &h) < 0 || !ns_msg_getflag(h, ns_f_qr))
		return failed(why, "malformed answer");
	int rcode = ns_msg_getflag(h, ns_f_rcode);
	if (rcode != ns_r_noerror && rcode != ns_r_nxdomain) {
		char what[64];
		return failed(why, dns_rcode_text(rcode, what));
	}
	if (ns_msg_getflag(h, ns_f_tc))
		return failed(why, "the answer was truncated");
	if (ns_msg_count(h, ns_s_qd) != 1 || ns_parserr(&h, ns_s_qd, 0, &rr) < 0 || !same_name(ns_rr_name(rr), name) ||
	    ns_rr_type(rr) != ns_t_txt || ns_rr_class(rr) != ns_c_in)
		return failed(why, "the answer does not match the question");
	if (rcode == ns_r_nxdomain) {
		dns_txt_describe(DNS_TXT_NONE, name, why);
		return DNS_TXT_NONE;
	}
	int an = ns_msg_count(h, ns_s_an);
	/* Follow CNAMEs in the answer, in whatever order they come, until no new name turns up. */
	char names[NAMES_MAX][NS_MAXDNAME];
	size_t nnames = 1;
	snprintf(names[0], sizeof names[0], "%s", name);
	for (bool grew = true; grew && nnames < NAMES_MAX;) {
		grew = false;
		for (int i = 0; i < an && nnames < NAMES_MAX; i++) {
			if (ns_parserr(&h, ns_s_an, i, &rr) < 0)
				return failed(why, "malformed answer");
			if (ns_rr_type(rr) != ns_t_cname || ns_rr_class(rr) != ns_c_in || !known(names, nnames, ns_rr_name(rr)))
				continue;
			char target[NS_MAXDNAME];
			if (ns_name_uncompress(ns_msg_base(h), ns_msg_end(h), ns_rr_rdata(rr), target, sizeof target) < 0)
				return failed(why, "malformed answer");
			if (!known(names, nnames, target)) {
				snprintf(names[nnames++], sizeof names[0], "%s", target);
				grew = true;
			}
		}
	}
	enum dns_txt_outcome best = DNS_TXT_NONE;
	for (int i = 0; i < an; i++) {
		if (ns_parserr(&h, ns_s_an, i, &rr) < 0)
			return failed(why, "malformed answer");
		if (ns_rr_type(rr) != ns_t_txt || ns_rr_class(rr) != ns_c_in || !known(names, nnames, ns_rr_name(rr)))
			continue;
		/* A value longer than buf cannot be ours (DNS_TXT_PREFIX and a 32-digit token), and its
		 * first bytes still tell a stale record of ours from someone else's. */
		uint8_t buf[128];
		long n = dns_txt_join(ns_rr_rdata(rr), ns_rr_rdlen(rr), buf, sizeof buf);
		if (n < 0)
			return failed(why, "malformed TXT record");
		struct dns_txt_value v = { buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf };
		enum dns_txt_outcome o = dns_txt_judge(&v, 1, token);
		if (o > best)
			best = o;
	}
	dns_txt_describe(best, name, why);
	return best;
}
