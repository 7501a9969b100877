#!/bin/bash
# build.sh: build the libFuzzer harnesses into build-fuzz/fuzz/: the Makefile's fuzz flavour (clang
# with fuzzer, address and undefined instrumentation over the same library the programs link).
# usage: tests/fuzz/build.sh [NAME...]   (default: every tests/fuzz/fuzz_*.c); then run e.g.
#   build-fuzz/fuzz/fuzz_sanitize tests/fuzz/corpus/sanitize -max_total_time=60
set -euo pipefail
cd "$(dirname "$0")/../.."
if (($#)); then
	make -s fuzz-build FUZZ_NAMES="$*"
else
	make -s fuzz-build
fi
