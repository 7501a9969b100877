#!/usr/bin/env bash
# install.sh: what `make install` and `make uninstall` do; one list of files serves both, so uninstall removes exactly what install put there.
# usage: [DESTDIR=] [PREFIX=/usr/local] [SYSCONFDIR=/etc] [UNITDIR=] [LOCALSTATEDIR=/var/lib/crowdcart]
#        [RUNDIR=/run/crowdcart] [HTTP_PORT=80] scripts/install.sh install|uninstall|list
# The programs must be built (make). Paths are the installation's as the running system sees them;
# DESTDIR only prefixes where the files are written (a package's staging root, a test's folder).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

DESTDIR=${DESTDIR:-}
PREFIX=${PREFIX:-/usr/local}
BINDIR=${BINDIR:-$PREFIX/bin}
# The FastCGI programs are started by systemd or the web server, never typed: not on $PATH.
LIBEXECDIR=${LIBEXECDIR:-$PREFIX/lib/crowdcart}
DATADIR=${DATADIR:-$PREFIX/share/crowdcart}
MANDIR=${MANDIR:-$PREFIX/share/man}
# systemd-tmpfiles reads /usr/local/lib/tmpfiles.d as well as /usr/lib/tmpfiles.d.
TMPFILESDIR=${TMPFILESDIR:-$PREFIX/lib/tmpfiles.d}
# The programs look for /etc/crowdcart/crowdcart.conf, and Debian's servers and systemd read
# /etc: whatever the prefix, the configuration goes there unless told otherwise.
SYSCONFDIR=${SYSCONFDIR:-/etc}
UNITDIR=${UNITDIR:-$SYSCONFDIR/systemd/system}
LOCALSTATEDIR=${LOCALSTATEDIR:-/var/lib/crowdcart}
RUNDIR=${RUNDIR:-/run/crowdcart}
# The port of the Apache site's <VirtualHost *:PORT>.
HTTP_PORT=${HTTP_PORT:-80}
CONF=$SYSCONFDIR/crowdcart/crowdcart.conf
PROGRAMS=(shop studio api)

die() { echo "install.sh: $*" >&2; exit 1; }
esc() { printf '%s' "$1" | sed -e 's/[|&\\]/\\&/g'; }

