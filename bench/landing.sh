#!/usr/bin/env bash
# landing.sh: every public landing page type through lighttpd, cookieless, in one run, each beside
# a static file of that page's size and the same program's /_ping; the pages are rendered on every
# view (KEEP_PAGES=off, the default here: the render path, not the kept copy) with the reads cached.
# Prints requests/s, p99, page ÷ /_ping (goal >= 0.6, p99 < 10 ms) and page ÷ static per page, with
# the load average before and after. /_ping is measured right before each page, ROUNDS times each
# (default 1), and the figures are the medians: a shared machine's speed moves within minutes, so a
# page is judged against the /_ping of its own moment, not one taken at the start.
# Usage: [KEEP_PAGES=on] [ROUNDS=n] bench/landing.sh [seconds] [connections]
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
rounds=${ROUNDS:-1}
# The middle value of its arguments (the upper middle for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int(NR / 2) + 1] }'; }
printf '%-11s %7s %10s %8s %10s %8s %9s %9s  %s\n' page bytes static/s page/s p99_ms ping/s "÷ping" "÷static" errors
for entry in "${pages[@]}"; do
	read -r name path <<<"$entry"
	# Cookieless, as a first visit: curl sends no cookie and keeps none.
	curl -fsS "$BASE_URL$path" >"static/bench-landing/$name.html"
	bytes=$(wc -c <"static/bench-landing/$name.html")
	read -r st_rps _ st_err < <(wrk_measure "$BASE_URL/static/bench-landing/$name.html")
	pings=() rpss=() p99s=() ratios=() err=-
	for _ in $(seq 1 "$rounds"); do
		read -r ping_rps _ ping_err < <(wrk_measure "$BASE_URL/_ping")
		read -r rps p99 e < <(wrk_measure "$BASE_URL$path")
		pings+=("$ping_rps") rpss+=("$rps") p99s+=("$p99") ratios+=("$(echo "100 * $rps / $ping_rps" | bc -l)")
		[[ $e == - ]] || err=$e
		[[ $ping_err == - ]] || err="$err (/_ping: $ping_err)"
	done
	[[ $st_err == - ]] || err="$err (static: $st_err)"
	rps=$(median "${rpss[@]}")
	printf '%-11s %7s %10s %8s %10s %8s %8.1f%% %8.1f%%  %s\n' "$name" "$bytes" "$st_rps" "$rps" "$(median "${p99s[@]}")" \
		"$(median "${pings[@]}")" "$(median "${ratios[@]}")" "$(echo "100 * $rps / $st_rps" | bc -l)" "$err"
	[[ $rounds == 1 ]] || echo "  rounds: page ${rpss[*]}; /_ping ${pings[*]}"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "goal: each page >= 60% of the /_ping measured beside it, p99 < 10 ms (medians of $rounds round(s))"
