#!/usr/bin/env bash
# web.sh: start/stop crowdcart behind lighttpd (spawns the FastCGI programs) and/or Apache (proxies to standalone daemons).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VAR=${VAR:-var}
[[ $VAR == /* ]] || VAR=$ROOT/$VAR
PORT=${PORT:-8080}
APACHE_PORT=${APACHE_PORT:-8081}
# The edge cache in front of the Apache site (apache/cache.conf.in), on a port of its own so the
# suites that test the site itself never see a kept page.
EDGE_PORT=${EDGE_PORT:-$((APACHE_PORT + 2))}
SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9001}
STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9002}
API_FCGI_PORT=${API_FCGI_PORT:-$((STUDIO_FCGI_PORT + 1))}
CONF=$VAR/crowdcart.conf
RUN=$VAR/run
LOG=$VAR/log
# Unix socket paths must fit in 107 bytes (lighttpd appends "-0"); a deep checkout gets a short dir in /tmp.
# Where the FastCGI programs are (scripts/asan-stack.sh points it at its sanitizer build).
FCGI_BIN=${FCGI_BIN:-$ROOT/cgi-bin}
SOCKDIR=$RUN
if ((${#SOCKDIR} > 90)); then
	SOCKDIR=/tmp/crowdcart-$(printf '%s' "$VAR" | cksum | cut -d' ' -f1)
fi
# Apache's workers run as www-data; when they cannot read the checkout, static/ is served from here.
STATIC_COPY=/tmp/crowdcart-static-$(printf '%s' "$VAR" | cksum | cut -d' ' -f1)
# The edge cache's directory (and its lock directory beside it), written by Apache's workers:
# under VAR, or under /tmp when www-data cannot reach VAR.
EDGE_CACHE=$VAR/edge-cache
if ((EUID == 0)) && ! runuser -u www-data -- test -x "$VAR" 2>/dev/null; then
	EDGE_CACHE=/tmp/crowdcart-edge-$(printf '%s' "$VAR" | cksum | cut -d' ' -f1)
fi

# Pid files of what this run started, stopped again if start fails half-way.
STARTED=()
die() {
	local p
	echo "web.sh: $*" >&2
	for p in "${STARTED[@]}"; do stop_pid "$p"; done
	exit 1
}

# Running and not a zombie: PID 1 here reaps orphans lazily, and kill -0 succeeds on zombies.
proc_alive() {
	local st
	st=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $st != Z* ]]
}

pid_alive() {
	local pid
	[[ -s $1 ]] && pid=$(<"$1") && [[ $pid =~ ^[0-9]+$ ]] && proc_alive "$pid"
}

http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$1$2" || true; }
http_up() { [[ $(http_status "$1" /static/) != 000 ]]; }

# Both programs must answer through the server: a gateway error (lighttpd says 503 when
# its backend died) or the app's own 503 (no database, missing grants) fails the start,
# so `make run`/`make test` stop at the cause instead of serving error pages.
app_ok() {
	local path code
	for path in / /login; do
		code=$(http_status "$1" "$path")
		[[ $code != 000 && $code != 502 && $code != 503 && $code != 504 ]] || { echo "GET $path: $code"; return 1; }
	done
}

# check_app PORT WHAT LOG...: after the port answers, give the programs 10 s to answer too.
check_app() {
	local port=$1 what=$2 i out
	shift 2
	for ((i = 0; i < 20; i++)); do
		out=$(app_ok "$port") && return
		sleep 0.5
	done
	tail -n 20 "$@" >&2 2>/dev/null || true
	die "$what is up on port $port but the application is not ($out; logs: $*)"
}

tcp_up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for CHECK PORT PIDFILE WHAT LOG...: poll for 30 s, give up early if the process died.
wait_for() {
	local check=$1 port=$2 pidf=$3 what=$4 i
	shift 4
	for ((i = 0; i < 60; i++)); do
		"$check" "$port" && return
		pid_alive "$pidf" || { sleep 0.5; "$check" "$port" && return; break; }
		sleep 0.5
	done
	tail -n 20 "$@" >&2 2>/dev/null || true
	die "$what did not come up on port $port (logs: $*)"
}

sed_escape() { printf '%s' "$1" | sed -e 's/[|&\\]/\\&/g'; }

# fill TEMPLATE PORT STATIC: the template on stdout with the placeholders documented at its top
# filled in for this stack. "#spawn " lines become live: here lighttpd starts the programs itself.
fill() {
	# Comment lines keep their placeholders so the generated file still explains itself.
	sed -e 's/^\([[:space:]]*\)#spawn /\1/' \
		-e "/^[[:space:]]*#/!{s|@ROOT@|$(sed_escape "$ROOT")|g; s|@VAR@|$(sed_escape "$VAR")|g
		s|@STATIC@|$(sed_escape "$3")|g; s|@SOCK@|$(sed_escape "$SOCKDIR")|g
		s|@MEDIA@|$(sed_escape "$VAR/media")|g; s|@BIN@|$(sed_escape "$FCGI_BIN")|g
		s|@CONF@|$(sed_escape "$CONF")|g; s|@PORT@|$2|g; s|@SITE@|$(sed_escape "$VAR/apache-site.conf")|g
		s|@SHOP_FCGI@|fcgi://127.0.0.1:$SHOP_FCGI_PORT|g; s|@STUDIO_FCGI@|fcgi://127.0.0.1:$STUDIO_FCGI_PORT|g
		s|@API_FCGI@|fcgi://127.0.0.1:$API_FCGI_PORT|g
		s|@EDGE_PORT@|$EDGE_PORT|g; s|@CACHE_DIR@|$(sed_escape "$EDGE_CACHE")|g; s|@EDGE@|$(sed_escape "$VAR/apache-edge.conf")|g
		}" "$1" |
		if [[ -x $FCGI_BIN/api.fcgi ]]; then cat; else sed '/^[[:space:]]*# BEGIN api/,/^[[:space:]]*# END api/d'; fi
}

# render SERVER OUT PORT STATIC: the private whole-server configuration, built around the same
# site file `make install` puts into the server's own configuration (lighttpd/crowdcart.conf.in,
# apache/crowdcart.conf.in): lighttpd's appended to the wrapper, Apache's Included from it.
render() {
	case $1 in
	lighttpd)
		{ fill "$ROOT/lighttpd/private.conf.in" "$3" "$4"; fill "$ROOT/lighttpd/crowdcart.conf.in" "$3" "$4"; } >"$2.tmp" ;;
	apache)
		fill "$ROOT/apache/crowdcart.conf.in" "$3" "$4" >"$VAR/apache-site.conf"
		fill "$ROOT/apache/cache.conf.in" "$3" "$4" >"$VAR/apache-edge.conf"
		# A fresh cache per start: a kept page from an earlier run would answer for a new one.
		rm -rf "$EDGE_CACHE" "$EDGE_CACHE-lock"
		mkdir -p "$EDGE_CACHE" "$EDGE_CACHE-lock"
		((EUID != 0)) || chown www-data: "$EDGE_CACHE" "$EDGE_CACHE-lock"
		fill "$ROOT/apache/private.conf.in" "$3" "$4" >"$2.tmp" ;;
	esac
	mv "$2.tmp" "$2"
}

preflight() {
	[[ -s $CONF ]] || die "$CONF missing: run scripts/db.sh start first (VAR=$VAR)"
	local p
	for p in shop studio; do
		[[ -x $ROOT/cgi-bin/$p.fcgi ]] || die "$ROOT/cgi-bin/$p.fcgi missing: run make"
	done
	mkdir -p "$RUN" "$LOG" "$SOCKDIR"
}

start_lighttpd() {
	local pidf=$RUN/lighttpd.pid out
	if pid_alive "$pidf"; then
		wait_for http_up "$PORT" "$pidf" lighttpd "$LOG/lighttpd-error.log"
		return
	fi
	rm -f "$pidf" "$SOCKDIR"/shop.sock* "$SOCKDIR"/studio.sock* "$SOCKDIR"/api.sock*
	render lighttpd "$VAR/lighttpd.conf" "$PORT" "$ROOT/static"
	out=$(lighttpd -tt -f "$VAR/lighttpd.conf" 2>&1) || die "lighttpd rejects $VAR/lighttpd.conf: $out"
	# lighttpd daemonises itself and spawns both programs (bin-path) before it forks.
	STARTED+=("$pidf")
	if ! out=$(lighttpd -f "$VAR/lighttpd.conf" 2>&1); then
		echo "$out" >&2
		tail -n 30 "$LOG/lighttpd-error.log" "$LOG/lighttpd-fcgi.log" >&2 2>/dev/null || true
		die "lighttpd failed to start"
	fi
	wait_for http_up "$PORT" "$pidf" lighttpd "$LOG/lighttpd-error.log"
	check_app "$PORT" lighttpd "$LOG/lighttpd-error.log" "$LOG/lighttpd-fcgi.log"
}

# start_daemon NAME PORT: a program as a standalone FastCGI daemon for Apache, in its own
# session so stop can signal its preforked workers as one process group.
start_daemon() {
	local pidf=$RUN/$1.pid
	if ! pid_alive "$pidf"; then
		CROWDCART_CONF=$CONF setsid "$ROOT/cgi-bin/$1.fcgi" --listen "127.0.0.1:$2" \
			</dev/null >>"$LOG/$1.log" 2>&1 &
		echo $! >"$pidf"
		STARTED+=("$pidf")
	fi
	wait_for tcp_up "$2" "$pidf" "$1.fcgi" "$LOG/$1.log"
}

# Prints the directory Apache should serve /static/ from.
apache_static() {
	local probe
	probe=$(find "$ROOT/static" -type f -print -quit 2>/dev/null)
	if ((EUID != 0)) || { [[ -n $probe ]] && runuser -u www-data -- test -r "$probe"; }; then
		printf '%s' "$ROOT/static"
		return
	fi
	rm -rf "$STATIC_COPY"
	mkdir -p "$STATIC_COPY"
	cp -R "$ROOT/static/." "$STATIC_COPY/"
	chmod -R a+rX "$STATIC_COPY"
	printf '%s' "$STATIC_COPY"
}

start_apache() {
	local pidf=$RUN/apache.pid static out
	start_daemon shop "$SHOP_FCGI_PORT"
	start_daemon studio "$STUDIO_FCGI_PORT"
	[[ ! -x $ROOT/cgi-bin/api.fcgi ]] || start_daemon api "$API_FCGI_PORT"
	static=$(apache_static)
	if pid_alive "$pidf"; then
		wait_for http_up "$APACHE_PORT" "$pidf" apache "$LOG/apache-error.log"
		return
	fi
	rm -f "$pidf"
	render apache "$VAR/apache.conf" "$APACHE_PORT" "$static"
	out=$(apache2 -t -f "$VAR/apache.conf" 2>&1) || die "apache2 rejects $VAR/apache.conf: $out"
	STARTED+=("$pidf")
	if ! out=$(apache2 -f "$VAR/apache.conf" -k start 2>&1); then
		echo "$out" >&2
		tail -n 30 "$LOG/apache-error.log" >&2 2>/dev/null || true
		die "apache failed to start"
	fi
	wait_for http_up "$APACHE_PORT" "$pidf" apache "$LOG/apache-error.log"
	check_app "$APACHE_PORT" apache "$LOG/apache-error.log" "$LOG/shop.log" "$LOG/studio.log" "$LOG/api.log"
}

# Live (non-zombie) members of process group $1.
group_alive() { ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'; }

# stop_pid PIDFILE: TERM the process and wait (15 s, then KILL); then clear out its process
# group. lighttpd TERMs only the program it spawned, so that program's preforked workers
# would linger, still holding the socket; lighttpd and apache2 daemonise into a group of
# their own and our daemons get one from setsid, so the group holds only what we started.
stop_pid() {
	local pid pgid i
	pid_alive "$1" || { rm -f "$1"; return 0; }
	pid=$(<"$1")
	pgid=$(ps -o pgid= -p "$pid" | tr -d ' ')
	if [[ ! $pgid =~ ^[0-9]+$ ]] || ((pgid <= 1)) || [[ $pgid == "$(ps -o pgid= -p $$ | tr -d ' ')" ]]; then
		pgid=
	fi
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 30; i++)); do
		proc_alive "$pid" || break
		sleep 0.5
	done
	if proc_alive "$pid"; then
		echo "web.sh: $pid from $1 ignored TERM for 15 s; killing it" >&2
		kill -KILL "$pid" 2>/dev/null || true
	fi
	if [[ -n $pgid ]] && group_alive "$pgid"; then
		kill -TERM -- "-$pgid" 2>/dev/null || true
		for ((i = 0; i < 10; i++)); do
			group_alive "$pgid" || break
			sleep 0.5
		done
		kill -KILL -- "-$pgid" 2>/dev/null || true
	fi
	rm -f "$1"
}

cmd_stop() {
	"$ROOT/scripts/stream.sh" stop || true
	stop_pid "$RUN/lighttpd.pid"
	stop_pid "$RUN/apache.pid"
	stop_pid "$RUN/shop.pid"
	stop_pid "$RUN/studio.pid"
	stop_pid "$RUN/api.pid"
	rm -f "$SOCKDIR"/shop.sock* "$SOCKDIR"/studio.sock* "$SOCKDIR"/api.sock*
	rm -rf "$STATIC_COPY"
	[[ $EDGE_CACHE != /tmp/* ]] || rm -rf "$EDGE_CACHE" "$EDGE_CACHE-lock"
	[[ $SOCKDIR == "$RUN" ]] || rmdir "$SOCKDIR" 2>/dev/null || true
}

case "${1:-} ${2:-lighttpd}" in
"start lighttpd") preflight; start_lighttpd; CALLBACK_PORT=$PORT "$ROOT/scripts/stream.sh" start || die "the streaming server failed" ;;
"start apache") preflight; start_apache; CALLBACK_PORT=$APACHE_PORT "$ROOT/scripts/stream.sh" start || die "the streaming server failed" ;;
"start both") preflight; start_lighttpd; start_apache; CALLBACK_PORT=$PORT "$ROOT/scripts/stream.sh" start || die "the streaming server failed" ;;
"render lighttpd" | "render apache") mkdir -p "$RUN"; render "$2" "${3:?render SERVER OUT}" "$PORT" "$ROOT/static" ;;
stop\ *) cmd_stop ;;
*) die "usage: [VAR=var] [PORT=8080] [APACHE_PORT=8081] [SHOP_FCGI_PORT=9001] [STUDIO_FCGI_PORT=9002] [API_FCGI_PORT=9003] $0 start lighttpd|apache|both | stop | render lighttpd|apache OUT" ;;
esac
