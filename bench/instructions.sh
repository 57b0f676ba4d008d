#!/usr/bin/env bash
# Instructions per render, which unlike times do not depend on the machine's load: runs
# `squall_bench --profile ENGINE/WORKLOAD N` under callgrind for two N and differences the
# totals, so setup (loading data, compiling templates) cancels out.
#   bench/instructions.sh            after ./dev bench (uses build-bench/)
#   ENGINES="compiled interpreter" WORKLOADS=page bench/instructions.sh
set -euo pipefail
cd "$(dirname "$0")/../${SQUALL_BENCH_BUILD_DIR:-build-bench}"
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 2; }
[ -x bench/squall_bench ] || { echo "instructions.sh: run ./dev bench first" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ir() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" ./bench/squall_bench --profile "$1" "$2" \
    >/dev/null 2>&1
  callgrind_annotate "$tmp/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1}'
}

for w in ${WORKLOADS:-big-table teams escape-heavy page}; do
  line="$w:"
  for e in ${ENGINES:-baseline compiled typed interpreter}; do
    case $w in big-table | escape-heavy) n1=2 n2=6 ;; *) n1=20 n2=220 ;; esac
    a=$(ir "$e/$w" $n1)
    b=$(ir "$e/$w" $n2)
    line="$line $e=$(((b - a) / (n2 - n1)))"
  done
  echo "$line"
done
