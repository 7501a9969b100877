/* test_netcheck.c: which webhook addresses are refused: every non-public range, IPv6 forms that
 * carry an IPv4 address, the odd IPv4 spellings resolvers accept, and the operator's allow list. */
#include <string.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <check.h>
#include "lib/netcheck.h"
#include "suites.h"

static const struct {
	const char *host;
	const char *canonical;	/* the address it means, NULL if not a literal */
	bool blocked;
} table[] = {
	{ "127.0.0.1", "127.0.0.1", true },
	{ "127.1.2.3", "127.1.2.3", true },
	{ "2130706433", "127.0.0.1", true },	/* one decimal number */
	{ "0177.0.0.1", "127.0.0.1", true },	/* octal */
	{ "0x7f.0.0.1", "127.0.0.1", true },	/* hex */
	{ "0x7f000001", "127.0.0.1", true },
	{ "017700000001", "127.0.0.1", true },
	{ "127.1", "127.0.0.1", true },	/* two parts: a.b is a.0.0.b */
	{ "10.1", "10.0.0.1", true },
	{ "10.0.0.1", "10.0.0.1", true },
	{ "172.16.0.1", "172.16.0.1", true },
	{ "172.31.255.255", "172.31.255.255", true },
	{ "172.32.0.1", "172.32.0.1", false },
	{ "172.15.255.255", "172.15.255.255", false },
	{ "192.168.1.1", "192.168.1.1", true },
	{ "169.254.169.254", "169.254.169.254", true },	/* cloud metadata */
	{ "0xa9.0xfe.0xa9.0xfe", "169.254.169.254", true },
	{ "2852039166", "169.254.169.254", true },
	{ "100.64.0.1", "100.64.0.1", true },
	{ "100.127.255.255", "100.127.255.255", true },
	{ "100.128.0.1", "100.128.0.1", false },
	{ "0.0.0.0", "0.0.0.0", true },
	{ "0", "0.0.0.0", true },
	{ "224.0.0.1", "224.0.0.1", true },
	{ "239.255.255.250", "239.255.255.250", true },
	{ "255.255.255.255", "255.255.255.255", true },
	{ "93.184.216.34", "93.184.216.34", false },
	{ "8.8.8.8", "8.8.8.8", false },
	{ "::1", "::1", true },
	{ "[::1]", "::1", true },
	{ "::", "::", true },
	{ "0:0:0:0:0:0:0:1", "::1", true },
	{ "fc00::1", "fc00::1", true },
	{ "fd12:3456::1", "fd12:3456::1", true },
	{ "fe80::1", "fe80::1", true },
	{ "ff02::1", "ff02::1", true },
	{ "::ffff:127.0.0.1", "::ffff:127.0.0.1", true },	/* IPv4-mapped */
	{ "::ffff:7f00:1", "::ffff:127.0.0.1", true },
	{ "::ffff:169.254.169.254", "::ffff:169.254.169.254", true },
	{ "::ffff:8.8.8.8", "::ffff:8.8.8.8", false },
	{ "::127.0.0.1", "::127.0.0.1", true },	/* IPv4-compatible */
	{ "64:ff9b::a00:1", "64:ff9b::a00:1", true },	/* NAT64 of 10.0.0.1 */
	{ "2002:7f00:1::", "2002:7f00:1::", true },	/* 6to4 of 127.0.0.1 */
	{ "2001:4860:4860::8888", "2001:4860:4860::8888", false },
	{ "2606:4700::1111", "2606:4700::1111", false },
	{ "crm.example.com", NULL, false },
	{ "localhost", NULL, false },
	{ "1.2.3.4.nip.io", NULL, false },
	{ "08.0.0.1", NULL, false },	/* 8 is no octal digit: a name, not an address */
	{ "256.0.0.1", NULL, false },
	{ "1.2.3.4.5", NULL, false },
	{ "4294967296", NULL, false },
	{ "1.2.3.", NULL, false },
	{ "0x", NULL, false },
	{ "[fe80::1", NULL, false },
	{ "", NULL, false },
};

START_TEST(test_netcheck_table)
{
	struct netcheck_addr a;
	char text[NETCHECK_ADDR_TEXT];
	bool lit = netcheck_literal(table[_i].host, &a);
	ck_assert_msg(lit == (table[_i].canonical != NULL), "%s literal", table[_i].host);
	if (!lit)
		return;
	netcheck_format(&a, text);
	ck_assert_str_eq(text, table[_i].canonical);
	ck_assert_msg((netcheck_blocked(&a) != NULL) == table[_i].blocked, "%s blocked", table[_i].host);
	ck_assert_msg((netcheck_refuse(&a, "") != NULL) == table[_i].blocked, "%s refused", table[_i].host);
}
END_TEST

