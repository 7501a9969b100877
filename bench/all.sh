#!/usr/bin/env bash
# all.sh (`make bench`): issue 26's figures in one run, each script on a stack of its own, one
# after another, so that they share the machine with nothing but each other's leftovers:
#   bench/storefront.sh   /@lena with the kept content, beside /_ping and a static file
#   bench/landing.sh      every landing page type cookieless, rendered on every view
#   bench/large.sh        the same on the generated large shop (when bench/gen-large.sh made it)
#   bench/edge.sh         /@lena behind Apache's mod_cache against a same-size static file
#   bench/dashboard.sh    the brand dashboard of a brand with the large shop's order lines
#   bench/checkout.sh     5,000 guest checkouts with 32 in flight, every one counted after
# Each prints its own load averages; record them with the figures (docs/BENCHMARKS.md).
# Usage: bench/all.sh [seconds per wrk run]
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
secs=${1:-10}
failed=0
step() {
	echo
	echo "==== $* ($(date -u +%T), load average $(cut -d' ' -f1-3 /proc/loadavg))"
	"$@"
	local rc=$?
	if [[ $rc == 2 ]]; then
		echo "(skipped)"
	elif [[ $rc != 0 ]]; then
		echo "FAILED: $* exited $rc"
		failed=1
	fi
}
step bench/storefront.sh "$secs"
step bench/landing.sh "$secs"
step bench/large.sh "$secs"
step bench/edge.sh "$secs"
[[ ! -d var/bench-large/db ]] || DB_BUFFER_POOL=4G step bench/dashboard.sh
step bench/checkout.sh 5000 32 20
exit $failed
