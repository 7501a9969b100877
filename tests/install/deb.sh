#!/usr/bin/env bash
# deb.sh: the deb suite: `make deb` builds a package lintian accepts without errors, and the package, unpacked into a
# throwaway root, has its files and units where they belong and maintainer scripts that create the user, enable the
# units and never touch the database. Ends with "deb total: N passed, N failed". About 2 minutes (a full build).
#
# Unpacked with `dpkg -x`, not installed with `dpkg --root`: --root needs a dpkg database inside the
# root, refuses the package there for want of its libraries (or needs --force-depends), and runs the
# maintainer scripts chrooted into a root that has no shell, adduser or systemctl. dpkg -x lays out
# the files exactly as an installation does, needs no privileges, and the scripts are checked as text.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
T=$(mktemp -d /tmp/cc-deb.XXXXXX)
trap 'rm -rf "$T"' EXIT
R=$T/root

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; shift; [[ $# == 0 ]] || printf '  %s\n' "$@"; }
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$(tail -n 15 <<<"$out")"; fi
}

DEB=
build() {
	local out
	out=$(scripts/deb.sh 2>&1) || { echo "$out"; return 1; }
	echo "$out" >"$T/deb.log"
}
check "make deb builds the package and lintian reports no error" build
DEB=$(tail -n 1 "$T/deb.log" 2>/dev/null)
if [[ ! -f $DEB ]]; then
	echo "deb total: $passed passed, $failed failed"
	exit 1
fi
warnings=$(grep -c '^W: ' build/deb/lintian.log || true)
echo "# lintian: $warnings warnings$( ((warnings)) && printf ': %s' "$(grep '^W: ' build/deb/lintian.log | tr '\n' ';')")"

files_in_place() {
	dpkg-deb -x "$DEB" "$R" || return 1
	local f missing=()
	for f in usr/bin/crowdcartctl usr/lib/crowdcart/{shop,studio,api}.fcgi \
		usr/share/crowdcart/templates/layout.tpl usr/share/crowdcart/static/style.css \
		usr/share/crowdcart/sql/0001_foundation.sql usr/share/crowdcart/sql/grants.sql \
		usr/share/man/man1/crowdcartctl.1.gz usr/share/man/man5/crowdcart.conf.5.gz usr/share/man/man7/crowdcart.7.gz \
		usr/share/doc/crowdcart/copyright etc/crowdcart/crowdcart.conf.example \
		etc/apache2/sites-available/crowdcart.conf etc/lighttpd/conf-available/50-crowdcart.conf \
		lib/systemd/system/crowdcart-{shop,studio,api}.{socket,service} lib/systemd/system/crowdcart-worker.service \
		lib/systemd/system/crowdcart-{purge,send-mail}.{service,timer}; do
		[[ -f $R/$f ]] || missing+=("$f")
	done
	((${#missing[@]} == 0)) || { echo "missing: ${missing[*]}"; return 1; }
	grep -qx 'templates_dir = /usr/share/crowdcart/templates' "$R/etc/crowdcart/crowdcart.conf.example" ||
		{ echo "the example config does not name /usr/share/crowdcart/templates"; return 1; }
	# No crowdcart.conf in the package: it holds secrets only the operator can choose.
	[[ ! -e $R/etc/crowdcart/crowdcart.conf ]] || { echo "the package ships a crowdcart.conf"; return 1; }
	local v
	v=$("$R/usr/bin/crowdcartctl" --version) && [[ $v == "crowdcartctl $(<VERSION)"* ]] || { echo "--version: $v"; return 1; }
}
check "dpkg -x into a throwaway root: programs, data, man pages, sites and units in place" files_in_place

units_point_inside() {
	local u exe out
	for u in "$R"/lib/systemd/system/*.service; do
		exe=$(sed -n 's/^ExecStart=\([^ ]*\).*/\1/p' "$u" | head -n 1)
		[[ -x $R$exe ]] || { echo "$(basename "$u"): ExecStart $exe is not in the package"; return 1; }
	done
	# The packaged units, their paths moved into the root so verify can check the programs exist.
	mkdir -p "$T/units"
	for u in "$R"/lib/systemd/system/crowdcart-*; do
		sed -e "s|=/usr/|=$R/usr/|" "$u" >"$T/units/$(basename "$u")"
	done
	out=$(cd "$T/units" && MANPATH=$R/usr/share/man systemd-analyze verify crowdcart-* 2>&1)
	[[ -z $out ]] || { echo "$out"; return 1; }
}
check "every unit starts a program the package holds, and systemd-analyze verify accepts them" units_point_inside

maintainer_scripts() {
	dpkg-deb -e "$DEB" "$T/control" || return 1
	grep -q 'adduser --system' "$T/control/postinst" || { echo "postinst creates no crowdcart user"; return 1; }
	local u
	for u in crowdcart-shop.socket crowdcart-studio.socket crowdcart-api.socket crowdcart-worker.service \
		crowdcart-purge.timer crowdcart-send-mail.timer; do
		grep -q "deb-systemd-helper enable '$u'" "$T/control/postinst" ||
			{ echo "postinst does not enable $u"; return 1; }
	done
	# A job's service started by the package would run the job against the database.
	! grep -E 'deb-systemd-invoke (start|restart)' "$T/control/postinst" |
		grep -E 'crowdcart-(purge|send-mail|hourly|payouts)\.service' || { echo "postinst runs a job (above)"; return 1; }
	# An upgrade leaves the running programs alone until the operator has migrated and restarts.
	! grep -qE 'deb-systemd-invoke (stop|restart)' "$T/control/preinst" "$T/control/postinst" 2>/dev/null ||
		{ echo "an upgrade stops or restarts the programs"; return 1; }
	grep -q "deb-systemd-invoke stop.*'crowdcart-shop.service'" "$T/control/prerm" ||
		{ echo "removing the package leaves the programs running"; return 1; }
	# Never the database: no client, no migration, in any maintainer script.
	! grep -nE 'mariadb|mysql|crowdcartctl' "$T"/control/{preinst,postinst,prerm,postrm} 2>/dev/null ||
		{ echo "a maintainer script touches the database (above)"; return 1; }
	grep -qx /etc/apache2/sites-available/crowdcart.conf "$T/control/conffiles" &&
		grep -qx /etc/lighttpd/conf-available/50-crowdcart.conf "$T/control/conffiles" ||
		{ echo "the sites are not conffiles: an upgrade would overwrite the operator's edits"; return 1; }
}
check "maintainer scripts create the user and enable the units, run no job, leave an upgrade's restart to the operator" maintainer_scripts

echo "deb total: $passed passed, $failed failed"
((failed == 0))
