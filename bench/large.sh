#!/usr/bin/env bash
# large.sh: bench/landing.sh again on the large generated shop (bench/gen-large.sh: SCALE=1 is
# 1,000,000 products, 100,000 creators with 120 picks each, 10,000,000 order lines), the same
# pages, cookieless, rendered on every view; compare with bench/landing.sh on the demo data in the
# same run (bench/all.sh does both). Exits 2, saying so, when the large shop was not generated.
# Usage: bench/large.sh [seconds] [connections]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. bench/lib/stack.sh
export VAR=${VAR:-var/bench-large} DB_PORT=${DB_PORT:-3487} PORT=${PORT:-8487}
export APACHE_PORT=${APACHE_PORT:-8488} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9487} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9488}
export API_FCGI_PORT=${API_FCGI_PORT:-9489} DB_BUFFER_POOL=${DB_BUFFER_POOL:-4G}
if [[ ! -d $VAR/db ]]; then
	echo "no generated shop in $VAR: run SCALE=1 bench/gen-large.sh first (about 20 minutes, several GB)" >&2
	exit 2
fi
scripts/db.sh start
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants
echo "keep_pages = ${KEEP_PAGES:-off}" >>"$VAR/crowdcart.conf"
scripts/web.sh stop >/dev/null 2>&1 || true
scripts/web.sh start lighttpd >/dev/null
trap 'scripts/web.sh stop >/dev/null 2>&1 || true; scripts/db.sh stop >/dev/null 2>&1 || true' EXIT
echo "data: $(scripts/db.sh client --batch --skip-column-names -e "SELECT CONCAT((SELECT COUNT(*) FROM products), ' products, ',
	(SELECT COUNT(*) FROM brands), ' brands, ', (SELECT COUNT(*) FROM creators), ' creators, ', (SELECT COUNT(*) FROM picks), ' picks, ',
	(SELECT COUNT(*) FROM order_lines), ' order lines')")"
BASE_URL=http://127.0.0.1:$PORT KEEP_PAGES=${KEEP_PAGES:-off} bench/landing.sh "$@"
