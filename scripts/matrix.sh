#!/usr/bin/env bash
# The rest of the build matrix (CMakePresets.json), each preset in its own build-PRESET/:
#   scripts/matrix.sh [PRESET...]     default: clang-release asan-ubsan tsan
# clang-release builds everything warning-free with -Werror and runs every test;
# asan-ubsan runs the tests not labelled `slow` under AddressSanitizer and
# UndefinedBehaviorSanitizer; tsan runs the tests labelled `threads`. Uses ccache when the
# machine has it. Each preset is a full build: about 40 minutes on 2 cores without ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
t0=$(date +%s)
presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(clang-release asan-ubsan tsan)
scripts/install-deps.sh
if command -v ccache >/dev/null; then export CMAKE_CXX_COMPILER_LAUNCHER=ccache; fi
for preset in "${presets[@]}"; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
  echo "matrix: $preset done after $(( $(date +%s) - t0 )) s"
done
