#!/usr/bin/env bash
# Follows a document's steps literally in a clean folder: usage doc_steps_test.sh DOC.md
# SQUALL_BUILD WORK. Each fenced block of DOC.md is preceded by a comment that says what
# to do with it:
#   <!-- test: file PATH -->   write the block to PATH (~ is the test's home)
#   <!-- test: run -->         run each line with bash, stopping at the first failure
#   <!-- test: output -->      the block is what the last command printed
#   <!-- test: skip ... -->    do nothing (a command the test cannot or need not run)
#   <!-- test: same-as DOC2 PATH -->  the block is the block DOC2 writes to PATH
# A sh block without such a comment is an error, so no command goes untested unnoticed.
# The steps run in WORK with HOME=WORK/home and WORK/build a link to SQUALL_BUILD (the
# build that `./dev run` makes in the checkout).
set -euo pipefail
doc=$1 build=$2 work=$3
rm -rf "$work"
mkdir -p "$work/home"
ln -s "$build" "$work/build"
export HOME="$work/home"
cd "$work"

mode="" target="" in_block=0 block="" last_output="" line_no=0 fence_line=0
while IFS= read -r line; do
  line_no=$((line_no + 1))
  if ((in_block)); then
    if [[ $line != '```' ]]; then
      block+="$line"$'\n'
      continue
    fi
    in_block=0
    case $mode in
      file)
        path=${target/#\~/$HOME}
        mkdir -p "$(dirname "$path")"
        printf '%s' "$block" >"$path"
        ;;
      run)
        while IFS= read -r cmd; do
          [[ -z $cmd ]] && continue
          echo "+ $cmd" >&2
          if ! last_output=$(bash -c "$cmd"); then
            echo "$doc:$fence_line: command failed: $cmd" >&2
            exit 1
          fi
          printf '%s\n' "$last_output" >&2
        done <<<"$block"
        ;;
      same-as)
        other="$(dirname "$doc")/$target"
        path=${same_as_path}
        expected=$(awk -v mark="<!-- test: file $path -->" '
          $0 == mark { want = 1; next }
          want && /^```/ { if (inside) exit; inside = 1; next }
          inside { print }' "$other")
        if [[ ${block%$'\n'} != "$expected" ]]; then
          echo "$doc:$fence_line: the block differs from the one $other writes to $path" >&2
          exit 1
        fi
        ;;
      output)
        expected=${block%$'\n'}
        if [[ $last_output != "$expected" ]]; then
          echo "$doc:$fence_line: the last command printed:" >&2
          printf '%s\n' "$last_output" >&2
          echo "the document shows:" >&2
          printf '%s\n' "$expected" >&2
          exit 1
        fi
        ;;
    esac
    mode=""
    continue
  fi
  if [[ $line =~ ^'<!-- test: '([a-z-]+)' '?([^ ]*)' '?([^ ]*) ]]; then
    mode=${BASH_REMATCH[1]}
    target=${BASH_REMATCH[2]}
    same_as_path=${BASH_REMATCH[3]}
    continue
  fi
  if [[ $line == '```'* ]]; then
    if [[ -z $mode && $line == '```sh' ]]; then
      echo "$doc:$line_no: a sh block without a <!-- test: ... --> comment" >&2
      exit 1
    fi
    in_block=1 block="" fence_line=$line_no
  fi
done <"$doc"
echo "followed $doc" >&2
