#!/usr/bin/env bash
# The rest of the build matrix (CMakePresets.json), each preset in its own build-PRESET/:
#   scripts/matrix.sh [PRESET...]     default: clang-release asan-ubsan tsan (.ci/run runs all three)
# clang-release builds everything warning-free with -Werror and runs every test;
# asan-ubsan runs the tests under AddressSanitizer and UndefinedBehaviorSanitizer, except:
#   - label `slow` (external-project builds) and label `differential` (it links generated
#     code built without sanitizer flags against the sanitized runtime);
#   - the PreviewServer tests: the preview forks a render child from a threaded server, which
#     clang 14's ASan allocator does not make fork-safe (a child can hang on an allocator
#     lock until the time budget ends), and its memory budget is an address-space limit
#     that ASan's shadow memory exceeds. tsan and the gcc build run them;
#   and with leak detection off: reference cycles (`l.append(l)`) leak by design of the
#   reference-counted Value (docs/security.md, "Reference cycles"), and conformance cases
#   make them.
# tsan builds squall, codegen_tests, preview_tests and web_adapter_tests and runs the
# threaded tests (ConcurrencyStress, Adapter, Reloading, PreviewServer). Uses ccache when the
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
