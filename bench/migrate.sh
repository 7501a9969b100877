#!/usr/bin/env bash
# migrate.sh: the upgrade path on a large shop (not part of make test; docs/UPGRADING.md has the
# figures): a private MariaDB migrated to CUT (0012: before every migration since that alters the
# order tables), LINES order lines bulk-loaded, then the remaining migrations applied by
# `crowdcartctl migrate` while bench/migrate-probe.mjs keeps reading and writing orders; prints how
# long each migration took and the longest wait the probe saw, and checks the backfill.
# usage: bench/migrate.sh [LINES (1000000)]
# env: CUT, SQL_DIR (the migrations to run, sql/ by default: another revision's, to compare),
# TEST_PORT_BASE (the private MariaDB listens on 3457 + it, its state in var/bench-migrate; never
# VAR or DB_PORT from the environment, which may name a stack this would wipe)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
lines=${1:-1000000}
((lines >= 4 && lines % 4 == 0)) || { echo "migrate.sh: LINES must be a multiple of 4" >&2; exit 2; }
cut=${CUT:-0012}
sql_dir=$(cd "${SQL_DIR:-sql}" && pwd)
export VAR=$root/var/bench-migrate DB_PORT=$((3397 + ${TEST_PORT_BASE:-0} + 60))
[[ -x bin/crowdcartctl ]] || { echo "migrate.sh: bin/crowdcartctl missing: run make" >&2; exit 1; }

ms() { date +%s%3N; }
probe_pid=
stop_all() {
	[[ -z $probe_pid ]] || kill -TERM "$probe_pid" 2>/dev/null || true
	scripts/db.sh stop >/dev/null 2>&1 || true
}
trap stop_all EXIT

scripts/db.sh stop >/dev/null 2>&1 || true
rm -rf "$VAR"
mkdir -p "$VAR/log" "$VAR/sql-before"
scripts/db.sh start >/dev/null
sock=$(scripts/db.sh status | sed -n 's/.*socket \([^,]*\),.*/\1/p')
conf=$VAR/crowdcart.conf
for f in "$sql_dir"/[0-9][0-9][0-9][0-9]_*.sql; do
	n=$(basename "$f")
	[[ ${n:0:4} > $cut ]] || cp "$f" "$VAR/sql-before/"
done
sed "s#^sql_dir = .*#sql_dir = $VAR/sql-before#" "$conf" >"$VAR/before.conf"
sed "s#^sql_dir = .*#sql_dir = $sql_dir#" "$conf" >"$VAR/after.conf"
bin/crowdcartctl --conf "$VAR/before.conf" migrate >/dev/null

echo "crowdcart migration path: $(nproc) cores, $(date -u +%FT%TZ), MariaDB $(mariadbd --version | awk '{print $3}'), $lines order lines, migrated to $cut first, then $sql_dir"
t0=$(ms)
{ echo "SET @orders = $((lines / 4));"; cat bench/migrate-load.sql; } | scripts/db.sh client
echo "loaded $lines order lines in $((($(ms) - t0) / 1000)) s ($(scripts/db.sh client -N -B -e \
	"SELECT CONCAT(ROUND(SUM(data_length + index_length) / 1048576), ' MB') FROM information_schema.tables
	 WHERE table_schema = 'crowdcart' AND table_name IN ('orders', 'order_lines', 'checkouts', 'commission_entries')") in the order tables)"
read -r brand product variant < <(scripts/db.sh client -N -B -e \
	"SELECT b.id, p.id, v.id FROM brands b JOIN products p ON p.brand_id = b.id JOIN variants v ON v.product_id = p.id
	 WHERE b.slug = 'bench-migrate'")

# The probe alone first: its waits with nothing else running, to compare with.
node bench/migrate-probe.mjs "$sock" "$brand" "$product" "$variant" >"$VAR/log/probe-idle.json" 2>"$VAR/log/probe-idle.log" &
probe_pid=$!
sleep "${IDLE_SECONDS:-5}"
kill -TERM "$probe_pid"
wait "$probe_pid"
probe_pid=

node bench/migrate-probe.mjs "$sock" "$brand" "$product" "$variant" >"$VAR/log/probe.json" 2>"$VAR/log/probe.log" &
probe_pid=$!
started=$(ms)
rc=0
bin/crowdcartctl --conf "$VAR/after.conf" migrate 2>"$VAR/log/migrate.err" | while IFS= read -r l; do echo "$(ms) $l"; done >"$VAR/log/migrate.log" || rc=$?
finished=$(ms)
kill -TERM "$probe_pid"
wait "$probe_pid"
probe_pid=
((rc == 0)) || { cat "$VAR/log/migrate.err"; echo "migrate.sh: crowdcartctl migrate failed" >&2; exit 1; }

direct=$(scripts/db.sh client -N -B -e "SELECT COUNT(*) FROM order_lines WHERE commission_kind = 'direct'")
STARTED=$started FINISHED=$finished LOGS=$VAR/log node - <<'JS'
const fs = require('node:fs');
const logs = process.env.LOGS;
const idle = JSON.parse(fs.readFileSync(`${logs}/probe-idle.json`, 'utf8'));
const busy = JSON.parse(fs.readFileSync(`${logs}/probe.json`, 'utf8'));
let prev = Number(process.env.STARTED);
const files = fs.readFileSync(`${logs}/migrate.log`, 'utf8').trim().split('\n').filter(Boolean).map((l) => {
	const [at, , name] = l.split(' ');
	const f = { name, from: prev, to: Number(at) };
	prev = f.to;
	return f;
});
console.log(`migrations: ${files.length} files in ${((Number(process.env.FINISHED) - Number(process.env.STARTED)) / 1000).toFixed(1)} s`);
for (const f of files) console.log(`  ${f.name.padEnd(30)} ${((f.to - f.from) / 1000).toFixed(1).padStart(6)} s`);
const during = (at) => files.find((f) => at >= f.from && at <= f.to + 100)?.name ?? '(between files)';
console.log('probe (median / longest ms): idle                 during the migrations');
for (const k of ['read', 'list', 'place', 'ship']) {
	const i = idle[k], b = busy[k];
	console.log(`  ${k.padEnd(6)} ${String(i.median_ms).padStart(6)} / ${String(i.max_ms).padEnd(8)}      ` +
		`${String(b.median_ms).padStart(6)} / ${b.max_ms} (${b.count} ops; longest ended in ${during(b.max_at_ms)})`);
}
const worst = Object.entries(busy).filter(([k]) => k !== 'errors').sort((a, b) => b[1].max_ms - a[1].max_ms)[0];
console.log(`longest stall: ${worst[1].max_ms} ms (${worst[0]}, during ${during(worst[1].max_at_ms)}); probe errors: ${busy.errors}`);
JS
echo "backfill: $direct lines marked direct, $((lines / 2)) expected"
((direct == lines / 2)) || { echo "migrate.sh: the commission_kind backfill is wrong" >&2; exit 1; }
