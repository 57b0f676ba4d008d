#!/usr/bin/env bash
# Every fenced code block of docs/*.md is checked by what it is, or says why not. A marker
# comment on the line before a block (blank lines allowed between) tells how:
#
#   (none), on a ```cpp block     statements: the body of a GoogleTest TEST, compiled into
#                                 docs_examples_DOC and run (label `docs`)
#   <!-- test: cpp scope -->      namespace-scope C++ (types, functions, a main(), which is
#                                 renamed): compiled and linked into the same program
#   <!-- test: cpp no-run (WHY) -->  statements compiled and linked, never run (a server)
#   <!-- test: file PATH -->      write the block to PATH (~ is the test's HOME)
#   <!-- test: run [exit=N] -->   run each line with bash; each must exit N (default 0). A
#                                 block of `$ command` lines followed by what each prints is
#                                 a session: each command's stdout+stderr must be that text
#   <!-- test: output -->         the block is what the last command printed
#   <!-- test: check NAME [OPTION...] -->  write the block to NAME and run `squall check
#                                 [OPTION...] NAME`; an output block must follow
#   <!-- test: render NAME [OPTION...] -->  write the block to NAME and run `squall render
#                                 --root . [OPTION...] NAME`; an output block must follow.
#                                 With no option but --data, NAME is also compiled to C++
#                                 (squall_add_templates) and rendered, with that output
#   <!-- test: check-table -->    on a table of diagnostics: each code span of a row's
#                                 second column, run through `squall check`, prints the
#                                 error of its first column (`<...>` stands for any text)
#   <!-- test: lint-table -->     the same with `squall lint` and the warning code of the
#                                 first column
#   <!-- test: synopsis -->       a usage summary: every --option named after `squall CMD`
#                                 must be one `squall CMD --help` lists
#   <!-- test: cmake -->          configured (not built) in a scratch project that has
#                                 found the installed Squall, in its own folder holding
#                                 main.cpp, templates/ and modules/
#   <!-- test: same-as DOC PATH -->  the block is the one DOC writes to PATH
#   <!-- test: same-file PATH -->    the block is the file PATH of the source tree
#   <!-- test: skip (WHY) -->     not checked; the reason is printed
#
# A marker whose comment spans several lines is a step of its own, not attached to a block:
# `<!-- test: file PATH` writes the lines up to `-->` to PATH, `<!-- test: run` runs them
# (for setup a reader needs not see). In expected output a line `...` stands for any
# number of lines, and a line ending in `...` for any line that starts with the rest.
# A block that is not C++ and has no marker fails the test, so no example goes unchecked.
#
# Usage:
#   doc_examples.sh cpp-docs DOC...
#       prints the DOCs that have C++ blocks to compile
#   doc_examples.sh cpp DOC OUT.cpp [CONTEXT.hpp]
#       writes DOC's C++ blocks as one test source (CONTEXT.hpp, included first, defines
#       what the examples take as given: the reader's own functions, a template set)
#   doc_examples.sh check SOURCE_DIR BUILD_DIR WORK DOC...
#       follows every other block of each DOC in WORK/<doc name>, a folder holding a copy
#       of templates-examples/ and `build` (a link to the build), with `squall` on PATH
set -euo pipefail

# -- Reading a document: items are blocks and multi-line marker steps, in order.
item_line=() item_lang=() item_marker=() item_text=() item_step=()

