#!/usr/bin/env bash
# storefront.sh: wrk through lighttpd, in one run, against a static file of the storefront's size,
# the no-database endpoint of the same FastCGI program (/_ping) and the storefront /@lena.
# Prints requests/s and p99 for each and the ratios; absolute numbers drift on shared machines,
# the ratios are what to compare. Usage: bench/storefront.sh [seconds] [connections]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. bench/lib/stack.sh
export WRK_SECS=${1:-10} WRK_CONNS=${2:-32}
export VAR=${VAR:-var/bench} DB_PORT=${DB_PORT:-3497} PORT=${PORT:-8497}
export APACHE_PORT=${APACHE_PORT:-8498} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9497} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9498}
command -v wrk >/dev/null || { echo "wrk is missing: make deps" >&2; exit 1; }
. bench/lib/wrk.sh

scripts/db.sh start
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants
bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
# WORKERS=N overrides the shop's preforked worker count (the config is rewritten by db.sh start).
[[ -z ${WORKERS:-} ]] || echo "shop_workers = $WORKERS" >>"$VAR/crowdcart.conf"
scripts/web.sh start lighttpd
trap 'scripts/web.sh stop >/dev/null 2>&1 || true; scripts/db.sh stop >/dev/null 2>&1 || true' EXIT

base=http://127.0.0.1:$PORT
mkdir -p static/bench-tmp
curl -fsS "$base/@lena" > static/bench-tmp/storefront.html

# "name rps p99_ms[ ERRORS: ...]" for one URL.
run() {
	local rps p99 err
	read -r rps p99 err < <(wrk_measure "$base$2")
	if [[ $err == - ]]; then echo "$1 $rps $p99"; else echo "$1 $rps $p99 ERRORS: $err"; fi
}

echo "crowdcart storefront benchmark: $(nproc) cores, $(date -u +%FT%TZ), wrk -t2 -c$WRK_CONNS -d${WRK_SECS}s, lighttpd, shop workers: ${WORKERS:-config}"
echo "page size: $(wc -c < static/bench-tmp/storefront.html) bytes"
results=$(run static /static/bench-tmp/storefront.html; run ping /_ping; run storefront /@lena)
echo "$results" | awk '
	{ rps[$1] = $2; p99[$1] = $3; line[$1] = $0 }
	END {
		printf "%-12s %10s %10s\n", "target", "req/s", "p99 ms"
		split("static ping storefront", order, " ")
		for (i = 1; i <= 3; i++) { n = order[i]; split(line[n], f, " "); printf "%-12s %10s %10s%s\n", n, f[2], f[3], (line[n] ~ /ERRORS/ ? "  (errors, see below)" : "") }
		printf "ping / static:        %.1f%%\n", 100 * rps["ping"] / rps["static"]
		printf "storefront / static:  %.1f%%\n", 100 * rps["storefront"] / rps["static"]
		printf "storefront / ping:    %.1f%%   (goal >= 60%%; storefront p99 goal < 10 ms)\n", 100 * rps["storefront"] / rps["ping"]
	}'
echo "$results" | grep ERRORS || true
rm -rf static/bench-tmp
