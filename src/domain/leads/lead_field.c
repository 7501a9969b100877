/* lead_field.c: lead form field validation, the signed fill-time stamp and the merge rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sodium.h>
#include "domain/leads/lead_field.h"
#include "domain/leads/lead_slots.h"
#include "lib/token.h"
#include "lib/utf8.h"
#include "lib/validate.h"

static const char *const type_names[LEAD__NTYPES] = {
	"text", "longtext", "email", "phone", "choice", "multi", "checkbox", "date", "number", "appointment", "image",
};
static const char *const type_labels[LEAD__NTYPES] = {
	"Short text", "Long text", "Email", "Phone", "Single choice", "Multiple choice", "Checkbox",
	"Date", "Number", "Appointment", "Image choice",
};

bool lead_type_parse(const char *s, enum lead_type *t)
{
	for (int i = 0; s && i < LEAD__NTYPES; i++)
		if (strcmp(s, type_names[i]) == 0) {
			*t = (enum lead_type)i;
			return true;
		}
	return false;
}

const char *lead_type_name(enum lead_type t)
{
	return t < LEAD__NTYPES ? type_names[t] : "text";
}

const char *lead_type_label(enum lead_type t)
{
	return t < LEAD__NTYPES ? type_labels[t] : "Short text";
}

bool lead_option_ok(const char *options, const char *v)
{
	size_t vn = strlen(v);
	for (const char *p = options; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		size_t len = n > 0 && p[n - 1] == '\r' ? n - 1 : n;
		if (len == vn && len > 0 && memcmp(p, v, len) == 0)
			return true;
		p = nl ? nl + 1 : p + n;
	}
	return false;
}

/* Calls fn on each non-empty line of `options` (without its "\r"), with a copy that fits 2000 bytes. */
static bool each_option(const char *options, bool (*fn)(const char *line, void *ctx), void *ctx)
{
	char line[2001];
	for (const char *p = options; p && *p;) {
		const char *start = p, *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		size_t len = n > 0 && p[n - 1] == '\r' ? n - 1 : n;
		p = nl ? nl + 1 : p + n;
		if (len == 0)
			continue;
		if (len >= sizeof line)
			return false;
		memcpy(line, start, len);
		line[len] = '\0';
		if (!fn(line, ctx))
			return false;
	}
	return true;
}

static bool count_one(const char *line, void *ctx)
{
	(void)line;
	++*(size_t *)ctx;
	return true;
}

size_t lead_option_count(const char *options)
{
	size_t n = 0;
	each_option(options, count_one, &n);
	return n;
}

static bool is_option(const char *line, void *ctx)
{
	return lead_option_ok(ctx, line);
}

bool lead_option_subset(const char *subset, const char *options)
{
	return each_option(subset, is_option, (void *)options);
}

bool lead_image_option(const char *line, char *label, size_t labellen, char *url, size_t urllen)
{
	const char *bar = strchr(line, '|');
	if (!bar)
		return false;
	const char *ls = line, *le = bar, *us = bar + 1, *ue = line + strlen(line);
	while (ls < le && *ls == ' ')
		ls++;
	while (le > ls && (le[-1] == ' ' || le[-1] == '\r'))
		le--;
	while (us < ue && *us == ' ')
		us++;
	while (ue > us && (ue[-1] == ' ' || ue[-1] == '\r'))
		ue--;
	size_t ln = (size_t)(le - ls), un = (size_t)(ue - us);
	if (ln == 0 || ln >= labellen || un >= urllen || un <= 8 || strncmp(us, "https://", 8) != 0)
		return false;
	for (const char *p = us; p < ue; p++)
		if ((unsigned char)*p <= ' ' || strchr("\"'<>\\|", *p))
			return false;
	memcpy(label, ls, ln);
	label[ln] = '\0';
	memcpy(url, us, un);
	url[un] = '\0';
	return true;
}

static bool image_line_ok(const char *line, void *ctx)
{
	char label[256], url[1024];
	(void)ctx;
	return lead_image_option(line, label, sizeof label, url, sizeof url);
}

bool lead_image_options_ok(const char *options)
{
	size_t n = lead_option_count(options);
	return n >= 1 && n <= LEAD_MAX_IMAGES && each_option(options, image_line_ok, NULL);
}

