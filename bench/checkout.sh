#!/usr/bin/env bash
# checkout.sh: guest checkouts per second through lighttpd against the real MariaDB (not part of
# make test). A node driver (bench/checkout-driver.mjs) prepares BUYERS sessions with a cart and a
# reviewed checkout, then times their "Place order" POSTs with CONC in flight, and afterwards
# counts that every acknowledged order is in the database. Each order takes one unit of one of
# VARIANTS variants with ample stock; with 1 (the default) every checkout contends on the same
# stock row, the worst case (a flash sale). Usage: bench/checkout.sh [buyers] [concurrency] [variants]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
buyers=${1:-2000}
conns=${2:-32}
nvar=${3:-1}
export VAR=${VAR:-var/bench-checkout} DB_PORT=${DB_PORT:-3487} PORT=${PORT:-8487}
export APACHE_PORT=${APACHE_PORT:-8488} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9487} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9488}
command -v node >/dev/null || { echo "node is missing: make deps" >&2; exit 1; }
. bench/lib/stack.sh

# The server as production runs it: without the statement counters the test stacks keep.
DB_STATEMENT_COUNTS=off scripts/db.sh start
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants
# Until scripts/db.sh applies sql/grants/*.sql itself; GRANT is idempotent.
for f in sql/grants/*.sql; do scripts/db.sh client <"$f"; done
bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
# WORKERS=N overrides the shop's preforked worker count (the config is rewritten by db.sh start).
[[ -z ${WORKERS:-} ]] || echo "shop_workers = $WORKERS" >>"$VAR/crowdcart.conf"
scripts/web.sh start lighttpd >/dev/null
trap 'scripts/web.sh stop >/dev/null 2>&1 || true; scripts/db.sh stop >/dev/null 2>&1 || true' EXIT

stamp=$(date +%s)
variants=
for ((i = 0; i < nvar; i++)); do
	v=$(scripts/db.sh client -N -B -e "
		INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
		  VALUES (1, 'bench-$stamp-$i', 'Benchmark Mug $i', '', 'active', 1500, 'USD', 1000000);
		SET @p = LAST_INSERT_ID();
		INSERT INTO variants (product_id, position, sku, option1, price, currency, stock)
		  VALUES (@p, 1, 'BENCH-$i', 'One', 1500, 'USD', 1000000);
		SELECT LAST_INSERT_ID();")
	variants+=${variants:+,}$v
done

echo "crowdcart checkout benchmark: $(nproc) cores, $(date -u +%FT%TZ), lighttpd, $buyers buyers, $conns in flight, $nvar variant(s), shop workers: ${WORKERS:-config}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/checkout-driver.mjs "http://127.0.0.1:$PORT" "$buyers" "$conns" "$variants"
sold=$(scripts/db.sh client -N -B -e "SELECT SUM(1000000 - stock) FROM variants WHERE id IN ($variants)")
echo "units taken from stock: $sold (expected $buyers)"
[[ $sold == "$buyers" ]]