START_TEST(test_netcheck_allow_list)
{
	struct netcheck_addr a;
	ck_assert(netcheck_literal("127.0.0.1", &a));
	ck_assert_ptr_nonnull(netcheck_refuse(&a, NULL));
	ck_assert_ptr_null(netcheck_refuse(&a, "127.0.0.0/8"));
	ck_assert_ptr_null(netcheck_refuse(&a, "10.0.0.0/8, 127.0.0.1"));
	ck_assert_ptr_nonnull(netcheck_refuse(&a, "127.0.0.2/32"));
	ck_assert(netcheck_literal("::ffff:127.0.0.9", &a));
	ck_assert_ptr_null(netcheck_refuse(&a, "127.0.0.0/8"));	/* mapped: judged as its IPv4 */
	ck_assert(netcheck_literal("::1", &a));
	ck_assert_ptr_nonnull(netcheck_refuse(&a, "127.0.0.0/8"));
	ck_assert_ptr_null(netcheck_refuse(&a, "127.0.0.0/8 ::1/128"));
	ck_assert(netcheck_literal("10.20.30.40", &a));
	ck_assert_ptr_null(netcheck_refuse(&a, "10.20.0.0/16"));
	ck_assert_ptr_nonnull(netcheck_refuse(&a, "10.21.0.0/16"));
	ck_assert_ptr_nonnull(netcheck_refuse(&a, "10.20.0.0/16,bogus"));	/* a bad list allows nothing */
	ck_assert(netcheck_literal("172.20.1.1", &a));
	ck_assert_ptr_null(netcheck_refuse(&a, "172.16.0.0/12"));
	ck_assert(netcheck_literal("fd00::5", &a));
	ck_assert_ptr_null(netcheck_refuse(&a, "fd00::/8"));
	ck_assert(netcheck_allow_valid(""));
	ck_assert(netcheck_allow_valid(NULL));
	ck_assert(netcheck_allow_valid("10.0.0.0/8, 192.168.0.0/16,fd00::/8"));
	ck_assert(!netcheck_allow_valid("10.0.0.0/33"));
	ck_assert(!netcheck_allow_valid("10.0.0.0/"));
	ck_assert(!netcheck_allow_valid("0177.0.0.1/8"));
	ck_assert(!netcheck_allow_valid("example.com"));
	ck_assert(!netcheck_allow_valid("fd00::/129"));
}
END_TEST

/* Who may read /_metrics: membership only, a public address is not let through for being public. */
START_TEST(test_netcheck_listed)
{
	struct netcheck_addr a;
	ck_assert(netcheck_literal("127.0.0.1", &a));
	ck_assert(netcheck_listed(&a, "127.0.0.0/8, ::1"));
	ck_assert(netcheck_listed(&a, "127.0.0.1, ::1"));
	ck_assert(!netcheck_listed(&a, "127.0.0.2"));
	ck_assert(!netcheck_listed(&a, ""));
	ck_assert(!netcheck_listed(&a, NULL));
	ck_assert(netcheck_literal("127.0.0.2", &a));
	ck_assert(!netcheck_listed(&a, "127.0.0.1, ::1"));
	ck_assert(netcheck_literal("203.0.113.7", &a));
	ck_assert(!netcheck_listed(&a, "127.0.0.0/8"));
	ck_assert(netcheck_listed(&a, "203.0.113.0/24"));
	ck_assert(!netcheck_listed(&a, "203.0.113.0/24, bogus"));	/* a bad list lets no one in */
	ck_assert(netcheck_literal("::ffff:127.0.0.1", &a));
	ck_assert(netcheck_listed(&a, "127.0.0.1"));	/* mapped: judged as its IPv4 */
	ck_assert(netcheck_literal("::1", &a));
	ck_assert(netcheck_listed(&a, "127.0.0.0/8, ::1"));
	ck_assert(!netcheck_listed(&a, "127.0.0.0/8"));
}
END_TEST

