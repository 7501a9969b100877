#!/bin/bash
# run.sh: build every libFuzzer harness, replay its kept corpus, then fuzz it for SECONDS.
# usage: [FUZZ_JOBS=N] tests/fuzz/run.sh SECONDS [NAME...]   (NAME like fuzz_kv; default: every tests/fuzz/fuzz_*.c)
# Each harness fuzz_X replays every file in tests/fuzz/corpus/X/ (seeds and regress-* inputs,
# kept forever), then fuzzes a copy of that directory under build-fuzz/fuzz/work/X, so the repo never
# gains files during a run. Crash, timeout and OOM inputs land in build-fuzz/fuzz/crashes/; to keep
# one as a regression input: cp build-fuzz/fuzz/crashes/fuzz_X-crash-HASH tests/fuzz/corpus/X/regress-HASH12
# Prints one "fuzz_X: N passed, N failed" line per harness and a last "fuzz total: N passed,
# N failed" line; exits 1 on any failure. FUZZ_JOBS=N runs N harnesses at once (default 1).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
SECONDS_EACH=${1:?usage: tests/fuzz/run.sh SECONDS [NAME...]}
[[ $SECONDS_EACH =~ ^[0-9]+$ ]] || { echo "run.sh: SECONDS must be a whole number" >&2; exit 2; }
shift
OUT=build-fuzz/fuzz
JOBS=${FUZZ_JOBS:-1}
names=("$@")
[[ ${#names[@]} -gt 0 ]] || names=($(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//'))
start=$(date +%s)
if ! tests/fuzz/build.sh "${names[@]}" >/dev/null; then
	echo "fuzz total: 0 passed, ${#names[@]} failed (build)"
	exit 1
fi
mkdir -p $OUT/crashes $OUT/logs $OUT/work

# Small limits keep a 30 s run meaningful: a slow or huge input is a finding too.
OPTS=(-timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1)

# fuzz_one NAME: replay, then fuzz; writes its one result line to build-fuzz/fuzz/logs/NAME.result.
fuzz_one() {
	local n=$1 corpus=tests/fuzz/corpus/${1#fuzz_} work=$OUT/work/${1#fuzz_} log=$OUT/logs/$1.log
	local pass=0 fail=0 files=() f execs
	: >"$log"
	for f in "$corpus"/*; do [[ -f $f ]] && files+=("$f"); done
	# One process replays them all; only when it fails is each file run alone to name the culprits.
	if ((${#files[@]})) && $OUT/$n "${OPTS[@]}" -artifact_prefix=$OUT/crashes/$n-replay- "${files[@]}" >>"$log" 2>&1; then
		pass=${#files[@]}
		files=()
	fi
	for f in "${files[@]}"; do
		if $OUT/$n "${OPTS[@]}" -artifact_prefix=$OUT/crashes/$n-replay- "$f" >>"$log" 2>&1; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "$n: regression input $f fails (log: $log)" >&2
		fi
	done
	rm -rf "$work" && mkdir -p "$work"
	[[ ! -d $corpus ]] || cp -R "$corpus/." "$work/"
	if ((SECONDS_EACH > 0)); then
		if $OUT/$n "${OPTS[@]}" -max_total_time="$SECONDS_EACH" -artifact_prefix=$OUT/crashes/$n- \
			"$work" >>"$log" 2>&1; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "$n: fuzzing found a failure (log: $log):" >&2
			grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | tail -n 5 >&2
		fi
	fi
	execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$')
	echo "$n: $pass passed, $fail failed (${execs:-0} execs in ${SECONDS_EACH} s)" >"$OUT/logs/$n.result"
}

for n in "${names[@]}"; do
	rm -f "$OUT/logs/$n.result"
	while (($(jobs -rp | wc -l) >= JOBS)); do wait -n || true; done
	fuzz_one "$n" &
done
wait

total_pass=0 total_fail=0
for n in "${names[@]}"; do
	line=$(cat "$OUT/logs/$n.result" 2>/dev/null) || line="$n: 0 passed, 1 failed (no result)"
	echo "$line"
	[[ $line =~ :\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]
	total_pass=$((total_pass + BASH_REMATCH[1])) total_fail=$((total_fail + BASH_REMATCH[2]))
done
echo "fuzz total: $total_pass passed, $total_fail failed ($(($(date +%s) - start)) s)"
((total_fail == 0))
