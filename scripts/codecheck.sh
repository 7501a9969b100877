#!/usr/bin/env bash
# codecheck.sh: `make lint` — the project's rules that a machine can check (after fossil's
# codecheck1): the layers include only downwards, no module cycles, no MariaDB calls outside the db layer, no SQL
# assembled with printf, every template auto-escapes, raw template output only for variables that
# say they are sanitised, every template name the code sets exists in its template, and every test
# docs/SECURITY.md cites as proof of an ASVS requirement still exists.
set -uo pipefail
cd "$(dirname "$0")/.."
fail=0
bad() { echo "lint: $*"; fail=1; }

# The db layer is the only place that talks to Connector/C.
hits=$(grep -rlE '\bmysql_[a-z_]+\s*\(' src | grep -vE '^src/db/db\.c$' || true)
[ -z "$hits" ] || bad "MariaDB calls outside src/db/db.c: $hits"

# The layers (docs/ARCHITECTURE.md): lib <- db <- domain <- views <- programs, and web <- lib, db.
# An include line names the layer ("web/http.h"); a file may include only its own layer or one
# below it, and a program only itself among the programs.
allowed() {
	case $1 in
	src/lib/*) echo 'lib' ;;
	src/db/*) echo 'lib db' ;;
	src/web/*) echo 'lib db web' ;;
	src/domain/*) echo 'lib db domain' ;;
	src/views/*) echo 'lib db web domain views' ;;
	src/*/*) local p=${1#src/}; echo "lib db web domain views ${p%%/*}" ;;
	esac
}
while IFS= read -r f; do
	ok=" $(allowed "$f") "
	while IFS=: read -r n inc; do
		layer=${inc%%/*}
		[[ $inc == */* && $ok == *" $layer "* ]] || bad "$f:$n: includes \"$inc\", outside what ${f#src/} may use (${ok:1:-1})"
	done < <(grep -n '^#include "' "$f" | sed 's/^\([0-9]*\):#include "\([^"]*\)".*/\1:\2/')
done < <(find src -name '*.[ch]' -o -name '*.cc')

# SQL text is never formatted: statements are static db_stmt declarations with bound parameters.
hits=$(grep -rnE '(printf|strcat|buf_puts|buf_put)\s*\(.*"\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE)\b' src || true)
[ -z "$hits" ] || bad "SQL built with string formatting:
$hits"

# Each worker keeps every statement it has run prepared, in a table of DB_MAX_STMTS slots that
# aborts the worker when full: the whole source, every program's statements together, stays under
# half of it.
max_stmts=$(sed -n 's/^#define DB_MAX_STMTS \([0-9]*\).*/\1/p' src/db/db.c)
stmts=$(grep -rhoE 'struct db_stmt [a-z_0-9]+(\[[0-9A-Z_]+\])* = ' src | wc -l)
((stmts * 2 < max_stmts)) || bad "$stmts db_stmt definitions in src/: raise DB_MAX_STMTS ($max_stmts) in src/db/db.c"

# printf-style wrappers are checked by the compiler (-Wformat-nonliteral); make sure ours are marked.
hits=$(grep -rnE '\(.*const char \*fmt, \.\.\.\)' src --include='*.h' | grep -v 'format(printf' || true)
[ -z "$hits" ] || bad "printf-like functions without a format attribute:
$hits"

for t in templates/*.tpl; do
	head -c 200 "$t" | grep -q '{{%AUTOESCAPE context="' || bad "$t does not start with an AUTOESCAPE pragma"
done
hits=$(grep -nE '\{\{[A-Z0-9_]+:(none|x-raw)' templates/*.tpl | grep -vE '\{\{SANITISED_[A-Z0-9_]+:(none|x-raw)' || true)
[ -z "$hits" ] || bad "raw template output of a value not named SANITISED_*:
$hits"

# A picture reference's columns name their table: inside IMAGE_REF_SQL's subqueries a bare url_hash
# is image_fetches' own, and the lookup then matches every fetched picture.
hits=$(grep -rnE '(IMAGE_REF_SQL|UPLOAD_REF_SQL)\("[a-z_]+"' src | grep -v '#define' || true)
[ -z "$hits" ] || bad "picture references with a column that names no table:
$hits"

# A comment says why; which issue asked for the code is history, and git keeps it.
hits=$(grep -rnE '\bissues? [0-9]+' src static/*.css || true)
[ -z "$hits" ] || bad "comments that name an issue (say why instead):
$hits"

# No two modules depend on each other, however far round (scripts/cyclecheck.pl).
perl scripts/cyclecheck.pl || fail=1

perl scripts/tplcheck.pl $(find src -name '*.c') || fail=1

# The ASVS mapping's proofs are tests by name: a renamed test must not leave a row proving nothing.
perl scripts/asvscheck.pl || fail=1

# A routing table is read top to bottom: its order is the match precedence, so the enum that
# names the rows lists them in that same order.
for f in src/shop/main.c src/studio/main.c src/api/main.c; do
	enum=$(sed -n '/^enum [a-z_]* {/,/};/p' "$f" | grep -oE '\b[A-Z][A-Z0-9_]+\b' | grep -v '__MAX$')
	rows=$(grep -oE '^[[:space:]]*\[[A-Z][A-Z0-9_]*\] =' "$f" | tr -d '[]= \t')
	[ "$enum" = "$rows" ] || bad "$f: the enum does not list the routing rows in their order"
done

# Handlers read typed values (req_id, req_int...) that the dispatcher checked; they never parse.
hits=$(grep -rnE '\b(strto(l|ll|ul|ull)|ato(i|l|ll))\s*\(' src/shop src/studio src/api || true)
[ -z "$hits" ] || bad "numbers parsed by hand in program code (declare a typed field instead):
$hits"

[ $fail = 0 ] && echo "lint: ok"
exit $fail
