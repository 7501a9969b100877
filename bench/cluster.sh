#!/usr/bin/env bash
# cluster.sh: storefront and checkout throughput in one run for (a) one web node on a plain
# MariaDB, (b) one web node on the 3-node Galera cluster and (c) two web nodes on the cluster,
# with the order and stock checks after each; prints one table (make bench-cluster).
# Usage: [SINGLE_PORT=8497 SINGLE_DB_PORT=3497 SINGLE_FCGI_PORT=9497] bench/cluster.sh [buyers per setup]
#        [connections per web node] [wrk seconds] [variants] [rounds]
# Defaults 400 16 5 4 3; the table shows the median of the rounds.
# Storefront: wrk on /@lena (req/s summed over the nodes, p99 the worse node's). Checkout:
# bench/checkout-driver.mjs (cart -> review untimed, then "Place order" timed; buyers split over
# the nodes), each buyer takes one unit of one of [variants] fresh variants of brand 1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
buyers=${1:-400}
conns=${2:-16}
secs=${3:-5}
nvar=${4:-4}
rounds=${5:-3}
export CLUSTER=${CLUSTER:-$root/var/cluster}
for c in wrk node mariadbd; do command -v "$c" >/dev/null || { echo "$c is missing: make deps" >&2; exit 1; }; done
[[ -x bin/crowdcartctl ]] || { echo "bin/crowdcartctl missing: make" >&2; exit 1; }

# The plain-MariaDB stack's ports (env to move them off another stack's): web, web+1, db, fcgi..+2.
sp=${SINGLE_PORT:-8497} sdb=${SINGLE_DB_PORT:-3497} sfcgi=${SINGLE_FCGI_PORT:-9497}
SINGLE=(VAR=$root/var/bench-cluster-single DB_PORT=$sdb PORT=$sp APACHE_PORT=$((sp + 1)) SHOP_FCGI_PORT=$sfcgi
	STUDIO_FCGI_PORT=$((sfcgi + 1)) API_FCGI_PORT=$((sfcgi + 2)))
# db.sh's client against node n of the cluster (same datadir layout, see scripts/cluster.sh).
node_env() { echo "VAR=$CLUSTER/db$1"; }
sql_on() { local e=$1; shift; env $e scripts/db.sh client -N -B -e "$*"; }

