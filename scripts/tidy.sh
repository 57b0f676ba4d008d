#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy at the root) over the runtime and compiler sources, using the
# compile commands of a build folder (default build/, configured by ./dev).
#   scripts/tidy.sh [BUILD_DIR] [FILE...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
if [ ! -f "$build/compile_commands.json" ]; then
  cmake -S . -B "$build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
fi
if [ $# -eq 0 ]; then
  mapfile -t files < <(git ls-files 'runtime/*.cpp' 'compiler/*.cpp')
else
  files=("$@")
fi
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet
