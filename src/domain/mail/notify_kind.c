/* notify_kind.c: the switchable notifications, one row each. */
#include <string.h>
#include "domain/mail/notify_kind.h"

static const struct {
	const char *name, *label;
	enum notify_audience to;
} kinds[] = {
	[NOTIFY_BRAND_ORDER] = { "brand_order", "New orders", NOTIFY_TO_BRAND },
	[NOTIFY_BRAND_LEAD] = { "brand_lead", "New leads from your forms", NOTIFY_TO_BRAND },
	[NOTIFY_BRAND_PICK_REQUEST] = { "brand_pick_request", "Creators asking to pick a product", NOTIFY_TO_BRAND },
	[NOTIFY_BRAND_SAMPLE_REQUEST] = { "brand_sample_request", "Sample requests", NOTIFY_TO_BRAND },
	[NOTIFY_BRAND_PAYOUT_DUE] = { "brand_payout_due", "Creator payouts due", NOTIFY_TO_BRAND },
	[NOTIFY_CREATOR_SALE] = { "creator_sale", "Sales through your picks", NOTIFY_TO_CREATOR },
	[NOTIFY_CREATOR_PICK_DECISION] = { "creator_pick_decision", "A brand approved or declined your pick",
		NOTIFY_TO_CREATOR },
	[NOTIFY_CREATOR_PAYOUT_SENT] = { "creator_payout_sent", "Payouts sent to you", NOTIFY_TO_CREATOR },
};
_Static_assert(sizeof kinds / sizeof kinds[0] == NOTIFY__MAX, "one row per notification kind");

const char *notify_kind_name(enum notify_kind k)
{
	return kinds[k].name;
}

const char *notify_kind_label(enum notify_kind k)
{
	return kinds[k].label;
}

enum notify_audience notify_kind_audience(enum notify_kind k)
{
	return kinds[k].to;
}

enum notify_kind notify_kind_parse(const char *name)
{
	for (int k = 0; name && k < NOTIFY__MAX; k++)
		if (strcmp(kinds[k].name, name) == 0)
			return (enum notify_kind)k;
	return NOTIFY__MAX;
}
