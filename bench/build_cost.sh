#!/usr/bin/env bash
# Build cost of generated templates: a benchmark command, not a test (docs/performance.md,
# "Build cost").
#
#   bench/build_cost.sh                  uses build/squall (cmake --build build --target squall)
#   SQUALL=path/to/squall CXX=clang++ JOBS=2 bench/build_cost.sh
#   FOLDERS="blog" bench/build_cost.sh   only some folders (blog, poweredsites)
#
# For each template folder it generates the C++ with `squall compile` (the example site's
# templates and modules, and the corpus's poweredsites folder when ../shared/corpus exists;
# the corpus is read in place, never copied into the repository), then compiles every
# generated .cpp as squall_add_templates would for a Release consumer at -O2
# (`CXX -std=c++20 -O2 -DNDEBUG -I include -I BUILD/include -c`), twice:
#   - without a precompiled header;
#   - with one: <squall/abi.hpp> (what generated code includes) precompiled once with the
#     same flags, then force-included (-include), as squall_add_templates does through
#     target_precompile_headers. The one-off cost of the PCH itself is reported on its own.
# The two compiles of a file run one after the other. Each compile's CPU time is user+sys from /usr/bin/time (so the machine's load changes it
# little); the report gives median, max and total per folder, and the object's size as
# `size` counts it (text: code and read-only data) and its file size. For scale it also
# compiles the issue's reference translation unit (<string>, <vector>, <memory> and a small
# function) and a file that only includes <squall/abi.hpp>. It reports the same figures for
# the templates that extend a layout alone, and how many generated files change when the
# folder's most extended layout gets an edit after its blocks (a copy is edited).
#
#   bench/build_cost.sh --project        a configured build's own generated sources instead
#
# --project replays, in BUILD_DIR (default build/, configured with Ninja and built once), the
# compile commands of every object library squall_add_templates made (<target>_squall_<ns>):
# once as they are (building each PCH, then the sources with it) and once without the PCH
# (the same commands without `-include cmake_pch.hxx`), without ccache, and prints the total
# CPU of each. It rewrites those objects in place (with equivalent ones).
#
# JOBS compiles in parallel (default 1: CPU time is what is measured, and it is steadier
# alone). EXTRA_FLAGS is appended to every compile (e.g. "-O3" to see Release's default).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$repo/build}
squall=${SQUALL:-$build/squall}
cxx=${CXX:-g++}
jobs=${JOBS:-1}
folders=${FOLDERS:-blog poweredsites}
corpus=${CORPUS:-$repo/../shared/corpus}
[ -x "$squall" ] || { echo "build_cost.sh: $squall is missing (cmake --build build --target squall)" >&2; exit 2; }
[ -f "$build/include/squall/version.hpp" ] || { echo "build_cost.sh: $build is not a configured build" >&2; exit 2; }
command -v "$cxx" >/dev/null || { echo "build_cost.sh: no compiler $cxx" >&2; exit 2; }

if [ "${1:-}" = --project ]; then
  cd "$build"
  targets=$(ninja -t targets all | sed -n 's/^\([A-Za-z0-9_]*_squall_[A-Za-z0-9_]*\): .*/\1/p' |
    grep -v '^cmake_object_order' | sort -u)
  [ -n "$targets" ] || { echo "build_cost.sh: no squall_add_templates object libraries in $build" >&2; exit 2; }
  # shellcheck disable=SC2086
  ninja -t commands $targets | grep -e ' -c ' -e 'c++-header' | grep cmake_pch | sed 's/^ccache //' |
    awk '!seen[$0]++' >"${TMPDIR:-/tmp}/squall_build_cost_cmds.$$"
  cmds=${TMPDIR:-/tmp}/squall_build_cost_cmds.$$
  trap 'rm -f "$cmds"' EXIT
  total() { # total CPU of running each line of stdin as a shell command
    local sum=0 t
    while read -r line; do
      t=$( { /usr/bin/time -f '%U %S' bash -c "$line" 2>&1 >/dev/null; } | tail -1 | awk '{print $1 + $2}')
      sum=$(echo "$sum + $t" | bc)
    done
    echo "$sum"
  }
  echo "# build_cost.sh --project: $(echo "$targets" | wc -w) object libraries, $(grep -v 'c++-header' "$cmds" | grep -c -- ' -c ') generated sources, $(grep -c 'c++-header' "$cmds") PCHs"
  echo "with the PCH (building it included): $(grep 'c++-header' "$cmds" | total) + $(grep -v 'c++-header' "$cmds" | total) s CPU"
  echo "without: $(grep -v 'c++-header' "$cmds" | sed 's| -Winvalid-pch -include [^ ]*cmake_pch.hxx||' | total) s CPU"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2206