/* True if `v` is the label of one of an image choice's options. */
static bool image_label_ok(const char *options, const char *v)
{
	char line[2001], label[256], url[1024];
	for (const char *p = options; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n < sizeof line) {
			memcpy(line, p, n);
			line[n] = '\0';
			if (lead_image_option(line, label, sizeof label, url, sizeof url) && strcmp(label, v) == 0)
				return true;
		}
		p = nl ? nl + 1 : p + n;
	}
	return false;
}

/* Control characters other than (for long text) line breaks and tabs are refused. */
static bool clean_text(const char *s, bool multiline)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\r' || *p == '\t'))) || *p == 0x7f)
			return false;
	return true;
}

static bool valid_phone(const char *s)
{
	size_t digits = 0, len = strlen(s);
	if (len > 30)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c == '+' && i == 0)
			continue;
		else if (!strchr(" -().", c))
			return false;
	}
	return digits >= 6 && digits <= 20;
}

static bool valid_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* A plain decimal: optional '-', 1 to 15 digits, optionally '.' and 1 to 6 digits. Kept as
 * text, never converted to floating point. */
static bool valid_number(const char *s)
{
	const char *p = s + (*s == '-');
	size_t whole = strspn(p, "0123456789");
	if (whole < 1 || whole > 15)
		return false;
	p += whole;
	if (*p == '.') {
		size_t frac = strspn(p + 1, "0123456789");
		if (frac < 1 || frac > 6)
			return false;
		p += 1 + frac;
	}
	return *p == '\0';
}

const char *lead_check(const struct lead_def *f, const char *const *vals, size_t n)
{
	if (f->type == LEAD_MULTI) {
		if (n == 0)
			return f->required ? "Choose at least one option." : NULL;
		for (size_t i = 0; i < n; i++) {
			if (!lead_option_ok(f->options, vals[i]))
				return "Choose from the options shown.";
			for (size_t j = 0; j < i; j++)
				if (strcmp(vals[i], vals[j]) == 0)
					return "Choose each option once.";
		}
		return NULL;
	}
	if (n > 1)
		return "Give one answer only.";
	const char *v = n ? vals[0] : "";
	if (!validate_has_text(v)) {
		if (!f->required)
			return *v ? "Leave this empty or fill it in." : NULL;
		switch (f->type) {
		case LEAD_CHECKBOX: return "Tick this box to continue.";
		case LEAD_APPOINTMENT: return "Choose a time.";
		case LEAD_IMAGE: return "Choose one picture.";
		case LEAD_CHOICE: return "Choose one option.";
		default: return "Fill this in.";
		}
	}
	size_t len = utf8_len((const uint8_t *)v, strlen(v));
	switch (f->type) {
	case LEAD_TEXT:
		if (len > LEAD_TEXT_MAX)
			return "Use at most 200 characters.";
		return clean_text(v, false) ? NULL : "Remove the control characters.";
	case LEAD_LONGTEXT:
		if (len > LEAD_LONGTEXT_MAX)
			return "Use at most 5000 characters.";
		return clean_text(v, true) ? NULL : "Remove the control characters.";
	case LEAD_EMAIL:
		return validate_email(v) ? NULL : "Enter a valid email address, like name@example.com.";
	case LEAD_PHONE:
		return valid_phone(v) ? NULL : "Enter a phone number of 6 to 20 digits, like +44 20 7946 0958.";
	case LEAD_CHOICE:
		return lead_option_ok(f->options, v) ? NULL : "Choose one of the options shown.";
	case LEAD_CHECKBOX:
		return strcmp(v, "yes") == 0 ? NULL : "Tick the box or leave it empty.";
	case LEAD_DATE:
		return valid_date(v) ? NULL : "Enter a date as YYYY-MM-DD, like 2026-03-31.";
	case LEAD_NUMBER:
		return valid_number(v) ? NULL : "Enter a number, like 42 or 3.5.";
	case LEAD_IMAGE:
		return image_label_ok(f->options, v) ? NULL : "Choose one of the pictures shown.";
	case LEAD_APPOINTMENT: {
		time_t t;
		return lead_slots_parse_value(v, &t) ? NULL : "Choose one of the times shown.";
	}
	default:
		return "This field cannot be answered.";
	}
}

