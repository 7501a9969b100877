/* code_credit.h: who a brand's sale is credited to when discount codes meet creator links. Pure.
 * The link side is what attr_resolve() already chose (last creator click within the brand's
 * window); the codes are the brand's codes that apply to the order, in the order applied.
 *
 * The rule (per brand, brands.code_precedence; docs/CREATORS.md has examples):
 *  - a brand's own code (no creator) never adds or removes credit: the link decides;
 *  - a creator's code with no link, or with that same creator's link: that creator;
 *  - a creator's code against another creator's link: with 'code' (the default) the code's
 *    creator; with 'last_click' whichever came last, the code when they tie;
 *  - several creators' codes (codes that combine): the one applied last stands for the codes. */
#ifndef CC_CODE_CREDIT_H
#define CC_CODE_CREDIT_H
#include <stddef.h>

enum code_precedence { CODE_PRECEDENCE_CODE = 0, CODE_PRECEDENCE_LAST_CLICK };

/* "code" or "last_click"; the parse gives CODE_PRECEDENCE_CODE for anything else. */
const char *code_precedence_name(enum code_precedence p);
enum code_precedence code_precedence_parse(const char *name);

/* One applied code: its creator (0: the brand's own) and when it was applied (unix seconds). */
struct code_credit_code {
	long long creator_id, applied_at;
};

struct code_credit {
	long long creator_id;	/* 0: nobody */
	const char *surface;	/* the link's surface, "code" when the code decided, "" for nobody */
	long long code_index;	/* the code that decided, or -1 */
};

/* link_creator 0: no link in the window (link_at and link_surface are then ignored). */
struct code_credit code_credit_resolve(enum code_precedence p, long long link_creator, long long link_at,
				       const char *link_surface, const struct code_credit_code *codes, size_t n);

#endif
