#!/bin/bash
# build.sh: build the libFuzzer harnesses into build/fuzz/ with clang (fuzzer, address, undefined).
# usage: tests/fuzz/build.sh [NAME...]   (default: every tests/fuzz/fuzz_*.c); then run e.g.
#   build/fuzz/fuzz_sanitize tests/fuzz/corpus/sanitize -max_total_time=60
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=build/fuzz
PKGS="libsodium jansson libmariadb libxml-2.0"
FLAGS="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -std=c17 -D_GNU_SOURCE -Isrc/core $(pkg-config --cflags $PKGS)"
mkdir -p $OUT/core
for c in src/core/*.c; do
	o=$OUT/core/$(basename "${c%.c}").o
	[[ $o -nt $c ]] || clang $FLAGS -c -o "$o" "$c"
done
rm -f $OUT/libcore.a && ar rcs $OUT/libcore.a $OUT/core/*.o
names=("$@")
[[ ${#names[@]} -gt 0 ]] || names=($(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//'))
for n in "${names[@]}"; do
	# Harnesses of program code (not libcore) compile that file in too.
	extra=()
	[[ $n != fuzz_api_* ]] || extra=(-Isrc/api src/api/products_parse.c)
	clang ${FLAGS/fuzzer-no-link/fuzzer} -o $OUT/$n tests/fuzz/$n.c "${extra[@]}" $OUT/libcore.a \
		$(pkg-config --libs $PKGS) -lcsv -lfcgi -lresolv
	echo "built $OUT/$n"
done
