#!/usr/bin/env bash
# run.sh: the cluster failover test end to end: start the Galera cluster and two web nodes, run cluster-test.mjs, stop.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export CLUSTER=${CLUSTER:-$ROOT/var/cluster}
start=$(date +%s)
# Stopped whatever happens, so no mariadbd or lighttpd outlives the test on its ports.
trap '"$ROOT/scripts/cluster.sh" stop; echo "cluster-test: wall time $(($(date +%s) - start)) s"' EXIT
"$ROOT/scripts/cluster.sh" start
node --test "$ROOT/tests/cluster/cluster-test.mjs"
