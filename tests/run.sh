#!/usr/bin/env bash
# run.sh: what `make test` runs after the build: private services, then every suite, closing on
# "N skipped (...)" and then "N passed, N failed".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# Private ports and state, so a test run never collides with `make run` (var/, 3307, 8080, RTMP
# 1935 and its relay 1936: the test stack's are 1937 and 1938).
# TEST_PORT_BASE moves them all, so two checkouts can run their suites side by side.
base=${TEST_PORT_BASE:-0}
export ROOT VAR=$ROOT/var/test DB_PORT=$((3397 + base)) PORT=$((8097 + base)) APACHE_PORT=$((8098 + base)) \
	SHOP_FCGI_PORT=$((9097 + base)) STUDIO_FCGI_PORT=$((9098 + base)) API_FCGI_PORT=$((9099 + base)) \
	SIM_PORT=$((8096 + base)) RTMP_PORT=$((1937 + base))
LOGS=$VAR/log
CONF=$VAR/crowdcart.conf
# A hung suite must not eat CI's whole budget, but a slow machine must not cut a working one short:
# the HTTP suite took 462 s on CI's machine and over 600 s on a loaded one.
SUITE_TIMEOUT=${SUITE_TIMEOUT:-1200}

passed=0 failed=0 skipped=0
summary=()
suite_start=$(date +%s)

stop_services() {
	scripts/web.sh stop >>"$LOGS/stop.log" 2>&1 || true
	scripts/db.sh stop >>"$LOGS/stop.log" 2>&1 || true
	tests/sim/payments/sim.sh stop >>"$LOGS/stop.log" 2>&1 || true
}
# Silent on purpose: nothing may print after the closing count line.
trap 'mkdir -p "$LOGS"; stop_services' EXIT
trap 'exit 130' INT TERM

# record NAME PASSED FAILED [NOTE]: also the suite's wall time, counted from the last record (or
# from $suite_start when a suite set it itself, as the background fuzz run does).
record() {
	local secs=$(($(date +%s) - suite_start))
	passed=$((passed + $2)) failed=$((failed + $3))
	summary+=("$(printf '%-16s passed %4d  failed %4d  %4d s  %s' "$1" "$2" "$3" "$secs" "${4:-}")")
	echo "== $1: passed $2, failed $3 in $secs s ${4:-}"
	suite_start=$(date +%s)
}

show_log() {
	echo "---- $1 ----"
	cat "$1"
	echo "---- end of $1 ----"
}

# Server logs explain most HTTP failures; show the ends of the ones behind SERVER ($1).
show_server_logs() {
	local f files=("$LOGS"/mysqld.log)
	case $1 in
	lighttpd) files+=("$LOGS"/lighttpd-error.log "$LOGS"/lighttpd-fcgi.log) ;;
	apache) files+=("$LOGS"/apache-error.log "$LOGS"/shop.log "$LOGS"/studio.log) ;;
	*) files+=("$LOGS"/lighttpd-error.log "$LOGS"/lighttpd-fcgi.log "$LOGS"/apache-error.log "$LOGS"/shop.log "$LOGS"/studio.log) ;;
	esac
	for f in "${files[@]}"; do
		[[ -s $f ]] || continue
		echo "---- last lines of $f ----"
		tail -n 20 "$f"
	done
}

# run_check NAME CMD...: a Check binary; its summary reads "100%: Checks: 42, Failures: 0, Errors: 0".
run_check() {
	local name=$1 log=$LOGS/$1.log rc=0 line c f e
	shift
	"$@" >"$log" 2>&1 || rc=$?
	line=$(grep -E 'Checks: [0-9]+, Failures: [0-9]+, Errors: [0-9]+' "$log" | tail -n 1) || true
	if [[ $line =~ Checks:\ ([0-9]+),\ Failures:\ ([0-9]+),\ Errors:\ ([0-9]+) ]]; then
		c=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]} e=${BASH_REMATCH[3]}
		# Exit status catches what the counts miss, e.g. a LeakSanitizer report at exit.
		if ((f + e == 0 && rc != 0)); then
			show_log "$log"
			record "$name" "$c" 1 "(all checks passed but exit status $rc)"
		else
			((f + e == 0)) || show_log "$log"
			record "$name" $((c - f - e)) $((f + e))
		fi
	else
		show_log "$log"
		record "$name" 0 1 "(no Check summary; exit status $rc)"
	fi
}

