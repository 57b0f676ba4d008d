#!/usr/bin/env bash
# Load test of one page with UI modules (bench/web): squall::web through the cpp-httplib and
# Boost.Beast adapters beside Tornado 6.2 serving the same templates and data, with wrk on
# 127.0.0.1 for a bounded time. Prints requests/s and p99 latency as a Markdown table.
#   bench/web/load_test.sh BUILD_DIR   (configure with -DSQUALL_BUILD_BENCH=ON and build
#                                       web_bench_server first)
# Environment: DURATION (seconds per server, default 5), CONNECTIONS (default 16),
# SERVER_THREADS (threads of the Beast server, default 1: Tornado is one thread too;
# cpp-httplib gets one worker per connection, which its blocking model needs).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: load_test.sh BUILD_DIR}
server="$build/bench/web/web_bench_server"
duration=${DURATION:-5}
connections=${CONNECTIONS:-16}
threads=${SERVER_THREADS:-1}
[ -x "$server" ] || { echo "load_test.sh: build web_bench_server first ($server)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "load_test.sh: wrk is missing (scripts/install-deps.sh --bench)" >&2; exit 2; }

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

# page NAME URL: the page with its per-request XSRF token blanked, for the parity check.
page() { curl -s "$1" | sed -E 's/value="2\|[^"]*"/value="TOKEN"/'; }

echo "| server | requests/s | p99 latency | page bytes |"
echo "|---|---|---|---|"
reference=""
for name in tornado httplib beast; do
  port=$(free_port)
  if [ "$name" = tornado ]; then
    /usr/bin/python3 "$here/tornado_server.py" "$port" & pid=$!
  elif [ "$name" = httplib ]; then
    # cpp-httplib blocks a worker per kept-alive connection: one worker per connection.
    "$server" "$name" "$port" "$connections" & pid=$!
  else
    "$server" "$name" "$port" "$threads" & pid=$!
  fi
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.05; done
  body=$(page "http://127.0.0.1:$port/")
  if [ -z "$reference" ]; then reference=$body
  elif [ "$body" != "$reference" ]; then echo "load_test.sh: $name's page differs from Tornado's" >&2; fi
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port/")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "| $name | $rps | $p99 | ${#body} |"
  cleanup; pid=""
done