/* The worker judges what getaddrinfo returns: the same rules on socket addresses. */
START_TEST(test_netcheck_resolved_addresses)
{
	struct sockaddr_in v4 = { .sin_family = AF_INET };
	struct sockaddr_in6 v6 = { .sin6_family = AF_INET6 };
	struct netcheck_addr a;
	inet_pton(AF_INET, "192.168.0.10", &v4.sin_addr);
	ck_assert(netcheck_from_sockaddr((struct sockaddr *)&v4, &a));
	ck_assert_str_eq(netcheck_refuse(&a, ""), "private");
	inet_pton(AF_INET6, "::1", &v6.sin6_addr);
	ck_assert(netcheck_from_sockaddr((struct sockaddr *)&v6, &a));
	ck_assert_str_eq(netcheck_refuse(&a, "127.0.0.0/8"), "loopback");
	inet_pton(AF_INET, "169.254.169.254", &v4.sin_addr);
	ck_assert(netcheck_from_sockaddr((struct sockaddr *)&v4, &a));
	ck_assert_str_eq(netcheck_refuse(&a, ""), "link-local");
	struct sockaddr other = { .sa_family = AF_UNIX };
	ck_assert(!netcheck_from_sockaddr(&other, &a));
}
END_TEST

/* An injected resolver answer, as getaddrinfo would give it. */
struct fake_ai {
	struct addrinfo ai;
	struct sockaddr_in6 sa;	/* large enough for either family */
};

static struct addrinfo *fake_chain(struct fake_ai *f, const char **addrs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		memset(&f[i], 0, sizeof f[i]);
		if (strchr(addrs[i], ':')) {
			f[i].sa.sin6_family = AF_INET6;
			inet_pton(AF_INET6, addrs[i], &f[i].sa.sin6_addr);
		} else {
			struct sockaddr_in *v4 = (struct sockaddr_in *)&f[i].sa;
			v4->sin_family = AF_INET;
			inet_pton(AF_INET, addrs[i], &v4->sin_addr);
		}
		f[i].ai.ai_family = f[i].sa.sin6_family;
		f[i].ai.ai_addr = (struct sockaddr *)&f[i].sa;
		f[i].ai.ai_next = i + 1 < n ? &f[i + 1].ai : NULL;
	}
	return &f[0].ai;
}

/* Rebinding defence: a name with one public and one private answer is refused as a whole, and
 * an accepted one is pinned to exactly the addresses that were checked. */
START_TEST(test_netcheck_pin_checks_every_resolved_address)
{
	struct fake_ai f[3];
	char pin[128], err[200];
	const char *mixed[] = { "93.184.216.34", "10.0.0.7" };
	ck_assert_int_eq(netcheck_pin(fake_chain(f, mixed, 2), "crm.example.com", "443", "", pin, sizeof pin, err, sizeof err),
			 NETCHECK_PIN_BLOCKED);
	ck_assert_str_eq(err, "blocked address 10.0.0.7 (private)");
	const char *v6[] = { "2606:2800:220:1::1", "fd00::1" };
	ck_assert_int_eq(netcheck_pin(fake_chain(f, v6, 2), "crm.example.com", "443", "", pin, sizeof pin, err, sizeof err),
			 NETCHECK_PIN_BLOCKED);
	ck_assert_str_eq(err, "blocked address fd00::1 (unique-local)");
	const char *meta[] = { "169.254.169.254" };
	ck_assert_int_eq(netcheck_pin(fake_chain(f, meta, 1), "metadata.example", "80", "127.0.0.0/8", pin, sizeof pin, err, sizeof err),
			 NETCHECK_PIN_BLOCKED);
	const char *ok[] = { "93.184.216.34", "2606:2800:220:1::1", "10.1.2.3" };
	ck_assert_int_eq(netcheck_pin(fake_chain(f, ok, 3), "crm.example.com", "8443", "10.1.0.0/16", pin, sizeof pin, err, sizeof err),
			 NETCHECK_PIN_OK);
	ck_assert_str_eq(pin, "crm.example.com:8443:93.184.216.34,[2606:2800:220:1::1],10.1.2.3");
	/* too small for all three: the pin holds fewer addresses, never an unchecked one */
	char small[48];
	ck_assert_int_eq(netcheck_pin(fake_chain(f, ok, 3), "crm.example.com", "8443", "10.1.0.0/16", small, sizeof small, err, sizeof err),
			 NETCHECK_PIN_OK);
	ck_assert_str_eq(small, "crm.example.com:8443:93.184.216.34,10.1.2.3");
	ck_assert_int_eq(netcheck_pin(NULL, "crm.example.com", "443", "", pin, sizeof pin, err, sizeof err), NETCHECK_PIN_EMPTY);
}
END_TEST

Suite *netcheck_suite(void)
{
	Suite *s = suite_create("netcheck");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_netcheck_table, 0, (int)(sizeof table / sizeof table[0]));
	tcase_add_test(tc, test_netcheck_allow_list);
	tcase_add_test(tc, test_netcheck_listed);
	tcase_add_test(tc, test_netcheck_resolved_addresses);
	tcase_add_test(tc, test_netcheck_pin_checks_every_resolved_address);
	suite_add_tcase(s, tc);
	return s;
}