/* `purpose` keeps a fill-time stamp from standing in for a confirmation and the reverse. */
static void stamp_mac(const uint8_t secret[32], const char *purpose, long long form_id, long long t, char b64[48])
{
	char msg[80];
	int n = snprintf(msg, sizeof msg, "%s|%lld|%lld", purpose, form_id, t);
	uint8_t mac[32];
	token_keyed_hash(secret, msg, (size_t)n, mac);
	sodium_bin2base64(b64, 48, mac, 24, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* A stamp counts in seconds, so a form's views within a second carry the same one: the last made
 * is kept with what it was made of (purpose compared by address: this file's literals), rather
 * than a keyed hash and two printfs each view. A pure function of those: a memo, not state. */
static void stamp_make(const uint8_t secret[32], const char *purpose, long long form_id, long long now,
		       char out[LEAD_STAMP_LEN])
{
	static struct {
		uint8_t secret[32];
		const char *purpose;
		long long form_id, now;
		char stamp[LEAD_STAMP_LEN];
	} last;
	if (last.purpose == purpose && last.form_id == form_id && last.now == now && memcmp(last.secret, secret, 32) == 0) {
		memcpy(out, last.stamp, strlen(last.stamp) + 1);
		return;
	}
	char b64[48];
	stamp_mac(secret, purpose, form_id, now, b64);
	snprintf(out, LEAD_STAMP_LEN, "%lld.%s", now, b64);
	memcpy(last.secret, secret, 32);
	last.purpose = purpose;
	last.form_id = form_id;
	last.now = now;
	memcpy(last.stamp, out, strlen(out) + 1);
}

/* The stamp's age in seconds, or -1 if forged, malformed or expired. */
static long long stamp_age(const uint8_t secret[32], const char *purpose, long long form_id, const char *stamp,
			   long long now)
{
	if (!stamp)
		return -1;
	char *end;
	long long t = strtoll(stamp, &end, 10);
	if (end == stamp || *end != '.' || t <= 0 || strlen(end + 1) != 32)
		return -1;
	char want[48];
	stamp_mac(secret, purpose, form_id, t, want);
	if (sodium_memcmp(want, end + 1, 32) != 0)
		return -1;
	if (t > now + 5 || now - t > LEAD_STAMP_MAX_AGE)
		return -1;
	return now > t ? now - t : 0;
}

void lead_stamp_make(const uint8_t secret[32], long long form_id, long long now, char out[LEAD_STAMP_LEN])
{
	stamp_make(secret, "leadform", form_id, now, out);
}

int lead_stamp_check(const uint8_t secret[32], long long form_id, const char *stamp, long long now,
		     long long min_seconds)
{
	long long age = stamp_age(secret, "leadform", form_id, stamp, now);
	if (age < 0)
		return -1;
	return age < min_seconds ? 1 : 0;
}

void lead_confirm_make(const uint8_t secret[32], long long form_id, long long now, char out[LEAD_STAMP_LEN])
{
	stamp_make(secret, "leadconfirm", form_id, now, out);
}

bool lead_confirm_check(const uint8_t secret[32], long long form_id, const char *token, long long now)
{
	return stamp_age(secret, "leadconfirm", form_id, token, now) >= 0;
}

bool lead_should_merge(bool have_existing, long long age_seconds)
{
	return have_existing && age_seconds >= 0 && age_seconds < LEAD_MERGE_SECONDS;
}

bool lead_email_key(const char *email, char *out, size_t outlen)
{
	size_t n = strlen(email);
	if (n + 1 > outlen)
		return false;
	for (size_t i = 0; i <= n; i++)
		out[i] = (char)(email[i] >= 'A' && email[i] <= 'Z' ? email[i] + 32 : email[i]);
	return true;
}

bool lead_handle_listed(const char *list, const char *handle)
{
	bool empty = true;
	size_t hn = strlen(handle);
	for (const char *p = list; *p;) {
		p += strspn(p, " ,\t\r\n");
		size_t n = strcspn(p, " ,\t\r\n");
		if (n == 0)
			break;
		empty = false;
		if (n == hn && strncasecmp(p, handle, n) == 0)
			return true;
		p += n;
	}
	return empty;
}
