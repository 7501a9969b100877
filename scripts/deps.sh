#!/usr/bin/env bash
# deps.sh: install the Debian packages and npm modules crowdcart builds and tests with; quick no-op when all are there.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

PKGS=(gcc g++ make pkg-config libfcgi-dev libctemplate-dev libmariadb-dev libsodium-dev
	libjansson-dev libcsv-dev check libxml2-dev clang mariadb-server mariadb-client
	lighttpd apache2 nginx libnginx-mod-rtmp chromium wrk curl ca-certificates galera-4 rsync ffmpeg sqlmap wapiti
	libcurl4-openssl-dev openssl libseccomp-dev liboath-dev libqrencode-dev zbar-tools libvips-dev libphonenumber-dev
	lighttpd-mod-deflate systemd groff man-db dpkg-dev debhelper fakeroot lintian zlib1g-dev libxxhash-dev)
# This machine ships node+npm outside dpkg; Debian's npm would fight that install.
command -v node >/dev/null || PKGS+=(nodejs)
command -v npm >/dev/null || PKGS+=(npm)

# One dpkg-query for all packages keeps the common case (nothing missing) fast.
declare -A have=()
while read -r pkg status; do
	[[ $status == installed ]] && have[$pkg]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PKGS[@]}" 2>/dev/null || true)
missing=()
for p in "${PKGS[@]}"; do
	[[ -n ${have[$p]:-} ]] || missing+=("$p")
done

# Packages whose Debian postinst may start a daemon on a standard port (3306, 80), and its init script.
declare -A SERVICE=([mariadb-server]=mariadb [apache2]=apache2 [lighttpd]=lighttpd [nginx]=nginx)

install_missing() {
	# Without systemd, invoke-rc.d honours policy-rc.d: exit 101 forbids starting services.
	# Images often ship one already; only add (and later remove) ours when there is none.
	local policy=/usr/sbin/policy-rc.d ours=
	if [[ ! -e $policy ]]; then
		ours=$policy
		printf '#!/bin/sh\n# crowdcart deps.sh: no service starts during install\nexit 101\n' >"$policy"
		chmod 755 "$policy"
		trap 'rm -f /usr/sbin/policy-rc.d' EXIT
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
	if [[ -n $ours ]]; then
		rm -f "$ours"
		trap - EXIT
	fi
	# A postinst that ignored the policy may still have started one; stop it so ports stay free.
	# Only for packages installed just now: a service someone runs on purpose is not ours to stop.
	local p s
	for p in "${missing[@]}"; do
		s=${SERVICE[$p]:-}
		[[ -n $s && -x /etc/init.d/$s ]] || continue
		if /etc/init.d/"$s" status >/dev/null 2>&1; then
			/etc/init.d/"$s" stop >/dev/null 2>&1 || echo "deps.sh: warning: could not stop $s" >&2
		fi
	done
}

if ((${#missing[@]})); then
	if ((EUID != 0)); then
		echo "deps.sh: missing packages; as root run:" >&2
		echo "apt-get install -y --no-install-recommends ${missing[*]}" >&2
		exit 1
	fi
	echo "deps.sh: installing ${missing[*]}"
	install_missing
fi

# Browser tests drive Debian's chromium through playwright-core (no browser download); the
# OpenAPI document is checked by a validator from npm; the live player's hls.js comes from npm
# (vendor/hls). Each has its own lock file.
for dir in tests/browser tests/openapi vendor/hls; do
	if [[ -f $ROOT/$dir/package-lock.json && ! -d $ROOT/$dir/node_modules ]]; then
		(cd "$ROOT/$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
	fi
done
