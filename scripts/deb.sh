#!/usr/bin/env bash
# deb.sh: `make deb`: the Debian package built by dpkg-buildpackage in a copy of the tree under build/deb/ (the .deb lands there), then lintian.
# A copy, because dpkg-buildpackage cleans and builds in place and writes its results beside the
# source directory: the checkout's own build/, cgi-bin/ and parent directory stay untouched.
# The copy is of the files git knows (committed or not) plus new ones not ignored.
# Prints the path of the .deb last; exits non-zero when the build fails or lintian reports an error.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=${DEB_OUT:-$ROOT/build/deb}
VERSION=$(<VERSION)
SRC=$OUT/crowdcart-$VERSION

die() { echo "deb.sh: $*" >&2; exit 1; }
for tool in dpkg-buildpackage dh lintian; do
	command -v "$tool" >/dev/null || die "$tool missing: run scripts/deps.sh (packages dpkg-dev, debhelper, lintian)"
done
changelog_version=$(dpkg-parsechangelog -S Version -l debian/changelog)
[[ $changelog_version == "$VERSION" ]] ||
	die "VERSION says $VERSION but debian/changelog says $changelog_version: add a changelog entry (dch -v $VERSION)"

rm -rf "$OUT"
mkdir -p "$SRC"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
	[[ -e $f ]] && printf '%s\0' "$f"
done | tar --null -T - -cf - | tar -xf - -C "$SRC"

log=$OUT/build.log
echo "deb.sh: building crowdcart $VERSION in $SRC (log: $log)"
if ! (cd "$SRC" && DEB_BUILD_OPTIONS="parallel=${DEB_JOBS:-2} nocheck" dpkg-buildpackage -b -us -uc) >"$log" 2>&1; then
	tail -n 40 "$log" >&2
	die "dpkg-buildpackage failed (log: $log)"
fi
deb=$(ls "$OUT"/crowdcart_"$VERSION"_*.deb)

# Errors fail the build; warnings and the rest are listed for the reader.
lintian --tag-display-limit 0 "$deb" >"$OUT/lintian.log" 2>&1 || true
cat "$OUT/lintian.log"
! grep -q '^E: ' "$OUT/lintian.log" || die "lintian reports errors ($OUT/lintian.log)"
echo "$deb"
