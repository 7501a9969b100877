#!/usr/bin/env bash
# callgrind.sh: instructions per request of a shop URL, counted by valgrind's callgrind inside
# dispatch() (request parsing, handler, template, response; not the FastCGI socket I/O).
# Instruction counts do not drift with the machine's load, unlike wrk's requests/s, so this is the
# figure to compare two builds with. Runs beside the make run stack (its var/ configuration and
# database; VAR= for another), on a port of its own.
# Usage: bench/callgrind.sh [URL path] [requests]   e.g. bench/callgrind.sh /@lena 200
#        bench/callgrind.sh all [requests]: one page of each public type (product, storefront,
#        collection, video, ad, live, lead form), picked from the stack's demo rows.
# KEEP=DIR keeps the callgrind files there, for callgrind_annotate --inclusive=yes.
# CALLGRIND_PORT=N is the port of its lighttpd (default: a random one above 20000).
# CACHE_TTL_MS=N sets the worker's cache_ttl_ms (see below); KEEP_PAGES=off renders every view
# while the reads stay cached (the render path alone). ENCODING=gzip asks for compressed pages, as
# browsers do (a kept page then goes out gzipped by the program: src/web/gzip_page.c).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
path=${1:-/@lena}
n=${2:-200}
VAR=${VAR:-var}
[[ $VAR == /* ]] || VAR=$root/$VAR
command -v valgrind >/dev/null || { echo "valgrind is missing" >&2; exit 1; }
[[ -s $VAR/lighttpd.conf ]] || { echo "no $VAR/lighttpd.conf: make run first" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "$(cat "$work/lighttpd.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$work"' EXIT
port=${CALLGRIND_PORT:-$((20000 + RANDOM % 20000))}
# valgrind cannot run a process under seccomp: the workers measured here run without their filter
# (sandbox_filter = off, in a copy of the stack's config), and the run-as user writes the output.
cp "$VAR/crowdcart.conf" "$work/crowdcart.conf"
echo "sandbox_filter = off" >>"$work/crowdcart.conf"
# CACHE_TTL_MS=60000 keeps cached reads and kept pages for the whole run, 0 renders every view:
# either way the count no longer depends on how many seconds the slow, profiled run took.
[[ -z ${CACHE_TTL_MS:-} ]] || echo "cache_ttl_ms = $CACHE_TTL_MS" >>"$work/crowdcart.conf"
[[ -z ${KEEP_PAGES:-} ]] || echo "keep_pages = $KEEP_PAGES" >>"$work/crowdcart.conf"
chmod 0755 "$work" && chown "$(sed -n 's/^run_as_user = //p' "$VAR/crowdcart.conf" | tail -n 1):" "$work" 2>/dev/null || true
# The stack's own lighttpd configuration, on another port, with one shop worker under callgrind.
sed -e "s|^server.port *=.*|server.port = $port|" \
	-e "s|\"CROWDCART_CONF\" => \"[^\"]*\"|\"CROWDCART_CONF\" => \"$work/crowdcart.conf\"|" \
	-e "s|^server.pid-file *=.*|server.pid-file = \"$work/lighttpd.pid\"|" \
	-e "s|\"socket\" => \"[^\"]*/shop.sock\"|\"socket\" => \"$work/shop.sock\"|" \
	-e "s|\"bin-path\" => \"\\([^\"]*/shop.fcgi\\)\"|\"bin-path\" => \"/usr/bin/valgrind --tool=callgrind --trace-children=yes --toggle-collect=dispatch --callgrind-out-file=$work/cg.%p \\1 --workers 1\"|" \
	"$VAR/lighttpd.conf" >"$work/lighttpd.conf"
grep -q "callgrind" "$work/lighttpd.conf" || { echo "could not rewrite the shop's bin-path" >&2; exit 1; }
# Instructions in dispatch() over `k` views of the page, counted from the worker's start to its
# exit: callgrind writes its counts when the worker exits, which needs no debugger attached to a
# worker that has left root. The measured figure is the difference between 20 + n views and 20,
# so start-up work (prepared statements, interned template names, cold caches) cancels out.
measure() {
	rm -f "$work"/cg.*
	lighttpd -f "$work/lighttpd.conf"
	# lighttpd made the worker's socket before starting it, so a request waits for the worker.
	for i in $(seq 1 120); do
		curl -fsS -o /dev/null "http://127.0.0.1:$port/static/style.css" 2>/dev/null && break
		sleep 0.5
	done
	for i in $(seq 1 "$2"); do curl -fsS -o /dev/null ${ENCODING:+-H "Accept-Encoding: $ENCODING"} "http://127.0.0.1:$port$1"; done
	kill "$(cat "$work/lighttpd.pid")"
	for i in $(seq 1 600); do
		pgrep -f "callgrind-out-file=$work" >/dev/null || break
		sleep 0.2
	done
	cat "$work"/cg.* | awk '/^summary:/ { t += $2 } END { printf "%d\n", t }'
}
if [[ $path == all ]]; then
	q() { VAR=$VAR scripts/db.sh client --batch --skip-column-names -e "$1"; }
	paths="$(q "SELECT CONCAT('/p/', b.slug, '/', p.handle) FROM products p JOIN brands b ON b.id = p.brand_id
		WHERE b.slug = 'northwind' AND p.status = 'active' ORDER BY p.id LIMIT 1") /@lena
		$(q "SELECT CONCAT('/@', c.handle, '/', l.slug) FROM collections l JOIN creators c ON c.id = l.creator_id
			WHERE c.handle = 'lena' AND l.published = 1 ORDER BY l.position, l.id LIMIT 1")
		$(q "SELECT CONCAT('/v/', id) FROM videos WHERE taken_down_at IS NULL ORDER BY id LIMIT 1")
		$(q "SELECT CONCAT('/ad/', slug) FROM ads WHERE state = 'live' ORDER BY id LIMIT 1")
		$(q "SELECT CONCAT('/live/', id) FROM live_sessions ORDER BY id LIMIT 1")
		$(q "SELECT CONCAT('/f/', slug) FROM lead_forms WHERE status = 'live' ORDER BY id LIMIT 1")"
else
	paths=$path
fi
for path in $paths; do
	warm=$(measure "$path" 20)
	total=$(( $(measure "$path" $((20 + n))) - warm ))
	[[ -z ${KEEP:-} ]] || cp "$work"/cg.* "$KEEP"/
	echo "$path: $((total / n)) instructions per request in dispatch() ($n requests, callgrind)"
done
