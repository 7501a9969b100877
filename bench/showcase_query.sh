#!/usr/bin/env bash
# showcase_query.sh: what a best-seller showcase costs a product page when its window holds many
# orders (not part of make test). A private stack with the per-worker catalog cache off, so every
# view evaluates the showcase; ORDERS orders of northwind's products in the last 30 days, the
# window of its demo "Best sellers" showcase on its product pages. Prints, for one product page
# with and without the showcase placed: the median and p90 of the time the shop logged for REQS
# sequential views and of curl's total, then the showcase statement's Rows_examined and EXPLAIN
# from MariaDB's slow log, and (where the tree counts best sellers ahead of time) what one recount
# took. Timings drift on a shared machine; the row counts do not. For a "before", run the script
# from a checkout of an older commit (it needs nothing newer than the showcases of sql/0011).
# Usage: bench/showcase_query.sh [orders] [requests]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
orders=${1:-100000}
reqs=${2:-40}
export VAR=${VAR:-var/bench-showcase} DB_PORT=${DB_PORT:-3477} PORT=${PORT:-8477}
# No periodic recount during the timed views: the script asks for the one it needs.
export BEST_SELLERS_REFRESH_SECONDS=${BEST_SELLERS_REFRESH_SECONDS:-3600}
command -v curl >/dev/null || { echo "curl is missing: make deps" >&2; exit 1; }

scripts/db.sh start
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants
bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
echo "cache_ttl_ms = 0" >>"$VAR/crowdcart.conf"
[[ -z ${WORKERS:-} ]] || echo "shop_workers = $WORKERS" >>"$VAR/crowdcart.conf"
q() { scripts/db.sh client --batch --skip-column-names -e "$1"; }
scripts/web.sh start lighttpd >/dev/null
trap 'scripts/web.sh stop >/dev/null 2>&1 || true; scripts/db.sh stop >/dev/null 2>&1 || true' EXIT
base=http://127.0.0.1:$PORT
log=$VAR/log/lighttpd-fcgi.log

# The orders are made once and kept with the datadir: checkouts, orders (paid, shipped, delivered,
# some cancelled) and one or two lines each, of a skewed choice of northwind's products.
have=$(q "SELECT COUNT(*) FROM orders WHERE email = 'bench@bench.crowdcart.test'")
if ((have < orders)); then
	echo "loading $((orders - have)) orders..."
	q "SET @b = (SELECT id FROM brands WHERE slug = 'northwind'), @run = FLOOR(UNIX_TIMESTAMP(NOW(3)) * 1000);
	   INSERT INTO checkouts (public_ref, idem_hash, email, payment_provider, created_at)
	     SELECT CONCAT('b', @run, 'x', LPAD(seq, 11, '0')), UNHEX(SHA2(CONCAT('bench', @run, '-', seq), 256)),
	       'bench@bench.crowdcart.test', 'offline', UTC_TIMESTAMP() - INTERVAL (seq MOD (29 * 86400)) SECOND
	     FROM seq_1_to_$((orders - have));
	   INSERT INTO orders (number, checkout_id, brand_id, status, email, ship_name, ship_line1, ship_city, ship_postal,
	       ship_country, currency, subtotal, shipping, tax, total, payment_provider, created_at, updated_at, paid_at)
	     SELECT LPAD(c.id, 20, '0'), c.id, @b, ELT(1 + c.id MOD 10, 'paid', 'paid', 'paid', 'shipped', 'shipped',
	       'delivered', 'delivered', 'delivered', 'partially_refunded', 'cancelled'), c.email, 'Bench Buyer', '1 Load St',
	       'London', 'N1 7AA', 'GB', 'USD', 2000, 0, 0, 2000, 'offline', c.created_at, c.created_at, c.created_at
	     FROM checkouts c LEFT JOIN orders o ON o.checkout_id = c.id
	     WHERE c.email = 'bench@bench.crowdcart.test' AND o.id IS NULL;
	   CREATE TEMPORARY TABLE bench_products AS
	     SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS k, id, title, price_min FROM products WHERE brand_id = @b AND status = 'active';
	   SET @np = (SELECT COUNT(*) FROM bench_products);
	   INSERT INTO order_lines (order_id, product_id, title, unit_price, quantity, line_total)
	     SELECT o.id, p.id, p.title, p.price_min, 1 + o.id MOD 3, p.price_min * (1 + o.id MOD 3)
	     FROM orders o JOIN bench_products p ON p.k = FLOOR(SQRT(o.id MOD (@np * @np)))
	     WHERE o.email = 'bench@bench.crowdcart.test' AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)
	   UNION ALL
	     SELECT o.id, p.id, p.title, p.price_min, 1, p.price_min
	     FROM orders o JOIN bench_products p ON p.k = (o.id * 7) MOD @np
	     WHERE o.email = 'bench@bench.crowdcart.test' AND o.id MOD 2 = 0
	       AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id);
	   ANALYZE TABLE orders, order_lines, products;" >/dev/null
