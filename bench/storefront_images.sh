#!/usr/bin/env bash
# storefront_images.sh: is a storefront slower once its cards show pictures made by the pipeline
# (docs/IMAGES.md) than while they show the placeholder? wrk through lighttpd against /@lena in one
# run, its picks' first pictures being: the demo's SVG paths; uploads not processed yet (the
# placeholder); the same uploads after `crowdcartctl images` (a <picture> with an AVIF srcset and a
# JPEG fallback per card), the last two alternated ROUNDS times (default 3). Also one 320 px AVIF
# rendition, a static file. Prints the medians of requests/s and p99 of each and the ratios.
# Usage: [ROUNDS=n] [CALLGRIND=1] [ENCODING=gzip] bench/storefront_images.sh [seconds] [connections]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
secs=${1:-10}
conns=${2:-32}
export VAR=${VAR:-var/bench-images} DB_PORT=${DB_PORT:-3496} PORT=${PORT:-8496}
export APACHE_PORT=${APACHE_PORT:-8495} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9496} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9495}
command -v wrk >/dev/null || { echo "wrk is missing: make deps" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg is missing: make deps" >&2; exit 1; }

scripts/db.sh start
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants
bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
scripts/web.sh start lighttpd
sql() { scripts/db.sh client --batch --skip-column-names; }
# The pictures this script adds (also those of a run that was cut short), and their assets.
forget() {
	echo "DELETE FROM image_assets WHERE akey IN (SELECT SUBSTRING(url, 12) FROM product_images WHERE alt = 'Benchmark picture');
		DELETE FROM product_images WHERE alt = 'Benchmark picture'" | sql
}
forget
tmp=$(mktemp -d)
trap 'forget || true; scripts/web.sh stop >/dev/null 2>&1 || true; scripts/db.sh stop >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
base=http://127.0.0.1:$PORT

# "name rps p99_ms" for one URL, after a warm-up that also lets the workers' kept pages expire.
# ENCODING=gzip (or br) asks for compressed pages, as browsers do.
enc=(${ENCODING:+-H "Accept-Encoding: $ENCODING"})
run() {
	wrk -t2 -c"$conns" -d3s "${enc[@]}" "$base$2" >/dev/null
	wrk -t2 -c"$conns" -d"${secs}s" --latency "${enc[@]}" "$base$2" | awk -v name="$1" '
		/Requests\/sec/ { rps = $2 }
		/ 99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } p99 = v }
		/Non-2xx|Socket errors/ { err = err " " $0 }
		END { printf "%s %.0f %.2f%s\n", name, rps, p99, err ? " ERRORS:" err : "" }'
}

echo "crowdcart storefront pictures benchmark: $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), wrk -t2 -c$conns -d${secs}s, lighttpd${ENCODING:+, Accept-Encoding: $ENCODING}"
results=$(run demo /@lena)
echo "demo page: $(curl -fsS "$base/@lena" | wc -c) bytes"

