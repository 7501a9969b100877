#!/usr/bin/env bash
# try.sh: the edit loop for tests that need services: a private stack in var/try (MariaDB with
# the demo data, lighttpd; ports TEST_PORT_BASE + 50), then node's test runner over the files
# named, then the stack stops. usage: scripts/try.sh tests/http/foo.test.mjs [tests/browser/...]
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
(($#)) || { echo "usage: scripts/try.sh TEST_FILE..." >&2; exit 2; }
. tests/private-stack.sh try 50 || exit 1
echo "try: stack on $BASE_URL (state in $VAR)"
rc=0
node --test --test-concurrency=1 "$@" || rc=$?
if ((rc)); then
	for f in "$VAR"/log/lighttpd-error.log "$VAR"/log/lighttpd-fcgi.log; do
		[[ -s $f ]] && { echo "---- last lines of $f ----"; tail -n 20 "$f"; }
	done
fi
exit $rc
