#!/usr/bin/env bash
# sync.sh: a connector's full sync against its simulator (not part of make test).
# Starts MariaDB in $VAR and tests/sim/shopify (or, with PLATFORM=woocommerce or prestashop, that
# platform's simulator) on a free port, makes a shop of N products (2 variants and 2 pictures each;
# for Shopify a Plus cost bucket, so the shop's rate limit is not what is measured; for PrestaShop
# a tax rules group on every product, so the page's tax calls are measured too), connects a fresh brand with
# crowdcartctl connect, then runs crowdcartctl worker --once under /usr/bin/time -v until the sync
# is done. Prints products/s and the peak RSS of the worker.
# Usage: [PLATFORM=woocommerce|prestashop] bench/sync.sh [products]   (default 2000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-2000}
platform=${PLATFORM:-shopify}
[[ $platform == shopify || $platform == woocommerce || $platform == prestashop ]] ||
	{ echo "PLATFORM is shopify, woocommerce or prestashop" >&2; exit 2; }
export VAR=${VAR:-var/bench-sync} DB_PORT=${DB_PORT:-3498}
command -v node >/dev/null || { echo "node is missing: make deps" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
mkdir -p "$VAR/log"
scripts/db.sh start >/dev/null
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants >/dev/null
work=$(mktemp -d)
node "tests/sim/$platform/server.mjs" --port 0 >"$work/sim.log" 2>&1 &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null; rm -rf "$work"; [[ ${KEEP_DB:-} ]] || scripts/db.sh stop >/dev/null 2>&1 || true' EXIT
for _ in $(seq 50); do grep -q 'simulator on' "$work/sim.log" && break; sleep 0.1; done
base=$(sed -n 's/^[a-z]* simulator on //p' "$work/sim.log")
[[ $base ]] || { cat "$work/sim.log"; exit 1; }
conf=$work/crowdcart.conf
{ cat "$VAR/crowdcart.conf"; echo "${platform}_api_base = $base"; echo "connector_platforms = $platform"; echo "outbound_allow_private = 127.0.0.0/8"; } >"$conf"
chmod 600 "$conf"

slug=bench-sync-$(date +%s)
scripts/db.sh client -e "INSERT INTO brands (slug, name, description) VALUES ('$slug', 'Bench $slug', '')"
if [[ $platform == shopify ]]; then
	shop=$(curl -sf -X POST "$base/_sim/shops" -d "{\"products\": $n, \"variants\": 2, \"images\": 2, \"bucketMax\": 20000, \"restoreRate\": 1000}")
	domain=$(node -e 'console.log(JSON.parse(process.argv[1]).domain)' "$shop")
	node -e 'const s = JSON.parse(process.argv[1]); console.log(s.token); console.log(s.secret)' "$shop" |
		bin/crowdcartctl --conf "$conf" connect --brand "$slug" --shop "$domain" >/dev/null
elif [[ $platform == prestashop ]]; then
	shop=$(curl -sf -X POST "$base/_sim/shops" -d "{\"products\": $n, \"combinations\": 2, \"images\": 2, \"taxRate\": 20}")
	url=$(node -e 'console.log(JSON.parse(process.argv[1]).url)' "$shop")
	node -e 'console.log(JSON.parse(process.argv[1]).key)' "$shop" |
		bin/crowdcartctl --conf "$conf" connect --brand "$slug" --platform prestashop --shop "$url" >/dev/null
else
	shop=$(curl -sf -X POST "$base/_sim/shops" -d "{\"products\": $n, \"variations\": 2, \"images\": 2}")
	url=$(node -e 'console.log(JSON.parse(process.argv[1]).url)' "$shop")
	node -e 'const s = JSON.parse(process.argv[1]); console.log(s.key); console.log(s.secret); console.log(s.webhookSecret)' "$shop" |
		bin/crowdcartctl --conf "$conf" connect --brand "$slug" --platform woocommerce --shop "$url" >/dev/null
fi

start=$(date +%s.%N)
rss=0
for pass in $(seq 100); do
	/usr/bin/time -v -o "$work/time.txt" bin/crowdcartctl --conf "$conf" worker --once >/dev/null
	r=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
	((r > rss)) && rss=$r
	state=$(scripts/db.sh client -N -e "SELECT c.sync_state FROM connectors c JOIN brands b ON b.id = c.brand_id WHERE b.slug = '$slug'")
	[[ $state == idle ]] && break
done
end=$(date +%s.%N)
result=$(scripts/db.sh client -N -e "SELECT c.last_result FROM connectors c JOIN brands b ON b.id = c.brand_id WHERE b.slug = '$slug'")
echo "result: $result ($pass worker pass(es))"
awk -v n="$n" -v a="$start" -v b="$end" -v rss="$rss" 'BEGIN {
	s = b - a
	printf "full sync: %d products (%d variants, %d pictures) in %.1f s = %.0f products/s, peak RSS %.1f MB\n",
		n, 2 * n, 2 * n, s, n / s, rss / 1024
}'