# run_tap NAME DIR BASE_URL SERVER [FILES AT ONCE]: node's test runner over DIR (node skips
# node_modules). Files run side by side: they are written to be independent (own accounts, and
# lib/dblock.mjs makes the outage test wait for the others), and most of their time is spent
# waiting on the server, so on 2 cores 3 at a time took the HTTP suite from 187 s to 72 s.
run_tap() {
	local name=$1 dir=$2 log=$LOGS/$1.log rc=0 p f c t s note=
	if [[ ! -d $dir ]]; then
		record "$name" 0 0 "(skipped: no $dir)"
		return
	fi
	# Files that take the database for themselves (lib/dblock.mjs, holdExclusive) run first, one at a
	# time, then the rest side by side. Met among the others, each waited for the files beside it to
	# finish while every file started meanwhile waited for it: the suite ran a file at a time for
	# minutes, once per such file. (node sorts the files it is given, so the order is two runs.)
	local exclusive=() rest=()
	mapfile -t exclusive < <(grep -ls holdExclusive "$dir"/*.test.mjs)
	mapfile -t rest < <(grep -Ls holdExclusive "$dir"/*.test.mjs)
	((${#exclusive[@]})) || rest=("$dir/")
	: >"$log"
	if ((${#exclusive[@]})); then
		BASE_URL=$3 SERVER=$4 timeout --kill-after=10 "$SUITE_TIMEOUT" \
			node --test --test-concurrency=1 --test-reporter=tap "${exclusive[@]}" >>"$log" 2>&1 </dev/null || rc=$?
	fi
	BASE_URL=$3 SERVER=$4 timeout --kill-after=10 "$SUITE_TIMEOUT" \
		node --test --test-concurrency="${5:-1}" --test-reporter=tap "${rest[@]}" >>"$log" 2>&1 </dev/null || rc=$?
	# Each run ends with its own counts: added up (empty when no run printed them).
	count() { awk -v k="$1" '$0 ~ "^# " k " [0-9]+$" { n += $3; seen = 1 } END { if (seen) print n }' "$log"; }
	t=$(count tests) p=$(count pass) f=$(count fail) c=$(count cancelled) s=$(count skipped)
	# A skipped test says why (t.skip(reason)): each reason once, with how many it skipped.
	if ((${s:-0} > 0)); then
		skipped=$((skipped + s)) note="($s skipped)"
		sed -n 's/^ *ok [0-9]* - .* # SKIP \(.*\)$/\1/p' "$log" | sort | uniq -c | sed "s/^ */   $name skipped /"
	fi
	if [[ -z $p || -z $f ]]; then
		show_log "$log"
		show_server_logs "$4"
		record "$name" 0 1 "(no TAP counts; exit status $rc$( ((rc == 124)) && echo ", timed out after ${SUITE_TIMEOUT}s"))"
		return
	fi
	f=$((f + ${c:-0}))
	if [[ $t == 0 && $rc == 0 ]]; then
		record "$name" 0 0 "(skipped: no test files in $dir)"
	elif ((f == 0 && rc != 0)); then
		show_log "$log"
		record "$name" "$p" 1 "(exit status $rc) $note"
	else
		((f == 0)) || { show_log "$log"; show_server_logs "$4"; }
		record "$name" "$p" "$f" "$note"
	fi
}

# setup: fresh state each run, so results never depend on what an earlier run left behind.
setup() {
	local log=$LOGS/setup.log
	echo "== setup: MariaDB on $DB_PORT, lighttpd on $PORT, Apache on $APACHE_PORT (state in $VAR)"
	if ! {
		scripts/db.sh start &&
			bin/crowdcartctl --conf "$CONF" migrate &&
			scripts/db.sh grants &&
			bin/crowdcartctl --conf "$CONF" demo &&
			tests/sim/payments/sim.sh start &&
			scripts/web.sh start both
	} >"$log" 2>&1; then
		show_log "$log"
		show_server_logs all
		return 1
	fi
}

mkdir -p "$LOGS"
stop_services
rm -rf "$VAR"
mkdir -p "$LOGS"

services=1
if ! setup; then
	services=0
	record setup 0 1 "(services did not come up; HTTP and browser suites not run)"
else
	summary+=("$(printf '%-16s %29d s' setup $(($(date +%s) - suite_start)))")
	suite_start=$(date +%s)
fi

# Every fuzz harness replays the crash and seed inputs kept under tests/fuzz/corpus/, then fuzzes
# for FUZZ_SECONDS each, two at a time: 5 s, so a run finds more than the seeds do while 26
# harnesses fit beside the unit suites (at 15 s each the HTTP suites waited 216 s for them on CI,
# a tenth of its run; at 30 s, 400 s); tests/fuzz/run.sh SECONDS runs the long version, and
# `make fuzz` five minutes each.
# They run beside the unit, unit-asan and openapi suites, which only count CPU, and are waited for
# before the HTTP suites, whose timing checks (recovery within 2 s...) must not share the machine.
FUZZ_SECONDS=${FUZZ_SECONDS:-5}
fuzz_log=$LOGS/fuzz.log
echo "== fuzz: $FUZZ_SECONDS s per harness, 2 at a time, beside the unit and openapi suites"
fuzz_t0=$(date +%s)
# One sanitiser build for two suites: the fuzz flavour (clang, ASan+UBSan, libFuzzer's coverage
# counters, which the unit tests leave alone) makes the harnesses and the unit tests in one make,
# beside lint and unit; unit-asan then runs that build. gcc's ASan build of the same tree
# (make check-asan, still there) was a third compile: 138 CPU seconds of a 2-core machine.
make --no-print-directory -j2 fuzz-unit-build >"$LOGS/fuzz-build.log" 2>&1 &
fuzz_build_pid=$!

# The project's rules a machine can check (scripts/codecheck.sh): layers, SQL, templates.
if scripts/codecheck.sh >"$LOGS/lint.log" 2>&1; then
	record lint 1 0
else
	show_log "$LOGS/lint.log"
	record lint 0 1
fi

compgen -G 'tests/unit/*.c' >/dev/null && run_check unit build/unit-tests

fuzz_built=1
wait "$fuzz_build_pid" || { fuzz_built=0; show_log "$LOGS/fuzz-build.log"; }
# The harnesses are built: run.sh's own build step finds nothing left to do.
FUZZ_JOBS=2 tests/fuzz/run.sh "$FUZZ_SECONDS" >"$fuzz_log" 2>&1 &
fuzz_pid=$!

if ! compgen -G 'tests/unit/*.c' >/dev/null; then
	record unit 0 0 "(skipped: no tests/unit/*.c)"
elif ((fuzz_built)); then
	run_check unit-asan env ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build-fuzz/unit-tests
else
	record unit-asan 0 1 "(the sanitiser build failed: $LOGS/fuzz-build.log)"
fi

run_tap openapi tests/openapi "" none
# The payment provider simulator's own tests (it runs instances of its own on free ports).
run_tap sim tests/sim/payments "" none
run_tap sim-shopify tests/sim/shopify "" none
run_tap sim-woocommerce tests/sim/woocommerce "" none
run_tap sim-prestashop tests/sim/prestashop "" none

# The worker sandbox (docs/SANDBOX.md): a test-only FastCGI program built on the real worker code,
# on a port of its own and with no web server in front, so it needs none of the services.
if make --no-print-directory -s build/sandbox-probe >"$LOGS/sandbox-build.log" 2>&1; then
	SANDBOX_PROBE_PORT=$((9190 + base)) run_tap sandbox tests/sandbox "" none
else
	show_log "$LOGS/sandbox-build.log"
	record sandbox 0 1 "(build/sandbox-probe did not build)"
fi

# What one uncached view of each page type costs MariaDB, on the demo data as set up: before the
# HTTP suites, which add products, picks and showcases to the demo's brands and creators.
if ((services)); then
	run_tap view-cost tests/viewcost "http://127.0.0.1:$PORT" lighttpd 1
fi

# The fuzz line's time is the fuzz run's own; the next suite's counts from here.
wait "$fuzz_pid" || true
waited_from=$suite_start
suite_start=$fuzz_t0
if [[ $(tail -n 1 "$fuzz_log") =~ ^fuzz\ total:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
	record fuzz "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "(waited $(($(date +%s) - waited_from)) s for it after openapi)"
	((BASH_REMATCH[2] == 0)) || show_log "$fuzz_log"
else
	show_log "$fuzz_log"
	record fuzz 0 1 "(no fuzz summary)"
fi

if ((services)); then
	run_tap http-lighttpd tests/http "http://127.0.0.1:$PORT" lighttpd 3
	run_tap http-apache tests/http "http://127.0.0.1:$APACHE_PORT" apache 3
	run_tap browser tests/browser "http://127.0.0.1:$PORT" lighttpd 2
fi

# Last, because sqlmap and wapiti write into whatever they find (their own throwaway accounts, and
# the demo site's public forms).
if ((services)); then
	scan_log=$LOGS/scan.log
	BASE_URL=http://127.0.0.1:$PORT timeout --kill-after=10 "$SUITE_TIMEOUT" tests/scan/run.sh quick >"$scan_log" 2>&1 </dev/null || true
	if [[ $(tail -n 1 "$scan_log") =~ ^scan\ total:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
		record scan "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
		((BASH_REMATCH[2] == 0)) || show_log "$scan_log"
	else
		show_log "$scan_log"
		record scan 0 1 "(no scan summary)"
	fi
fi

# A worker the seccomp filter killed (docs/SANDBOX.md) means a call missing from an allow-list,
# even where the request it broke was retried or not looked at: the parents log each one.
if ((services)); then
	sigsys=$(cat "$LOGS"/lighttpd-fcgi.log "$LOGS"/shop.log "$LOGS"/studio.log "$LOGS"/api.log 2>/dev/null |
		grep -c 'killed by signal 31' || true)
	if ((sigsys == 0)); then
		record sandbox-logs 1 0
	else
		grep -h 'killed by signal 31' "$LOGS"/*.log | head -n 20
		record sandbox-logs 0 1 "($sigsys workers killed by SIGSYS)"
	fi
fi

# The installation: make install into a DESTDIR and uninstall, the units, the man pages, and the
# installed programs serving behind the installed lighttpd site (its own database, ports + 60);
# then the Debian package built and unpacked into a throwaway root (tests/install/).
for s in install deb; do
	log=$LOGS/$s.log
	timeout --kill-after=10 "$SUITE_TIMEOUT" "tests/install/$s.sh" >"$log" 2>&1 </dev/null || true
	if [[ $(tail -n 1 "$log") =~ ^$s\ total:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
		record "$s" "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
		((BASH_REMATCH[2] == 0)) || show_log "$log"
	else
		show_log "$log"
		record "$s" 0 1 "(no $s summary)"
	fi
done

# The Galera failover test: three mariadbd nodes with galera-4 and two lighttpd web
# nodes of its own (under $VAR/cluster, on ports moved by TEST_PORT_BASE like the rest), a node
# SIGKILLed under checkouts and lead submissions, then every acknowledged order and lead checked
# on every node. It needs none of the services above, so they are stopped first; it runs last so
# that its three nodes do not share the 2 cores with the suites' timing checks.
stop_services
cluster_log=$LOGS/cluster.log
CLUSTER=$VAR/cluster DB_BASE=$((3450 + base)) G_BASE=$((4560 + base)) IST_BASE=$((4570 + base)) \
	SST_BASE=$((4580 + base)) WEB_A_PORT=$((8451 + base)) WEB_B_PORT=$((8452 + base)) \
	timeout --kill-after=10 "$SUITE_TIMEOUT" tests/cluster/run.sh >"$cluster_log" 2>&1 </dev/null || true
p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$cluster_log" | tail -n 1)
f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$cluster_log" | tail -n 1)
if [[ -n $p && -n $f ]]; then
	((f == 0)) || show_log "$cluster_log"
	record cluster "$p" "$f" "($(grep -o 'rejoin [0-9.]* s, by [A-Z]*' "$cluster_log" | head -n 1))"
else
	show_log "$cluster_log"
	record cluster 0 1 "(no TAP counts)"
fi

stop_services
trap - EXIT
echo "== summary (logs in $LOGS)"
printf '   %s\n' "${summary[@]}"
# The last line stays "N passed, N failed" for whatever reads it; skipped tests (missing optional
# fixtures, each with its reason above) on the line before.
echo "$skipped skipped (not run, reasons above; not counted as passed)"
echo "$passed passed, $failed failed"
((failed == 0))
