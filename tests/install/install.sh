#!/usr/bin/env bash
# run.sh: the install suite: crowdcartctl's help, the man pages, `make install`/`make uninstall` into a DESTDIR, the
# systemd units, and the INSTALLED programs serving /@lena behind a lighttpd that includes the installed site.
# Ends with "install total: N passed, N failed" (tests/run.sh records it). About 30 s.
# usage: [TEST_PORT_BASE=0] tests/install/install.sh   (after make; ports TEST_PORT_BASE + 60)
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
base=$((${TEST_PORT_BASE:-0} + 60))
# The private MariaDB lives where the other stacks' do (the mysql user can reach var/).
export VAR=$ROOT/var/install DB_PORT=$((3397 + base))
PORT=$((8097 + base)) APACHE_PORT=$((8098 + base))
# Short, so the sockets' paths fit in 107 bytes; world-searchable, so the programs can still
# reach their files after giving up root.
T=$(mktemp -d /tmp/cc-install.XXXXXX)
chmod 0755 "$T"
# The installation as the running programs see it: no DESTDIR, every path under $T.
LAYOUT=(PREFIX="$T/usr" SYSCONFDIR="$T/etc" LOCALSTATEDIR="$T/var/lib/crowdcart" RUNDIR="$T/run"
	HTTP_PORT="$APACHE_PORT")

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; shift; [[ $# == 0 ]] || printf '  %s\n' "$@"; }
# check NAME CMD...: the command's status decides; its output is shown only when it fails.
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$(tail -n 15 <<<"$out")"; fi
}

cleanup() {
	local p
	# Each program was started by setsid, so its pid is its group's: the workers go with it.
	for p in $(cat "$T/pids" 2>/dev/null); do kill -TERM -- "-$p" 2>/dev/null || true; done
	[[ ! -s $T/web/run/lighttpd.pid ]] || kill -TERM "$(<"$T/web/run/lighttpd.pid")" 2>/dev/null || true
	[[ ! -s $T/apache/run/apache.pid ]] || apache2 -f "$T/apache/apache2.conf" -k stop >/dev/null 2>&1 || true
	scripts/db.sh stop >/dev/null 2>&1 || true
	rm -rf "$T"
}
trap cleanup EXIT

# ---- crowdcartctl answers --help and --version without a configuration ----------------------
help_checks() {
	local out err
	out=$(env -u CROWDCART_CONF bin/crowdcartctl --conf /nonexistent --help 2>"$T/err") || return 1
	[[ $out == usage:* && ! -s $T/err ]] || { echo "stdout: $out"; cat "$T/err"; return 1; }
	out=$(env -u CROWDCART_CONF bin/crowdcartctl --conf /nonexistent import --help 2>"$T/err") || return 1
	[[ $out == *"--brand SLUG"* && ! -s $T/err ]] || { echo "import --help: $out"; return 1; }
	out=$(bin/crowdcartctl --version) || return 1
	[[ $out == "crowdcartctl $(<VERSION)"* ]] || { echo "--version: $out"; return 1; }
	bin/crowdcartctl no-such-command >/dev/null 2>&1
	[[ $? == 2 ]] || { echo "an unknown command must exit 2"; return 1; }
}
check "crowdcartctl --help, COMMAND --help and --version on stdout, exit 0, no config needed" help_checks

# ---- man pages --------------------------------------------------------------------------------
man_clean() {
	local page=$1 out
	out=$(groff -ww -man -Tutf8 -z "$page" 2>&1) && [[ -z $out ]] || { echo "groff: $out"; return 1; }
	out=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) && [[ -z $out ]] || { echo "man: $out"; return 1; }
}
for page in docs/man/crowdcartctl.1 docs/man/crowdcart.conf.5 docs/man/crowdcart.7; do
	check "$page: groff -ww and man --warnings are silent" man_clean "$page"
done

