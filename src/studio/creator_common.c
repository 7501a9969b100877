/* creator_common.c: small helpers the creator and brand studio pages share. */
#include <string.h>
#include "studio/studio.h"

long long form_id(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	if (!v)
		v = req_param(r, name);
	long long n = 0;
	if (!v || !*v || strlen(v) > 18)
		return 0;
	for (const char *p = v; *p; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		n = n * 10 + (*p - '0');
	}
	return n;
}

bool creator_move(long long *ids, size_t n, long long id, int dir)
{
	for (size_t i = 0; i < n; i++) {
		if (ids[i] != id)
			continue;
		if ((dir < 0 && i == 0) || (dir > 0 && i + 1 == n))
			return false;
		size_t j = dir < 0 ? i - 1 : i + 1;
		ids[i] = ids[j];
		ids[j] = id;
		return true;
	}
	return false;
}

bool studio_owner(const struct req *r, struct studio_owner *o)
{
	o->brand_id = r->brand ? r->brand->id : 0;
	o->creator_id = r->creator ? r->creator->id : 0;
	return r->brand || r->creator;
}
