/* notify_kind.h: the notifications a brand or a creator may switch off, each with the name it is
 * stored and linked under, who gets it and how the settings page names it. Order mail to shoppers
 * (confirmation, shipped, refund) and the notice of a lowered commission are not here: they are
 * owed to the recipient, so they are always sent. Pure. */
#ifndef CC_NOTIFY_KIND_H
#define CC_NOTIFY_KIND_H

enum notify_kind {
	NOTIFY_BRAND_ORDER,		/* a paid order of the brand's products */
	NOTIFY_BRAND_LEAD,		/* a lead through one of its forms */
	NOTIFY_BRAND_PICK_REQUEST,	/* a creator asks to pick one of its products */
	NOTIFY_BRAND_SAMPLE_REQUEST,	/* a creator asks for a sample */
	NOTIFY_BRAND_PAYOUT_DUE,	/* the scheduled run made a payout batch for the brand to pay */
	NOTIFY_CREATOR_SALE,		/* an order paid with one of the creator's picks in it */
	NOTIFY_CREATOR_PICK_DECISION,	/* a brand approved or declined a requested pick */
	NOTIFY_CREATOR_PAYOUT_SENT,	/* a brand marked a payout batch with the creator's share paid */
	NOTIFY__MAX
};

enum notify_audience { NOTIFY_TO_BRAND, NOTIFY_TO_CREATOR };

const char *notify_kind_name(enum notify_kind k);	/* "brand_order": stored and in links */
const char *notify_kind_label(enum notify_kind k);	/* "New orders": on the settings page */
enum notify_audience notify_kind_audience(enum notify_kind k);
/* The kind of a stored or linked name; NOTIFY__MAX if there is none. */
enum notify_kind notify_kind_parse(const char *name);

#endif
