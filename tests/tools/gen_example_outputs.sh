#!/usr/bin/env bash
# Regenerates tests/golden/examples/*.out: what Tornado 6.2 renders for each line of
# templates-examples/examples.txt. Needs python3-tornado (scripts/install-deps.sh --tornado).
set -euo pipefail
top="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$top/templates-examples"
grep -v '^#' examples.txt | while read -r name data; do
  [ -n "$name" ] || continue
  /usr/bin/python3 "$top/tests/tools/tornado_render.py" . "$name" "$data" \
    > "$top/tests/golden/examples/$name.out"
done
