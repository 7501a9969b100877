#!/usr/bin/env bash
# gen-large.sh: a large shop loaded in bulk beside the demo, to check that a view's cost stays flat
# with the data (bench/view_cost.sh before and after). Every table is filled by INSERT ... SELECT
# from MariaDB's sequence tables (seq_1_to_N), never row by row.
# SCALE multiplies the full size of issue 26: 1,000 brands, 1,000,000 products (one variant and
# one image each, tags from a small vocabulary so tag showcases have candidates), 100,000 creators
# with 120 approved picks each, 10,000,000 order lines over the last year (two lines an order;
# half of them of the demo brand northwind, so its dashboard and best sellers read a big brand).
#   SCALE=0.01 (default, seconds): 10 brands, 10,000 products, 1,000 creators, 100,000 lines
#   SCALE=0.1 (about 2 minutes here): 100 brands, 100,000 products, 10,000 creators, 1,200,000
#     picks, 1,000,000 lines
#   SCALE=1: the full size (about 20 minutes going by SCALE=0.1, several GB; give MariaDB a bigger
#     buffer pool than scripts/db.sh's 128 MB)
# Rows are marked (slugs, handles and emails with "gen") so a second run adds nothing.
# Uses the stack of bench/view_cost.sh (VAR, DB_PORT; started if it is not running).
# Usage: SCALE=0.1 bench/gen-large.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scale=${SCALE:-0.01}
export VAR=${VAR:-var/bench-large} DB_PORT=${DB_PORT:-3487} PORT=${PORT:-8487}
export APACHE_PORT=${APACHE_PORT:-8488} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9487} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9488}

scripts/db.sh start
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants
q() { scripts/db.sh client --batch --skip-column-names -e "$1"; }
[[ -n $(q "SELECT 1 FROM creators WHERE handle = 'lena'") ]] || bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
[[ -z $(q "SELECT 1 FROM brands WHERE slug LIKE 'gen-%' LIMIT 1") ]] || { echo "a generated set is loaded already"; exit 0; }

n() { awk -v s="$scale" -v full="$1" 'BEGIN { v = int(full * s + 0.5); print (v < 1 ? 1 : v) }'; }
brands=$(n 1000) products=$(n 1000000) creators=$(n 100000) lines=$(n 10000000)
per_brand=$(( (products + brands - 1) / brands ))
orders=$(( (lines + 1) / 2 ))
echo "generating (SCALE=$scale): $brands brands, $products products, $creators creators x 120 picks, $lines order lines"
t0=$(date +%s)
step() { local t=$(date +%s); q "$2"; echo "  $1: $(( $(date +%s) - t )) s"; }

# One statement per table; each session skips the checks it does not need for rows it makes whole.
pre="SET SESSION foreign_key_checks = 0, unique_checks = 0;"
step brands "$pre INSERT INTO brands (slug, name, description, currency, approved)
	SELECT CONCAT('gen-', seq), CONCAT('Generated brand ', seq), '', 'USD', 1 FROM seq_1_to_$brands"
step products "$pre SET @b0 = (SELECT MIN(id) FROM brands WHERE slug LIKE 'gen-%');
	INSERT INTO products (brand_id, handle, title, description_html, product_type, tags, status, price_min, currency,
		stock_total, trending_score, created_at)
	SELECT @b0 + (seq - 1) DIV $per_brand, CONCAT('gen-', seq), CONCAT('Generated product ', seq), '<p>Generated.</p>',
		ELT(1 + seq MOD 4, 'Lamp', 'Mug', 'Notebook', 'Chair'),
		CONCAT_WS(', ', ELT(1 + seq MOD 5, 'desk', 'wood', 'kitchen', 'travel', 'gift'), ELT(1 + seq MOD 7, 'oak', 'linen',
			'ceramic', 'steel', 'cotton', 'paper', 'glass')),
		IF(seq MOD 20 = 0, 'archived', 'active'), 500 + seq MOD 20000, 'USD', seq MOD 50, seq MOD 1000,
		UTC_TIMESTAMP() - INTERVAL (seq MOD 365) DAY
	FROM seq_1_to_$products"
step variants "$pre INSERT INTO variants (product_id, position, sku, price, currency, stock)
	SELECT id, 1, CONCAT('GEN-', id), price_min, 'USD', stock_total FROM products WHERE handle LIKE 'gen-%'"
step images "$pre INSERT INTO product_images (product_id, position, url, alt)
	SELECT id, 1, CONCAT('/static/demo/gen-', id MOD 10, '.jpg'), title FROM products WHERE handle LIKE 'gen-%'"
step creators "$pre INSERT INTO creators (handle, display_name, bio)
	SELECT CONCAT('gen', seq), CONCAT('Generated creator ', seq), '' FROM seq_1_to_$creators"
