#!/usr/bin/env bash
# Serves the example blog with the built server (builds nothing itself).
#   scripts/run-site.sh BUILD_DIR [--port N] [--db FILE] [--debug]
# Default: http://127.0.0.1:8888/, data in BUILD_DIR/examples/blog/blog.sqlite3 (created and
# seeded on the first run, reused afterwards). Ctrl-C stops it.
set -euo pipefail
build=${1:?usage: run-site.sh BUILD_DIR [--port N] [--db FILE] [--debug]}
shift
server="$build/examples/blog/squall-blog"
if [ ! -x "$server" ]; then
  echo "run-site.sh: $server is not built (cmake --build $build --target squall-blog)" >&2
  exit 1
fi
exec "$server" "$@"
