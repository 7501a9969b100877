#!/usr/bin/env bash
# asan-stack.sh: the FastCGI programs built with ASan+UBSan, a stack (MariaDB + lighttpd) that runs them, and the HTTP suite against it.
# usage: [VAR=var/asan DB_PORT=3387 PORT=8087 SIM_PORT=8086] scripts/asan-stack.sh build|start|stop|test [node --test args...]
# build: the Makefile's ASan flavour (make asan-build): programs in build-asan/cgi-bin/ (cgi-bin/ is never touched).
# test:  build, fresh database, start, `node --test tests/http/` (or the given files), stop, and
#        fail if the suite failed or any sanitizer report was written under $VAR/log/asan/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export ROOT VAR=${VAR:-var/asan} DB_PORT=${DB_PORT:-3387} PORT=${PORT:-8087} SIM_PORT=${SIM_PORT:-8086}
[[ $VAR == /* ]] || VAR=$ROOT/$VAR
BIN=build-asan/cgi-bin
LOG=$VAR/log
ASAN_LOG=$LOG/asan
# Leaks off: workers leave through _exit, so everything still allocated would be reported.
ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=0:log_path=$ASAN_LOG/asan"
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$ASAN_LOG/ubsan"

die() { echo "asan-stack.sh: $*" >&2; exit 1; }

cmd_build() {
	make -s asan-build
	echo "built $BIN/{shop,studio,api}.fcgi with ASan+UBSan"
}

# The lighttpd site of web.sh, with the programs from $BIN and the sanitizer options in their environment.
render_conf() {
	FCGI_BIN=$ROOT/$BIN scripts/web.sh render lighttpd "$VAR/lighttpd-asan.conf.tmp"
	sed -e "s|\"CROWDCART_CONF\" => \"\([^\"]*\)\"|\"CROWDCART_CONF\" => \"\1\", \"ASAN_OPTIONS\" => \"$ASAN_OPTIONS\", \"UBSAN_OPTIONS\" => \"$UBSAN_OPTIONS\"|" \
		"$VAR/lighttpd-asan.conf.tmp" >"$VAR/lighttpd-asan.conf"
	rm -f "$VAR/lighttpd-asan.conf.tmp"
	lighttpd -tt -f "$VAR/lighttpd-asan.conf" >/dev/null || die "lighttpd rejects $VAR/lighttpd-asan.conf"
}

cmd_start() {
	[[ -x $BIN/shop.fcgi ]] || die "$BIN/shop.fcgi missing: run $0 build"
	[[ -x bin/crowdcartctl ]] || die "bin/crowdcartctl missing: run make"
	mkdir -p "$LOG" "$ASAN_LOG" "$VAR/run"
	scripts/db.sh start
	# Started as root, the workers become run_as_user (src/lib/sandbox.c) before any report.
	((EUID != 0)) || chown "$(sed -n 's/^run_as_user = //p' "$VAR/crowdcart.conf"):" "$ASAN_LOG"
	bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
	scripts/db.sh grants >/dev/null
	bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
	# The payment provider simulator, which scripts/db.sh pointed the config at (SIM_PORT).
	tests/sim/payments/sim.sh start
	render_conf
	rm -f "$VAR"/run/shop.sock* "$VAR"/run/studio.sock* "$VAR"/run/api.sock*
	lighttpd -f "$VAR/lighttpd-asan.conf" || die "lighttpd failed to start"
	local i code
	for ((i = 0; i < 60; i++)); do
		code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/login" || true)
		[[ $code == 200 ]] && { echo "ASan stack up on http://127.0.0.1:$PORT/ (reports in $ASAN_LOG)"; return; }
		sleep 0.5
	done
	tail -n 20 "$LOG/lighttpd-error.log" "$LOG/lighttpd-fcgi.log" >&2 || true
	die "the ASan stack did not answer on port $PORT"
}

# web.sh's stop handles lighttpd and its spawned programs' process group.
cmd_stop() {
	tests/sim/payments/sim.sh stop || true
	scripts/web.sh stop || true
	scripts/db.sh stop || true
}

# Every sanitizer report, or nothing; the programs' stderr is checked too in case log_path failed.
reports() {
	find "$ASAN_LOG" -type f -size +0 2>/dev/null
	grep -lE 'AddressSanitizer|runtime error:|LeakSanitizer' "$LOG/lighttpd-fcgi.log" 2>/dev/null || true
}

cmd_test() {
	local rc=0 found
	cmd_build
	cmd_stop >/dev/null 2>&1
	rm -rf "$VAR"
	mkdir -p "$LOG" "$ASAN_LOG"
	cmd_start
	(($#)) || set -- tests/http/
	SERVER=lighttpd BASE_URL="http://127.0.0.1:$PORT" node --test "$@" || rc=$?
	cmd_stop >/dev/null 2>&1
	found=$(reports)
	if [[ -n $found ]]; then
		echo "asan-stack.sh: sanitizer reports:" >&2
		for f in $found; do echo "---- $f" >&2; grep -E -A25 'ERROR|runtime error' "$f" | head -n 60 >&2; done
		rc=1
	else
		echo "asan-stack.sh: no sanitizer reports"
	fi
	return $rc
}

case "${1:-}" in
build) cmd_build ;;
start) cmd_start ;;
stop) cmd_stop ;;
test) shift; cmd_test "$@" ;;
*) die "usage: $0 build|start|stop|test [node --test args...]" ;;
esac
