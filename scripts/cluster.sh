#!/usr/bin/env bash
# cluster.sh: a 3-node MariaDB Galera cluster plus two lighttpd web nodes on loopback (start|stop|status|kill-node N|start-node N).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CLUSTER=${CLUSTER:-$ROOT/var/cluster}
[[ $CLUSTER == /* ]] || CLUSTER=$ROOT/$CLUSTER
# Node n (1..3) listens on DB_BASE+n for clients, G_BASE+n for group communication,
# IST_BASE+n for incremental and SST_BASE+n for full state transfer.
DB_BASE=${DB_BASE:-3450}
G_BASE=${G_BASE:-4560}
IST_BASE=${IST_BASE:-4570}
SST_BASE=${SST_BASE:-4580}
# Web node A and B: lighttpd ports; the FastCGI ports are only for Apache but must not collide.
WEB_A_PORT=${WEB_A_PORT:-8451}
WEB_B_PORT=${WEB_B_PORT:-8452}
WEB_A_FCGI=$((WEB_A_PORT + 1000))
WEB_B_FCGI=$((WEB_B_PORT + 1009))
NODES=(1 2 3)
PROVIDER=/usr/lib/galera/libgalera_smm.so
GCOMM=gcomm://127.0.0.1:$((G_BASE + 1)),127.0.0.1:$((G_BASE + 2)),127.0.0.1:$((G_BASE + 3))
# As root the nodes run as mysql: the rsync SST daemon on a joiner, started by root, would
# drop to nobody and could not write the datadir.
AS_USER=()
((EUID == 0)) && AS_USER=(--user=mysql)

die() { echo "cluster.sh: $*" >&2; exit 1; }

# As root the nodes run as mysql, which must reach their datadirs; a clone in a directory mysql
# cannot enter (a 0700 mktemp -d, /root/...) keeps them instead in a directory of its own under
# /var/tmp, and $CLUSTER becomes a link to it, so every path the tests use stays as it was.
# Made fresh with the link, as $CLUSTER would have been: a run that removed its state (make test's
# rm -rf var/test) never finds an earlier run's nodes there.
if ((EUID == 0)); then
	[[ -L $CLUSTER ]] || mkdir -p "$CLUSTER"
	if ! runuser -u mysql -- test -x "$CLUSTER" 2>/dev/null; then
		elsewhere=/var/tmp/crowdcart-cluster-$(printf '%s' "$CLUSTER" | cksum | cut -d' ' -f1)
		if [[ ! -L $CLUSTER ]]; then
			rmdir "$CLUSTER" 2>/dev/null ||
				die "the mysql user cannot reach $CLUSTER and it is not empty: remove it, or set CLUSTER to a directory mysql can enter"
			rm -rf "$elsewhere"
			ln -s "$elsewhere" "$CLUSTER"
		fi
		mkdir -p "$elsewhere"
		chmod 755 "$elsewhere"
		CLUSTER=$elsewhere
	fi
fi

ndir() { echo "$CLUSTER/db$1"; }
nsock() { echo "$(ndir "$1")/run/mysqld.sock"; }
npid() { echo "$(ndir "$1")/run/mysqld.pid"; }
nlog() { echo "$(ndir "$1")/log/mysqld.log"; }

proc_alive() {
	local st
	st=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $st != Z* ]]
}

node_pid() { [[ -s $(npid "$1") ]] && cat "$(npid "$1")"; }
node_alive() { local p; p=$(node_pid "$1") && [[ $p =~ ^[0-9]+$ ]] && proc_alive "$p"; }

nsql() { mariadb --no-defaults --socket="$(nsock "$1")" --batch --skip-column-names --connect-timeout=2 -e "$2" 2>/dev/null; }
wsrep() { nsql "$1" "SHOW GLOBAL STATUS LIKE '$2'" | cut -f2; }

# Synced and in the primary component: the node takes reads and writes.
node_synced() { [[ $(wsrep "$1" wsrep_local_state_comment) == Synced && $(wsrep "$1" wsrep_cluster_status) == Primary ]]; }

init_node() {
	local d
	d=$(ndir "$1")
	mkdir -p "$d/run" "$d/log" "$d/tmp"
	((EUID != 0)) || chown -R mysql:mysql "$d"
	[[ -d $d/db/mysql ]] && return
	rm -rf "$d/db"
	mariadb-install-db --no-defaults --datadir="$d/db" --auth-root-authentication-method=socket \
		--skip-test-db "${AS_USER[@]}" >"$d/log/install-db.log" 2>&1 ||
		die "mariadb-install-db failed for node $1 (log: $d/log/install-db.log)"
}

# After a crash grastate.dat says seqno -1: read the last committed position from InnoDB (as
# Debian's galera_recovery does for systemd), so the node asks for IST instead of a full SST.
recovered_position() {
	local d log pos
	d=$(ndir "$1")
	grep -q '^seqno: *-1' "$d/db/grastate.dat" 2>/dev/null || return 0
	log=$d/log/wsrep-recover.log
	: >"$log"
	((EUID != 0)) || chown mysql:mysql "$log"
	mariadbd --no-defaults --datadir="$d/db" "${AS_USER[@]}" --skip-networking --log-error="$log" --tmpdir="$d/tmp" \
		--innodb-buffer-pool-size=64M --binlog-format=ROW --innodb-autoinc-lock-mode=2 --wsrep-on=ON \
		--wsrep-provider="$PROVIDER" --wsrep-cluster-address="$GCOMM" --wsrep-recover \
		</dev/null >/dev/null 2>&1 || true
	pos=$(sed -n 's/.*WSREP: Recovered position: *\([0-9a-f-]*:-\{0,1\}[0-9]*\).*/\1/p' "$log" | tail -n 1)
	[[ -z $pos ]] || echo "--wsrep-start-position=$pos"
}

# start_node N [--wsrep-new-cluster]: the same datadir, socket and pid file layout as scripts/db.sh
# (VAR=$CLUSTER/dbN), so db.sh start/grants/client work against node N unchanged.
start_node() {
	local n=$1 d
	shift
	d=$(ndir "$n")
	node_alive "$n" && return
	init_node "$n"
	rm -f "$(npid "$n")" "$(nsock "$n")"
	local start_pos
	start_pos=$(recovered_position "$n")
	# A short suspect timeout: on loopback a peer silent for 2 s is dead, and until it is
	# evicted every commit in the cluster waits. The install timeout (by default half the
	# inactive one) must not be short too: on 2 loaded cores, installing the view of a node that
	# rejoined took over 1.5 s, and the nodes split into non-primary components for seconds.
	local opts="gmcast.listen_addr=tcp://127.0.0.1:$((G_BASE + n));ist.recv_addr=127.0.0.1:$((IST_BASE + n))"
	opts+=";evs.suspect_timeout=PT2S;evs.inactive_timeout=PT8S;evs.install_timeout=PT5S;evs.inactive_check_period=PT0.5S"
	opts+=";evs.keepalive_period=PT0.5S;gcache.size=128M"
	# Each node its own tmpdir: a starting mariadbd deletes every #sql* file it finds in its
	# tmpdir, so a node rejoining after the kill took the others' temporary tables from a shared /tmp.
	setsid mariadbd --no-defaults --datadir="$d/db" --socket="$(nsock "$n")" --port=$((DB_BASE + n)) \
		--bind-address=127.0.0.1 --pid-file="$(npid "$n")" --log-error="$(nlog "$n")" "${AS_USER[@]}" \
		--tmpdir="$d/tmp" \
		--default-time-zone=+00:00 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
		--skip-name-resolve --innodb-buffer-pool-size=64M --max-connections=300 \
		--binlog-format=ROW --default-storage-engine=InnoDB --innodb-autoinc-lock-mode=2 \
		--innodb-flush-log-at-trx-commit=2 \
		--wsrep-on=ON --wsrep-provider="$PROVIDER" --wsrep-cluster-name=crowdcart \
		--wsrep-node-name="db$n" --wsrep-node-address="127.0.0.1:$((G_BASE + n))" \
		--wsrep-cluster-address="$GCOMM" --wsrep-provider-options="$opts" \
		--wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$((SST_BASE + n))" \
		--wsrep-sync-wait=1 --wsrep-slave-threads=2 \
		${start_pos:+"$start_pos"} "$@" </dev/null >>"$(nlog "$n")" 2>&1 &
	echo $! >"$(npid "$n")"
	((EUID != 0)) || chown mysql:mysql "$(npid "$n")"	# mariadbd rewrites it once InnoDB is up
}

# wait_synced N [SECONDS]: until node N is Synced in the primary component.
wait_synced() {
	local n=$1 i
	for ((i = 0; i < ${2:-120} * 2; i++)); do
		node_synced "$n" && return
		node_alive "$n" || break
		sleep 0.5
	done
	tail -n 30 "$(nlog "$n")" >&2 || true
	die "node $n did not reach Synced (log: $(nlog "$n"))"
}

# hosts_from N: the three nodes as a db_hosts list, starting with node N.
hosts_from() {
	local k out=()
	for k in 0 1 2; do out+=("127.0.0.1:$((DB_BASE + (($1 - 1 + k) % 3) + 1))"); done
	local IFS=,
	echo "${out[*]}"
}

# The conf db.sh writes for node 1, with db_hosts listing all nodes in the order a worker
# tries them. By default both web nodes prefer node 1 (one writer: no certification conflicts on
# hot rows such as a best-seller's stock); WRITERS=spread makes web node B prefer node 2.
web_conf() {
	local dir=$CLUSTER/web$1
	mkdir -p "$dir"
	sed "s/^db_hosts = .*/db_hosts = $(hosts_from "$2")/" "$(ndir 1)/crowdcart.conf" >"$dir/crowdcart.conf.tmp"
	chmod 600 "$dir/crowdcart.conf.tmp"
	mv "$dir/crowdcart.conf.tmp" "$dir/crowdcart.conf"
}

# web NAME PORT FCGI_BASE start|stop: lighttpd only; the Apache and FastCGI ports are set so
# that web.sh's defaults cannot clash with another stack on this machine.
web() {
	VAR=$CLUSTER/web$1 PORT=$2 APACHE_PORT=$(($2 + 2)) SHOP_FCGI_PORT=$3 STUDIO_FCGI_PORT=$(($3 + 1)) \
		API_FCGI_PORT=$(($3 + 2)) "$ROOT/scripts/web.sh" "$4" lighttpd
}

cmd_start() {
	command -v mariadbd >/dev/null || die "mariadbd missing: run scripts/deps.sh"
	[[ -r $PROVIDER ]] || die "$PROVIDER missing: run scripts/deps.sh (package galera-4)"
	[[ -x $ROOT/bin/crowdcartctl ]] || die "bin/crowdcartctl missing: run make"
	mkdir -p "$CLUSTER"
	local fresh=
	[[ -d $(ndir 1)/db/mysql ]] || fresh=1
	if ! node_alive 1 && ! node_alive 2 && ! node_alive 3; then
		# Nothing runs: node 1 bootstraps a new primary component (it is stopped last, so it
		# holds the latest state; safe_to_bootstrap is forced for the killed-then-stopped case).
		[[ ! -f $(ndir 1)/db/grastate.dat ]] || sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$(ndir 1)/db/grastate.dat"
		start_node 1 --wsrep-new-cluster
	else
		start_node 1
	fi
	wait_synced 1
	start_node 2
	start_node 3
	wait_synced 2
	wait_synced 3
	# db.sh finds node 1 running (same pid file) and only adds secrets, conf and accounts.
	VAR=$(ndir 1) DB_PORT=$((DB_BASE + 1)) "$ROOT/scripts/db.sh" start
	local conf
	conf=$(ndir 1)/crowdcart.conf
	"$ROOT/bin/crowdcartctl" --conf "$conf" migrate >/dev/null
	VAR=$(ndir 1) DB_PORT=$((DB_BASE + 1)) "$ROOT/scripts/db.sh" grants >/dev/null
	[[ -z $fresh ]] || "$ROOT/bin/crowdcartctl" --conf "$conf" demo >/dev/null
	web_conf A 1
	if [[ ${WRITERS:-one} == spread ]]; then web_conf B 2; else web_conf B 1; fi
	web A "$WEB_A_PORT" "$WEB_A_FCGI" start
	web B "$WEB_B_PORT" "$WEB_B_FCGI" start
	cmd_status
}

stop_node() {
	local n=$1 pid i
	node_alive "$n" || { rm -f "$(npid "$n")"; return 0; }
	pid=$(node_pid "$n")
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 60; i++)); do
		proc_alive "$pid" || { rm -f "$(npid "$n")"; return 0; }
		sleep 0.5
	done
	echo "cluster.sh: node $n ($pid) still running after 30 s; killing it" >&2
	kill -KILL "$pid" 2>/dev/null || true
	rm -f "$(npid "$n")"
}