fi
window=$(q "SELECT COUNT(*) FROM orders WHERE created_at >= UTC_TIMESTAMP() - INTERVAL 30 DAY")
lines=$(q "SELECT COUNT(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.created_at >= UTC_TIMESTAMP() - INTERVAL 30 DAY")

# Where best sellers are counted ahead of time: one recount now, asked for as any worker would.
recount="(none: this tree sums the orders on every evaluation)"
if [[ -n $(q "SHOW TABLES LIKE 'refresh_leases'") ]]; then
	q "UPDATE refresh_leases SET next_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE name = 'best_sellers'"
	claims=$(q "SELECT claims FROM refresh_leases WHERE name = 'best_sellers'")
	for ((i = 0; i < 600; i++)); do
		curl -fsS -o /dev/null "$base/_ping"
		[[ $(q "SELECT COUNT(*) FROM refresh_leases l JOIN sales_windows w ON w.days = 30 AND w.refreshed_at >= l.claimed_at
			WHERE l.name = 'best_sellers' AND l.claims > $claims") == 1 ]] && break
		sleep 0.1
	done
	recount=$(grep 'best sellers:' "$log" | tail -n 1)
fi

page=/p/northwind/$(q "SELECT p.handle FROM products p JOIN brands b ON b.id = p.brand_id
	WHERE b.slug = 'northwind' AND p.status = 'active' ORDER BY p.id LIMIT 1")

# "median p90" of numbers on stdin, one a line.
stats() { sort -n | awk '{ v[NR] = $1 } END { printf "%.2f %.2f", v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)] }'; }

# Views of the page one after the other: the shop's own time (its log, in ms) and curl's.
views() {
	local i client
	for ((i = 0; i < 5; i++)); do curl -fsS -o /dev/null "$base$page"; done
	client=$(for ((i = 0; i < reqs; i++)); do curl -fsS -o /dev/null -w '%{time_total}\n' "$base$page"; done |
		awk '{ print $1 * 1000 }' | stats)
	sleep 0.2	# the log line is written after the response
	server=$(grep -F "shop GET $page 200 " "$log" | tail -n "$reqs" | sed 's/.* \([0-9]*\)us$/\1/' | awk '{ print $1 / 1000 }' | stats)
	printf '%-28s %8s %8s %10s %8s\n' "$1" $server $client
}

echo "crowdcart showcase benchmark: $(nproc) cores, $(date -u +%FT%TZ), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), lighttpd, cache off"
echo "orders in the 30-day window: $window ($lines lines); page: $page; $reqs sequential views each"
echo "recount: $recount"
printf '%-28s %8s %8s %10s %8s\n' "product page" "shop ms" "p90" "client ms" "p90"
views "with Best sellers (30 d)"
q "UPDATE showcases SET slot = NULL WHERE title = 'Best sellers'"
views "without a showcase"
q "UPDATE showcases SET slot = 1 WHERE title = 'Best sellers'"

# One view with every statement in the slow log: the showcase statement's rows and plan.
slow=$(cd "$VAR/log" && pwd)/bench-slow.log
rm -f "$slow"
q "SET GLOBAL slow_query_log_file = '$slow', log_slow_verbosity = 'query_plan,explain', long_query_time = 0, slow_query_log = 1"
# The workers' connections keep the threshold they opened with: new workers, new connections.
scripts/web.sh stop >/dev/null
scripts/web.sh start lighttpd >/dev/null
curl -fsS -o /dev/null "$base$page"
sleep 0.2
q "SET GLOBAL slow_query_log = 0, long_query_time = 10"
echo "the showcase statement in the slow log:"
awk '/^# (Time|User@Host):/ { if (blk ~ /FROM products p JOIN brands b/ && blk ~ /THEN p.created_at END DESC/) print blk; blk = "" } { blk = blk $0 "\n" }
	END { if (blk ~ /FROM products p JOIN brands b/ && blk ~ /THEN p.created_at END DESC/) print blk }' "$slow" |
	grep -E '^# (Query_time|Rows_examined|explain)' | sed 's/^/  /'
