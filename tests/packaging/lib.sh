# shellcheck shell=bash
# Sourced by the package checks: a scratch folder removed on exit, and failures counted so that
# one run reports every problem it finds.
set -euo pipefail
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# Exits 1 when anything failed, else prints its arguments.
finish() {
    [ "$failures" -eq 0 ] || exit 1
    echo "$*"
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
