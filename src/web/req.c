/* req.c: reading one request: the FastCGI environment, path parameters, and the declared
 * inputs as the dispatcher let them through (typed reads, http.h). */
#include <string.h>
#include "lib/money.h"
#include "web/http.h"

/* FCGX_GetParam's lookup, with the name measured once and each variable's first byte compared
 * before its name: a view asks for eight of some thirty variables, mostly absent ones
 * (If-None-Match, Cookie), each a strncmp call per variable. */
const char *req_env(const struct req *r, const char *name)
{
	if (!name)
		return NULL;
	size_t len = strlen(name);
	for (char **e = r->fcgi->envp; e && *e; e++)
		if ((*e)[0] == name[0] && strncmp(*e, name, len) == 0 && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}

const char *req_param(const struct req *r, const char *name)
{
	for (size_t i = 0; i < r->params.n; i++)
		if (strcmp(r->params.name[i], name) == 0)
			return r->params.val[i];
	return NULL;
}

const char *req_query(const struct req *r, const char *name)
{
	return kv_get(&r->query, name);
}

const char *req_form(const struct req *r, const char *name)
{
	return kv_get(&r->form, name);
}

/* The declaration and value of a declared input: path parameter, else body, else query. */
static const char *req_lookup(const struct req *r, const char *name, const struct field **f)
{
	const char *v;
	*f = NULL;
	if (!r->route)
		return NULL;
	if ((*f = input_field(r->route->path, name)) && (v = req_param(r, name)))
		return v;
	if ((*f = input_field(r->route->fields, name)) && (v = kv_get(&r->form, name)))
		return v;
	return *f ? kv_get(&r->query, name) : NULL;
}

const char *req_str(const struct req *r, const char *name)
{
	const struct field *f;
	return req_lookup(r, name, &f);
}

long long req_id(const struct req *r, const char *name)
{
	const struct field *f;
	long long id;
	return input_id(req_lookup(r, name, &f), &id) ? id : 0;
}

bool req_int(const struct req *r, const char *name, long long *out)
{
	const struct field *f;
	const char *v = req_lookup(r, name, &f);
	return v && f && f->type == FIELD_INT && input_int(v, f->min, f->max, out);
}

bool req_invalid(const struct req *r, const char *name)
{
	const struct field *f;
	const char *v = req_lookup(r, name, &f);
	return v && *v && f && input_check(f, v, strlen(v)) != INPUT_OK;
}

bool req_int_value(const struct req *r, const char *name, const char *value, long long *out)
{
	const struct field *f = r->route ? input_field(r->route->fields, name) : NULL;
	return f && f->type == FIELD_INT && input_int(value, f->min, f->max, out);
}

bool req_money(const struct req *r, const char *name, const char *currency, long long *minor)
{
	const struct field *f;
	return money_parse(req_lookup(r, name, &f), currency, minor);
}
