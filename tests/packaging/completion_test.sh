#!/usr/bin/env bash
# The bash completion of `squall` (scripts/completion/squall.bash) offers the subcommands,
# each subcommand's options and the values of --whitespace, read from the built squall.
# usage: completion_test.sh COMPLETION_SCRIPT SQUALL
set -euo pipefail
source "$1"
squall=$2
fail=0
# expect WORDS... -- EXPECTED: completing the last word of WORDS offers EXPECTED.
expect() {
  local words=() expected
  while [[ $1 != -- ]]; do words+=("$1"); shift; done
  shift
  expected=$1
  COMP_WORDS=("$squall" "${words[@]}")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _squall
  if [[ "${COMPREPLY[*]}" != "$expected" ]]; then
    echo "completing '${words[*]}': got '${COMPREPLY[*]}', expected '$expected'" >&2
    fail=1
  fi
}
expect "" -- "check render compile preview lint"
expect c -- "check compile"
expect --v -- "--version"
expect compile --no-l -- "--no-line-directives"
expect compile --no-s -- "--no-shared-layouts"
expect render --r -- "--root"
expect render --whitespace s -- "single"
expect check --dump -- "--dump-ast"
expect preview --ti -- "--time-budget"
expect render --autoescape n -- "none"
exit $fail