parse_doc() {
  local doc=$1 line n=0 pending="" pending_line=0 in_block=0 in_marker=0 indent=0
  local lang="" text="" start=0 marker="" i closer="" in_table=0
  item_line=() item_lang=() item_marker=() item_text=() item_step=()
  while IFS= read -r line || [[ -n $line ]]; do
    n=$((n + 1))
    if ((in_table)); then
      if [[ $line == '|'* ]]; then
        text+="$line"$'\n'
        continue
      fi
      item_line+=("$start") item_lang+=(table) item_marker+=("$marker")
      item_text+=("$text") item_step+=(0)
      in_table=0
    fi
    if ((in_block || in_marker)); then
      if [[ $line =~ ^[[:space:]]*${closer}[[:space:]]*$ ]]; then
        item_line+=("$start") item_lang+=("$lang") item_marker+=("$marker")
        item_text+=("$text") item_step+=("$in_marker")
        in_block=0 in_marker=0
      else
        # Lines lose the indentation of their fence or marker (a block in a list item).
        i=0
        while ((i < indent)) && [[ ${line:0:1} == ' ' ]]; do line=${line:1} i=$((i + 1)); done
        text+="$line"$'\n'
      fi
    elif [[ $line =~ ^[[:space:]]*'<!-- test: '(.*)' -->'[[:space:]]*$ ]]; then
      [[ -n $pending ]] && die "$doc:$pending_line: a marker not followed by a block"
      pending=${BASH_REMATCH[1]} pending_line=$n
    elif [[ $line =~ ^([[:space:]]*)'<!-- test: '(.*)$ ]]; then
      [[ -n $pending ]] && die "$doc:$pending_line: a marker not followed by a block"
      in_marker=1 indent=${#BASH_REMATCH[1]} marker=${BASH_REMATCH[2]} text="" start=$n lang=""
      closer='-->'
    elif [[ $line =~ ^([[:space:]]*)'```'([A-Za-z0-9_+-]*) ]]; then
      in_block=1 indent=${#BASH_REMATCH[1]} lang=${BASH_REMATCH[2]} text="" start=$n
      closer='```'
      marker=$pending pending=""
    elif [[ -n $pending && $line == '|'* ]]; then
      in_table=1 marker=$pending pending="" text="$line"$'\n' start=$n
    elif [[ -n $pending && $line =~ [^[:space:]] ]]; then
      die "$doc:$pending_line: a marker not followed by a block"
    fi
  done <"$doc"
  if ((in_table)); then
    item_line+=("$start") item_lang+=(table) item_marker+=("$marker")
    item_text+=("$text") item_step+=(0)
  fi
  ((in_block)) && die "$doc:$start: a code block that is never closed"
  ((in_marker)) && die "$doc:$start: a marker comment that is never closed"
  return 0
}

die() {
  echo "$*" >&2
  exit 1
}

# compiled I: whether item I is C++ compiled into the document's test program.
compiled() {
  [[ ${item_step[$1]} == 0 && ${item_lang[$1]} == cpp ]] &&
    [[ -z ${item_marker[$1]} || ${item_marker[$1]} == cpp\ * ]]
}

# -- cpp: the document's C++ blocks as one GoogleTest source.
write_cpp() {
  local doc=$1 out=$2 context=${3:-} suite="Doc" word i
  parse_doc "$doc"
  local stem
  stem=$(basename "$doc" .md)
  local IFS=-
  for word in $stem; do suite+=${word^}; done
  unset IFS
  {
    echo "// Generated from $doc by tests/docs/doc_examples.sh: edit the document, not this."
    echo "#include <gtest/gtest.h>"
    [[ -n $context ]] && echo "#include \"$context\""
    for i in "${!item_line[@]}"; do
      compiled "$i" || continue
      local n=${item_line[$i]} line
      while IFS= read -r line; do
        n=$((n + 1))
        [[ $line == '#include '* ]] && printf '#line %d "%s"\n%s\n' "$n" "$doc" "$line"
      done <<<"${item_text[$i]%$'\n'}"
    done
    for i in "${!item_line[@]}"; do
      compiled "$i" || continue
      local n=${item_line[$i]} marker=${item_marker[$i]} body
      # #include lines went to the top; blank lines keep the #line numbering.
      body=$(sed 's/^#include .*$//' <<<"${item_text[$i]}")
      case $marker in
        "cpp scope")
          # A main() is renamed (GoogleTest has the program's), and may then end without
          # a return, as main may.
          if grep -q 'int main(' <<<"$body"; then
            printf '#pragma GCC diagnostic push\n#pragma GCC diagnostic ignored "-Wreturn-type"\n'
            echo "#define main docs_main_$n"
          fi
          printf '#line %d "%s"\n%s\n' $((n + 1)) "$doc" "$body"
          if grep -q 'int main(' <<<"$body"; then
            printf '#undef main\n#pragma GCC diagnostic pop\n'
          fi
          ;;
        "cpp no-run"*)
          printf '[[maybe_unused]] static void docs_not_run_%d() {\n#line %d "%s"\n%s\n}\n' \
            "$n" $((n + 1)) "$doc" "$body"
          ;;
        "")
          printf 'TEST(%s, Line%d) {\n#line %d "%s"\n%s\n}\n' "$suite" "$n" $((n + 1)) "$doc" "$body"
          ;;
        *) die "$doc:$n: unknown C++ marker: $marker" ;;
      esac
    done
  } >"$out.tmp"
  mv "$out.tmp" "$out"
}

