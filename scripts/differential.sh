#!/bin/sh
# The long differential run (docs/differential.md): interpreter vs the generated C++ built
# by g++ and by clang++, on generated templates. Arguments go to squall_differential:
#   scripts/differential.sh --seed 1 --expressions 1000000 --templates 50000
# Needs a configured build directory (BUILD, default build).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
nice cmake --build "$build" --target squall_differential squall
exec nice "$build/tests/squall_differential" --work "$build/differential" "$@"
