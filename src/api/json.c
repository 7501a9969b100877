/* json.c: JSON and problem+json responses, times and cursors for the Shopping API. */
#include <stdlib.h>
#include <string.h>
#include "api/api.h"
#include "web/wire.h"
#include "domain/catalog/product.h"
#include "web/response.h"

static void send(struct req *r, int status, const char *type, json_t *v)
{
	/* A browser led to an API address saves the answer instead of showing it, so nothing in it
	 * can be read as a page, whatever a product title holds (ASVS 14.4.2, 12.3.4). */
	response_header(r, "Content-Disposition", "attachment; filename=\"api.json\"");
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(v);
	if (!s) {
		response_text(r, 500, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}");
		return;
	}
	response_text(r, status, type, s);
	free(s);
}

void api_json(struct req *r, int status, json_t *v)
{
	if (status == 204) {
		json_decref(v);
		response_text(r, 204, "application/json", "");
		return;
	}
	send(r, status, "application/json", v);
}

void api_problem(struct req *r, int status, const char *field, const char *detail)
{
	json_t *p = json_pack("{s:s, s:s, s:i, s:s}", "type", field ? "urn:crowdcart:problem:invalid-field" : "about:blank",
			      "title", field ? "A field is not valid" : response_reason(status), "status", status,
			      "detail", detail ? detail : response_reason(status));
	if (field)
		json_object_set_new(p, "field", json_string(field));
	if (p)
		send(r, status, "application/problem+json", p);
}

json_t *api_time(const char *t)
{
	char out[21];
	return wire_time_out(t, out) ? json_string(out) : json_null();
}

bool api_parse_time(const char *s, char out[20])
{
	return wire_time_in(s, out);
}

const char *api_cursor(struct req *r, long long id)
{
	char *out = arena_alloc(r->arena, WIRE_CURSOR_MAX + 1);
	wire_cursor(id, out);
	return out;
}

bool api_cursor_id(const char *s, long long *id)
{
	return wire_cursor_id(s, id);
}

/* Money goes out as a decimal string plus integer minor units, never as a JSON float. */
json_t *api_money(struct req *r, long long minor, const char *currency)
{
	return json_string(product_decimal(r->arena, minor, currency));
}

/* Every error of this program, the dispatcher's included, as application/problem+json. */
void api_error(struct req *r, int status, const char *message)
{
	api_problem(r, status, NULL, message);
}
