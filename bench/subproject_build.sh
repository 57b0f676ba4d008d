#!/usr/bin/env bash
# CPU cost of a consumer's first build with add_subdirectory(squall): a benchmark command,
# not a test (docs/performance.md, "Build cost").
#
#   bench/subproject_build.sh                 the defaults a sub-project gets
#   bench/subproject_build.sh -DSQUALL_CLI_INTERPRETER=ON    with extra configure options
#
# Configures tests/codegen/external (a small project with one squall_add_templates call)
# with add_subdirectory(squall) in a scratch folder, builds it from nothing without ccache
# (CMAKE_BUILD_TYPE as given by BUILD_TYPE, default Release; JOBS, default nproc), and
# prints the CPU seconds (user+sys of every compiler and linker run) and wall time of the
# build, and how many objects of each part of Squall it compiled.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jobs=${JOBS:-$(nproc)}
cmake -S "$repo/tests/codegen/external" -B "$work" -G Ninja -DSQUALL_MODE=subdirectory \
  "-DSQUALL_SOURCE=$repo" "-DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release}" "$@" >/dev/null
start=$(date +%s.%N)
CCACHE_DISABLE=1 /usr/bin/time -f "%U %S" -o "$work/time.txt" cmake --build "$work" -j "$jobs" >/dev/null
end=$(date +%s.%N)
read -r user sys < "$work/time.txt"
awk -v u="$user" -v s="$sys" -v a="$start" -v b="$end" -v opts="$*" -v j="$jobs" \
  'BEGIN { printf "first build of a sub-project consumer (%s): %.1f s CPU, %.1f s wall, %d jobs\n", opts, u + s, b - a, j }' 
for part in squall_runtime squall_frontend squall_codegen squall_interp squall_preview squall_web squall; do
  n=$( (find "$work/squall/CMakeFiles/$part.dir" "$work/squall/web/CMakeFiles/$part.dir" \
          -name '*.o' 2>/dev/null || true) | wc -l)
  echo "  $part: $n objects"
done