# One picture per picked product (800 x 600, each a different frame), recorded as a pending upload
# and put first among the product's pictures.
products=$(echo "SELECT pk.product_id FROM picks pk JOIN creators c ON c.id = pk.creator_id
	WHERE c.handle = 'lena' AND pk.status = 'approved'" | sql)
n=0
for id in $products; do
	n=$((n + 1))
	ffmpeg -v error -y -f lavfi -i "testsrc2=size=800x600:duration=$((n + 1)):rate=1" -ss "$n" -frames:v 1 -q:v 3 "$tmp/$id.jpg"
	key=$(sha256sum "$tmp/$id.jpg" | cut -c1-32)
	printf "INSERT IGNORE INTO image_assets (akey, status, source, next_attempt_at, created_at) VALUES ('%s', 'pending', FROM_BASE64('%s'), UTC_TIMESTAMP(), UTC_TIMESTAMP());
		INSERT INTO product_images (product_id, position, url, alt) VALUES (%s, 0, '/media/img/%s', 'Benchmark picture');\n" \
		"$key" "$(base64 -w0 "$tmp/$id.jpg")" "$id" "$key" | sql
done
echo "placeholder page: $(curl -fsS "$base/@lena" | wc -c) bytes ($n cards), $(curl -fsS -H 'Accept-Encoding: gzip' "$base/@lena" | wc -c) gzipped"

started=$(date +%s.%N)
bin/crowdcartctl --conf "$VAR/crowdcart.conf" images --once >/dev/null
echo "crowdcartctl images: $n pictures in $(echo "$(date +%s.%N) - $started" | bc) s"
page=$(curl -fsS "$base/@lena")
echo "pipeline page: $(echo "$page" | wc -c) bytes, $(echo "$page" | grep -o 'type="image/avif"' | wc -l) AVIF sources, $(echo "$page" | grep -o 'type="image/webp"' | wc -l) WebP, $(curl -fsS -H 'Accept-Encoding: gzip' "$base/@lena" | wc -c) gzipped"
avif=$(echo "$page" | grep -o '/media/img/[0-9a-f]*-320\.avif' | head -1)

# The two states alternate, ROUNDS times, so the machine's drift falls on both alike: the pictures'
# assets marked pending again (the page then shows the placeholder; no worker runs here) or ready.
state() {
	echo "UPDATE image_assets SET status = '$1' WHERE akey IN (SELECT SUBSTRING(url, 12) FROM product_images
		WHERE alt = 'Benchmark picture')" | sql
}
for ((round = 1; round <= ${ROUNDS:-3}; round++)); do
	state pending
	results+=$'\n'$(run placeholder /@lena)
	state ready
	results+=$'\n'$(run pipeline /@lena)
done
results+=$'\n'$(run avif-320 "$avif")
# CALLGRIND=1: instructions per view in each state (bench/callgrind.sh, kept pages off so every
# view renders the cards: the render path is where the two states differ), which unlike
# requests/s do not move with the machine's load.
if [[ -n ${CALLGRIND:-} ]]; then
	for s in pending ready; do
		state "$s"
		echo "$s: $(KEEP_PAGES=off CACHE_TTL_MS=60000 bench/callgrind.sh /@lena "${CALLGRIND_VIEWS:-50}")"
		# and as served: kept pages on, asked plain and with gzip (the kept parts deflated once, the
		# layout around them per view)
		echo "$s, kept: $(KEEP_PAGES=on CACHE_TTL_MS=60000 ENCODING= bench/callgrind.sh /@lena "${CALLGRIND_VIEWS:-50}")"
		echo "$s, kept, gzip: $(KEEP_PAGES=on CACHE_TTL_MS=60000 ENCODING=gzip bench/callgrind.sh /@lena "${CALLGRIND_VIEWS:-50}")"
	done
fi

echo "$results" | awk '
	{ n[$1]++; rps[$1, n[$1]] = $2; p99[$1, n[$1]] = $3; if ($0 ~ /ERRORS/) err[$1] = 1 }
	function median(a, name, k,   v, i, j, t) {
		for (i = 1; i <= k; i++) v[i] = a[name, i]
		for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
		return v[int((k + 1) / 2)]
	}
	END {
		printf "%-12s %6s %10s %10s   %s\n", "target", "runs", "req/s", "p99 ms", "(medians; each run)"
		split("demo placeholder pipeline avif-320", order, " ")
		for (o = 1; o <= 4; o++) {
			name = order[o]; all = ""
			for (i = 1; i <= n[name]; i++) all = all " " rps[name, i]
			med[name] = median(rps, name, n[name])
			printf "%-12s %6d %10s %10s  %s%s\n", name, n[name], med[name], median(p99, name, n[name]), all, err[name] ? "  (errors, see below)" : ""
		}
		printf "pipeline / placeholder: %.1f%%\n", 100 * med["pipeline"] / med["placeholder"]
		printf "pipeline / demo:        %.1f%%\n", 100 * med["pipeline"] / med["demo"]
	}'
echo "$results" | grep ERRORS || true
