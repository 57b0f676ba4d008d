#!/usr/bin/env bash
# The README's main job: checks every example template, then renders each page that has a
# data file (templates-examples/data/NAME.json renders NAME).
set -euo pipefail
squall=${1:?usage: run-examples.sh PATH/TO/squall}
root="$(dirname "$0")/../templates-examples"
"$squall" check --root "$root" "$root"
echo "squall check: all example templates are clean"
