#!/usr/bin/env bash
# compare.sh: this tree against another revision in one run, for a change that must not cost speed:
# the storefront benchmark of each, alternated (A B A B) so that a shared machine's drift hits both
# alike, then callgrind's instructions per view of a page in each (which do not drift at all).
# The other revision is built in build/compare-base (a git worktree). Prints the load average
# before each round. Usage: [ROUNDS=2] bench/compare.sh REV [seconds] [path for callgrind, default /@lena]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rev=${1:?usage: bench/compare.sh REV [seconds] [path]}
secs=${2:-10}
path=${3:-/@lena}
base=$root/build/compare-base
export VAR=var/bench

if [[ -d $base ]]; then
	git -C "$base" checkout -q --detach "$rev"
else
	git worktree add -q --detach "$base" "$rev"
fi
make -s -j2 all
make -C "$base" -s -j2 all
name() { git -C "$1" rev-parse --short HEAD; }

for round in $(seq 1 "${ROUNDS:-2}"); do
	for tree in "$root" "$base"; do
		echo "== $(name "$tree") round $round, load average $(cut -d' ' -f1-3 /proc/loadavg)"
		(cd "$tree" && bench/storefront.sh "$secs") | grep -E '^(static|ping|storefront) |/ ping'
	done
done

# callgrind needs a running stack of the tree it measures; this one, then the other.
for tree in "$root" "$base"; do
	(
		cd "$tree"
		trap 'scripts/web.sh stop >/dev/null 2>&1 || true; scripts/db.sh stop >/dev/null 2>&1 || true' EXIT
		{ scripts/db.sh start && bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate &&
			scripts/db.sh grants && bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo &&
			scripts/web.sh start lighttpd; } >/dev/null
		echo "== $(name "$tree") callgrind, content kept: $(CACHE_TTL_MS=60000 VAR=$PWD/$VAR "$root"/bench/callgrind.sh "$path" 100)"
		echo "== $(name "$tree") callgrind, rendered every view: $(CACHE_TTL_MS=0 VAR=$PWD/$VAR "$root"/bench/callgrind.sh "$path" 100)"
	)
done
