#!/usr/bin/env bash
# The docs' checker catches what it must: usage selftest.sh SOURCE BUILD WORK. Checking
# each bad*.md beside this file must fail, with every message of expected.txt in all.
set -uo pipefail
here=$(dirname "$0")
out="" status=0
for doc in "$here"/bad*.md; do
  if one=$(bash "$here/../doc_examples.sh" check "$1" "$2" "$3" "$doc" 2>&1); then
    echo "FAIL: the checker passed $doc"
    status=1
  fi
  out+=$one$'\n'
done
while IFS= read -r want; do
  if ! grep -qF -- "$want" <<<"$out"; then
    echo "FAIL: the checker did not report: $want"
    status=1
  fi
done <"$here/expected.txt"
((status)) && printf '%s\n' "$out"
exit $status
