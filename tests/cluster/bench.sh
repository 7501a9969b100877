#!/usr/bin/env bash
# bench.sh: storefront throughput through one web node and through both, in one run, against the running cluster.
# Usage: scripts/cluster.sh start; tests/cluster/bench.sh [seconds] [connections per node]
set -euo pipefail
secs=${1:-5}
conns=${2:-16}
A=http://127.0.0.1:${WEB_A_PORT:-8451}/@lena
B=http://127.0.0.1:${WEB_B_PORT:-8452}/@lena
command -v wrk >/dev/null || { echo "wrk is missing: make deps" >&2; exit 1; }

rps() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p'; }

# Warm-up fills both nodes' workers' catalog caches and connections.
wrk -t1 -c"$conns" -d2s "$A" >/dev/null
wrk -t1 -c"$conns" -d2s "$B" >/dev/null
one=$(wrk -t1 -c"$conns" -d"${secs}s" "$A" | rps)
tmp=$(mktemp)
wrk -t1 -c"$conns" -d"${secs}s" "$B" >"$tmp" &
two_a=$(wrk -t1 -c"$conns" -d"${secs}s" "$A" | rps)
wait
two_b=$(rps <"$tmp")
rm -f "$tmp"
echo "storefront /@lena, $conns connections per web node, ${secs} s each, $(nproc) cores shared by everything:"
echo "  one web node:  $one req/s"
echo "  two web nodes: $(awk -v a="$two_a" -v b="$two_b" 'BEGIN { printf "%.2f", a + b }') req/s ($two_a + $two_b)"
