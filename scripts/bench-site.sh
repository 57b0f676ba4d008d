#!/usr/bin/env bash
# Load benchmark of the example blog's home page: the C++ server against the Tornado twin,
# one after the other on the same machine, loopback only, bounded in time.
#   scripts/bench-site.sh [PATH/TO/squall-blog] [SECONDS]
# Each server gets a new seeded database and a free port; wrk (Debian package `wrk`) runs
# 2 threads and BENCH_CONNECTIONS connections (default 16) for SECONDS (default 10) after a
# 2-second warm-up, and the table gives requests per second and the 99th percentile latency.
set -euo pipefail
cd "$(dirname "$0")/.."
server=${1:-build/examples/blog/squall-blog}
seconds=${2:-10}
connections=${BENCH_CONNECTIONS:-16}
for tool in wrk /usr/bin/python3 "$server"; do
  command -v "$tool" >/dev/null || { echo "bench-site.sh: $tool not found" >&2; exit 2; }
done

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# start NAME COMMAND...: runs a server printing its http://127.0.0.1:PORT/ URL on its first
# line, and sets $url.
start() {
  local name=$1
  shift
  "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
  pids+=($!)
  for _ in $(seq 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$tmp/$name.out" | head -1 || true)
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "bench-site.sh: $name did not start:" >&2
  cat "$tmp/$name.err" >&2
  exit 1
}

# measure NAME URL: prints one table row.
measure() {
  wrk -t2 -c"$connections" -d2s "$2" >/dev/null
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$2" >"$tmp/$1.wrk"
  local rps p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/$1.wrk")
  p99=$(awk '$1 == "99%" {print $2}' "$tmp/$1.wrk")
  errors=$(grep -E 'Non-2xx|Socket errors' "$tmp/$1.wrk" | tr -s ' ' | paste -sd';' || true)
  printf '| %-28s | %12s | %10s | %s\n' "$1" "$rps" "$p99" "${errors:-}"
}

echo "Home page (/), $seconds s, 2 wrk threads, $connections connections, $(nproc) cores"
printf '| %-28s | %12s | %10s |\n' "server" "requests/s" "p99"
printf '|%s|%s|%s|\n' "------------------------------" "--------------" "------------"
start squall "$server" --port 0 --db "$tmp/squall.sqlite3"
measure "Squall (C++, cpp-httplib)" "$url"
start tornado /usr/bin/python3 examples/blog/tornado/app.py --port=0 --db="$tmp/tornado.sqlite3"
measure "Tornado 6.2 twin (Python)" "$url"
