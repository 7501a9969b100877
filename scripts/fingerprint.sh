#!/usr/bin/env bash
# fingerprint.sh: beside each static/*.css, static/*.svg and static/js/*.js, a copy named after its
# content (style.<first 16 hex of its SHA-256>.css) that the pages link (src/web/asset.c) and the
# web server may let browsers keep for a year; copies of older contents are removed. Run by make.
set -euo pipefail
cd "$(dirname "$0")/../static"
shopt -s nullglob
for f in *.css *.svg js/*.js; do
	[[ $f =~ \.[0-9a-f]{16}\.[a-z]+$ ]] && continue
	stem=${f%.*} ext=${f##*.}
	hash=$(sha256sum "$f" | cut -c1-16)
	copy=$stem.$hash.$ext
	if ! { [[ -f $copy ]] && cmp -s "$f" "$copy"; }; then
		cp "$f" "$copy.tmp" && mv "$copy.tmp" "$copy"
	fi
	for old in "$stem".????????????????."$ext"; do
		[[ $old == "$copy" ]] || rm -f "$old"
	done
done
