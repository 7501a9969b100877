/* lead_slots.c: appointment slots from weekly availability (see lead_slots.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "domain/leads/lead_slots.h"

static const char *const day_names[7] = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

/* The process's TZ is switched to the rule's zone around a conversion and put back after, so other
 * code keeps seeing what it saw (the web programs run one request at a time per process). */
struct tz_saved {
	char old[128];
	bool had;
};

static void tz_enter(const char *tz, struct tz_saved *s)
{
	const char *old = getenv("TZ");
	s->had = old != NULL;
	snprintf(s->old, sizeof s->old, "%s", old ? old : "");
	setenv("TZ", tz, 1);
	tzset();
}

static void tz_leave(const struct tz_saved *s)
{
	if (s->had)
		setenv("TZ", s->old, 1);
	else
		unsetenv("TZ");
	tzset();
}

static bool zone_exists(const char *tz)
{
	if (!*tz || strstr(tz, "..") || tz[0] == '/' || strlen(tz) >= 64)
		return false;
	for (const char *p = tz; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("/_-+", *p))
			return false;
	char path[128];
	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", tz);
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char magic[4];
	bool ok = fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(f);
	return ok;
}

static bool parse_hhmm(const char *s, int *minutes)
{
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) || s[2] != ':' ||
	    !isdigit((unsigned char)s[3]) || !isdigit((unsigned char)s[4]))
		return false;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || m > 59 || (h == 24 && m))
		return false;
	*minutes = h * 60 + m;
	return true;
}

const char *lead_slots_parse(const char *weekly, int slot_minutes, int notice_minutes, const char *tz,
			     struct lead_slots_rule *rule)
{
	memset(rule, 0, sizeof *rule);
	if (slot_minutes < 5 || slot_minutes > 480)
		return "A slot lasts 5 to 480 minutes.";
	if (notice_minutes < 0 || notice_minutes > 60 * 24 * 60)
		return "The notice is 0 to 1440 hours.";
	if (!zone_exists(tz))
		return "Give the time zone by its IANA name, like Europe/Berlin or America/New_York.";
	rule->slot_minutes = slot_minutes;
	rule->notice_minutes = notice_minutes;
	snprintf(rule->tz, sizeof rule->tz, "%s", tz);
	for (const char *p = weekly ? weekly : ""; *p;) {
		p += strspn(p, " \t\r\n,;");
		if (!*p)
			break;
		char item[32];
		size_t n = strcspn(p, ",;\r\n");
		if (n >= sizeof item)
			return "Write each window as a day and times, like mon 09:00-12:00.";
		memcpy(item, p, n);
		item[n] = '\0';
		p += n;
		char day[4] = "";
		char times[16] = "";
		if (sscanf(item, "%3s %15s", day, times) != 2 || strlen(times) != 11 || times[5] != '-')
			return "Write each window as a day and times, like mon 09:00-12:00.";
		int wday = -1;
		for (int d = 0; d < 7; d++)
			if (strcasecmp(day, day_names[d]) == 0)
				wday = d;
		struct lead_slots_window w = { .wday = wday };
		if (wday < 0)
			return "Days are mon, tue, wed, thu, fri, sat and sun.";
		if (!parse_hhmm(times, &w.from) || !parse_hhmm(times + 6, &w.to) || w.from >= w.to)
			return "Times are 24-hour HH:MM, the start before the end, like 09:00-12:30.";
		if (rule->nw == LEAD_SLOTS_MAX_WINDOWS)
			return "At most 21 windows a week.";
		rule->w[rule->nw++] = w;
	}
	return rule->nw ? NULL : "Give at least one window, like mon 09:00-12:00.";
}

static int by_time(const void *a, const void *b)
{
	time_t x = *(const time_t *)a, y = *(const time_t *)b;
	return (x > y) - (x < y);
}

size_t lead_slots_list(const struct lead_slots_rule *rule, time_t now, time_t *out, size_t max)
{
	size_t n = 0;
	struct tz_saved saved;
	tz_enter(rule->tz, &saved);
	struct tm today;
	localtime_r(&now, &today);
	time_t earliest = now + (time_t)rule->notice_minutes * 60;
	for (int d = 0; d <= LEAD_SLOTS_DAYS && n < max; d++) {
		/* Noon of the day d days on: mktime normalises the date, noon is never in a DST gap. */
		struct tm day = { .tm_year = today.tm_year, .tm_mon = today.tm_mon, .tm_mday = today.tm_mday + d,
				  .tm_hour = 12, .tm_isdst = -1 };
		mktime(&day);
		for (size_t i = 0; i < rule->nw && n < max; i++) {
			const struct lead_slots_window *w = &rule->w[i];
			if (w->wday != day.tm_wday)
				continue;
			for (int m = w->from; m + rule->slot_minutes <= w->to && n < max; m += rule->slot_minutes) {
				struct tm t = { .tm_year = day.tm_year, .tm_mon = day.tm_mon, .tm_mday = day.tm_mday,
						.tm_hour = m / 60, .tm_min = m % 60, .tm_isdst = -1 };
				time_t start = mktime(&t);
				/* A wall time in the spring gap comes back moved: it does not exist there. */
				if (start == (time_t)-1 || t.tm_hour != m / 60 || t.tm_min != m % 60 || t.tm_mday != day.tm_mday)
					continue;
				if (start >= earliest)
					out[n++] = start;
			}
		}
	}
	tz_leave(&saved);
	qsort(out, n, sizeof *out, by_time);
	return n;
}

void lead_slots_value(time_t t, char out[LEAD_SLOT_VALUE_LEN])
{
	struct tm u;
	gmtime_r(&t, &u);
	strftime(out, LEAD_SLOT_VALUE_LEN, "%Y-%m-%dT%H:%MZ", &u);
}

bool lead_slots_parse_value(const char *s, time_t *t)
{
	struct tm u = { 0 };
	int y, mo, d, h, mi;
	char z = 0, end = 0;
	if (!s || strlen(s) != 17 || sscanf(s, "%4d-%2d-%2dT%2d:%2d%c%c", &y, &mo, &d, &h, &mi, &z, &end) != 6 || z != 'Z')
		return false;
	u.tm_year = y - 1900;
	u.tm_mon = mo - 1;
	u.tm_mday = d;
	u.tm_hour = h;
	u.tm_min = mi;
	*t = timegm(&u);
	char back[LEAD_SLOT_VALUE_LEN];
	lead_slots_value(*t, back);
	return strcmp(back, s) == 0;
}

void lead_slots_label(const struct lead_slots_rule *rule, time_t t, char *out, size_t outlen)
{
	struct tz_saved saved;
	tz_enter(rule->tz, &saved);
	struct tm l;
	localtime_r(&t, &l);
	strftime(out, outlen, "%a %d %b %Y, %H:%M", &l);
	tz_leave(&saved);
}
