/* connector_hook_answer.c: how a shop platform's webhook is answered once the domain has verified and
 * applied it, the same for every platform so each one retries (or stops) on the same statuses:
 * 200 once applied, ignored or skipped, 401 to what does not verify, 400 to a verified body that is
 * not what its topic sends, 503 when it could not be recorded now so the platform sends it again. */
#include <stdio.h>
#include "web/response.h"
#include "studio/connectors.h"

void connector_hook_answer(struct req *r, enum connector_hook h, const char *platform, const char *topic,
			   const char *why)
{
	switch (h) {
	case CONNECTOR_HOOK_APPLIED:
	case CONNECTOR_HOOK_IGNORED:
		response_text(r, 200, "application/json", h == CONNECTOR_HOOK_APPLIED ? "{\"status\":\"applied\"}"
										       : "{\"status\":\"ignored\"}");
		break;
	case CONNECTOR_HOOK_SKIPPED:
		fprintf(stderr, "shop: %s webhook %.40s skipped: %s\n", platform, topic ? topic : "", why);
		response_text(r, 200, "application/json", "{\"status\":\"skipped\"}");
		break;
	case CONNECTOR_HOOK_REFUSED:
		response_text(r, 401, "application/problem+json", "{\"title\":\"the signature does not verify\"}");
		break;
	case CONNECTOR_HOOK_BAD:
		response_text(r, 400, "application/problem+json", "{\"title\":\"not the body this topic sends\"}");
		break;
	case CONNECTOR_HOOK_DB:
		response_text(r, 503, "application/problem+json", "{\"title\":\"try again later\"}");
		break;
	}
}
