# wrk.sh: sourced by the wrk benchmarks. wrk_measure URL prints "req/s p99_ms errors" for one URL
# after a 2 s warm-up that also fills the workers' caches (errors "-" when wrk saw none, else its
# Non-2xx and socket error lines); WRK_CONNS (32) and WRK_SECS (10) set the run.
wrk_measure() {
	wrk -t2 -c"${WRK_CONNS:-32}" -d2s "$1" >/dev/null
	wrk -t2 -c"${WRK_CONNS:-32}" -d"${WRK_SECS:-10}s" --latency "$1" | awk '
		/Requests\/sec/ { rps = $2 }
		/ 99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } p99 = v }
		/Non-2xx|Socket errors/ { err = err "; " $0 }
		END { printf "%.0f %.2f %s\n", rps, p99, err ? substr(err, 3) : "-" }'
}
