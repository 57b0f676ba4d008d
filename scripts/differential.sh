#!/bin/sh
# The long differential run (docs/differential.md): interpreter vs the generated C++ built
# by g++ and by clang++, on generated templates. Arguments go to squall_differential:
#   scripts/differential.sh --seed 1 --expressions 1100000 --templates 50000
# It takes CPU hours, so it keeps a progress file (PROGRESS, default
# BUILD/differential/progress-seedS.txt): run the same command again after an interruption
# and it continues with the first unfinished batch; the last line totals the whole run.
# Needs a configured build directory (BUILD, default build).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
seed=1
prev=
for a in "$@"; do
  [ "$prev" = --seed ] && seed=$a
  prev=$a
done
progress=${PROGRESS:-$build/differential/progress-seed$seed.txt}
mkdir -p "$build/differential"
nice cmake --build "$build" --target squall_differential squall
exec nice "$build/tests/squall_differential" --work "$build/differential" --progress "$progress" "$@"
