#!/bin/sh
# pkg-config as on a machine without libcpp-httplib-dev: every query that names
# cpp-httplib fails as pkg-config does for a missing package; the others go to the real one.
for a in "$@"; do
  case $a in
    cpp-httplib*)
      echo "Package cpp-httplib was not found in the pkg-config search path." >&2
      exit 1
      ;;
  esac
done
exec pkg-config "$@"
