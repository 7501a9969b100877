# private-stack.sh: sourced by the suites that run outside make test (make scan, make faults): starts
# MariaDB with the demo data, the payment simulator and lighttpd in var/NAME on ports TEST_PORT_BASE + OFFSET, stops them on exit.
# usage: . tests/private-stack.sh NAME OFFSET   (then BASE_URL, VAR and the ports are exported)
private_stack() {
	local name=$1 base=$((${TEST_PORT_BASE:-0} + $2))
	export VAR=$ROOT/var/$name DB_PORT=$((3397 + base)) PORT=$((8097 + base)) APACHE_PORT=$((8098 + base)) \
		SHOP_FCGI_PORT=$((9097 + base)) STUDIO_FCGI_PORT=$((9098 + base)) API_FCGI_PORT=$((9099 + base)) \
		SIM_PORT=$((8096 + base)) RTMP_PORT=$((1937 + base))
	export BASE_URL=http://127.0.0.1:$PORT SERVER=lighttpd
	scripts/web.sh stop >/dev/null 2>&1
	scripts/db.sh stop >/dev/null 2>&1
	tests/sim/payments/sim.sh stop >/dev/null 2>&1
	rm -rf "$VAR" && mkdir -p "$VAR/log"
	trap 'scripts/web.sh stop >/dev/null 2>&1; scripts/db.sh stop >/dev/null 2>&1; tests/sim/payments/sim.sh stop >/dev/null 2>&1' EXIT
	if ! { scripts/db.sh start && bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate && scripts/db.sh grants &&
		bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo && tests/sim/payments/sim.sh start &&
		scripts/web.sh start lighttpd; } >"$VAR/log/setup.log" 2>&1; then
		cat "$VAR/log/setup.log"
		return 1
	fi
}
private_stack "$@"