# files: "MODE SOURCE TARGET" per line, SOURCE being "@render:TEMPLATE[:PROG]" for files whose
# placeholders are filled in for this installation. Directories of their own (DATADIR) are listed
# file by file too, so uninstall leaves a file someone added there alone.
files() {
	local p f
	echo "0755 bin/crowdcartctl $BINDIR/crowdcartctl"
	for p in "${PROGRAMS[@]}"; do echo "0755 cgi-bin/$p.fcgi $LIBEXECDIR/$p.fcgi"; done
	while IFS= read -r f; do
		echo "0644 $f $DATADIR/$f"
	done < <(find templates static sql -type f ! -name '.*' | LC_ALL=C sort)
	echo "0644 docs/man/crowdcartctl.1 $MANDIR/man1/crowdcartctl.1"
	echo "0644 docs/man/crowdcart.conf.5 $MANDIR/man5/crowdcart.conf.5"
	echo "0644 docs/man/crowdcart.7 $MANDIR/man7/crowdcart.7"
	echo "0644 @render:crowdcart.conf.example $SYSCONFDIR/crowdcart/crowdcart.conf.example"
	echo "0644 @render:apache/crowdcart.conf.in $SYSCONFDIR/apache2/sites-available/crowdcart.conf"
	echo "0644 @render:lighttpd/crowdcart.conf.in $SYSCONFDIR/lighttpd/conf-available/50-crowdcart.conf"
	echo "0644 @render:nginx/rtmp.conf.in $SYSCONFDIR/nginx/crowdcart-rtmp.conf"
	[[ ! -f logrotate/crowdcart ]] || echo "0644 logrotate/crowdcart $SYSCONFDIR/logrotate.d/crowdcart"
	echo "0644 @render:systemd/crowdcart.tmpfiles.in $TMPFILESDIR/crowdcart.conf"
	for p in "${PROGRAMS[@]}"; do
		echo "0644 @render:systemd/crowdcart-PROG.socket.in:$p $UNITDIR/crowdcart-$p.socket"
		echo "0644 @render:systemd/crowdcart-PROG.service.in:$p $UNITDIR/crowdcart-$p.service"
	done
	for f in systemd/crowdcart-[a-z]*.in; do
		[[ $f == *PROG* ]] && continue
		f=${f#systemd/}
		echo "0644 @render:systemd/$f $UNITDIR/${f%.in}"
	done
}

# render TEMPLATE [PROG]: the template with this installation's paths. Comment lines keep their
# placeholders (they document them) except the lines meant to be uncommented: "#spawn " in the
# lighttpd site, "#studio " in the program unit (live for the studio, dropped for the others).
render() {
	local t=$1 prog=${2:-}
	case $t in
	crowdcart.conf.example)
		sed -e "s|^templates_dir = .*|templates_dir = $(esc "$DATADIR/templates")|" \
			-e "s|^sql_dir = .*|sql_dir = $(esc "$DATADIR/sql")|" \
			-e "s|^static_dir = .*|static_dir = $(esc "$DATADIR/static")|" \
			-e "s|^media_dir = .*|media_dir = $(esc "$LOCALSTATEDIR/media")|" "$t"
		return ;;
	esac
	local keep='^$'	# a regex no comment line matches: units are rendered whole
	[[ $t != apache/* && $t != lighttpd/* && $t != nginx/* ]] || keep='^[[:space:]]*#([^s]|s[^p]|$)'
	sed -E -e "/^[[:space:]]*#studio /{$([[ $prog == studio ]] && echo 's/#studio //' || echo d)}" \
		-e "\%$keep%b" \
		-e "s|@PROG@|$prog|g; s|@BINDIR@|$(esc "$BINDIR")|g; s|@LIBEXECDIR@|$(esc "$LIBEXECDIR")|g
		s|@DATADIR@|$(esc "$DATADIR")|g; s|@SYSCONFDIR@|$(esc "$SYSCONFDIR")|g
		s|@RUNDIR@|$(esc "$RUNDIR")|g; s|@LOCALSTATEDIR@|$(esc "$LOCALSTATEDIR")|g
		s|@STATIC@|$(esc "$DATADIR/static")|g; s|@MEDIA@|$(esc "$LOCALSTATEDIR/media")|g
		s|@SOCK@|$(esc "$RUNDIR")|g; s|@BIN@|$(esc "$LIBEXECDIR")|g; s|@CONF@|$(esc "$CONF")|g
		s|@PORT@|$HTTP_PORT|g; s|@RTMP_PORT@|1935|g; s|@RELAY_PORT@|1936|g
		s|@HLS@|$(esc "$LOCALSTATEDIR/media/live/hls")|g; s|@REC@|$(esc "$LOCALSTATEDIR/live/rec")|g
		s|@CALLBACK@|http://127.0.0.1:$HTTP_PORT|g
		s|@SHOP_FCGI@|unix:$(esc "$RUNDIR")/shop.sock\|fcgi://crowdcart-shop|g
		s|@STUDIO_FCGI@|unix:$(esc "$RUNDIR")/studio.sock\|fcgi://crowdcart-studio|g
		s|@API_FCGI@|unix:$(esc "$RUNDIR")/api.sock\|fcgi://crowdcart-api|g" "$t"
}

cmd_install() {
	local mode src dst t prog
	for f in bin/crowdcartctl "${PROGRAMS[@]/#/cgi-bin/}"; do
		[[ $f == cgi-bin/* ]] && f=$f.fcgi
		[[ -x $f ]] || die "$f missing: run make first"
	done
	while read -r mode src dst; do
		install -d -m 0755 "$DESTDIR$(dirname "$dst")"
		if [[ $src == @render:* ]]; then
			IFS=: read -r _ t prog <<<"$src"
			render "$t" "$prog" >"$DESTDIR$dst.tmp"
			chmod "$mode" "$DESTDIR$dst.tmp"
			mv "$DESTDIR$dst.tmp" "$DESTDIR$dst"
		else
			install -m "$mode" "$src" "$DESTDIR$dst"
		fi
	done < <(files)
	echo "installed under ${DESTDIR:-/} (prefix $PREFIX); next steps: man 7 crowdcart"
}

# Our own directories, deepest first, removed when uninstall leaves them empty.
own_dirs() {
	{
		files | awk '{ print $3 }' | grep -E "^($(esc "$DATADIR")|$(esc "$LIBEXECDIR"))/" | xargs -r -n1 dirname
		echo "$DATADIR" "$LIBEXECDIR" "$SYSCONFDIR/crowdcart" | tr ' ' '\n'
	} | LC_ALL=C sort -u -r
}

cmd_uninstall() {
	local mode src dst d
	while read -r mode src dst; do
		rm -f "$DESTDIR$dst"
	done < <(files)
	while read -r d; do
		rmdir "$DESTDIR$d" 2>/dev/null || true
	done < <(own_dirs)
	echo "removed crowdcart's files under ${DESTDIR:-/} (prefix $PREFIX); the configuration, database and media are kept"
}

case ${1:-} in
install) cmd_install ;;
uninstall) cmd_uninstall ;;
list) files | awk '{ print $3 }' ;;
*) die "usage: [DESTDIR=] [PREFIX=/usr/local] $0 install|uninstall|list" ;;
esac