flags=(-std=c++20 -O2 -DNDEBUG -I "$repo/include" -I "$build/include" ${EXTRA_FLAGS:-})

# The precompiled header, built the way CMake builds one: a header that includes what the
# generated code includes, compiled as a header with the sources' flags.
pch_dir=$tmp/pch
mkdir -p "$pch_dir"
printf '#include <squall/abi.hpp>\n' >"$pch_dir/squall_pch.hpp"
if "$cxx" --version | grep -q clang; then
  pch_file=$pch_dir/squall_pch.hpp.pch
  pch_use=(-Xclang -include-pch -Xclang "$pch_file" -include "$pch_dir/squall_pch.hpp")
else
  pch_file=$pch_dir/squall_pch.hpp.gch
  pch_use=(-include "$pch_dir/squall_pch.hpp" -Winvalid-pch)
fi

# cpu_of OUT -- CMD...: runs CMD, writes "user+sys" seconds to OUT; a failing compile stops.
cpu_of() {
  local out=$1
  shift 2
  if ! /usr/bin/time -f '%U %S' -o "$out.time" "$@" 2>"$out.err"; then
    echo "build_cost.sh: failed: $*" >&2
    cat "$out.err" >&2
    exit 1
  fi
  awk '{printf "%.2f\n", $(NF-1) + $NF}' "$out.time" | tail -1 >"$out"
}
export -f cpu_of

# compile_all DIR: compiles every .cpp under DIR/src without and then with the PCH, into
# DIR/nopch/ and DIR/pch/, one result line per file and mode: "cpu text bytes name". The two
# compiles of a file run back to back, so a change in the machine's load hits both alike.
compile_all() {
  local dir=$1
  mkdir -p "$dir/nopch" "$dir/pch"
  printf '%s\n' "${pch_use[@]}" >"$dir/pch_use"
  # xargs appends the file name after the flags: the last argument is the file. The inner
  # script's variables are the inner shell's.
  # shellcheck disable=SC2016
  (cd "$dir/src" && find . -name '*.cpp' -print0 | sort -z) |
    XCXX="$cxx" XDIR="$dir" xargs -0 -n 1 -P "$jobs" bash -c '
      f=${!#}; set -- "${@:1:$#-1}"; f=${f#./}
      mapfile -t use <"$XDIR/pch_use"
      for mode in nopch pch; do
        o="$XDIR/$mode/$(echo "$f" | tr / _).o"
        extra=(); [ $mode = pch ] && extra=("${use[@]}")
        cpu_of "$o.cpu" -- "$XCXX" "$@" "${extra[@]}" -I "$XDIR/src" -c "$XDIR/src/$f" -o "$o"
        printf "%s %s %s %s\n" "$(cat "$o.cpu")" "$(size -B "$o" | awk "NR==2 {print \$1}")" \
          "$(stat -c %s "$o")" "$f" >"$o.row"
      done' _ "${flags[@]}"
  cat "$dir/nopch"/*.row >"$dir/nopch.rows"
  cat "$dir/pch"/*.row >"$dir/pch.rows"
}

# summary ROWS: median/max/total CPU and median/max text size of "cpu text bytes name" rows.
summary() {
  local texts
  texts=$(awk '{print $2}' "$1" | sort -n | tr '\n' ' ')
  sort -n -k1,1 "$1" | awk -v texts="$texts" '
    { cpu[NR] = $1; total += $1; bytes += $3 }
    END {
      n = split(texts, t, " ")
      med = (NR % 2) ? cpu[(NR + 1) / 2] : (cpu[NR / 2] + cpu[NR / 2 + 1]) / 2
      tmed = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
      printf "%d files | CPU median %.2f s, max %.2f s, total %.1f s | text median %.1f KB, max %.1f KB | objects %.0f KB\n",
        NR, med, cpu[NR], total, tmed / 1024, t[n] / 1024, bytes / 1024
    }'
}

echo "# build_cost.sh: $("$cxx" --version | head -1); flags: ${flags[*]}"

# Reference translation units, for scale.
cat >"$tmp/reference.cpp" <<'EOF'
#include <memory>
#include <string>
#include <vector>
std::string join_all(const std::vector<std::string>& parts) {
  auto out = std::make_unique<std::string>();
  for (const auto& p : parts) *out += p;
  return *out;
}
EOF
printf '#include <squall/abi.hpp>\n' >"$tmp/runtime_only.cpp"
cpu_of "$tmp/ref.cpu" -- "$cxx" "${flags[@]}" -c "$tmp/reference.cpp" -o "$tmp/ref.o"
cpu_of "$tmp/rt.cpu" -- "$cxx" "${flags[@]}" -c "$tmp/runtime_only.cpp" -o "$tmp/rt.o"
cpu_of "$tmp/pch.cpu" -- "$cxx" "${flags[@]}" -x c++-header "$pch_dir/squall_pch.hpp" -o "$pch_file"
cpu_of "$tmp/rtp.cpu" -- "$cxx" "${flags[@]}" "${pch_use[@]}" -c "$tmp/runtime_only.cpp" -o "$tmp/rtp.o"
echo "reference TU (<string>, <vector>, <memory>, one function): $(cat "$tmp/ref.cpu") s CPU"
echo "only #include <squall/abi.hpp>: $(cat "$tmp/rt.cpu") s CPU; with the PCH: $(cat "$tmp/rtp.cpu") s"
echo "building the PCH (once per target): $(cat "$tmp/pch.cpu") s CPU, $(($(stat -c %s "$pch_file") / 1048576)) MB"  # large: one per target, in the build tree

# page_rows ROWS ROOT: the rows of templates under ROOT that extend a layout.
page_rows() {
  local ns_file name
  while read -r cpu text bytes name; do
    ns_file=${name#*/}  # NS/NAME.cpp -> NAME.cpp
    if grep -q '{%-\?[[:space:]]*extends' "$2/${ns_file%.cpp}" 2>/dev/null; then
      echo "$cpu $text $bytes $name"
    fi
  done <"$1"
}

