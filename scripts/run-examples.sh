#!/usr/bin/env bash
# The README's main job: checks every example template, then renders each page listed in
# templates-examples/examples.txt with its sample data.
set -euo pipefail
squall=${1:?usage: run-examples.sh PATH/TO/squall}
root="$(cd "$(dirname "$0")/../templates-examples" && pwd)"
# data/ holds the sample JSON, not templates: check the .html and .xml files.
find "$root" -name '*.html' -o -name '*.xml' | sort | xargs "$squall" check --root "$root"
echo "squall check: all example templates are clean" >&2
grep -v '^#' "$root/examples.txt" | while read -r name data; do
  [ -n "$name" ] || continue
  echo "===== $name (data: $data)" >&2
  "$squall" render --root "$root" --data "$root/$data" "$name"
done
