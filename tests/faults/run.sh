#!/usr/bin/env bash
# run.sh: make faults: the fault tests too slow or too intrusive for make test (a full disk), against a
# private stack (tests/private-stack.sh, var/faults, ports TEST_PORT_BASE + 70). Needs root.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 2
export ROOT
. tests/private-stack.sh faults 70 || exit 1
node --test tests/faults/
