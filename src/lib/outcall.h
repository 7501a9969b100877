/* outcall.h: one outgoing HTTP(S) request and its answer, as plain data. The web layer carries it
 * out (web/outbound.h); domain code builds requests and reads answers through a function pointer
 * (domain/commerce/payment.h), so it never sees the transport and unit tests can fake it. */
#ifndef CC_OUTCALL_H
#define CC_OUTCALL_H
#include <stddef.h>

#define OUTCALL_ERR_LEN 200
#define OUTCALL_MAX_HEADERS 12
#define OUTCALL_READ_HEADERS 4

struct outcall_req {
	const char *method;		/* "GET", "POST" */
	const char *url;		/* absolute http(s) URL */
	const char *headers[OUTCALL_MAX_HEADERS];	/* "Name: value", up to the first NULL */
	const char *body;		/* NULL: none */
	size_t body_len;
	const char *user, *password;	/* basic auth when user is set (password may be "") */
	long timeout_ms;		/* 0: the transport's default (10 s); never more */
	const char *read_headers[OUTCALL_READ_HEADERS];	/* answer headers wanted, by name, up to the first NULL */
};

struct outcall_res {
	int status;			/* the HTTP status, 0 when nothing answered */
	const char *body;		/* NUL-terminated, in the caller's arena; "" when none */
	size_t body_len;
	char error[OUTCALL_ERR_LEN];	/* why status is 0: no URL, key or secret in it */
	const char *header_values[OUTCALL_READ_HEADERS];	/* of req.read_headers, in the caller's arena; NULL when absent */
};

#endif