cmd_stop() {
	[[ ! -d $CLUSTER/webA ]] || web A "$WEB_A_PORT" "$WEB_A_FCGI" stop
	[[ ! -d $CLUSTER/webB ]] || web B "$WEB_B_PORT" "$WEB_B_FCGI" stop
	# Node 1 last: it then holds the newest state and may bootstrap the next start.
	stop_node 3
	stop_node 2
	stop_node 1
}

cmd_status() {
	local n rc=0
	for n in "${NODES[@]}"; do
		if node_alive "$n"; then
			printf 'db%s: pid %s port %s %s/%s cluster_size=%s\n' "$n" "$(node_pid "$n")" $((DB_BASE + n)) \
				"$(wsrep "$n" wsrep_local_state_comment)" "$(wsrep "$n" wsrep_cluster_status)" \
				"$(wsrep "$n" wsrep_cluster_size)"
		else
			echo "db$n: not running"
			rc=1
		fi
	done
	for n in A B; do
		local port=$WEB_A_PORT
		[[ $n == A ]] || port=$WEB_B_PORT
		echo "web$n: http://127.0.0.1:$port/ (conf $CLUSTER/web$n/crowdcart.conf)"
	done
	return $rc
}

node_arg() { [[ ${1:-} =~ ^[123]$ ]] || die "node must be 1, 2 or 3"; }

case ${1:-} in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
# For the failover test: SIGKILL a node, and restart it (it rejoins by IST, or SST if IST cannot serve).
kill-node) node_arg "${2:-}"; node_alive "$2" && kill -KILL "$(node_pid "$2")"; rm -f "$(npid "$2")" ;;
start-node) node_arg "${2:-}"; start_node "$2"; wait_synced "$2" ;;
*) die "usage: [CLUSTER=var/cluster] [WRITERS=one|spread] $0 start|stop|status|kill-node N|start-node N" ;;
esac
