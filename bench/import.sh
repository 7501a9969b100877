#!/usr/bin/env bash
# import.sh: the catalog importer against MariaDB's own LOAD DATA (not part of make test).
# Generates a Shopify CSV of N products x 3 variants (default 100,000 products, 300,000 rows),
# imports it into a fresh brand with crowdcartctl (rows/s and peak RSS from /usr/bin/time -v),
# then LOAD DATAs the same catalog into scratch copies of the catalog tables, the physical
# ceiling, and prints the ratio. Usage: bench/import.sh [products]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-100000}
export VAR=${VAR:-var/bench-import} DB_PORT=${DB_PORT:-3497}
command -v node >/dev/null || { echo "node is missing: make deps" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
conf=$VAR/crowdcart.conf

scripts/db.sh start >/dev/null
bin/crowdcartctl --conf "$conf" migrate >/dev/null
scripts/db.sh grants >/dev/null
trap '[[ ${KEEP_DB:-} ]] || scripts/db.sh stop >/dev/null 2>&1 || true' EXIT

work=$(mktemp -d)
trap 'rm -rf "$work"; [[ ${KEEP_DB:-} ]] || scripts/db.sh stop >/dev/null 2>&1 || true' EXIT
echo "generating $n products ($((n * 3)) rows)..."
node bench/gen-shopify.mjs "$n" "$work"
ls -l "$work/shopify.csv" | awk '{ printf "shopify.csv: %.1f MB\n", $5 / 1e6 }'

slug=bench-$(date +%s)
scripts/db.sh client -e "INSERT INTO brands (slug, name, description) VALUES ('$slug', 'Bench $slug', '')"
/usr/bin/time -v -o "$work/time.txt" bin/crowdcartctl --conf "$conf" import --brand "$slug" --format shopify \
	"$work/shopify.csv" | sed 's/^/  /'
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time.txt")
rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")

# The ceiling: the same rows straight into scratch copies of the tables (indexes, no foreign
# keys), in one LOAD DATA per table.
ld_start=$(date +%s.%N)
scripts/db.sh client --local-infile=1 <<SQL
DROP TABLE IF EXISTS bench_products, bench_variants, bench_images, bench_options;
CREATE TABLE bench_products LIKE products;
CREATE TABLE bench_variants LIKE variants;
CREATE TABLE bench_images LIKE product_images;
CREATE TABLE bench_options LIKE product_options;
LOAD DATA LOCAL INFILE '$work/ld_products.tsv' INTO TABLE bench_products
  (id, brand_id, handle, title, description_html, product_type, vendor, tags, status, price_min, currency, stock_total);
LOAD DATA LOCAL INFILE '$work/ld_variants.tsv' INTO TABLE bench_variants
  (product_id, position, sku, option1, price, currency, stock, inventory_policy);
LOAD DATA LOCAL INFILE '$work/ld_images.tsv' INTO TABLE bench_images (product_id, position, url, alt);
LOAD DATA LOCAL INFILE '$work/ld_options.tsv' INTO TABLE bench_options (product_id, position, name);
SQL
ld_end=$(date +%s.%N)
scripts/db.sh client -e "DROP TABLE bench_products, bench_variants, bench_images, bench_options"

awk -v n="$n" -v s="$secs" -v a="$ld_start" -v b="$ld_end" -v rss="$rss" 'BEGIN {
	rows = n * 3; ld = b - a
	printf "importer:  %d rows in %.1f s = %.0f rows/s, peak RSS %.1f MB\n", rows, s, rows / s, rss / 1024
	printf "LOAD DATA: %d rows in %.1f s = %.0f rows/s (the ceiling)\n", rows, ld, rows / ld
	printf "ratio:     %.1fx LOAD DATA (goal: within 4x)\n", s / ld
}'
