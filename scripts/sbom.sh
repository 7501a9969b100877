#!/usr/bin/env bash
# sbom.sh: a software bill of materials (CycloneDX 1.5 JSON on stdout) of what the built programs
# load at run time: every shared library ldd resolves for them, named by the Debian package that
# ships it and its installed version (ASVS 14.2.5). usage: scripts/sbom.sh [PROGRAM...]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
(($#)) || set -- cgi-bin/shop.fcgi cgi-bin/studio.fcgi cgi-bin/api.fcgi bin/crowdcartctl
for p in "$@"; do
	[[ -x $p ]] || { echo "sbom.sh: $p is not built: run make" >&2; exit 1; }
done

# The package owning a library file; Debian's merged /usr means dpkg may know it under /usr/lib.
owner() {
	local real
	real=$(readlink -f "$1")
	for path in "$real" "/usr$real" "${real#/usr}"; do
		dpkg-query -S "$path" 2>/dev/null | sed -n '1s/:.*//p' | grep . && return 0
	done
	return 1
}

declare -A seen=()
while read -r lib; do
	pkg=$(owner "$lib") || { echo "sbom.sh: no Debian package ships $lib" >&2; exit 1; }
	[[ -n ${seen[$pkg]:-} ]] || seen[$pkg]=$lib
done < <(ldd "$@" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u)

version=$(cat VERSION 2>/dev/null || git describe --always 2>/dev/null || echo unknown)
printf '{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,\n'
printf ' "metadata":{"component":{"type":"application","name":"crowdcart","version":"%s"}},\n' "$version"
printf ' "components":['
sep=
for pkg in $(printf '%s\n' "${!seen[@]}" | sort); do
	name=${pkg%%:*} arch=${pkg#*:}
	[[ $arch != "$pkg" ]] || arch=$(dpkg --print-architecture)
	ver=$(dpkg-query -W -f='${Version}' "$pkg")
	printf '%s\n  {"type":"library","name":"%s","version":"%s","purl":"pkg:deb/debian/%s@%s?arch=%s"}' \
		"$sep" "$name" "$ver" "$name" "$ver" "$arch"
	sep=,
done
printf '\n ]}\n'
