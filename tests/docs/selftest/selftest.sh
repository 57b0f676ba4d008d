#!/usr/bin/env bash
# The docs' checker catches what it must: usage selftest.sh SOURCE BUILD WORK. Checking
# bad.md (beside this file) must fail with every message of expected.txt.
set -uo pipefail
here=$(dirname "$0")
if out=$(bash "$here/../doc_examples.sh" check "$1" "$2" "$3" "$here/bad.md" 2>&1); then
  printf '%s\n' "$out"
  echo "FAIL: the checker passed bad.md"
  exit 1
fi
status=0
while IFS= read -r want; do
  if ! grep -qF -- "$want" <<<"$out"; then
    echo "FAIL: the checker did not report: $want"
    status=1
  fi
done <"$here/expected.txt"
((status)) && printf '%s\n' "$out"
exit $status