# -- check: following the other blocks.

# same_text EXPECTED ACTUAL: whether ACTUAL is EXPECTED, with its `...` lines.
same_text() {
  E=$1 A=$2 awk '
    function ok(p, s) {
      if (p != "..." && p ~ /\.\.\.$/) return index(s, substr(p, 1, length(p) - 3)) == 1
      return p == s
    }
    BEGIN {
      ne = ENVIRON["E"] == "" ? 0 : split(ENVIRON["E"], e, "\n")
      na = ENVIRON["A"] == "" ? 0 : split(ENVIRON["A"], a, "\n")
      i = 1; j = 1
      while (i <= ne) {
        if (e[i] == "...") {
          if (i == ne) exit 0
          while (j <= na && !ok(e[i + 1], a[j])) j++
          if (j > na) exit 1
          i++; continue
        }
        if (j > na || !ok(e[i], a[j])) exit 1
        i++; j++
      }
      exit (j <= na)
    }'
}

# run_command CMD: runs CMD, keeping its stdout+stderr in last_output and status in last_rc.
last_output="" last_rc=0
run_command() {
  echo "+ $1" >&2
  set +e
  last_output=$(bash -c "$1" 2>&1)
  last_rc=$?
  set -e
  [[ -n $last_output ]] && printf '%s\n' "$last_output" | head -20 | sed 's/^/  | /' >&2
  return 0
}

fail() {
  failures=$((failures + 1))
  echo "FAIL $*" >&2
}

