#!/usr/bin/env bash
# checkout_stripe.sh: guest checkouts per second paid with Stripe, against the provider simulator
# (tests/sim/payments), through lighttpd and the real MariaDB (not part of make test). Each "Place
# order" writes the orders and then creates a Checkout Session at the simulator over HTTP; the
# same run measures /_ping for the ratio, then pays every session (the simulator's signed webhook
# settles each order) and checks all are paid. The machine's load average is printed with the
# figures: on a shared machine the ratio is what to compare.
# Usage: TEST_PORT_BASE=N bench/checkout_stripe.sh [buyers] [concurrency]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
buyers=${1:-300}
conns=${2:-8}
. tests/private-stack.sh bench-stripe 60 || exit 1
v=$(scripts/db.sh client -N -B -e "
	INSERT INTO products (brand_id, handle, title, description_html, status, price_min, currency, stock_total)
	  VALUES (1, 'bench-stripe-$(date +%s)', 'Benchmark Mug', '', 'active', 1500, 'USD', 1000000);
	SET @p = LAST_INSERT_ID();
	INSERT INTO variants (product_id, position, sku, option1, price, currency, stock)
	  VALUES (@p, 1, 'BENCH-STRIPE', 'One', 1500, 'USD', 1000000);
	SELECT LAST_INSERT_ID();")
echo "crowdcart checkout with Stripe (simulator): $(nproc) cores, $(date -u +%FT%TZ), lighttpd, $buyers buyers, $conns in flight, load average $(cut -d' ' -f1-3 /proc/loadavg)"
node bench/checkout-stripe-driver.mjs "$BASE_URL" "http://127.0.0.1:$SIM_PORT" "$buyers" "$conns" "$v"
