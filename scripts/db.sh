#!/usr/bin/env bash
# db.sh: run crowdcart's private MariaDB under $VAR (start|stop|grants|status|client); never touches the system server.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VAR=${VAR:-var}
[[ $VAR == /* ]] || VAR=$ROOT/$VAR
DB_PORT=${DB_PORT:-3307}
# DB_BUFFER_POOL=4G for bench/gen-large.sh's full size: the default suits the demo and the suites.
DATADIR=$VAR/db
PIDFILE=$VAR/run/mysqld.pid
LOG=$VAR/log/mysqld.log
SECRETS=$VAR/secrets
CONF=$VAR/crowdcart.conf
# Started as root, the FastCGI programs give root up for this user (src/lib/sandbox.c): what
# their workers write (media_dir) must belong to it. RUN_AS_USER names another.
RUN_AS=${RUN_AS_USER:-$(id -u crowdcart >/dev/null 2>&1 && echo crowdcart || echo nobody)}

# A unix socket path must fit in 107 bytes; a deep checkout would break that,
# so fall back to a short per-$VAR directory under /tmp.
SOCKDIR=$VAR/run
if ((${#SOCKDIR} > 90)); then
	SOCKDIR=/tmp/crowdcart-$(printf '%s' "$VAR" | cksum | cut -d' ' -f1)
fi
SOCK=$SOCKDIR/mysqld.sock

# Root authenticates by unix_socket (install-db default with our flags), so no password exists anywhere.
SQL=(mariadb --no-defaults --socket="$SOCK" --batch --skip-column-names)
ADMIN=(mariadb-admin --no-defaults --socket="$SOCK")
AS_ROOT=()
((EUID == 0)) && AS_ROOT=(--user=root)

die() { echo "db.sh: $*" >&2; exit 1; }

# Running and not a zombie: PID 1 here reaps orphans lazily, and kill -0 succeeds on zombies.
proc_alive() {
	local st
	st=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $st != Z* ]]
}

pid_alive() {
	local pid
	[[ -s $PIDFILE ]] && pid=$(<"$PIDFILE") && [[ $pid =~ ^[0-9]+$ ]] && proc_alive "$pid"
}

pings() { "${ADMIN[@]}" --connect-timeout=2 ping >/dev/null 2>&1; }

init_datadir() {
	[[ -d $DATADIR/mysql ]] && return
	# A half-made datadir from an interrupted run would make mariadbd fail oddly; start clean.
	rm -rf "$DATADIR"
	mkdir -p "$DATADIR"
	if ! mariadb-install-db --no-defaults --datadir="$DATADIR" --auth-root-authentication-method=socket \
		--skip-test-db "${AS_ROOT[@]}" >"$VAR/log/install-db.log" 2>&1; then
		tail -n 30 "$VAR/log/install-db.log" >&2
		rm -rf "$DATADIR"
		die "mariadb-install-db failed (log: $VAR/log/install-db.log)"
	fi
}

start_server() {
	if pid_alive; then
		# Running (or still starting up): reuse it rather than fight over the datadir.
		return
	fi
	rm -f "$PIDFILE" "$SOCK"
	# autoinc-lock-mode 2, as on the Galera nodes: INSERT ... SELECT takes no table-wide AUTO-INC
	# lock (there is no binary log here, so interleaved ids are safe).
	# A tmpdir of its own: mariadbd deletes every #sql* file in its tmpdir when it starts, so with a
	# shared /tmp a restart (the outage test's, another checkout's) would take other servers' temporary tables.
	mkdir -p "$VAR/tmp"
	# performance_schema with the statement instruments only, for the statements and rows examined
	# per page (tests/viewcost/view_cost.test.mjs, bench/view_cost.sh): no histories, digests or
	# instances of the other instruments, so it takes about 20 MB instead of the ~100 MB it sizes itself.
	local PERF_SCHEMA=(--performance-schema=ON --performance-schema-instrument='%=OFF'
		--performance-schema-instrument='statement/%=ON' --performance-schema-consumer-events-statements-current=OFF
		--performance-schema-consumer-statements-digest=OFF --performance-schema-digests-size=0
		--performance-schema-max-digest-length=0 --performance-schema-max-sql-text-length=0
		--performance-schema-events-statements-history-size=0 --performance-schema-events-statements-history-long-size=0
		--performance-schema-events-stages-history-size=0 --performance-schema-events-stages-history-long-size=0
		--performance-schema-events-waits-history-size=0 --performance-schema-events-waits-history-long-size=0
		--performance-schema-events-transactions-history-size=0 --performance-schema-events-transactions-history-long-size=0
		--performance-schema-max-table-instances=0 --performance-schema-max-table-handles=0
		--performance-schema-max-file-instances=0 --performance-schema-max-file-handles=0
		--performance-schema-max-mutex-instances=0 --performance-schema-max-rwlock-instances=0
		--performance-schema-max-cond-instances=0 --performance-schema-max-socket-instances=0
		--performance-schema-max-prepared-statements-instances=0 --performance-schema-max-metadata-locks=0
		--performance-schema-max-memory-classes=0 --performance-schema-hosts-size=0 --performance-schema-accounts-size=0
		--performance-schema-max-mutex-classes=0 --performance-schema-max-rwlock-classes=0
		--performance-schema-max-cond-classes=0 --performance-schema-max-file-classes=0
		--performance-schema-max-socket-classes=0 --performance-schema-max-stage-classes=0)
	# DB_STATEMENT_COUNTS=off: none of it, as production runs; the benches that read no counts
	# (bench/checkout.sh) measure the server without the instruments' cost on every statement.
	if [[ ${DB_STATEMENT_COUNTS:-on} == off ]]; then PERF_SCHEMA=(--performance-schema=OFF); fi
	setsid mariadbd --no-defaults --datadir="$DATADIR" --socket="$SOCK" --port="$DB_PORT" \
		--bind-address=127.0.0.1 --pid-file="$PIDFILE" --log-error="$LOG" "${AS_ROOT[@]}" --tmpdir="$VAR/tmp" \
		--default-time-zone=+00:00 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--skip-name-resolve --innodb-buffer-pool-size="${DB_BUFFER_POOL:-128M}" --max-connections=300 \
		--innodb-flush-log-at-trx-commit=1 --innodb-autoinc-lock-mode=2 "${PERF_SCHEMA[@]}" </dev/null >>"$LOG" 2>&1 &
	local pid=$!
	# mariadbd writes the pid file only after InnoDB starts; write it now so stop works meanwhile.
	echo "$pid" >"$PIDFILE"
}

wait_ready() {
	local i
	for ((i = 0; i < 60; i++)); do
		pings && return
		pid_alive || break
		sleep 0.5
	done
	tail -n 30 "$LOG" >&2 || true
	die "MariaDB did not become ready on $SOCK (log: $LOG)"
}

rand_hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

# Program -> MariaDB account; each program reads <program>_db_user/_db_password from the conf.
# cc_api is for the Shopping API program that sql/grants/0005_api.sql grants to.
PROGRAMS=(shop studio ctl api)
declare -A ACCOUNT=([shop]=cc_shop [studio]=cc_studio [ctl]=cc_admin [api]=cc_api)

# Passwords and the session key are made once and kept, so sessions and logins survive
# restarts; a key added in a later version is appended without touching the others.
ensure_secrets() {
	local p
	(
		umask 077
		[[ -s $SECRETS ]] || echo "# crowdcart secrets for $VAR: generated once by scripts/db.sh, keep private" >"$SECRETS"
		for p in "${PROGRAMS[@]}"; do
			grep -q "^${ACCOUNT[$p]}=" "$SECRETS" || echo "${ACCOUNT[$p]}=$(rand_hex 16)" >>"$SECRETS"
		done
		grep -q '^secret_key=' "$SECRETS" || echo "secret_key=$(rand_hex 32)" >>"$SECRETS"
		grep -q '^payment_webhook_secret=' "$SECRETS" ||
			echo "payment_webhook_secret=$(rand_hex 32)" >>"$SECRETS"
	)
	chmod 600 "$SECRETS"
	for p in "${PROGRAMS[@]}"; do secret "${ACCOUNT[$p]}" >/dev/null; done
	[[ $(secret secret_key) =~ ^[0-9a-f]{64}$ ]] || die "secret_key in $SECRETS is not 64 hex chars"
}

secret() {
	local v
	v=$(sed -n "s/^$1=//p" "$SECRETS")
	[[ $v =~ ^[0-9a-f]+$ ]] || die "$SECRETS has no valid $1; delete it to regenerate"
	printf '%s' "$v"
}

write_conf() {
	local p
	(
		umask 077
		{
			echo "# crowdcart.conf: written by scripts/db.sh on every start; edit scripts/db.sh, not this file."
			echo "db_hosts = ${DB_HOSTS:-127.0.0.1:$DB_PORT}"
			echo "db_name = crowdcart"
			for p in "${PROGRAMS[@]}"; do
				echo "${p}_db_user = ${ACCOUNT[$p]}"
				echo "${p}_db_password = $(secret "${ACCOUNT[$p]}")"
			done
			echo "secret_key = $(secret secret_key)"
			echo "payment_webhook_secret = $(secret payment_webhook_secret)"
			echo "templates_dir = $ROOT/templates"
			echo "static_dir = $ROOT/static"
			echo "sql_dir = $ROOT/sql"
			echo "media_dir = $VAR/media"
			# Going live (docs/LIVE_STREAMING.md): scripts/stream.sh's ingest port and recordings.
			echo "rtmp_port = ${RTMP_PORT:-1935}"
			echo "live_record_dir = $VAR/live/rec"
			echo "run_as_user = $RUN_AS"
			# Dev and test receivers listen on loopback; production leaves this empty (docs/LEADS.md).
			echo "webhook_allow_private = 127.0.0.0/8"
			# Best sellers recounted every 2 s instead of 300, so a sale (a test's, or one tried on
			# the demo) shows in the ranking at once; BEST_SELLERS_REFRESH_SECONDS sets another period.
			echo "best_sellers_refresh_seconds = ${BEST_SELLERS_REFRESH_SECONDS:-2}"
			# The demo accounts' password of dev and test stacks (README); without it crowdcartctl demo
			# makes up a random one, so demo data on a real shop is no default account.
			echo "demo_password = crowdcart-demo"
			# The demo admin signs in with the password alone on dev and test stacks; a real shop's
			# admin pages ask for two-step sign-in (admin_requires_two_step, on by default).
			echo "admin_requires_two_step = off"
			# Domain checks of dev and test stacks ask UDP port DB_PORT on loopback, where nothing
			# answers unless a test serves its zone there (tests/http/lib/dns.mjs): made-up domains
			# never reach a real resolver, and a refused lookup never counts against a domain.
			# DNS_RESOLVER=host:port names another resolver; DNS_RESOLVER= (empty) the system's.
			[[ -z ${DNS_RESOLVER-127.0.0.1:$DB_PORT} ]] || echo "dns_resolver = ${DNS_RESOLVER-127.0.0.1:$DB_PORT}"
			# Absolute links (the feed, mail) come from here, never from a request's Host header.
			echo "base_url = http://127.0.0.1:${PORT:-8080}"
			# The test provider (paid at once, no money moves) is off unless listed: dev and test
			# stacks list it, and every page then shows the test-payments banner (docs/PAYMENTS.md).
			# A test stack (SIM_PORT set) sends payments to the provider simulator, tests/sim/payments,
			# which serves Stripe, PayPal and Mollie on one port, with the keys of test-keys.conf.
			if [[ -z ${SIM_PORT:-} ]]; then
				echo "payment_providers = offline,test"
			else
				echo "payment_providers = offline,test,stripe,paypal,mollie"
				# Test clients each come from their own 127/8 address (tests/http/lib/http.mjs); only
				# 127.0.0.1 may read /_metrics here, so a test can be refused from another one.
				echo "metrics_allow = 127.0.0.1, ::1"
				# No crowdcartctl worker runs beside a test stack, so the webhooks some tests queue
				# stay due; /_health calls a queue stuck only after a day here (15 minutes by default).
				echo "health_queue_minutes = 1440"
				# Shops connected by the connector tests are synced by those tests' own workers, each
				# pointed at its simulator (tests/http/lib/connectors.mjs): the workers other tests run
				# with this file leave them alone.
				echo "connector_platforms ="
				for p in stripe paypal mollie; do echo "${p}_api_base = http://127.0.0.1:$SIM_PORT"; done
				grep -E '^[a-z_]+ = ' "$ROOT/tests/sim/payments/test-keys.conf"
				echo "outbound_allow_private = 127.0.0.0/8"
				# Test stacks hash passwords with Argon2id at its lowest cost: the suites sign up
				# and sign in some 3,000 times, which at the interactive cost (64 MiB, 2 passes;
				# 150-250 ms each on a 2-core machine) was 13 of their CPU minutes. Dev stacks
				# and real shops keep libsodium's interactive default (tests/unit: password_cost).
				echo "password_opslimit = 1"
				echo "password_memlimit_kib = 8"
			fi
			# Operator settings kept across runs (a developer's test-mode payment keys, say): read
			# after everything above, so each of its keys wins (config.c: the last one does).
			[[ ! -f $VAR/local.conf ]] || { echo "# from $VAR/local.conf"; cat "$VAR/local.conf"; echo; }
		} >"$CONF.tmp"
		mv "$CONF.tmp" "$CONF"
	)
}

ensure_accounts() {
	local p u sql="CREATE DATABASE IF NOT EXISTS crowdcart CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
	for p in "${PROGRAMS[@]}"; do
		u=${ACCOUNT[$p]}
		sql+="CREATE USER IF NOT EXISTS '$u'@'127.0.0.1' IDENTIFIED BY '$(secret "$u")';"
		sql+="ALTER USER '$u'@'127.0.0.1' IDENTIFIED BY '$(secret "$u")';"
	done
	sql+="GRANT ALL ON crowdcart.* TO 'cc_admin'@'127.0.0.1';"
	"${SQL[@]}" -e "$sql" || die "could not create the database and accounts"
}

cmd_start() {
	mkdir -p "$VAR/run" "$VAR/log" "$VAR/media" "$SOCKDIR"
	((EUID != 0)) || chown "$RUN_AS:" "$VAR/media"
	init_datadir
	start_server
	wait_ready
	ensure_secrets
	write_conf
	ensure_accounts
}

cmd_stop() {
	local pid i
	if ! pid_alive; then
		# No live pid file: a server may still own our socket (pid file lost); ask it to go.
		pings && { "${ADMIN[@]}" --shutdown-timeout=25 shutdown >/dev/null 2>&1 || true; }
		rm -f "$PIDFILE"
		return 0
	fi
	pid=$(<"$PIDFILE")
	"${ADMIN[@]}" --shutdown-timeout=25 shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 60; i++)); do
		proc_alive "$pid" || { rm -f "$PIDFILE"; return 0; }
		sleep 0.5
	done
	echo "db.sh: mariadbd ($pid) still running after 30 s; killing it" >&2
	kill -KILL "$pid" 2>/dev/null || true
	rm -f "$PIDFILE"
}

# The short /tmp socket dir (deep checkouts only) goes once neither server uses it.
tidy_sockdir() { [[ $SOCKDIR == "$VAR/run" ]] || rmdir "$SOCKDIR" 2>/dev/null || true; }

cmd_status() {
	if pid_alive && pings; then
		echo "MariaDB running: pid $(<"$PIDFILE"), socket $SOCK, datadir $DATADIR"
	else
		echo "MariaDB not running ($DATADIR)"
		return 1
	fi
}

# Root applies table grants (cc_admin has no GRANT OPTION): sql/grants.sql, then one file
# per later migration in sql/grants/, in name order. Plain GRANTs, so re-running is harmless.
cmd_grants() {
	local f files=()
	for f in "$ROOT"/sql/grants.sql "$ROOT"/sql/grants/*.sql; do
		if [[ -f $f ]]; then files+=("$f"); fi
	done
	if ((${#files[@]} == 0)); then
		echo "db.sh: no sql/grants.sql or sql/grants/*.sql yet; no table grants applied"
		return 0
	fi
	for f in "${files[@]}"; do
		"${SQL[@]}" crowdcart <"$f" || die "applying $f failed"
	done
}

case ${1:-} in
start) cmd_start ;;
stop) cmd_stop; tidy_sockdir ;;
status) cmd_status ;;
grants) cmd_grants ;;
client) shift; exec mariadb --no-defaults --socket="$SOCK" crowdcart "$@" ;;
*) die "usage: [VAR=var] [DB_PORT=3307] $0 start|stop|grants|status|client" ;;
esac