# write_file DOC LINE PATH TEXT: writes TEXT to PATH under the document's folder.
write_file() {
  local path=${3/#\~/$HOME}
  mkdir -p "$(dirname "$path")"
  case $(realpath "$(dirname "$path")") in
    "$docwork" | "$docwork"/*) ;;
    *) die "$1:$2: $3 is outside the test's folder" ;;
  esac
  printf '%s' "$4" >"$path"
}

# expect_output DOC LINE EXPECTED: the last command printed EXPECTED.
expect_output() {
  if same_text "${3%$'\n'}" "$last_output"; then
    counts[output]=$((counts[output] + 1))
  else
    fail "$1:$2: the last command printed:"
    printf '%s\n' "$last_output" >&2
    echo "the document shows:" >&2
    printf '%s' "$3" >&2
  fi
}

# run_block DOC LINE EXIT TEXT: the lines of a run block, or a `$` session.
run_block() {
  local doc=$1 at=$2 want=$3 text=$4 line cmd="" expected="" n=$2
  if grep -q '^\$ ' <<<"$text"; then
    while IFS= read -r line; do
      n=$((n + 1))
      if [[ $line == '$ '* ]]; then
        [[ -n $cmd ]] && session_step "$doc" "$at" "$cmd" "$expected"
        cmd=${line#\$ } expected="" at=$n
      else
        expected+="$line"$'\n'
      fi
    done <<<"${text%$'\n'}"
    session_step "$doc" "$at" "$cmd" "$expected"
    return
  fi
  while IFS= read -r cmd; do
    n=$((n + 1))
    [[ -z $cmd || $cmd == '#'* ]] && continue
    run_command "$cmd"
    if [[ $last_rc != "$want" ]]; then
      fail "$doc:$n: exit status $last_rc, not $want: $cmd"
      return
    fi
    counts[command]=$((counts[command] + 1))
  done <<<"$text"
}

session_step() {
  run_command "$3"
  counts[command]=$((counts[command] + 1))
  expect_output "$1" "$2" "$4"
}

# synopsis DOC LINE TEXT: each --option after `squall CMD` is one `squall CMD --help` lists.
synopsis() {
  local doc=$1 n=$2 line sub="" opt help
  while IFS= read -r line; do
    n=$((n + 1))
    line=${line%%  #*}
    if [[ $line =~ squall\ ([a-z]+)(.*)$ ]]; then
      sub=${BASH_REMATCH[1]} line=${BASH_REMATCH[2]}
    fi
    [[ -z $sub ]] && continue
    help=$(squall "$sub" --help 2>&1) || {
      fail "$doc:$n: squall $sub --help failed"
      continue
    }
    for opt in $(grep -o -- '--[a-z][a-z-]*' <<<"$line" || true); do
      if ! grep -q -- "[ ,]$opt\b" <<<"$help"; then
        fail "$doc:$n: squall $sub has no option $opt"
      fi
    done
  done <<<"${3%$'\n'}"
  counts[synopsis]=$((counts[synopsis] + 1))
}

# check_table DOC LINE TABLE check|lint: in each row after the header, every example (a code
# span of the second column), run through `squall check`, prints the error of the first
# column's first code span (where `<...>` stands for any text); or through `squall lint`,
# the warning of that code.
# shellcheck disable=SC2016  # backquotes are Markdown's, not the shell's
check_table() {
  local doc=$1 n=$(($2 + 1)) command=$4 row message examples code pattern
  while IFS= read -r row; do
    n=$((n + 1))
    IFS='|' read -r _ message examples _ <<<"$row"
    message=$(grep -o '`[^`]*`' <<<"$message" | head -1 | tr -d '`')
    pattern=$(sed -e 's/[][\.*^$(){}+?|]/\\&/g' -e 's/<[^>]*>/.*/g' <<<"$message")
    if [[ $command == check ]]; then
      pattern="error: $pattern\$"
    else
      pattern="warning: \\[$pattern\\] "
    fi
    while IFS= read -r code; do
      printf '%s' "${code//\`/}" >table.html
      run_command "squall $command table.html"
      if grep -qE "^table.html:[0-9]+:[0-9]+: $pattern" <<<"$last_output"; then
        counts[$command]=$((counts[$command] + 1))
      else
        fail "$doc:$n: squall $command $code does not report $message"
      fi
    done < <(grep -o '`[^`]*`' <<<"$examples")
  done < <(tail -n +3 <<<"${3%$'\n'}")
}

# compiled_render ID NAME [--data FILE] --root .: the template NAME of a render example also
# goes through the compiled back end: a program of the scratch CMake project renders it
# (tests/docs/render_main.cpp), and its output must be the same output block.
pending_render=""
compiled_render() {
  local id=render-$1 name=$2 data=""
  shift 2
  if [[ ${1:-} == --data ]]; then
    data=$2
    shift 2
  fi
  [[ $* == "--root ." ]] || return 0 # options the compiled set would need another way
  local dir=$work/.cmake/$id
  mkdir -p "$dir/templates/$(dirname "$name")"
  cp "$name" "$dir/templates/$name"
  if [[ -n $data ]]; then cp "$data" "$dir/data.json"; else echo '{}' >"$dir/data.json"; fi
  cp "$src/tests/docs/render_main.cpp" "$dir/main.cpp"
  printf '%s\n' "find_package(Squall 0.1 CONFIG REQUIRED)" "add_executable($id main.cpp)" \
    "squall_add_templates($id ROOT templates NAMESPACE docs NO_PCH)" >"$dir/CMakeLists.txt"
  echo "add_subdirectory($id)" >>"$work/.cmake/CMakeLists.txt"
  pending_render=$id
}

# check_renders: builds the programs of the render examples and compares their output.
check_renders() {
  local where id targets=() status=0
  while read -r where id; do targets+=("$id"); done <"$work/.renders"
  echo "+ building the render examples: ${targets[*]}" >&2
  if ! cmake --build "$work/.cmake/build" --target "${targets[@]}" >"$work/.build.log" 2>&1; then
    cat "$work/.build.log" >&2
    echo "FAIL the render examples do not compile" >&2
    return 1
  fi
  while read -r where id; do
    local dir=$work/.cmake/$id name
    name=$(cd "$dir/templates" && find . -type f | sed 's|^\./||')
    last_output=$(cd "$dir" && "$work/.cmake/build/$id/$id" "$name" data.json 2>&1) || true
    if ! same_text "$(cat "$dir/expected.txt")" "$last_output"; then
      echo "FAIL $where: the compiled template printed:" >&2
      printf '%s\n' "$last_output" >&2
      status=1
    fi
  done <"$work/.renders"
  return $status
}

# same_as DOC LINE OTHER PATH TEXT: TEXT is the block OTHER writes to PATH.
same_as() {
  local found
  found=$(
    parse_doc "$(dirname "$1")/$3"
    for i in "${!item_line[@]}"; do
      [[ ${item_marker[$i]} == "file $4" ]] && printf '%s' "${item_text[$i]}"
    done
  )
  if [[ -z $found ]]; then
    fail "$1:$2: $3 writes no block to $4"
  elif [[ $found != "${5%$'\n'}" ]]; then
    fail "$1:$2: the block differs from the one $3 writes to $4"
  else
    counts[same]=$((counts[same] + 1))
  fi
}

check_doc() {
  local doc=$1 stem i marker text at awaiting=0
  stem=$(basename "$doc" .md)
  docwork=$work/$stem
  rm -rf "$docwork"
  mkdir -p "$docwork/home"
  docwork=$(realpath "$docwork")
  # The examples' folder is a copy: nothing a document runs can write into the checkout.
  cp -r "$src/templates-examples" "$docwork/"
  ln -s "$build" "$docwork/build"
  parse_doc "$doc"
  (
    cd "$docwork"
    export HOME=$docwork/home
    declare -A counts=([compiled]=0 [command]=0 [output]=0 [check]=0 [lint]=0 [render]=0 [synopsis]=0 [cmake]=0
      [same]=0 [file]=0 [skip]=0)
    failures=0
    for i in "${!item_line[@]}"; do
      marker=${item_marker[$i]} text=${item_text[$i]} at=${item_line[$i]}
      if compiled "$i"; then
        counts[compiled]=$((counts[compiled] + 1))
        [[ $marker == "cpp no-run"* ]] && echo "$doc:$at: compiled, not run: ${marker#cpp no-run }" >&2
        continue
      fi
      if ((awaiting)) && [[ $marker != output ]]; then
        fail "$doc:$at: the check or render before this block has no output block"
        awaiting=0
      fi
      case $marker in
        "")
          fail "$doc:$at: a \`\`\`${item_lang[$i]} block without a <!-- test: ... --> marker" ;;
        skip*)
          counts[skip]=$((counts[skip] + 1))
          echo "$doc:$at: skipped: ${marker#skip }" >&2 ;;
        file\ *)
          write_file "$doc" "$at" "${marker#file }" "$text"
          counts[file]=$((counts[file] + 1)) ;;
        run | run\ exit=*)
          local want=0
          [[ $marker == *exit=* ]] && want=${marker#run exit=}
          run_block "$doc" "$at" "$want" "$text" ;;
        output)
          expect_output "$doc" "$at" "$text"
          if [[ -n $pending_render ]]; then
            printf '%s' "$text" >"$work/.cmake/$pending_render/expected.txt"
            echo "$doc:$at $pending_render" >>"$work/.renders"
            pending_render=""
          fi
          awaiting=0 ;;
        check\ * | render\ *)
          # NAME [OPTION...]: the template is written, then checked or rendered.
          local command=${marker%% *} args
          read -ra args <<<"${marker#* }"
          write_file "$doc" "$at" "${args[0]}" "$text"
          [[ $command == render ]] && args+=(--root .)
          run_command "squall $command ${args[*]:1}${args[1]:+ }${args[0]}"
          counts[$command]=$((counts[$command] + 1))
          [[ $command == render ]] && compiled_render "$stem-$at" "${args[@]}"
          awaiting=1 ;;
        synopsis)
          synopsis "$doc" "$at" "$text" ;;
        check-table | lint-table)
          check_table "$doc" "$at" "$text" "${marker%-table}" ;;
        cmake)
          local dir=$work/.cmake/$stem-$at
          mkdir -p "$dir/templates" "$dir/modules/Entry"
          echo 'int main() {}' >"$dir/main.cpp"
          echo '<p>{{ title }}</p>' >"$dir/templates/home.html"
          echo '<p>{{ entry }}</p>' >"$dir/modules/Entry/template.html"
          { echo "find_package(Squall 0.1 CONFIG REQUIRED)"; printf '%s' "$text"; } \
            >"$dir/CMakeLists.txt"
          echo "add_subdirectory($stem-$at)  # $doc:$at" >>"$work/.cmake/CMakeLists.txt"
          counts[cmake]=$((counts[cmake] + 1)) ;;
        same-as\ *)
          local args
          read -ra args <<<"${marker#same-as }"
          same_as "$doc" "$at" "${args[0]}" "${args[1]}" "$text" ;;
        same-file\ *)
          if [[ $text == "$(cat "$src/${marker#same-file }")"$'\n' ]]; then
            counts[same]=$((counts[same] + 1))
          else
            fail "$doc:$at: the block differs from ${marker#same-file }"
          fi ;;
        *)
          fail "$doc:$at: unknown marker: $marker" ;;
      esac
    done
    ((awaiting)) && fail "$doc: the last check or render has no output block"
    local summary="" key
    for key in compiled command output check lint render synopsis cmake same file skip; do
      ((counts[$key])) && summary+=" ${counts[$key]} $key,"
    done
    echo "${doc#"$src"/}: ${#item_line[@]} blocks and steps:${summary%,}" >&2
    exit $((failures > 0))
  )
}

