#!/usr/bin/env bash
# view_cost.sh: what one view of each public page type asks of MariaDB, with the shop's per-worker
# cache and kept content off (cache_ttl_ms = 0), so every view is the uncached one: statements
# executed and rows examined per view, from performance_schema (scripts/db.sh turns its statement
# instruments on), then, with DETAIL=1, every statement of one view with its rows examined and
# EXPLAIN from the slow log. Unlike requests/s these figures do not move with the machine's load,
# and rows examined is the figure that shows whether a page's cost grows with the data
# (bench/gen-large.sh, then this again). Last, the same figures for one view of the demo brand
# northwind's dashboard in the studio.
# Runs on a stack of its own (VAR, DB_PORT, PORT as the other scripts; the datadir is kept, so a
# large data set loaded by gen-large.sh stays). Usage: bench/view_cost.sh [views per page]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-20}
export VAR=${VAR:-var/bench-large} DB_PORT=${DB_PORT:-3487} PORT=${PORT:-8487}
export APACHE_PORT=${APACHE_PORT:-8488} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9487} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9488}
command -v curl >/dev/null || { echo "curl is missing: make deps" >&2; exit 1; }

scripts/db.sh start
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants
[[ -n $(scripts/db.sh client --batch --skip-column-names -e "SELECT 1 FROM creators WHERE handle = 'lena'") ]] ||
	bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
# Every view uncached; no best-seller recount by the workers while views are counted.
printf 'cache_ttl_ms = 0\nbest_sellers_refresh_seconds = 3600\n' >>"$VAR/crowdcart.conf"
scripts/web.sh stop >/dev/null 2>&1 || true
scripts/web.sh start lighttpd >/dev/null
trap 'scripts/web.sh stop >/dev/null 2>&1 || true; [[ -n ${KEEP_DB:-} ]] || scripts/db.sh stop >/dev/null 2>&1 || true' EXIT
base=http://127.0.0.1:$PORT
q() { scripts/db.sh client --batch --skip-column-names -e "$1"; }

# The home page and one page of each type, from the demo's rows.
product=$(q "SELECT CONCAT('/p/', b.slug, '/', p.handle) FROM products p JOIN brands b ON b.id = p.brand_id
	WHERE b.slug = 'northwind' AND p.status = 'active' ORDER BY p.id LIMIT 1")
collection=$(q "SELECT CONCAT('/@', c.handle, '/', l.slug) FROM collections l JOIN creators c ON c.id = l.creator_id
	WHERE c.handle = 'lena' AND l.published = 1 ORDER BY l.position, l.id LIMIT 1")
video=$(q "SELECT CONCAT('/v/', id) FROM videos WHERE taken_down_at IS NULL ORDER BY id LIMIT 1")
ad=$(q "SELECT CONCAT('/ad/', slug) FROM ads WHERE state = 'live' ORDER BY id LIMIT 1")
live=$(q "SELECT CONCAT('/live/', id) FROM live_sessions ORDER BY id LIMIT 1")
form=$(q "SELECT CONCAT('/f/', slug) FROM lead_forms WHERE status = 'live' ORDER BY id LIMIT 1")
pages=${PAGES:-"/ $product /@lena $collection $video $ad $live $form"}

# Statements the shop's database user executed and the rows they examined, since the server started.
counters() {
	q "SELECT COALESCE(SUM(COUNT_STAR), 0), COALESCE(SUM(SUM_ROWS_EXAMINED), 0)
		FROM performance_schema.events_statements_summary_by_user_by_event_name
		WHERE USER = '${1:-cc_shop}' AND EVENT_NAME IN ('statement/com/Execute', 'statement/sql/select')"
}

echo "crowdcart view cost: $(date -u +%FT%TZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), cache off, $n views each"
echo "data: $(q "SELECT CONCAT((SELECT COUNT(*) FROM products), ' products, ', (SELECT COUNT(*) FROM picks), ' picks, ',
	(SELECT COUNT(*) FROM order_lines), ' order lines')")"
printf '%-44s %12s %14s %10s\n' page statements "rows examined" "ms (curl)"
for page in $pages; do
	curl -fsS -o /dev/null "$base$page"	# a worker's first statements are prepared here
	read -r s0 r0 < <(counters)
	ms=$(for ((i = 0; i < n; i++)); do curl -fsS -o /dev/null -w '%{time_total}\n' "$base$page"; done |
		sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", 1000 * v[int((NR + 1) / 2)] }')
	read -r s1 r1 < <(counters)
	printf '%-44s %12.1f %14.1f %10s\n' "$page" "$(echo "($s1 - $s0) / $n" | bc -l)" "$(echo "($r1 - $r0) / $n" | bc -l)" "$ms"
done

# The brand dashboard of the demo brand northwind (30 days), signed in as its owner: the studio's
# statements. The generated set puts half of its order lines on northwind.
jar=$(mktemp)
csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "password=crowdcart-demo" \
	--data-urlencode "email=brand-owner@northwind.demo.crowdcart.test" "$base/login"
dashboard=/studio/brand/dashboard
curl -fsS -o /dev/null -b "$jar" "$base$dashboard"
read -r s0 r0 < <(counters cc_studio)
ms=$(curl -fsS -o /dev/null -b "$jar" -w '%{time_total}' "$base$dashboard" | awk '{ printf "%.2f", 1000 * $1 }')
read -r s1 r1 < <(counters cc_studio)
printf '%-44s %12d %14d %10s\n' "$dashboard (northwind)" $((s1 - s0)) $((r1 - r0)) "$ms"
rm -f "$jar"

[[ -n ${DETAIL:-} ]] || exit 0
# One view of each page with every statement in the slow log: rows examined and the plan.
slow=$(cd "$VAR/log" && pwd)/view-cost-slow.log
for page in $pages; do
	rm -f "$slow"
	q "SET GLOBAL slow_query_log_file = '$slow', log_slow_verbosity = 'query_plan,explain', long_query_time = 0, slow_query_log = 1"
	# The workers' connections keep the threshold they opened with: new workers, new connections.
	scripts/web.sh stop >/dev/null
	scripts/web.sh start lighttpd >/dev/null
	# What new workers ask once when they start is not the view's: wait for it, then start the log afresh.
	for ((i = 0; i < 3; i++)); do curl -fsS -o /dev/null "$base/_ping"; done
	sleep 1
	: >"$slow"
	curl -fsS -o /dev/null "$base$page"
	sleep 0.3
	q "SET GLOBAL slow_query_log = 0, long_query_time = 10"
	echo "== $page"
	LC_ALL=C awk '
		function flush() { if (sql != "" && user ~ /cc_shop/) printf "%8s rows  %s\n%s", rows, substr(sql, 1, 160), plan; sql = ""; plan = "" }
		/^# User@Host:/ { flush(); user = $0; next }
		/Rows_examined:/ { sub(/.*Rows_examined: */, ""); rows = $1; next }
		/^# explain: id/ { next }
		/^# explain:/ { sub(/^# explain: /, ""); plan = plan "           " $0 "\n"; next }
		/^#/ || /^SET timestamp/ || /^use / { next }
		{ sql = sql $0 " " }
		END { flush() }' "$slow"
done
