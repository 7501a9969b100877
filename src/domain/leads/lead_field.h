/* lead_field.h: lead form rules, pure: field types, per-type validation, the signed fill-time
 * stamp and the duplicate-merge rule. No I/O, unit-tested in tests/unit/test_leads.c. */
#ifndef CC_LEAD_FIELD_H
#define CC_LEAD_FIELD_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LEAD_MAX_FIELDS 30	/* inputs q1..q30 on the public form */
#define LEAD_TEXT_MAX 200
#define LEAD_LONGTEXT_MAX 5000
#define LEAD_MERGE_SECONDS 86400	/* same email, same form, within 24 h: update, not insert */
#define LEAD_STAMP_MAX_AGE 86400	/* a form page older than this must be reloaded */
#define LEAD_STAMP_LEN 64

enum lead_type { LEAD_TEXT, LEAD_LONGTEXT, LEAD_EMAIL, LEAD_PHONE, LEAD_CHOICE, LEAD_MULTI,
	LEAD_CHECKBOX, LEAD_DATE, LEAD_NUMBER, LEAD_APPOINTMENT, LEAD_IMAGE, LEAD__NTYPES };

/* "text", "longtext"...; false for anything else. */
bool lead_type_parse(const char *s, enum lead_type *t);
const char *lead_type_name(enum lead_type t);
/* What the studio shows for each type ("Short text"...). */
const char *lead_type_label(enum lead_type t);

struct lead_def {
	enum lead_type type;
	bool required;
	const char *options;	/* choice/multi: one option per line ("\n" or "\r\n") */
};

/* Checks the n submitted values of one field (only multi takes more than one). Returns NULL when
 * they are acceptable, else a message for the person, shown beside the field. */
const char *lead_check(const struct lead_def *f, const char *const *vals, size_t n);
#define LEAD_MAX_IMAGES 8
/* An image choice's option line "Label | https://host/picture.jpg" split into its label and URL
 * (trimmed); false if it is not that shape or the URL is not https (the pages' CSP loads images
 * from https only). The shopper's answer is the label. */
bool lead_image_option(const char *line, char *label, size_t labellen, char *url, size_t urllen);
/* True if every non-empty line of `options` is an image option, and there are 1 to LEAD_MAX_IMAGES. */
bool lead_image_options_ok(const char *options);
/* True if `v` is exactly one of the option lines. */
bool lead_option_ok(const char *options, const char *v);
#define LEAD_MAX_OPTIONS 10
/* The number of non-empty option lines. */
size_t lead_option_count(const char *options);
/* True if every non-empty line of `subset` is one of the option lines of `options`. */
bool lead_option_subset(const char *subset, const char *options);

/* The hidden fill-time stamp: "<unix seconds>.<base64url MAC>" with the MAC keyed by the
 * server secret over the form id and the time, so no server state is needed. */
void lead_stamp_make(const uint8_t secret[32], long long form_id, long long now, char out[LEAD_STAMP_LEN]);
/* 0 if valid and at least min_seconds old; 1 if too fast; -1 if forged, malformed or expired. */
int lead_stamp_check(const uint8_t secret[32], long long form_id, const char *stamp, long long now,
		     long long min_seconds);

/* The one-click confirmation a too-fast submission gets instead of a refusal: a stamp of its own
 * kind (a fill-time stamp never passes as one), valid for LEAD_STAMP_MAX_AGE. It waives the
 * minimum fill time only; bots are still met by the honeypot and the rate limits. */
void lead_confirm_make(const uint8_t secret[32], long long form_id, long long now, char out[LEAD_STAMP_LEN]);
bool lead_confirm_check(const uint8_t secret[32], long long form_id, const char *token, long long now);

/* The duplicate rule: merge into the existing lead when one exists and it was last seen less
 * than LEAD_MERGE_SECONDS ago. */
bool lead_should_merge(bool have_existing, long long age_seconds);

/* True if `list` (handles separated by spaces or commas) is empty or names `handle`, in any
 * letter case: which creators may share a form. */
bool lead_handle_listed(const char *list, const char *handle);

/* Lower-cases ASCII letters in an email into out (the merge key); false if it does not fit. */
bool lead_email_key(const char *email, char *out, size_t outlen);

#endif