case ${1:-} in
  cpp)
    write_cpp "$2" "$3" "${4:-}"
    ;;
  cpp-docs)
    shift
    for doc in "$@"; do
      parse_doc "$doc"
      for i in "${!item_line[@]}"; do
        if compiled "$i"; then
          echo "$doc"
          break
        fi
      done
    done
    ;;
  check)
    src=$(realpath "$2") build=$(realpath "$3") work=$4
    shift 4
    rm -rf "$work"
    mkdir -p "$work/.bin" "$work/.cmake"
    work=$(realpath "$work")
    ln -s "$build/squall" "$work/.bin/squall"
    export PATH=$work/.bin:$PATH
    printf 'cmake_minimum_required(VERSION 3.20)\nproject(doc_examples LANGUAGES CXX)\n' \
      >"$work/.cmake/CMakeLists.txt"
    status=0
    for doc in "$@"; do
      check_doc "$(realpath "$doc")" || status=1
    done
    if grep -q add_subdirectory "$work/.cmake/CMakeLists.txt"; then
      echo "+ configuring the CMake blocks against an installed Squall" >&2
      if ! cmake --install "$build" --prefix "$work/.prefix" >/dev/null ||
        ! cmake -S "$work/.cmake" -B "$work/.cmake/build" -DCMAKE_PREFIX_PATH="$work/.prefix" \
          >"$work/.cmake.log" 2>&1; then
        cat "$work/.cmake.log" >&2
        echo "FAIL the CMake blocks do not configure (folders named DOC-LINE)" >&2
        status=1
      elif [[ -s $work/.renders ]]; then
        check_renders || status=1
      fi
    fi
    exit $status
    ;;
  *)
    echo "usage: $0 cpp-docs DOC... | cpp DOC OUT.cpp [CONTEXT.hpp] | check SOURCE BUILD WORK DOC..." >&2
    exit 2
    ;;
esac
