/* code_credit.c: a creator's code against a creator's link (see code_credit.h); pure. */
#include <string.h>
#include "domain/creators/code_credit.h"

const char *code_precedence_name(enum code_precedence p)
{
	return p == CODE_PRECEDENCE_LAST_CLICK ? "last_click" : "code";
}

enum code_precedence code_precedence_parse(const char *name)
{
	return name && strcmp(name, "last_click") == 0 ? CODE_PRECEDENCE_LAST_CLICK : CODE_PRECEDENCE_CODE;
}

struct code_credit code_credit_resolve(enum code_precedence p, long long link_creator, long long link_at,
				       const char *link_surface, const struct code_credit_code *codes, size_t n)
{
	struct code_credit link = { link_creator > 0 ? link_creator : 0,
				    link_creator > 0 && link_surface ? link_surface : "", -1 };
	/* The creator's code applied last; a brand's own code is not a candidate at all. */
	long long pick = -1;
	for (size_t i = 0; i < n; i++)
		if (codes[i].creator_id > 0 && (pick < 0 || codes[i].applied_at >= codes[pick].applied_at))
			pick = (long long)i;
	if (pick < 0)
		return link;
	struct code_credit code = { codes[pick].creator_id, "code", pick };
	if (!link.creator_id)
		return code;
	if (link.creator_id == code.creator_id) {
		link.code_index = pick;
		return link;
	}
	if (p == CODE_PRECEDENCE_LAST_CLICK && link_at > codes[pick].applied_at)
		return link;
	return code;
}
