#!/usr/bin/env bash
# dashboard.sh: the brand dashboard of the demo brand northwind (bench/gen-large.sh puts half of its
# order lines on it: SCALE=0.2 gives it a million), signed in as its owner, one connection: p50 and
# p99 of /studio/brand/dashboard for the last 30 and 365 days, and the statements and rows examined
# per view (performance_schema, as bench/view_cost.sh), read from the worker's rollup
# (brand_sales_days, docs/CREATORS.md) and, alternated in the same run, with the rollup switched
# off (its state emptied, so every day is read live from the order lines, as before the rollup).
# A year read live is not timed unless LIVE_MAX_DAYS allows it (it outlasts the FastCGI timeout).
# First runs `crowdcartctl worker --once` until every closed day is rolled up, and says how long.
# Runs on the stack of bench/view_cost.sh (VAR, DB_PORT, PORT...; the datadir is kept).
# Usage: [VIEWS=100] bench/dashboard.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${VIEWS:-100}
export VAR=${VAR:-var/bench-large} DB_PORT=${DB_PORT:-3487} PORT=${PORT:-8487}
export APACHE_PORT=${APACHE_PORT:-8488} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9487} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9488}
command -v curl >/dev/null || { echo "curl is missing: make deps" >&2; exit 1; }

scripts/db.sh start
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants
q() { scripts/db.sh client --batch --skip-column-names -e "$1"; }
[[ -n $(q "SELECT 1 FROM creators WHERE handle = 'lena'") ]] || bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null

t0=$(date +%s)
passes=0
until [[ $(q "SELECT rolled_before = UTC_DATE() FROM sales_rollup_state WHERE name = 'brand_days'") == 1 ]]; do
	bin/crowdcartctl --conf "$VAR/crowdcart.conf" worker --once >/dev/null
	passes=$((passes + 1))
done
echo "rollup: $passes worker pass(es), $(( $(date +%s) - t0 )) s; $(q "SELECT COUNT(*) FROM brand_sales_days") rows"

scripts/web.sh stop >/dev/null 2>&1 || true
scripts/web.sh start lighttpd >/dev/null
trap 'q "UPDATE sales_rollup_state SET rolled_before = UTC_DATE(), scanned_to = UTC_TIMESTAMP() WHERE name = '"'brand_days'"' AND rolled_before IS NULL" || true;
	scripts/web.sh stop >/dev/null 2>&1 || true; [[ -n ${KEEP_DB:-} ]] || scripts/db.sh stop >/dev/null 2>&1 || true' EXIT
base=http://127.0.0.1:$PORT

counters() {
	q "SELECT COALESCE(SUM(COUNT_STAR), 0), COALESCE(SUM(SUM_ROWS_EXAMINED), 0)
		FROM performance_schema.events_statements_summary_by_user_by_event_name
		WHERE USER = 'cc_studio' AND EVENT_NAME IN ('statement/com/Execute', 'statement/sql/select')"
}

jar=$(mktemp)
csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "password=crowdcart-demo" \
	--data-urlencode "email=brand-owner@northwind.demo.crowdcart.test" "$base/login"

echo "crowdcart brand dashboard: $(date -u +%FT%TZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $n views each, one connection"
echo "data: $(q "SELECT CONCAT((SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id
	JOIN brands b ON b.id = o.brand_id WHERE b.slug = 'northwind'), ' order lines of northwind, ',
	(SELECT COUNT(*) FROM order_lines), ' in all')"); load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-8s %10s %10s %12s %14s\n' period read "p50 ms" "p99 ms" statements "rows examined"
today=$(date -u +%F)
state=$(q "SELECT rolled_before, scanned_to FROM sales_rollup_state WHERE name = 'brand_days'")
for days in 30 365; do
	from=$(date -u -d "$today - $((days - 1)) days" +%F)
	url="$base/studio/brand/dashboard?from=$from&to=$today"
	for mode in rollup live; do
		# Read live, a year of a big brand outlasts the web server's FastCGI timeout (503).
		if [[ $mode == live && $days -gt ${LIVE_MAX_DAYS:-31} ]]; then
			printf '%-10s %-8s %s\n' "$days days" "$mode" "not timed (LIVE_MAX_DAYS=${LIVE_MAX_DAYS:-31})"
			continue
		fi
		if [[ $mode == live ]]; then
			q "UPDATE sales_rollup_state SET rolled_before = NULL, scanned_to = NULL WHERE name = 'brand_days'"
		else
			q "UPDATE sales_rollup_state SET rolled_before = '$(cut -f1 <<<"$state")', scanned_to = '$(cut -f2 <<<"$state")'
				WHERE name = 'brand_days'"
		fi
		# Read live, a view takes seconds: a tenth as many.
		views=$n
		[[ $mode == rollup ]] || views=$(( (n + 9) / 10 ))
		for ((i = 0; i < 3; i++)); do curl -fsS -o /dev/null -b "$jar" "$url"; done
		read -r s0 r0 < <(counters)
		ms=$(for ((i = 0; i < views; i++)); do
			curl -fsS -o /dev/null -b "$jar" -w '%{time_total}\n' "$url"; done |
			sort -n | awk '{ v[NR] = $1 } END { p = int(NR * 0.99 + 0.999); if (p < 1) p = 1
				printf "%.1f %.1f", 1000 * v[int((NR + 1) / 2)], 1000 * v[p] }')
		read -r s1 r1 < <(counters)
		printf '%-10s %-8s %10s %10s %12.1f %14.1f\n' "$days days" "$mode" ${ms% *} ${ms#* } \
			"$(echo "($s1 - $s0) / $views" | bc -l)" "$(echo "($r1 - $r0) / $views" | bc -l)"
	done
done
q "UPDATE sales_rollup_state SET rolled_before = '$(cut -f1 <<<"$state")', scanned_to = '$(cut -f2 <<<"$state")'
	WHERE name = 'brand_days'"
rm -f "$jar"
