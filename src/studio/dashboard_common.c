/* dashboard_common.c: what the brand and creator dashboards share: the period (from/to, UTC
 * days), the chart series with a bar for every day of the period, and conversion as text. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "studio/studio.h"

#define MAX_PERIOD_DAYS 366

static bool parse_day(const char *s, time_t *out)
{
	struct tm tm = { 0 };
	const char *end = strlen(s) == 10 ? strptime(s, "%Y-%m-%d", &tm) : NULL;
	if (!end || *end)
		return false;
	*out = timegm(&tm);
	return true;
}

bool dashboard_period(struct req *r, char from[11], char to[11])
{
	time_t now = time(NULL), start = now - 29 * 86400, f, t;
	struct tm tm;
	strftime(to, 11, "%Y-%m-%d", gmtime_r(&now, &tm));
	strftime(from, 11, "%Y-%m-%d", gmtime_r(&start, &tm));
	const char *qf = req_query(r, "from"), *qt = req_query(r, "to");
	if (qf && *qf) {
		if (!parse_day(qf, &f))
			return false;
		memcpy(from, qf, 11);
	}
	if (qt && *qt) {
		if (!parse_day(qt, &t))
			return false;
		memcpy(to, qt, 11);
	}
	if (!parse_day(from, &f) || !parse_day(to, &t))
		return false;
	/* Bounded so a chart and its table stay a reasonable size. */
	return f <= t && (t - f) / 86400 < MAX_PERIOD_DAYS;
}

size_t dashboard_days(struct req *r, const char *from, const char *to, const char ***days)
{
	time_t f, t;
	if (!parse_day(from, &f) || !parse_day(to, &t) || f > t)
		return 0;
	size_t n = (size_t)((t - f) / 86400) + 1;
	*days = arena_alloc(r->arena, n * sizeof **days);
	for (size_t i = 0; i < n; i++) {
		time_t d = f + (time_t)i * 86400;
		struct tm tm;
		char *s = arena_alloc(r->arena, 11);
		strftime(s, 11, "%Y-%m-%d", gmtime_r(&d, &tm));
		(*days)[i] = s;
	}
	return n;
}

const char *dashboard_conversion(struct req *r, long long orders, long long visits)
{
	if (visits <= 0)
		return "–";
	/* Per ten thousand, in integers, shown with two decimals. */
	long long bp = orders * 10000 / visits;
	return arena_printf(r->arena, "%lld.%02lld%%", bp / 100, bp % 100);
}