# layout_edit ROOT: how many generated .cpp files change when the layout most templates
# extend gets an edit that leaves its blocks alone (a line appended after them), as
# `squall compile` rewrites only the outputs whose text changed (write_if_changed).
layout_edit() {
  local root=$1 work=$tmp/edit layout
  rm -rf "$work"
  mkdir -p "$work"
  cp -r "$root" "$work/root"
  # Tornado resolves an extends path against the extending file's folder.
  layout=$(cd "$work/root" && grep -roE '\{%-?[[:space:]]*extends[[:space:]]+["'"'"']?[^"'"'"' %]+' . |
    sed -E 's/^([^:]*):.*extends[[:space:]]+["'"'"']?/\1 /' | while read -r file target; do
      realpath -m --relative-to=. "$(dirname "$file")/$target"
    done | sort | uniq -c | sort -rn | awk 'NR==1 {print $2}')
  [ -n "$layout" ] && [ -f "$work/root/$layout" ] || { echo "no layout found"; return; }
  "$squall" compile --root "$work/root" --out "$work/out" --namespace edit >/dev/null
  touch -d '1 hour ago' "$work"/out/edit/*.cpp "$work"/out/edit/*/*.cpp 2>/dev/null || true
  touch "$work/marker"
  printf '\n<!-- edited -->\n' >>"$work/root/$layout"
  "$squall" compile --root "$work/root" --out "$work/out" --namespace edit >/dev/null
  echo "$(find "$work/out/edit" -name '*.cpp' -newer "$work/marker" | wc -l) of" \
    "$(find "$work/out/edit" -name '*.cpp' | wc -l) generated files change ($layout edited after its blocks)"
}

for folder in $folders; do
  dir=$tmp/$folder
  mkdir -p "$dir/src"
  case $folder in
    blog)
      root=$repo/examples/blog/templates
      "$squall" compile --root "$root" --modules "$repo/examples/blog/modules" \
        --out "$dir/src" --namespace site ;;
    *)
      root=$corpus/$folder
      if [ ! -d "$root" ]; then
        echo "$folder: skipped ($root is missing)"
        continue
      fi
      "$squall" compile --root "$root" --out "$dir/src" --namespace corpus ;;
  esac
  compile_all "$dir"
  for mode in nopch pch; do
    echo "$folder, $mode: $(summary "$dir/$mode.rows")"
    page_rows "$dir/$mode.rows" "$root" >"$dir/$mode.pages"
    [ -s "$dir/$mode.pages" ] && echo "$folder, $mode, pages that extend a layout: $(summary "$dir/$mode.pages")"
  done
  echo "$folder, layout edit: $(layout_edit "$root")"
done
