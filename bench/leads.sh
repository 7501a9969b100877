#!/usr/bin/env bash
# leads.sh: public lead form submissions per second through lighttpd against the real MariaDB (not
# part of make test). Creates a live two-field form (name, email) for the demo brand with no
# fill-time minimum and limits out of reach, then runs bench/leads-driver.mjs: N first-time
# submissions with CONC in flight, then N/10 repeats of the same emails (which must merge), and
# a count check that every acknowledged lead is stored exactly once. Usage: bench/leads.sh [N] [CONC]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
n=${1:-2000}
conns=${2:-32}
export VAR=${VAR:-var/bench-leads} DB_PORT=${DB_PORT:-3489} PORT=${PORT:-8489}
export APACHE_PORT=${APACHE_PORT:-8490} SHOP_FCGI_PORT=${SHOP_FCGI_PORT:-9489} STUDIO_FCGI_PORT=${STUDIO_FCGI_PORT:-9490}
command -v node >/dev/null || { echo "node is missing: make deps" >&2; exit 1; }

started=
if ! scripts/db.sh status >/dev/null 2>&1; then
	scripts/db.sh start
	started=1
fi
bin/crowdcartctl --conf "$VAR/crowdcart.conf" migrate >/dev/null
scripts/db.sh grants
bin/crowdcartctl --conf "$VAR/crowdcart.conf" demo >/dev/null
scripts/web.sh start lighttpd >/dev/null
trap 'scripts/web.sh stop >/dev/null 2>&1 || true; [[ -z $started ]] || scripts/db.sh stop >/dev/null 2>&1 || true' EXIT

slug=bench-$(date +%s)
form=$(scripts/db.sh client -N -B -e "
	INSERT INTO lead_forms (brand_id, slug, title, intro, consent_text, thanks_text, status, min_fill_seconds,
	  ip_limit_per_hour, form_limit_per_hour, created_at, updated_at)
	  SELECT id, '$slug', 'Benchmark form', '', 'I agree to be contacted.', 'Thanks!', 'live', 0, 100000000,
	  100000000, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM brands WHERE slug = 'northwind';
	SET @f = LAST_INSERT_ID();
	INSERT INTO lead_form_fields (form_id, position, type, label, required) VALUES
	  (@f, 1, 'text', 'Name', 1), (@f, 2, 'email', 'Email', 1);
	SELECT @f;")

echo "crowdcart lead form benchmark: $(nproc) cores, $(date -u +%FT%TZ), lighttpd, $n submissions, $conns in flight"
node bench/leads-driver.mjs "http://127.0.0.1:$PORT" "$slug" "$form" "$n" "$conns"
