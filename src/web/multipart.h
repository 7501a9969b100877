/* multipart.h: multipart/form-data (RFC 7578) parser with caps. Pure, no I/O, fuzzable. */
#ifndef CC_MULTIPART_H
#define CC_MULTIPART_H
#include <stddef.h>
#include <stdint.h>
#include "lib/arena.h"
#include "web/kv.h"

/* One part. name, filename and content_type are NUL-terminated strings in the arena
 * (filename NULL for a plain field, content_type "" when absent); data points into the body. */
struct mp_part {
	const char *name, *filename, *content_type;
	const uint8_t *data;
	size_t len;
};

struct mp_list {
	struct mp_part *items;
	size_t n;
};

struct mp_limits {
	size_t max_parts;	/* more parts: MP_TOO_MANY */
	size_t max_header;	/* bytes of one part's header block: MP_HEADER_TOO_LONG */
	size_t max_field;	/* bytes of a part without a filename: MP_FIELD_TOO_LONG */
};

enum mp_err {
	MP_OK = 0,
	MP_BAD_TYPE,		/* not multipart/form-data, or no usable boundary parameter */
	MP_MALFORMED,		/* missing delimiter, no closing delimiter, bad part header */
	MP_TOO_MANY,
	MP_HEADER_TOO_LONG,
	MP_FIELD_TOO_LONG,
	MP_BAD_UTF8,		/* a name, filename or text field that is not UTF-8 */
};

/* Parses `body` (Content-Type header value `content_type`) into parts, in order. Parts need a
 * Content-Disposition: form-data with a name. Preamble and epilogue are ignored. */
enum mp_err multipart_parse(struct arena *a, const char *content_type, const uint8_t *body,
			    size_t len, const struct mp_limits *lim, struct mp_list *out);

/* Splits parsed parts: those without a filename become form fields (text, checked as UTF-8 with
 * no NUL), those with one go to `files`. */
enum mp_err multipart_split(struct arena *a, const struct mp_list *parts, struct kvlist *form,
			    struct mp_list *files);

/* The first file part named `name`, or NULL. */
const struct mp_part *multipart_file(const struct mp_list *files, const char *name);
const char *multipart_err_str(enum mp_err e);

#endif
