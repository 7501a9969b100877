#!/usr/bin/env bash
# landing.sh: every public landing page type through lighttpd, cookieless, in one run, each beside
# a static file of that page's size and the same program's /_ping; the pages are rendered on every
# view (KEEP_PAGES=off, the default here: the render path, not the kept copy) with the reads cached.
# Prints requests/s, p99, page ÷ /_ping (goal >= 0.6, p99 < 10 ms) and page ÷ static per page, with
# the load average before and after. Usage: [KEEP_PAGES=on] bench/landing.sh [seconds] [connections]
# With BASE_URL set it measures that running stack and starts nothing (bench/large.sh uses that).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. bench/lib/stack.sh
export WRK_SECS=${1:-10} WRK_CONNS=${2:-32}
keep=${KEEP_PAGES:-off}
command -v wrk >/dev/null || { echo "wrk is missing: make deps" >&2; exit 1; }
. bench/lib/wrk.sh

if [[ -z ${BASE_URL:-} ]]; then
	export VAR=${VAR:-var/bench-landing} DB_PORT=${DB_PORT:-3467} PORT=${PORT:-8467}
	export APACHE_PORT=${APACHE_PORT:-8468} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9467} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9468}
	export API_FCGI_PORT=${API_FCGI_PORT:-9469}
	scripts/db.sh start
	bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
	scripts/db.sh grants
	bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
	echo "keep_pages = $keep" >>"$VAR/crowdcart.conf"
	[[ -z ${WORKERS:-} ]] || echo "shop_workers = $WORKERS" >>"$VAR/crowdcart.conf"
	scripts/web.sh start lighttpd >/dev/null
	trap 'scripts/web.sh stop >/dev/null 2>&1 || true; scripts/db.sh stop >/dev/null 2>&1 || true; rm -rf static/bench-landing' EXIT
	BASE_URL=http://127.0.0.1:$PORT
else
	trap 'rm -rf static/bench-landing' EXIT
fi

# The demo's pages, one of each type a shopper lands on from a creator's link.
pages=(
	"product /p/northwind/walnut-monitor-stand"
	"storefront /@lena"
	"collection /@lena/summer-essentials"
	"video /v/1"
	"ad /ad/northwind-desk-with-lena"
	"live /live/1"
	"leadform /f/northwind-wholesale"
)

mkdir -p static/bench-landing
echo "crowdcart landing pages: $(nproc) cores, $(date -u +%FT%TZ), wrk -t2 -c$WRK_CONNS -d${WRK_SECS}s, lighttpd, cookieless, keep_pages = $keep"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r ping_rps ping_p99 ping_err < <(wrk_measure "$BASE_URL/_ping")
printf '%-11s %7s %10s %8s %10s %8s %9s %9s  %s\n' page bytes static/s page/s p99_ms ping/s "÷ping" "÷static" errors
for entry in "${pages[@]}"; do
	read -r name path <<<"$entry"
	# Cookieless, as a first visit: curl sends no cookie and keeps none.
	curl -fsS "$BASE_URL$path" >"static/bench-landing/$name.html"
	bytes=$(wc -c <"static/bench-landing/$name.html")
	read -r st_rps _ st_err < <(wrk_measure "$BASE_URL/static/bench-landing/$name.html")
	read -r rps p99 err < <(wrk_measure "$BASE_URL$path")
	[[ $st_err == - ]] || err="$err (static: $st_err)"
	printf '%-11s %7s %10s %8s %10s %8s %8.1f%% %8.1f%%  %s\n' "$name" "$bytes" "$st_rps" "$rps" "$p99" "$ping_rps" \
		"$(echo "100 * $rps / $ping_rps" | bc -l)" "$(echo "100 * $rps / $st_rps" | bc -l)" "$err"
done
echo "/_ping: $ping_rps req/s, p99 $ping_p99 ms${ping_err:+ ($ping_err)}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "goal: each page >= 60% of /_ping, p99 < 10 ms"