# Every key the source reads, in crowdcart.conf(5); "<prog>_" keys as their shop_ example.
conf_keys_documented() {
	local key missing=()
	while read -r key; do
		grep -q "fB${key//_/\\_}\\\\fR\|fB${key}\\\\fR" docs/man/crowdcart.conf.5 || missing+=("$key")
	done < <(grep -rhoE 'config_(str|int)\("[a-z0-9_]+"' src | sed -E 's/.*\("//; s/"$//' | sort -u
		grep -rhoE 'config_prog\([a-z>-]+, "[a-z_]+"' src | sed -E 's/.*"([a-z_]+)"$/shop_\1/' | sort -u)
	((${#missing[@]} == 0)) || { echo "not in docs/man/crowdcart.conf.5: ${missing[*]}"; return 1; }
}
check "crowdcart.conf(5) documents every key the source reads" conf_keys_documented

# ---- make install / make uninstall into a DESTDIR ---------------------------------------------
D=$T/dest
installed_files() {
	local f missing=()
	for f in usr/local/bin/crowdcartctl usr/local/lib/crowdcart/{shop,studio,api}.fcgi \
		usr/local/share/crowdcart/templates/layout.tpl usr/local/share/crowdcart/static/style.css \
		usr/local/share/crowdcart/sql/0001_foundation.sql usr/local/share/crowdcart/sql/grants.sql \
		usr/local/share/man/man1/crowdcartctl.1 usr/local/share/man/man5/crowdcart.conf.5 \
		usr/local/share/man/man7/crowdcart.7 etc/crowdcart/crowdcart.conf.example \
		etc/apache2/sites-available/crowdcart.conf etc/lighttpd/conf-available/50-crowdcart.conf \
		etc/systemd/system/crowdcart-{shop,studio,api}.{socket,service} \
		etc/systemd/system/crowdcart-worker.service \
		etc/systemd/system/crowdcart-{purge,send-mail}.{service,timer}; do
		[[ -f $D/$f ]] || missing+=("$f")
	done
	[[ ! -f logrotate/crowdcart || -f $D/etc/logrotate.d/crowdcart ]] || missing+=(etc/logrotate.d/crowdcart)
	((${#missing[@]} == 0)) || { echo "missing: ${missing[*]}"; return 1; }
	[[ -x $D/usr/local/bin/crowdcartctl && -x $D/usr/local/lib/crowdcart/shop.fcgi ]] || { echo "programs not executable"; return 1; }
	grep -qx "templates_dir = /usr/local/share/crowdcart/templates" "$D/etc/crowdcart/crowdcart.conf.example" &&
		grep -qx "sql_dir = /usr/local/share/crowdcart/sql" "$D/etc/crowdcart/crowdcart.conf.example" ||
		{ echo "the example config does not name the installed templates and sql"; return 1; }
	# Filled in for this installation: no placeholder left outside comments.
	! grep -rn '@[A-Z_]*@' "$D/etc" | grep -v ':[[:space:]]*#' || { echo "placeholders left (above)"; return 1; }
	grep -q 'ProxyPass / "unix:/run/crowdcart/shop.sock|fcgi://crowdcart-shop/"' "$D/etc/apache2/sites-available/crowdcart.conf" ||
		{ echo "the Apache site does not reach the shop's socket"; return 1; }
	grep -q '"socket" => "/run/crowdcart/shop.sock"' "$D/etc/lighttpd/conf-available/50-crowdcart.conf" ||
		{ echo "the lighttpd site does not reach the shop's socket"; return 1; }
	grep -qx 'ExecStart=/usr/local/lib/crowdcart/shop.fcgi' "$D/etc/systemd/system/crowdcart-shop.service" ||
		{ echo "crowdcart-shop.service does not start the installed program"; return 1; }
}
check "make install DESTDIR= PREFIX=/usr/local puts every file where it belongs" \
	make -s --no-print-directory install DESTDIR="$D" PREFIX=/usr/local
check "the installed files are complete, filled in for /usr/local" installed_files

uninstalled() {
	mkdir -p "$D/etc/apache2/sites-available" && echo keep >"$D/etc/apache2/sites-available/other.conf"
	make -s --no-print-directory uninstall DESTDIR="$D" PREFIX=/usr/local >/dev/null || return 1
	local left
	left=$(cd "$D" && find . -type f ! -path ./etc/apache2/sites-available/other.conf)
	[[ -z $left ]] || { echo "left behind: $left"; return 1; }
	[[ -f $D/etc/apache2/sites-available/other.conf ]] || { echo "uninstall removed a file it did not install"; return 1; }
	[[ ! -d $D/usr/local/share/crowdcart && ! -d $D/usr/local/lib/crowdcart ]] || { echo "crowdcart's own directories left"; return 1; }
}
check "make uninstall removes exactly what make install put there" uninstalled

# ---- the installation the test serves from -----------------------------------------------------
if ! out=$(env "${LAYOUT[@]}" scripts/install.sh install 2>&1); then
	not_ok "install into $T" "$out"
	echo "install total: $passed passed, $failed failed"
	exit 1
fi

units_verify() {
	command -v systemd-analyze >/dev/null || { echo "systemd-analyze missing (package systemd)"; return 1; }
	local out
	# MANPATH: verify also checks that each Documentation=man: page exists, here the installed ones.
	out=$(cd "$T/etc/systemd/system" && MANPATH=$T/usr/share/man systemd-analyze verify crowdcart-*.socket crowdcart-*.service crowdcart-*.timer 2>&1)
	[[ -z $out ]] || { echo "$out"; return 1; }
	# The programs' filter: @system-service plus the calls the workers' own seccomp lists need.
	grep -qx 'SystemCallFilter=@system-service seccomp mincore' "$T/etc/systemd/system/crowdcart-shop.service" &&
		grep -qx 'ProtectSystem=strict' "$T/etc/systemd/system/crowdcart-shop.service" &&
		grep -qx 'CapabilityBoundingSet=' "$T/etc/systemd/system/crowdcart-shop.service" &&
		grep -qx 'User=crowdcart' "$T/etc/systemd/system/crowdcart-shop.service" || { echo "hardening missing"; return 1; }
}
check "systemd-analyze verify accepts every unit, with the man pages they name" units_verify

# Every call in the workers' seccomp allow-lists (src/lib/sandbox.c) passes the units' filter.
filter_covers_sandbox() {
	local group=@system-service extra have missing=() c
	extra=$(sed -n 's/^SystemCallFilter=@system-service //p' "$T/etc/systemd/system/crowdcart-shop.service")
	have=$(expand() { systemd-analyze syscall-filter "$1" | sed -n '2,$p' | sed 's/^ *//; /^#/d; /^$/d' |
		while read -r x; do case $x in @*) expand "$x" ;; *) echo "$x" ;; esac; done; }; expand "$group")
	for c in $(grep -o 'SCMP_SYS([a-z0-9_]*)' src/lib/sandbox.c | sed 's/SCMP_SYS(\(.*\))/\1/' | sort -u) seccomp; do
		grep -qx "$c" <<<"$have" || [[ " $extra " == *" $c "* ]] || missing+=("$c")
	done
	((${#missing[@]} == 0)) || { echo "not allowed by the units' SystemCallFilter: ${missing[*]}"; return 1; }
}
check "the units' SystemCallFilter allows every call the workers' own filter allows" filter_covers_sandbox

# The folders going live needs, made by systemd-tmpfiles as on an installed system: nginx (www-data)
# writes them, the crowdcart group reads them. systemd-tmpfiles --root resolves users in that
# root's own passwd and group, given here with a crowdcart account as the package makes one.
live_folders() {
	local conf=$T/usr/lib/tmpfiles.d/crowdcart.conf R=$T/tmpfiles-root lsd=$T/var/lib/crowdcart got
	[[ -f $conf ]] || { echo "no tmpfiles.d/crowdcart.conf installed"; return 1; }
	mkdir -p "$R/etc" && cp /etc/passwd /etc/group "$R/etc/"
	grep -q '^crowdcart:' "$R/etc/passwd" || echo 'crowdcart:x:64990:64990::/var/lib/crowdcart:/usr/sbin/nologin' >>"$R/etc/passwd"
	grep -q '^crowdcart:' "$R/etc/group" || echo 'crowdcart:x:64990:' >>"$R/etc/group"
	systemd-tmpfiles --create --root="$R" "$conf" || return 1
	# numbers, as this machine's own passwd need not know crowdcart
	local cc www
	cc=$(awk -F: '$1 == "crowdcart" { print $3 }' "$R/etc/passwd"):$(awk -F: '$1 == "crowdcart" { print $3 }' "$R/etc/group")
	www=$(awk -F: '$1 == "www-data" { print $3 }' "$R/etc/passwd")
	got=$(cd "$R$lsd" && stat -c '%n %u:%g %a' media/live media/live/hls live live/rec)
	[[ $got == "media/live $cc 755
media/live/hls $www:${cc#*:} 2755
live $cc 755
live/rec $www:${cc#*:} 2750" ]] || { echo "$got (crowdcart $cc, www-data $www)"; return 1; }
}
check "systemd-tmpfiles makes the streaming folders nginx writes and crowdcart reads" live_folders

# The Apache site with only what Debian enables by default plus the four modules the site names.
apache_site_minimal() {
	mkdir -p "$T/apache/log" "$T/apache/run"
	local m mods="" user=""
	for m in mpm_event authz_core alias mime filter proxy proxy_fcgi headers deflate expires; do
		mods+="LoadModule ${m}_module /usr/lib/apache2/modules/mod_$m.so"$'\n'
	done
	# As Debian's apache2 runs: workers as www-data, which the sockets' group lets in.
	((EUID != 0)) || user=$'User www-data\nGroup www-data\n'
	printf '%s%sServerRoot "%s"\nListen 127.0.0.1:%s\nServerName localhost\nPidFile "%s"\nErrorLog "%s"\nTypesConfig /etc/mime.types\nInclude "%s"\n' \
		"$mods" "$user" "$T/apache" "$APACHE_PORT" "$T/apache/run/apache.pid" "$T/apache/log/error.log" \
		"$T/etc/apache2/sites-available/crowdcart.conf" >"$T/apache/apache2.conf"
	apache2 -t -f "$T/apache/apache2.conf"
}
check "the installed Apache site needs only a2enmod proxy_fcgi headers deflate expires" apache_site_minimal

# ---- the installed programs, serving ------------------------------------------------------------
CONF=$VAR/crowdcart.conf
http() { curl -s -o "$T/body" -D "$T/headers" -w '%{http_code}' --max-time 5 "$@" || true; }

# What crowdcart-PROG.socket and crowdcart-PROG.service do, without systemd: the socket made
# first, owned and moded as the unit says (group www-data, 0660), then the program started with it
# as its standard input (StandardInput=socket), where a FastCGI program looks for it.
ACTIVATE='
	my ($path, @cmd) = @ARGV;
	unlink $path;
	my $s = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Local => $path, Listen => 256) or die "$path: $!";
	if ($> == 0) { chown(-1, scalar getgrnam("www-data"), $path) or die "chown $path: $!"; }
	chmod(0660, $path) or die "chmod $path: $!";
	open(STDIN, "<&", $s) or die "fd 0: $!";
	exec(@cmd) or die "exec $cmd[0]: $!";
'

serve() {
	rm -rf "$VAR"
	# systemd makes RUNDIR for its socket units; here the programs listen there themselves.
	mkdir -p "$VAR/log" "$T/web/run" "$T/web/log" "$T/run"
	scripts/db.sh start >"$VAR/log/setup.log" 2>&1 || { cat "$VAR/log/setup.log"; return 1; }
	# db.sh's config, then the installed paths: the last key wins.
	printf 'templates_dir = %s\nsql_dir = %s\nstatic_dir = %s\n' "$T/usr/share/crowdcart/templates" \
		"$T/usr/share/crowdcart/sql" "$T/usr/share/crowdcart/static" >>"$CONF"
	{ "$T/usr/bin/crowdcartctl" --conf "$CONF" migrate && scripts/db.sh grants &&
		"$T/usr/bin/crowdcartctl" --conf "$CONF" demo; } >>"$VAR/log/setup.log" 2>&1 ||
		{ tail -n 20 "$VAR/log/setup.log"; return 1; }
	local p
	for p in shop studio api; do
		CROWDCART_CONF=$CONF setsid perl -MIO::Socket::UNIX -e "$ACTIVATE" "$T/run/$p.sock" \
			"$T/usr/lib/crowdcart/$p.fcgi" --workers 2 </dev/null >>"$VAR/log/$p.log" 2>&1 &
		echo $! >>"$T/pids"	# checks run in a subshell: cleanup finds the pids in this file
	done
	# The private wrapper of make run, with the INSTALLED site included as Debian's lighttpd would.
	sed -e "s|@VAR@|$T/web|g; s|@PORT@|$PORT|g; s|@STATIC@|$T/usr/share/crowdcart/static|g" \
		lighttpd/private.conf.in >"$T/web/lighttpd.conf"
	echo "include \"$T/etc/lighttpd/conf-available/50-crowdcart.conf\"" >>"$T/web/lighttpd.conf"
	lighttpd -tt -f "$T/web/lighttpd.conf" || return 1
	lighttpd -f "$T/web/lighttpd.conf" || return 1
	local i code
	for ((i = 0; i < 60; i++)); do
		code=$(http "http://127.0.0.1:$PORT/@lena")
		[[ $code == 200 ]] && break
		sleep 0.5
	done
	[[ $code == 200 ]] || { echo "GET /@lena: $code"; tail -n 20 "$VAR"/log/shop.log "$T/web/log/lighttpd-error.log"; return 1; }
	grep -q 'Lena' "$T/body" || { echo "/@lena does not show Lena"; return 1; }
	touch "$T/serving"
}
check "the installed programs, started as their socket units start them, serve /@lena 200 behind lighttpd with the installed site" serve

routes_and_headers() {
	local code
	code=$(http "http://127.0.0.1:$PORT/login")
	[[ $code == 200 ]] || { echo "GET /login (studio): $code"; return 1; }
	code=$(http "http://127.0.0.1:$PORT/api/v1/products")
	[[ $code == 401 ]] || { echo "GET /api/v1/products without a key (API): $code"; return 1; }
	code=$(http -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT/static/style.css")
	[[ $code == 200 ]] && grep -qi '^content-encoding: gzip' "$T/headers" || { echo "style.css: $code, not gzipped"; cat "$T/headers"; return 1; }
	grep -qi '^cache-control: public, max-age=300' "$T/headers" || { echo "style.css: no short Cache-Control"; return 1; }
	# A fingerprinted name (operate's build step makes them from static/): kept a year, immutable.
	cp "$T/usr/share/crowdcart/static/style.css" "$T/usr/share/crowdcart/static/style.0123abcd.css"
	code=$(http "http://127.0.0.1:$PORT/static/style.0123abcd.css")
	[[ $code == 200 ]] && grep -qi '^cache-control: public, max-age=31536000, immutable' "$T/headers" ||
		{ echo "fingerprinted file: $code"; cat "$T/headers"; return 1; }
	code=$(http "http://127.0.0.1:$PORT/@lena")
	grep -qi '^content-security-policy:' "$T/headers" || { echo "no CSP header"; return 1; }
}
if [[ -e $T/serving ]]; then
	check "the installed site routes studio, API and static files, with compression and caching" routes_and_headers
fi

# The same programs behind Apache with the installed site, over the same sockets, as www-data.
apache_serves() {
	local code i
	apache2 -f "$T/apache/apache2.conf" -k start || return 1
	for ((i = 0; i < 40; i++)); do
		code=$(http "http://127.0.0.1:$APACHE_PORT/@lena")
		[[ $code == 200 ]] && break
		sleep 0.5
	done
	[[ $code == 200 ]] && grep -q 'Lena' "$T/body" || { echo "GET /@lena: $code"; tail -n 20 "$T/apache/log/error.log"; return 1; }
	code=$(http "http://127.0.0.1:$APACHE_PORT/login")
	[[ $code == 200 ]] || { echo "GET /login (studio): $code"; return 1; }
	code=$(http "http://127.0.0.1:$APACHE_PORT/api/v1/products")
	[[ $code == 401 ]] || { echo "GET /api/v1/products without a key (API): $code"; return 1; }
	code=$(http -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APACHE_PORT/static/style.0123abcd.css")
	[[ $code == 200 ]] && grep -qi '^content-encoding: gzip' "$T/headers" &&
		grep -qi '^cache-control: public, max-age=31536000, immutable' "$T/headers" ||
		{ echo "fingerprinted style.css through Apache: $code"; cat "$T/headers"; return 1; }
}
if [[ -e $T/serving ]]; then
	check "Apache with the installed site reaches the installed programs' sockets" apache_serves
fi

echo "install total: $passed passed, $failed failed"
((failed == 0))
