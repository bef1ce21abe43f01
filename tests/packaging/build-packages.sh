#!/usr/bin/env bash
# Builds the Linux packages from the built tree exactly as a release would: cpack -G "DEB;TGZ".
#   build-packages.sh BUILD_DIR OUTPUT_DIR VERSION
set -euo pipefail
build=$1 out=$2 version=$3

rm -rf "$out"
mkdir -p "$out"
cpack --config "$build/CPackConfig.cmake" -G "DEB;TGZ" -B "$out" >"$out/cpack.log" 2>&1 || {
    cat "$out/cpack.log" >&2
    exit 1
}
for package in "storedesk_${version}_amd64.deb" "storedesk-server_${version}_amd64.deb" \
    "storedesk-${version}-Linux.tar.gz"; do
    [ -f "$out/$package" ] || { echo "FAIL: cpack made no $package" >&2; ls "$out" >&2; exit 1; }
done
ls -l "$out"/*.deb "$out"/*.tar.gz
