#!/usr/bin/env bash
# Builds Squall's libFuzzer targets (clang 14, ASan + UBSan) in build-fuzz/ and runs each,
# seeded from the conformance cases and the examples.
#   scripts/fuzz.sh                 a short run: 60 s per target (what CI runs)
#   scripts/fuzz.sh --minutes 30    30 minutes of wall time per target
#   scripts/fuzz.sh --cpu-minutes 30   the long run: each target runs until it has used 30
#                                   minutes of CPU (in chunks, resuming from its corpus), so a
#                                   loaded machine does not shorten it
#   scripts/fuzz.sh --only interp   one target (template_parser expr_parser interp escape codegen)
# Findings (crash-*, leak-*, timeout-*) are written to build-fuzz/findings/TARGET/; each one
# is fixed and its input kept in tests/fuzz/regressions/TARGET/, which seeds later runs and
# the CI run (docs/security.md). Afterwards the code generator's
# sampled outputs are compiled with the C++ compiler.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
cpu_seconds=0
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --cpu-minutes) cpu_seconds=$(( $2 * 60 )); shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "fuzz.sh: unknown option '$1'" >&2; exit 2 ;;
  esac
done

build=build-fuzz
if [ ! -f "$build/build.ninja" ]; then
  CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSQUALL_FUZZ=ON -DSQUALL_BUILD_TESTS=OFF -DSQUALL_SANITIZE=fuzzer-no-link,address,undefined \
    ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER}
fi
targets=(escape template_parser expr_parser interp codegen)
[ -n "$only" ] && targets=("$only")
nice cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"

# Seeds: every template of the conformance cases, the examples, and the templates' `{{ }}`
# contents for the expression parser.
seeds=$build/seeds
if [ ! -d "$seeds" ]; then
  mkdir -p "$seeds"/{templates,exprs,interp}
  python3 - "$seeds" <<'PY'
import glob, hashlib, json, os, re, sys
out = sys.argv[1]
def put(kind, data):
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(out, kind, name), "wb") as f:
        f.write(data)
for path in sorted(glob.glob("tests/conformance/*.json")):
    for case in json.load(open(path, encoding="utf-8")):
        for text in case["templates"].values():
            data = text.encode("utf-8", "surrogateescape")[:20000]
            put("templates", data)
            for m in re.finditer(r"\{\{(.*?)\}\}|\{%(.*?)%\}", text, re.S):
                put("exprs", (m.group(1) or m.group(2)).strip().encode())
        main = case["templates"][case["main"]].encode()[:20000]
        put("interp", main + b"\0" + json.dumps(case["args"]).encode())
for path in sorted(glob.glob("templates-examples/**/*", recursive=True)):
    if os.path.isfile(path) and not path.endswith(".json"):
        put("templates", open(path, "rb").read()[:20000])
PY
fi

seed_for() {
  case "$1" in
    template_parser|codegen|escape) echo "$seeds/templates" ;;
    expr_parser) echo "$seeds/exprs" ;;
    interp) echo "$seeds/interp" ;;
  esac
}

# regressions_for TARGET: the folder of the target's past findings, when it has one.
regressions_for() {
  [ -d "tests/fuzz/regressions/$1" ] && echo "tests/fuzz/regressions/$1"
  return 0
}

samples=$build/codegen-samples
mkdir -p "$samples"
status=0
# run_chunk TARGET SECONDS: one libFuzzer run resuming from the target's corpus; appends its
# log to build-fuzz/TARGET.log and its CPU seconds (user + system) to build-fuzz/TARGET.cpu.
run_chunk() {
  local t=$1 secs=$2
  local corpus=$build/corpus/$t findings=$build/findings/$t
  mkdir -p "$corpus" "$findings"
  local rc=0
  # Reference cycles (`{% set d['me'] = d %}`) leak by design of the reference-counted Value
  # (docs/security.md); the conformance seeds make them, so the interpreter runs without
  # LeakSanitizer, as the asan-ubsan preset's tests do.
  local extra=() asan=${ASAN_OPTIONS:-}
  [ "$t" = interp ] && extra=(-detect_leaks=0) && asan=detect_leaks=0  # also at exit
  ASAN_OPTIONS=$asan SQUALL_FUZZ_CODEGEN_SAMPLES=$samples /usr/bin/time -f "%U %S" -o "$build/$t.time" \
    "$build/tests/fuzz/fuzz_$t" "$corpus" "$(seed_for "$t")" $(regressions_for "$t") \
      -max_total_time="$secs" -max_len=4096 \
      -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$findings/" -print_final_stats=1 "${extra[@]}" \
      2>> "$build/$t.log" || rc=1
  tail -1 "$build/$t.time" | awk '{ print $1 + $2 }' >> "$build/$t.cpu"
  return $rc
}

# cpu_used TARGET: the whole CPU seconds its chunks have used so far.
cpu_used() {
  awk '{ s += $1 } END { printf "%d", s }' "$build/$1.cpu"
}

for t in "${targets[@]}"; do
  : > "$build/$t.log"
  : > "$build/$t.cpu"
  if [ "$cpu_seconds" -gt 0 ]; then
    echo "fuzz.sh: $t until ${cpu_seconds} CPU seconds" >&2
    used=0
    while [ "$used" -lt "$cpu_seconds" ]; do
      chunk=$(( cpu_seconds - used ))
      [ "$chunk" -lt 60 ] && chunk=60
      run_chunk "$t" "$chunk" || { status=1; break; }
      used=$(cpu_used "$t")
    done
  else
    echo "fuzz.sh: $t for ${seconds}s" >&2
    run_chunk "$t" "$seconds" || status=1
  fi
  execs=$(awk -F': +' '/^stat::number_of_executed_units/ { s += $2 } END { print s + 0 }' "$build/$t.log")
  cpu=$(cpu_used "$t")
  echo "fuzz.sh: $t: $execs executions in $cpu CPU seconds; corpus $(ls "$build/corpus/$t" | wc -l);" \
    "findings $(ls "$build/findings/$t" | wc -l)" >&2
  grep -E "^stat::peak_rss_mb|cov: " "$build/$t.log" | tail -2 >&2 || true
done

# Generated C++ must compile for every template the front end accepts.
# A random 20 of the samples: each compile takes seconds.
if ls "$samples"/*.cpp >/dev/null 2>&1; then
  for f in $(ls "$samples"/*.cpp | shuf -n 20); do
    if ! c++ -std=c++20 -fsyntax-only -Iinclude "$f" 2> "$f.err"; then
      echo "fuzz.sh: generated C++ does not compile: $f (see $f.err)" >&2
      status=1
    else
      rm -f "$f.err"
    fi
  done
fi
exit $status
