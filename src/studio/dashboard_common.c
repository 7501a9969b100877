/* dashboard_common.c: what the brand and creator dashboards share: the period (from/to, UTC
 * days), the chart series with a bar for every day of the period, conversion as text, which
 * lines count as sales, sums per currency and a chart per currency. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "lib/svg_chart.h"
#include "web/layout.h"
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

const char *dashboard_line_state(const char *status)
{
	if (strcmp(status, "awaiting_payment") == 0 || strcmp(status, "payment_failed") == 0)
		return "not paid yet";
	if (strcmp(status, "partially_refunded") == 0)
		return "partly refunded";
	if (strcmp(status, "test") == 0)
		return "test order";
	return status;
}

bool dashboard_line_counted(const char *status)
{
	return strcmp(status, "paid") == 0 || strcmp(status, "shipped") == 0 || strcmp(status, "delivered") == 0 ||
	       strcmp(status, "partially_refunded") == 0;
}

void dashboard_sum_add(struct dashboard_sums *s, const char *currency, long long v)
{
	size_t k = 0;
	while (k < s->n && strcmp(s->currency[k], currency))
		k++;
	if (k == s->n) {
		if (s->n == DASHBOARD_MAX_CURRENCIES)
			return;
		s->currency[s->n] = currency;
		s->v[s->n++] = 0;
	}
	s->v[k] += v;
}

const char *dashboard_sum_text(struct req *r, const struct dashboard_sums *s, const char *fallback_currency)
{
	if (s->n == 0)
		return layout_money(r, 0, fallback_currency);
	const char *out = layout_money(r, s->v[0], s->currency[0]);
	for (size_t k = 1; k < s->n; k++)
		out = arena_printf(r->arena, "%s · %s", out, layout_money(r, s->v[k], s->currency[k]));
	return out;
}

/* An SVG id from a currency code: "earnings-usd"; NULL for anything but three capital letters. */
static const char *chart_id(struct req *r, const char *prefix, const char *currency)
{
	if (strlen(currency) != 3)
		return NULL;
	char low[4];
	for (size_t i = 0; i < 3; i++) {
		if (currency[i] < 'A' || currency[i] > 'Z')
			return NULL;
		low[i] = (char)(currency[i] - 'A' + 'a');
	}
	low[3] = '\0';
	return arena_printf(r->arena, "%s-%s", prefix, low);
}

void dashboard_charts_by_currency(struct req *r, tmpl_dict *t, const char *section, const char *id_prefix,
				  const char *what, const struct db_res *rows, size_t day_col, size_t cur_col,
				  size_t val_col, const char *from, const char *to)
{
	struct dashboard_sums seen = { 0 };
	for (size_t i = 0; i < rows->nrows; i++)
		dashboard_sum_add(&seen, db_at(rows, i, cur_col)->s, 0);
	const char **days;
	size_t nd = dashboard_days(r, from, to, &days);
	for (size_t k = 0; k < seen.n; k++) {
		const char *cur = seen.currency[k], *id = chart_id(r, id_prefix, cur);
		if (!id)
			continue;
		struct svg_bar *bars = arena_alloc(r->arena, (nd + 1) * sizeof *bars);
		/* rows are sorted by day: one pass over them per currency. */
		size_t j = 0;
		for (size_t i = 0; i < nd; i++) {
			long long v = 0;
			while (j < rows->nrows && strcmp(db_at(rows, j, day_col)->s, days[i]) < 0)
				j++;
			for (size_t m = j; m < rows->nrows && strcmp(db_at(rows, m, day_col)->s, days[i]) == 0; m++)
				if (strcmp(db_at(rows, m, cur_col)->s, cur) == 0)
					v += db_at(rows, m, val_col)->i;
			bars[i] = (struct svg_bar){ days[i], v, layout_money(r, v, cur) };
		}
		struct buf svg;
		buf_init(&svg, r->arena, 8192);
		svg_bar_chart(&svg, id, arena_printf(r->arena, "%s per day in %s, %s to %s", what, cur, from, to), bars, nd);
		tmpl_dict *c = tmpl_add(t, section);
		tmpl_set(c, "CURRENCY", cur);
		tmpl_set(c, "SANITISED_CHART", buf_cstr(&svg));	/* svg_bar_chart escapes every label */
	}
}

void dashboard_sale_marks(struct req *r, tmpl_dict *row, const char *status, const char *kind, bool first_order)
{
	tmpl_set(row, "KIND", first_order ? arena_printf(r->arena, "%s, first order", kind) : kind);
	tmpl_set(row, "STATE", dashboard_line_state(status));
	if (!dashboard_line_counted(status))
		tmpl_show(row, "VOID");
}
