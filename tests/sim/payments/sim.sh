#!/usr/bin/env bash
# sim.sh: start or stop the payment provider simulator of a test stack (start|stop), on SIM_PORT,
# state in $VAR (pid file $VAR/run/paysim.pid, log $VAR/log/paysim.log). Webhooks go to the
# stack's lighttpd on PORT, with the keys of test-keys.conf, which scripts/db.sh also writes into
# the stack's crowdcart.conf.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${VAR:?VAR must name the state directory}" "${SIM_PORT:?SIM_PORT must be set}" "${PORT:?PORT must be set}"
PIDFILE=$VAR/run/paysim.pid
LOG=$VAR/log/paysim.log

key() { sed -n "s/^$1 *= *//p" "$HERE/test-keys.conf"; }

alive() { [[ -s $PIDFILE ]] && kill -0 "$(<"$PIDFILE")" 2>/dev/null; }

start() {
	mkdir -p "$VAR/run" "$VAR/log"
	alive && return 0
	local hook=http://127.0.0.1:$PORT/webhooks/payment i
	setsid node "$HERE/server.mjs" --port "$SIM_PORT" \
		--stripe-secret-key "$(key stripe_secret_key)" --stripe-webhook-url "$hook/stripe" \
		--stripe-webhook-secret "$(key stripe_webhook_secret)" \
		--paypal-client-id "$(key paypal_client_id)" --paypal-client-secret "$(key paypal_client_secret)" \
		--paypal-webhook-id "$(key paypal_webhook_id)" --paypal-webhook-url "$hook/paypal" \
		--mollie-api-key "$(key mollie_api_key)" </dev/null >>"$LOG" 2>&1 &
	echo $! >"$PIDFILE"
	for ((i = 0; i < 100; i++)); do
		curl -fsS "http://127.0.0.1:$SIM_PORT/_sim/health" >/dev/null 2>&1 && return 0
		alive || break
		sleep 0.1
	done
	tail -n 20 "$LOG" >&2
	echo "sim.sh: the payment simulator did not start on $SIM_PORT (log: $LOG)" >&2
	return 1
}

stop() {
	alive || { rm -f "$PIDFILE"; return 0; }
	kill -TERM "$(<"$PIDFILE")" 2>/dev/null || true
	rm -f "$PIDFILE"
}

case ${1:-} in
start) start ;;
stop) stop ;;
*) echo "usage: VAR=... SIM_PORT=... PORT=... $0 start|stop" >&2; exit 2 ;;
esac
