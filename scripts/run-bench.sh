#!/usr/bin/env bash
# `./dev bench` after the build: runs squall_bench (baseline, compiled Squall, interpreter)
# and the Python engines on the ../shared/bench workloads, then prints the report
# (bench/report.py) and the compile times (bench/compile_times.py), and writes both to
# BUILD/performance.md.
#   scripts/run-bench.sh BUILD BENCH_DIR
# SQUALL_BENCH_REPETITIONS (default 5) and SQUALL_BENCH_MIN_TIME (seconds, default 0.5) set
# the repetitions and the minimum time of each repetition, for every engine.
set -euo pipefail
build=${1:?usage: run-bench.sh BUILD BENCH_DIR}
bench_dir=${2:?usage: run-bench.sh BUILD BENCH_DIR}
cd "$(dirname "$0")/.."
reps=${SQUALL_BENCH_REPETITIONS:-5}
min_time=${SQUALL_BENCH_MIN_TIME:-0.5}
corpus=${SQUALL_CORPUS_DIR:-../shared/corpus}
python=/usr/bin/python3  # Debian's, where python3-tornado and python3-jinja2 are installed
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "===== squall_bench: $reps interleaved repetitions of >= ${min_time}s each" >&2
SQUALL_BENCH_DIR="$bench_dir" "$build/bench/squall_bench" \
  --benchmark_repetitions="$reps" --benchmark_min_time="$min_time" \
  --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true \
  --benchmark_out="$tmp/squall_bench.json" --benchmark_out_format=json

echo "===== Tornado and Jinja2: median of $reps rounds of >= ${min_time}s each" >&2
"$python" bench/python_engines.py "$bench_dir" --min-time "$min_time" --rounds "$reps" \
  >"$tmp/python.json"
cat "$tmp/python.json"

"$python" bench/report.py "$tmp/squall_bench.json" "$tmp/python.json" >"$tmp/report.md"

if [ -f "$corpus/index.json" ]; then
  echo "===== compile times (squall compile over $corpus, g++ -O2 on generated templates)" >&2
  "$python" bench/compile_times.py --squall "$build/squall" --corpus "$corpus" \
    --bench-dir "$bench_dir" --squall-bench "$build/bench/squall_bench" >"$tmp/compile.md"
else
  printf '## Compile times\n\nNot measured: no template corpus at %s.\n' "$corpus" >"$tmp/compile.md"
fi

{
  cat "$tmp/report.md"
  echo
  cat "$tmp/compile.md"
} >"$build/performance.md"
echo
cat "$build/performance.md"
echo >&2
echo "run-bench.sh: report written to $build/performance.md" >&2
