/* abuse_guard.c: see abuse_guard.h. */
#include <string.h>
#include "lib/config.h"
#include "shop/abuse_guard.h"
#include "web/response.h"

enum db_status abuse_guard_take(struct req *r, const char *action, const struct abuse_limit_rule *rules,
				size_t nrules, const uint8_t *session, const char *target, const char **wait)
{
	*wait = NULL;
	/* An operator whose visitors share carrier-grade NAT addresses raises the address budgets. */
	struct abuse_limit_rule *scaled = arena_alloc(r->arena, nrules * sizeof *scaled);
	memcpy(scaled, rules, nrules * sizeof *scaled);
	abuse_limit_scale(scaled, nrules, config_int("abuse_limit_scale", 1, 1, 1000));
	struct abuse_limit_who who = { session ? session : r->sess.hash, r->remote_addr, target };
	struct abuse_limit_verdict v;
	enum db_status rc = abuse_limit_take(r->db, r->secret, action, scaled, nrules, &who, &v);
	if (rc != DB_OK || !v.over)
		return rc;
	response_header(r, "Retry-After", arena_printf(r->arena, "%lld", v.retry_after_s));
	long long minutes = (v.retry_after_s + 59) / 60;
	*wait = minutes <= 1 ? "Please wait a minute and try again."
		: minutes < 90 ? arena_printf(r->arena, "Please wait %lld minutes and try again.", minutes)
		: arena_printf(r->arena, "Please wait about %lld hours and try again.", (minutes + 30) / 60);
	return DB_OK;
}
