#!/usr/bin/env bash
# Installs the Debian packages Squall needs, and only those that are missing, so that the
# README commands and CI can call it every time at almost no cost.
#   scripts/install-deps.sh            build and test dependencies
#   scripts/install-deps.sh --bench    also what the benchmark comparison needs
#   scripts/install-deps.sh --tornado  also Tornado, to regenerate reference outputs
#   scripts/install-deps.sh --fuzz     also clang 14's libFuzzer runtime (scripts/fuzz.sh)
#   scripts/install-deps.sh --lint     also clang-format, clang-tidy and cppcheck (CI, scripts/tidy.sh)
set -euo pipefail

packages=(g++ clang cmake ninja-build pkg-config libfmt-dev libre2-dev libcli11-dev
          libgtest-dev libgmock-dev nlohmann-json3-dev libcpp-httplib-dev libssl-dev libboost-dev
          libsqlite3-dev chromium chromium-driver python3-selenium
          doxygen)  # the test docs_doxygen builds the API reference
for arg in "$@"; do
  case "$arg" in
    --bench) packages+=(libbenchmark-dev python3-tornado python3-jinja2 wrk) ;;
    --tornado) packages+=(python3-tornado) ;;
    --fuzz) packages+=(clang-14 libclang-rt-14-dev) ;;
    --lint) packages+=(clang-format clang-tidy cppcheck) ;;
    *) echo "install-deps.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
