/* input.h: typed input fields: what a route declares, and the validators that check a value against it. */
#ifndef CC_INPUT_H
#define CC_INPUT_H
#include <stdbool.h>
#include <stddef.h>
#include "web/kv.h"
#include "web/router.h"

/* What a value must look like. FIELD_TEXT (the zero value) is any valid UTF-8 within maxlen. */
enum field_type {
	FIELD_TEXT = 0,
	FIELD_ID,	/* a positive 64-bit row id: 1 to 18 digits, no sign, no leading zero or junk */
	FIELD_INT,	/* a whole number in [min, max]: optional '-', 1 to 18 digits */
	FIELD_MONEY,	/* a plain decimal amount, as money_parse reads it ("12", "12.50"); the
			 * currency's exponent is applied when the handler reads it (req_money) */
	FIELD_EMAIL,	/* validate_email() */
	FIELD_SLUG,	/* lowercase ASCII letters, digits and single inner '-' ("desk-gifts-2026") */
	FIELD_ENUM,	/* exactly one of .values */
	FIELD_DATE,	/* a calendar date YYYY-MM-DD from 1970 to 9998 */
	FIELD_URL,	/* an absolute http:// or https:// URL with a host, no spaces or controls */
};

/* A declared input field: a query or body field, or a path parameter. Anything not declared is
 * dropped before the handler runs; what is declared is checked there too, so a handler reads
 * typed values (req_id, req_int...) and never parses. */
struct field {
	const char *name;
	size_t maxlen;		/* characters (code points), as VARCHAR counts them; longer is a 400.
				 * 0: no limit but the type's (path parameters, which the URI limit bounds) */
	enum field_type type;
	bool required;		/* absent or empty is a 422 */
	/* The page answers a bad value itself (a form shown again with a message beside the
	 * field): the dispatcher lets it through, and the typed reader reports it as invalid. */
	bool inline_error;
	long long min, max;		/* FIELD_INT: the inclusive range */
	const char *const *values;	/* FIELD_ENUM: the allowed values, NULL-terminated */
};

/* Readable declarations for the route tables (src/<program>/main.c). Extra designators may
 * follow: F_ID("variant", .inline_error = true), F_TEXT("name", 80, .required = true). */
#define F_END { .name = NULL }
#define F_TEXT(n, len, ...) { .name = (n), .maxlen = (len), __VA_ARGS__ }
#define F_ID(n, ...) { .name = (n), .maxlen = 20, .type = FIELD_ID, __VA_ARGS__ }
#define F_INT(n, len, lo, hi, ...) { .name = (n), .maxlen = (len), .type = FIELD_INT, .min = (lo), .max = (hi), \
				     __VA_ARGS__ }
#define F_MONEY(n, len, ...) { .name = (n), .maxlen = (len), .type = FIELD_MONEY, __VA_ARGS__ }
#define F_EMAIL(n, ...) { .name = (n), .maxlen = 254, .type = FIELD_EMAIL, __VA_ARGS__ }
#define F_SLUG(n, len, ...) { .name = (n), .maxlen = (len), .type = FIELD_SLUG, __VA_ARGS__ }
#define F_DATE(n, ...) { .name = (n), .maxlen = 10, .type = FIELD_DATE, __VA_ARGS__ }
#define F_URL(n, len, ...) { .name = (n), .maxlen = (len), .type = FIELD_URL, __VA_ARGS__ }
/* F_ENUM("decision", 10, F_ONE_OF("approve", "reject")) */
#define F_ENUM(n, len, ...) { .name = (n), .maxlen = (len), .type = FIELD_ENUM, __VA_ARGS__ }
#define F_ONE_OF(...) .values = (const char *const[]){ __VA_ARGS__, NULL }

/* The validators, one per type. Each takes a NUL-terminated value and is pure. */
bool input_id(const char *s, long long *out);			/* out may be NULL */
bool input_int(const char *s, long long min, long long max, long long *out);
bool input_money(const char *s);				/* syntax only, up to 3 decimals */
bool input_slug(const char *s);
bool input_enum(const char *s, const char *const *values);
bool input_date(const char *s);
bool input_url(const char *s);

enum input_verdict {
	INPUT_OK = 0,
	INPUT_TOO_LONG,		/* more characters than maxlen */
	INPUT_BAD,		/* not of the declared type */
	INPUT_MISSING,		/* required, and absent or empty */
};

/* Checks one value (NULL: absent) against its declaration. An empty optional value is OK (a
 * form's blank input); inline_error is not looked at here, the dispatcher decides. */
enum input_verdict input_check(const struct field *f, const char *val, size_t len);

struct input_problem {
	const char *field;	/* the declared name */
	const char *what;	/* "is too long", "is not valid", "is required" */
};

/* What the dispatcher checks before a handler runs, I/O-free so it can be tested and fuzzed.
 * Returns 0, or the status to answer with:
 *  404  a path parameter is not of its declared type (it names nothing that exists);
 *  400  a query or body field is longer than declared, or (unless inline_error) not of its type;
 *  422  a required field is absent or empty.
 * Undeclared query and body fields are dropped from the lists; on 400/422, *why says which. */
int input_validate(const struct field *path, const struct field *fields, const struct route_params *params,
		   struct kvlist *query, struct kvlist *form, struct input_problem *why);

/* The first "{name}" of a route pattern that path does not declare, copied into out (NULL if
 * every one is declared): a program refuses to start with one, so no parameter goes untyped. */
const char *input_undeclared_param(const char *pattern, const struct field *path, char *out, size_t outlen);

/* The declaration named name in a list ended by FIELD_END (list may be NULL), or NULL. */
const struct field *input_field(const struct field *list, const char *name);

#endif
