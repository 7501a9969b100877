#!/usr/bin/env bash
# edge.sh: the storefront behind Apache's mod_cache (apache/cache.conf.in, the edge the Apache
# stack serves on APACHE_PORT + 2), in one run against a static file of the same size through the
# same edge and from the Apache site directly, and /@lena from the site without the edge. Goal:
# /@lena through the edge >= 0.8 of the same-size static file through it. Prints req/s, p99 and
# the ratios with the load average. Usage: bench/edge.sh [seconds] [connections]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export WRK_SECS=${1:-10} WRK_CONNS=${2:-32}
command -v wrk >/dev/null || { echo "wrk is missing: make deps" >&2; exit 1; }
. bench/lib/wrk.sh
. bench/lib/stack.sh
export VAR=${VAR:-var/bench-edge} DB_PORT=${DB_PORT:-3457} PORT=${PORT:-8457}
export APACHE_PORT=${APACHE_PORT:-8458} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9457} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9458}
export API_FCGI_PORT=${API_FCGI_PORT:-9459} EDGE_PORT=${EDGE_PORT:-8460}

scripts/db.sh start
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants
bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
scripts/web.sh start apache >/dev/null
trap 'scripts/web.sh stop >/dev/null 2>&1 || true; scripts/db.sh stop >/dev/null 2>&1 || true; rm -rf static/bench-edge' EXIT

site=http://127.0.0.1:$APACHE_PORT
edge=http://127.0.0.1:$EDGE_PORT
mkdir -p static/bench-edge
curl -fsS "$site/@lena" >static/bench-edge/storefront.html

echo "crowdcart edge benchmark: $(nproc) cores, $(date -u +%FT%TZ), wrk -t2 -c$WRK_CONNS -d${WRK_SECS}s, Apache mod_cache in front of the Apache site"
echo "page size: $(wc -c <static/bench-edge/storefront.html) bytes; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "X-Cache of /@lena through the edge: $(curl -fsS -o /dev/null -D- "$edge/@lena" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" { print $2 }')"
read -r edge_static edge_static_p99 e1 < <(wrk_measure "$edge/static/bench-edge/storefront.html")
read -r edge_page edge_page_p99 e2 < <(wrk_measure "$edge/@lena")
read -r site_static site_static_p99 e3 < <(wrk_measure "$site/static/bench-edge/storefront.html")
read -r site_page site_page_p99 e4 < <(wrk_measure "$site/@lena")
printf '%-34s %9s %8s  %s\n' target req/s p99_ms errors
printf '%-34s %9s %8s  %s\n' "static file through the edge" "$edge_static" "$edge_static_p99" "$e1"
printf '%-34s %9s %8s  %s\n' "/@lena through the edge" "$edge_page" "$edge_page_p99" "$e2"
printf '%-34s %9s %8s  %s\n' "static file from the site" "$site_static" "$site_static_p99" "$e3"
printf '%-34s %9s %8s  %s\n' "/@lena from the site" "$site_page" "$site_page_p99" "$e4"
printf '/@lena through the edge / static through the edge: %.1f%%   (goal >= 80%%)\n' "$(echo "100 * $edge_page / $edge_static" | bc -l)"
printf '/@lena through the edge / static from the site:    %.1f%%\n' "$(echo "100 * $edge_page / $site_static" | bc -l)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