# 120 picks a creator, spread over the catalog (creator c picks products c*7919 + k*8191 apart).
step picks "$pre SET @p0 = (SELECT MIN(id) FROM products WHERE handle LIKE 'gen-%'), @c0 = (SELECT MIN(id) FROM creators WHERE handle LIKE 'gen%');
	INSERT IGNORE INTO picks (creator_id, product_id, commission_bps, status, position)
	SELECT @c0 + c.seq - 1, @p0 + (c.seq * 7919 + k.seq * 8191) MOD $products, 1000, 'approved', k.seq
	FROM seq_1_to_$creators c JOIN seq_1_to_120 k"
# Orders over the last year, two lines each: even orders of northwind, odd ones of generated brands.
step checkouts "$pre SET @run = FLOOR(UNIX_TIMESTAMP(NOW(3)) * 1000);
	INSERT INTO checkouts (public_ref, idem_hash, email, payment_provider, created_at)
	SELECT CONCAT('g', LPAD(seq, 25, '0')), UNHEX(SHA2(CONCAT('gen', @run, '-', seq), 256)), 'gen@bench.crowdcart.test',
		'offline', UTC_TIMESTAMP() - INTERVAL (seq * (365 * 86400 DIV $orders)) SECOND
	FROM seq_1_to_$orders"
step orders "$pre SET @nw = (SELECT id FROM brands WHERE slug = 'northwind'), @b0 = (SELECT MIN(id) FROM brands WHERE slug LIKE 'gen-%');
	INSERT INTO orders (number, checkout_id, brand_id, status, email, ship_name, ship_line1, ship_city, ship_postal,
		ship_country, currency, subtotal, shipping, tax, total, payment_provider, created_at, updated_at, paid_at)
	SELECT CONCAT('G', LPAD(c.id, 19, '0')), c.id, IF(c.id MOD 2 = 0, @nw, @b0 + c.id MOD $brands),
		ELT(1 + c.id MOD 10, 'paid', 'paid', 'paid', 'shipped', 'shipped', 'delivered', 'delivered', 'delivered',
			'partially_refunded', 'cancelled'),
		c.email, 'Bench Buyer', '1 Load St', 'London', 'N1 7AA', 'GB', 'USD', 4000, 0, 0, 4000, 'offline',
		c.created_at, c.created_at, c.created_at
	FROM checkouts c WHERE c.email = 'gen@bench.crowdcart.test'"
# Line k of an order: a product of the order's brand, with a creator for three lines in four.
step order_lines "$pre SET @c0 = (SELECT MIN(id) FROM creators WHERE handle LIKE 'gen%');
	CREATE TEMPORARY TABLE gen_brand_products (brand_id BIGINT UNSIGNED, k INT, product_id BIGINT UNSIGNED, title VARCHAR(255),
		price BIGINT, PRIMARY KEY (brand_id, k)) ENGINE=InnoDB
	SELECT brand_id, ROW_NUMBER() OVER (PARTITION BY brand_id ORDER BY id) - 1 AS k, id AS product_id, title, price_min AS price
	FROM products WHERE status = 'active' AND brand_id IN (SELECT brand_id FROM orders WHERE email = 'gen@bench.crowdcart.test');
	CREATE TEMPORARY TABLE gen_brand_size (brand_id BIGINT UNSIGNED PRIMARY KEY, n INT) ENGINE=InnoDB
	SELECT brand_id, COUNT(*) AS n FROM gen_brand_products GROUP BY brand_id;
	INSERT INTO order_lines (order_id, product_id, title, unit_price, quantity, line_total, creator_id, surface, commission_bps,
		commission_amount, commission_kind)
	SELECT STRAIGHT_JOIN o.id, p.product_id, p.title, p.price, 1, p.price, IF(o.id MOD 4 = 0, NULL, @c0 + o.id MOD $creators),
		IF(o.id MOD 4 = 0, '', 'storefront'), 1000, p.price DIV 10, IF(o.id MOD 4 = 0, '', 'direct')
	FROM orders o JOIN seq_0_to_1 l JOIN gen_brand_size s ON s.brand_id = o.brand_id
	JOIN gen_brand_products p ON p.brand_id = o.brand_id AND p.k = FLOOR(SQRT((o.id * 2 + l.seq) MOD (s.n * s.n)))
	WHERE o.email = 'gen@bench.crowdcart.test'"
step analyze "ANALYZE TABLE brands, products, variants, product_images, creators, picks, checkouts, orders, order_lines" >/dev/null
echo "loaded in $(( $(date +%s) - t0 )) s: $(q "SELECT CONCAT((SELECT COUNT(*) FROM products), ' products, ',
	(SELECT COUNT(*) FROM picks), ' picks, ', (SELECT COUNT(*) FROM order_lines), ' order lines')")"
