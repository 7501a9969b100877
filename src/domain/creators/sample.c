/* sample.c: the sample request transition table, the brand's limits, carriers and tracking numbers. */
#include <string.h>
#include "domain/creators/sample.h"

static const char *const status_names[SAMPLE__NSTATUS] = {
	"requested", "approved", "declined", "shipped", "delivered", "cancelled",
};
static const char *const status_labels[SAMPLE__NSTATUS] = {
	"waiting for the brand", "approved, not shipped yet", "declined", "on its way", "delivered", "cancelled",
};
static const char *const action_names[SAMPLE__NACTION] = {
	"approve", "decline", "ship", "deliver", "cancel",
};

const char *sample_status_name(enum sample_status s)
{
	return s >= 0 && s < SAMPLE__NSTATUS ? status_names[s] : "";
}

const char *sample_status_label(enum sample_status s)
{
	return s >= 0 && s < SAMPLE__NSTATUS ? status_labels[s] : "";
}

enum sample_status sample_status_parse(const char *s)
{
	for (int i = 0; s && i < SAMPLE__NSTATUS; i++)
		if (strcmp(s, status_names[i]) == 0)
			return (enum sample_status)i;
	return SAMPLE_INVALID;
}

const char *sample_action_name(enum sample_action a)
{
	return a >= 0 && a < SAMPLE__NACTION ? action_names[a] : "";
}

enum sample_action sample_action_parse(const char *s)
{
	for (int i = 0; s && i < SAMPLE__NACTION; i++)
		if (strcmp(s, action_names[i]) == 0)
			return (enum sample_action)i;
	return SAMPLE_NO_ACTION;
}

enum sample_status sample_next(enum sample_status from, enum sample_action a, enum sample_actor who)
{
	switch (a) {
	case SAMPLE_APPROVE:
		return who == SAMPLE_BY_BRAND && from == SAMPLE_REQUESTED ? SAMPLE_APPROVED : SAMPLE_INVALID;
	case SAMPLE_DECLINE:
		return who == SAMPLE_BY_BRAND && (from == SAMPLE_REQUESTED || from == SAMPLE_APPROVED)
			? SAMPLE_DECLINED : SAMPLE_INVALID;
	case SAMPLE_SHIP:
		return who == SAMPLE_BY_BRAND && from == SAMPLE_APPROVED ? SAMPLE_SHIPPED : SAMPLE_INVALID;
	case SAMPLE_DELIVER:
		return from == SAMPLE_SHIPPED ? SAMPLE_DELIVERED : SAMPLE_INVALID;
	case SAMPLE_CANCEL:
		return who == SAMPLE_BY_CREATOR && from == SAMPLE_REQUESTED ? SAMPLE_CANCELLED : SAMPLE_INVALID;
	default:
		return SAMPLE_INVALID;
	}
}

bool sample_is_open(enum sample_status s)
{
	return s == SAMPLE_REQUESTED || s == SAMPLE_APPROVED || s == SAMPLE_SHIPPED;
}

bool sample_is_gift(enum sample_status s)
{
	return s == SAMPLE_DELIVERED;
}

enum sample_verdict sample_limit_check(const struct sample_limits *l, const struct sample_usage *u)
{
	if (l->open_max <= 0)
		return SAMPLE_OFF;
	if (u->open_same_product > 0)
		return SAMPLE_ALREADY_OPEN;
	if (u->open >= l->open_max)
		return SAMPLE_TOO_MANY_OPEN;
	if (u->last_30_days >= l->monthly_max)
		return SAMPLE_TOO_MANY_MONTH;
	return SAMPLE_ALLOWED;
}

const char *sample_verdict_text(enum sample_verdict v)
{
	switch (v) {
	case SAMPLE_OFF:
		return "This brand is not sending samples at the moment.";
	case SAMPLE_ALREADY_OPEN:
		return "You already have an open sample request for this product.";
	case SAMPLE_TOO_MANY_OPEN:
		return "You have as many open sample requests with this brand as it allows. "
		       "Wait until one is delivered or declined, or cancel one.";
	case SAMPLE_TOO_MANY_MONTH:
		return "You have made as many sample requests to this brand in the last 30 days as it allows.";
	default:
		return "";
	}
}

/* Tracking pages that take the number in the URL; the brand picks "other" for any carrier not
 * here, and the creator then sees the number without a link. */
static const struct sample_carrier carriers[] = {
	{ "ups", "UPS", "https://www.ups.com/track?tracknum=" },
	{ "usps", "USPS", "https://tools.usps.com/go/TrackConfirmAction?tLabels=" },
	{ "fedex", "FedEx", "https://www.fedex.com/fedextrack/?trknbr=" },
	{ "dhl", "DHL", "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=" },
	{ "royalmail", "Royal Mail", "https://www.royalmail.com/track-your-item#/tracking-results/" },
	{ "dpd", "DPD", "https://tracking.dpd.de/status/en_US/parcel/" },
	{ "gls", "GLS", "https://gls-group.com/track/" },
	{ "postnl", "PostNL", "https://postnl.nl/tracktrace/?B=" },
	{ "canadapost", "Canada Post", "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=" },
	{ "auspost", "Australia Post", "https://auspost.com.au/mypost/track/details/" },
	{ "other", "Other carrier", "" },
};

const struct sample_carrier *sample_carriers(size_t *n)
{
	*n = sizeof carriers / sizeof carriers[0];
	return carriers;
}

const struct sample_carrier *sample_carrier_find(const char *code)
{
	for (size_t i = 0; code && i < sizeof carriers / sizeof carriers[0]; i++)
		if (strcmp(code, carriers[i].code) == 0)
			return &carriers[i];
	return NULL;
}

bool sample_tracking_normalise(const char *in, char out[SAMPLE_TRACKING_MAX + 1])
{
	size_t n = 0;
	for (const char *p = in; p && *p; p++) {
		char c = *p;
		if (c == ' ' || c == '-')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) || n == SAMPLE_TRACKING_MAX)
			return false;
		out[n++] = c;
	}
	out[n] = '\0';
	return in && n >= SAMPLE_TRACKING_MIN;
}
