#!/usr/bin/env bash
# stream.sh: start/stop the streaming server of "Going live" (docs/LIVE_STREAMING.md): nginx with
# libnginx-mod-rtmp on loopback, ingest on rtmp_port of crowdcart.conf, HLS into media_dir/live/hls
# and recordings into live_record_dir. CALLBACK_PORT is the web server crowdcart answers on.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VAR=${VAR:-var}
[[ $VAR == /* ]] || VAR=$ROOT/$VAR
CONF=$VAR/crowdcart.conf
RUN=$VAR/run
LOG=$VAR/log
PIDF=$RUN/nginx.pid
MODULE=/usr/lib/nginx/modules/ngx_rtmp_module.so

die() {
	echo "stream.sh: $*" >&2
	exit 1
}

# conf KEY DEFAULT: the last value of KEY in crowdcart.conf (config.c: the last one wins).
conf() {
	local v
	v=$(sed -n "s/^$1 = //p" "$CONF" 2>/dev/null | tail -n 1)
	printf '%s' "${v:-$2}"
}

alive() { [[ -s $PIDF ]] && kill -0 "$(<"$PIDF")" 2>/dev/null; }

tcp_up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

sed_escape() { printf '%s' "$1" | sed -e 's/[|&\\]/\\&/g'; }

cmd_start() {
	[[ -s $CONF ]] || die "$CONF missing: run scripts/db.sh start first"
	command -v nginx >/dev/null && [[ -f $MODULE ]] || die "nginx or libnginx-mod-rtmp missing: run make deps"
	local port user hls rec out i
	port=$(conf rtmp_port 1935)
	[[ $port =~ ^[0-9]+$ ]] && ((port > 0 && port < 65535)) || die "rtmp_port $port is not a port"
	hls=$(conf media_dir "$VAR/media")/live/hls
	rec=$(conf live_record_dir "$VAR/live/rec")
	user=$(conf run_as_user "$(id -un)")
	((EUID == 0)) || user=$(id -un)
	# crowdcartctl worker's ffmpeg (as run_as_user) writes the replays beside the HLS.
	mkdir -p "$RUN" "$LOG" "$hls" "$rec" "${hls%/hls}/replay"
	((EUID != 0)) || chown "$user:" "$hls" "$rec" "${hls%/hls}" "${hls%/hls}/replay"
	alive && return 0
	# Another stack on this machine (a second web node of scripts/cluster.sh sharing node 1's conf,
	# a benchmark beside `make run`) may hold the port: its server serves the same purpose, and a
	# web node without one of its own still serves everything but publishing.
	if tcp_up "$port" || tcp_up "$((port + 1))"; then
		echo "stream.sh: port $port or $((port + 1)) is taken; not starting a streaming server for $VAR" >&2
		return 0
	fi
	# nginx takes a group named as the user unless told; "nobody"'s is "nogroup" on Debian.
	cat "$ROOT/nginx/private.conf.in" "$ROOT/nginx/rtmp.conf.in" |
		sed -e "/^[[:space:]]*#/!{s|@USER@|$(sed_escape "$user $(id -gn "$user")")|g; s|@RUN@|$(sed_escape "$RUN")|g
		s|@LOG@|$(sed_escape "$LOG")|g; s|@RTMP_PORT@|$port|g; s|@RELAY_PORT@|$((port + 1))|g
		s|@HLS@|$(sed_escape "$hls")|g; s|@REC@|$(sed_escape "$rec")|g
		s|@CALLBACK@|http://127.0.0.1:${CALLBACK_PORT:-${PORT:-8080}}|g; }" >"$VAR/nginx-rtmp.conf"
	out=$(nginx -t -q -e "$LOG/nginx-error.log" -p "$VAR" -c "$VAR/nginx-rtmp.conf" 2>&1) ||
		die "nginx rejects $VAR/nginx-rtmp.conf: $out"
	nginx -e "$LOG/nginx-error.log" -p "$VAR" -c "$VAR/nginx-rtmp.conf" || die "nginx failed to start (log: $LOG/nginx-error.log)"
	for ((i = 0; i < 40; i++)); do
		tcp_up "$port" && return 0
		sleep 0.25
	done
	die "nginx-rtmp did not come up on port $port (log: $LOG/nginx-error.log)"
}

cmd_stop() {
	local i
	alive || { rm -f "$PIDF"; return 0; }
	kill -TERM "$(<"$PIDF")" 2>/dev/null || true
	for ((i = 0; i < 40; i++)); do
		alive || break
		sleep 0.25
	done
	! alive || kill -KILL "$(<"$PIDF")" 2>/dev/null || true
	rm -f "$PIDF"
}

case ${1:-} in
start) cmd_start ;;
stop) cmd_stop ;;
*) die "usage: [VAR=var] [CALLBACK_PORT=8080] $0 start | stop" ;;
esac
