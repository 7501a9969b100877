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

# The package owning each library file, asked of dpkg once for all of them (a dpkg-query per file
# read dpkg's whole file database each time: a minute for the 120-odd libraries). Debian's merged
# /usr means dpkg may know a file under /usr/lib or /lib, so each is asked under all three names;
# the first name dpkg knows wins. The package name is what dpkg prints before the first ':'.
declare -A owner_of=() seen=()
libs=()
while read -r lib; do
	libs+=("$lib")
done < <(ldd "$@" | awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u)
names=()
for lib in "${libs[@]}"; do
	real=$(readlink -f "$lib")
	names+=("$real" "/usr$real" "${real#/usr}")
done
while IFS= read -r line; do
	path=${line#*: }
	[[ -n ${owner_of[$path]:-} ]] || owner_of[$path]=${line%%:*}
done < <(dpkg-query -S "${names[@]}" 2>/dev/null || true)
for lib in "${libs[@]}"; do
	real=$(readlink -f "$lib") pkg=
	for path in "$real" "/usr$real" "${real#/usr}"; do
		pkg=${owner_of[$path]:-}
		[[ -z $pkg ]] || break
	done
	[[ -n $pkg ]] || { echo "sbom.sh: no Debian package ships $lib" >&2; exit 1; }
	[[ -n ${seen[$pkg]:-} ]] || seen[$pkg]=$lib
done

version=$(cat VERSION 2>/dev/null || git describe --always 2>/dev/null || echo unknown)
printf '{"bomFormat":"CycloneDX","specVersion":"1.5","version":1,\n'
printf ' "metadata":{"component":{"type":"application","name":"crowdcart","version":"%s"}},\n' "$version"
printf ' "components":['
sep=
declare -A version_of=()
while read -r pkg ver; do
	version_of[$pkg]=$ver
done < <(dpkg-query -W -f='${Package} ${Version}\n' "${!seen[@]}")
native=$(dpkg --print-architecture)
for pkg in $(printf '%s\n' "${!seen[@]}" | sort); do
	name=${pkg%%:*} arch=${pkg#*:}
	[[ $arch != "$pkg" ]] || arch=$native
	ver=${version_of[$name]:?sbom.sh: dpkg has no version of $name}
	printf '%s\n  {"type":"library","name":"%s","version":"%s","purl":"pkg:deb/debian/%s@%s?arch=%s"}' \
		"$sep" "$name" "$ver" "$name" "$ver" "$arch"
	sep=,
done
printf '\n ]}\n'
