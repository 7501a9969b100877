/* auth.c: what a request must carry beyond its key (authenticated with its rate limit by the
 * dispatcher, actor.c): a JSON object body. */
#include <string.h>
#include <strings.h>
#include <time.h>
#include "api/api.h"
#include "lib/apikey.h"
#include "lib/config.h"
#include "web/response.h"

bool api_body(struct req *r, json_t **out)
{
	const char *ct = req_env(r, "CONTENT_TYPE");
	if (r->raw_len > API_MAX_BODY) {
		api_problem(r, 413, NULL, "The request body is larger than 256 KiB.");
		return false;
	}
	if (!ct || strncasecmp(ct, "application/json", 16) != 0 || (ct[16] && ct[16] != ';' && ct[16] != ' ')) {
		api_problem(r, 415, NULL, "Send the body as application/json.");
		return false;
	}
	json_error_t err;
	json_t *v = r->raw_body ? json_loadb(r->raw_body, r->raw_len, JSON_REJECT_DUPLICATES, &err) : NULL;
	if (!v || !json_is_object(v)) {
		json_decref(v);
		api_problem(r, 400, NULL, v || r->raw_body ? "The body is not a JSON object." : "The request has no body.");
		return false;
	}
	*out = v;
	return true;
}
