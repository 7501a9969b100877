/* wire.h: the Shopping API's wire formats that need no JSON: RFC 3339 UTC times and opaque page
 * cursors. Pure functions, no I/O, unit-tested. */
#ifndef CC_WIRE_H
#define CC_WIRE_H
#include <stdbool.h>
#include <stddef.h>

#define WIRE_CURSOR_MAX 40

/* "YYYY-MM-DD hh:mm:ss" (the database's UTC text) as "YYYY-MM-DDThh:mm:ssZ"; false if malformed. */
bool wire_time_out(const char *db_time, char out[21]);
/* Strict RFC 3339 in UTC ("2026-11-25T07:00:00Z", optional fraction, Z or +00:00) into the
 * database form; false if malformed. */
bool wire_time_in(const char *s, char out[20]);
/* A positive id as an opaque cursor (base64url of "v1:<id>"), and back; false if not one. */
void wire_cursor(long long id, char out[WIRE_CURSOR_MAX + 1]);
bool wire_cursor_id(const char *s, long long *id);
/* A positive decimal id ("12": no sign, no leading zero, at most 18 digits), else 0. */
long long wire_id(const char *s);

#endif