cleanup() {
	env "${SINGLE[@]}" scripts/web.sh stop >/dev/null 2>&1 || true
	env "${SINGLE[@]}" scripts/db.sh stop >/dev/null 2>&1 || true
	scripts/cluster.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

# wrk's latency line ("99%   12.34ms") in milliseconds.
p99_ms() { awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
	printf "%.1f", v * (u == "us" ? 0.001 : u == "s" ? 1000 : u == "m" ? 60000 : 1) }'; }

# storefront URL...: wrk on every URL at once; prints "req/s p99".
storefront() {
	local u tmp=() i=0 rps=0 p99=0 r p
	for u in "$@"; do wrk -t1 -c"$conns" -d2s "$u" >/dev/null; done	# warm caches and connections
	for u in "$@"; do
		tmp+=("$(mktemp)")
		wrk -t1 -c"$conns" -d"${secs}s" --latency "$u" >"${tmp[-1]}" &
	done
	wait
	for ((i = 0; i < ${#tmp[@]}; i++)); do
		r=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "${tmp[i]}")
		p=$(p99_ms <"${tmp[i]}")
		rps=$(awk -v a="$rps" -v b="$r" 'BEGIN { printf "%.0f", a + b }')
		p99=$(awk -v a="$p99" -v b="$p" 'BEGIN { print (b > a ? b : a) }')
		rm -f "${tmp[i]}"
	done
	echo "$rps $p99"
}

# checkout ENV BASES: fresh variants, the driver with conns in flight per web node, then the
# checks on every database node given in CHECK_NODES (env strings). Prints "orders/s p99".
checkout() {
	local e=$1 bases=$2 stamp variants='' i v out nodes
	nodes=$(awk -F, '{ print NF }' <<<"$bases")
	stamp=$(date +%s%N)
	for ((i = 0; i < nvar; i++)); do
		v=$(sql_on "$e" "INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
			VALUES (1, 'bench-$stamp-$i', 'Benchmark Mug $i', '', 'active', 1500, 'USD', 1000000);
			SET @p = LAST_INSERT_ID();
			INSERT INTO variants (product_id, position, sku, option1, price, currency, stock)
			VALUES (@p, 1, 'BENCH-$stamp-$i', 'One', 1500, 'USD', 1000000);
			SELECT LAST_INSERT_ID();")
		variants+=${variants:+,}$v
	done
	out=$(env $e node bench/checkout-driver.mjs "$bases" "$buyers" $((conns * nodes)) "$variants") ||
		{ echo "$out" >&2; echo "bench/cluster.sh: the checkout driver failed (above)" >&2; exit 1; }
	echo "$out" | sed 's/^/    /' >&2
	local n check
	for n in $CHECK_NODES; do
		# every acknowledged order once (the driver checked each is stored), one order per
		# checkout, units sold = orders, no stock below zero anywhere
		check=$(sql_on "$n" "SELECT
			(SELECT SUM(1000000 - stock) FROM variants WHERE id IN ($variants)),
			(SELECT COUNT(DISTINCT order_id) FROM order_lines WHERE variant_id IN ($variants)),
			(SELECT COUNT(*) FROM (SELECT o.checkout_id FROM orders o JOIN order_lines l ON l.order_id = o.id
			  WHERE l.variant_id IN ($variants) GROUP BY o.checkout_id HAVING COUNT(DISTINCT o.id) > 1) x),
			(SELECT COUNT(*) FROM variants WHERE stock < 0)")
		if [[ $check != "$buyers	$buyers	0	0" ]]; then
			echo "bench/cluster.sh: check failed on ${n%% *}: sold, orders, checkouts with 2+ orders, negative stock = $check" >&2
			exit 1
		fi
	done
	echo "    checked on $(wc -w <<<"$CHECK_NODES") database node(s): $buyers units sold, $buyers orders, one per checkout, no negative stock" >&2
	sed -n 's/^orders\/s: *\([0-9.]*\).* p99 \([0-9.]*\).*/\1 \2/p' <<<"$out"
}

declare -A R
echo "crowdcart scale-out benchmark: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)," \
	"$rounds round(s) of: $buyers checkouts and ${secs} s of storefront per setup, $conns connections per web node," \
	"$nvar variant(s)" >&2

# Both database set-ups run for the whole benchmark and the rounds take (a), (b), (c) in turn, so
# the other load on this shared machine falls on all three alike; the idle one costs little CPU.
env "${SINGLE[@]}" scripts/db.sh start >/dev/null
env "${SINGLE[@]}" bin/crowdcartctl --conf "$root/var/bench-cluster-single/crowdcart.conf" migrate >/dev/null
env "${SINGLE[@]}" scripts/db.sh grants >/dev/null
env "${SINGLE[@]}" bin/crowdcartctl --conf "$root/var/bench-cluster-single/crowdcart.conf" demo >/dev/null
# The cluster's nodes run with innodb_flush_log_at_trx_commit=2 (durability by replication);
# give the single server the same, so the comparison is of topology, not of fsync policy.
sql_on "${SINGLE[0]}" "SET GLOBAL innodb_flush_log_at_trx_commit = 2" >/dev/null
env "${SINGLE[@]}" scripts/web.sh start lighttpd >/dev/null
# Both web nodes prefer node 1 (one writer, docs/SCALING.md).
scripts/cluster.sh start >/dev/null
all_nodes="$(node_env 1) $(node_env 2) $(node_env 3)"

for ((round = 1; round <= rounds; round++)); do
	echo "round $round: (a) one web node, plain MariaDB" >&2
	R[a_sf]+="$(storefront "http://127.0.0.1:$sp/@lena");"
	R[a_co]+="$(CHECK_NODES=${SINGLE[0]} checkout "${SINGLE[0]}" "http://127.0.0.1:$sp");"
	echo "round $round: (b) one web node, 3-node Galera cluster" >&2
	R[b_sf]+="$(storefront "http://127.0.0.1:8451/@lena");"
	R[b_co]+="$(CHECK_NODES=$all_nodes checkout "$(node_env 1)" "http://127.0.0.1:8451");"
	echo "round $round: (c) two web nodes, 3-node Galera cluster" >&2
	R[c_sf]+="$(storefront "http://127.0.0.1:8451/@lena" "http://127.0.0.1:8452/@lena");"
	R[c_co]+="$(CHECK_NODES=$all_nodes checkout "$(node_env 1)" "http://127.0.0.1:8451,http://127.0.0.1:8452");"
done

# median KEY FIELD: the median over the rounds of field 1 (rate) or 2 (p99) of R[KEY].
median() { tr ';' '\n' <<<"${R[$1]}" | awk -v f="$2" 'NF { print $f }' | sort -g |
	awk '{ v[NR] = $1 } END { printf "%s", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
row() {
	local sf co p sfp cop
	sf=$(median "${1}_sf" 1) sfp=$(median "${1}_sf" 2) co=$(median "${1}_co" 1) cop=$(median "${1}_co" 2)
	printf '| %-32s | %9s | %7s | %5s | %8s | %7s | %5s |\n' "$2" "$sf" "$sfp" "$(ratio "$sf" "$(median a_sf 1)")" \
		"$co" "$cop" "$(ratio "$co" "$(median a_co 1)")"
}
echo
echo "Each round (storefront \"req/s p99-ms;\", checkout \"orders/s p99-ms;\"):"
for k in a b c; do echo "  ($k) storefront ${R[${k}_sf]}  checkout ${R[${k}_co]}"; done
echo "Medians of $rounds round(s):"
echo "| setup | storefront req/s | p99 ms | × (a) | orders/s | p99 ms | × (a) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
row a "(a) 1 web node, plain MariaDB"
row b "(b) 1 web node, 3-node Galera"
row c "(c) 2 web nodes, 3-node Galera"
