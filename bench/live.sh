#!/usr/bin/env bash
# live.sh: live shopping under load (not part of make test): VIEWERS simulated viewers follow one
# live session by polling /live/{id}/events as static/js/live.js does (every second, with a cursor,
# and a heartbeat POST every 20 s) for SECS seconds while posters ask QPS questions per second,
# chatters send CHAT chat messages per second and REACT reactions per second (from distinct viewer
# sessions, so the per-viewer rate limits do not refuse them). Reports the delay from each event's
# creation (its server timestamp) to its arrival at each viewer (p50/p99/max), events, requests,
# errors, the load average and the reactions the database counted. The issue's figure:
# bench/live.sh 30 2000 0 20 200.
# With BASE_URL set it uses that running stack (and its VAR and DB_PORT for set-up SQL) and starts
# nothing; otherwise it starts a private stack (lighttpd, or SERVER=apache) and stops it after.
# All the load comes from one address, which the address budgets (docs/SECURITY.md) would take for
# an abuser: the private stack runs with abuse_limit_scale = 1000; a stack given by BASE_URL needs
# the same in its configuration.
# PROXY=nginx puts a caching nginx (bench/live-nginx.conf.in, on PROXY_PORT, default PORT + 2) in
# front, as a CDN or proxy would be: it answers most polls from the events' s-maxage=1.
# Usage: [BASE_URL=http://127.0.0.1:PORT VAR=... DB_PORT=...] [PROXY=nginx] bench/live.sh [SECS] [VIEWERS] [QPS] [CHAT] [REACT]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
secs=${1:-30}
viewers=${2:-300}
qps=${3:-5}
chat=${4:-0}
react=${5:-0}
command -v node >/dev/null || { echo "node is missing: make deps" >&2; exit 1; }

if [[ -z ${BASE_URL:-} ]]; then
	export VAR=${VAR:-var/bench-live} DB_PORT=${DB_PORT:-3493} PORT=${PORT:-8493}
	export APACHE_PORT=${APACHE_PORT:-8494} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9493} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9494}
	export API_FCGI_PORT=${API_FCGI_PORT:-9495}
	server=${SERVER:-lighttpd}
	started=
	if ! scripts/db.sh status >/dev/null 2>&1; then
		scripts/db.sh start
		started=1
	fi
	bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
	scripts/db.sh grants
	bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
	grep -q '^abuse_limit_scale' "$VAR/crowdcart.conf" || echo 'abuse_limit_scale = 1000' >>"$VAR/crowdcart.conf"
	scripts/web.sh start "$server" >/dev/null
	trap 'scripts/web.sh stop >/dev/null 2>&1 || true; [[ -z $started ]] || scripts/db.sh stop >/dev/null 2>&1 || true' EXIT
	port=$PORT
	[[ $server == apache ]] && port=$APACHE_PORT
	BASE_URL=http://127.0.0.1:$port
	label=$server
else
	label=${SERVER:-$BASE_URL}
fi

# A session of demo creator lena, already live, with two of her picks as the lineup, both pinned.
id=$(scripts/db.sh client -N -B -e "
	INSERT INTO live_sessions (creator_id, title, starts_at, stream_url, state, started_at, created_at)
	  SELECT id, 'Benchmark live', UTC_TIMESTAMP(), 'https://stream.example.test/bench.m3u8', 'live',
	  UTC_TIMESTAMP(3), UTC_TIMESTAMP() FROM creators WHERE handle = 'lena';
	SET @s = LAST_INSERT_ID();
	INSERT INTO live_lineup (session_id, product_id, position)
	  SELECT @s, pk.product_id, pk.position FROM picks pk JOIN creators c ON c.id = pk.creator_id
	  WHERE c.handle = 'lena' AND pk.status = 'approved' ORDER BY pk.position LIMIT 2;
	INSERT INTO live_pins (session_id, product_id, pinned_at, slot)
	  SELECT @s, product_id, UTC_TIMESTAMP(3), position FROM live_lineup WHERE session_id = @s;
	SELECT @s;")

if [[ ${PROXY:-} == nginx ]]; then
	proxy_port=${PROXY_PORT:-$(( ${BASE_URL##*:} + 2 ))}
	mkdir -p "$VAR/nginx-tmp" "$VAR/nginx-cache" "$VAR/run" "$VAR/log"
	chmod 777 "$VAR/nginx-tmp" "$VAR/nginx-cache"
	sed -e "s|@VAR@|$VAR|g" -e "s|@PROXY_PORT@|$proxy_port|g" -e "s|@PORT@|${BASE_URL##*:}|g" bench/live-nginx.conf.in >"$VAR/nginx-bench.conf"
	nginx -c "$VAR/nginx-bench.conf" -p "$VAR"
	trap 'nginx -c "$VAR/nginx-bench.conf" -p "$VAR" -s stop 2>/dev/null || true; '"$(trap -p EXIT | sed -e "s/^trap -- '//" -e "s/' EXIT$//")" EXIT
	BASE_URL=http://127.0.0.1:$proxy_port
	label="$label behind a caching nginx"
fi

echo "crowdcart live benchmark: $(nproc) cores, $(date -u +%FT%TZ), $label, session $id, $viewers viewers polling every 1 s, $qps questions/s, $chat chat messages/s, $react reactions/s, ${secs} s; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
stmts() { scripts/db.sh client -N -B -e "SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'" | cut -f2; }
before=$(stmts)
t0=$(date +%s)
rc=0
node bench/live-driver.mjs "$BASE_URL" "$id" "$secs" "$viewers" "$qps" "$chat" "$react" || rc=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); reactions counted by the database: $(scripts/db.sh client -N -B -e "SELECT COALESCE(SUM(n), 0) FROM live_reactions WHERE session_id = $id")"
# Every statement the programs ran meanwhile (polls' cache fills, questions, sessions, pages).
echo "database: $(( ($(stmts) - before) / ($(date +%s) - t0) )) prepared statements/s during the run (all programs)"
exit $rc
