#!/usr/bin/env bash
# StoreDesk on a Debian bookworm machine: install what is missing, build, then run or test.
#
#   packaging/dev.sh run     set up, build, and start the app against the local demo stack
#   packaging/dev.sh test    set up, build, and run the whole test suite (what CI runs)
#   packaging/dev.sh setup   set up and build only
#   packaging/dev.sh bench   set up, install the benchmarks' tools, build, run the benchmarks
#                            (`bench --quick`: a smoke run of the server benchmark only)
#
# Works as root (CI) and as a user with sudo. Re-running on a built tree only rebuilds what changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

mode=${1:-}
bench_quick=
if [ "$mode" = bench ] && [ "${2:-}" = --quick ]; then
    bench_quick=1
fi
case "$mode" in
    run | test | setup | bench) ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Debian packages the build, the tests and the demo stack need.
packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n qt6-httpserver-dev qt6-svg-dev libqt6svg6 qt6-qpa-plugins
    # Qt6HttpServer's CMake package needs Qt6WebSockets', which Debian's package does not pull in.
    qt6-websockets-dev
    qtkeychain-qt6-dev libqt6sql6-sqlite libqt6sql6-psql libgl-dev
    # The server's password hashing (OpenSSL's PBKDF2, libcrypto).
    libssl-dev
    # simdjson: the server's JSON validation and member spans (commercetools/jsonscan.cpp), and
    # the domain's reader of JSON bytes in app and server (core/domain/jsonvalue.cpp).
    libsimdjson-dev
    # The server's HTTP client to commercetools (libcurl's multi interface on the event loop,
    # commercetools/curltransport.cpp; HTTP/2 over TLS through nghttp2).
    libcurl4-openssl-dev
    # Code 128 and QR codes on receipts in the PDF and system print path (ui/receipts), and the
    # test that scans them back with a real decoder (zbarimg).
    libzint-dev zbar-tools
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
    poppler-utils desktop-file-utils appstream postgresql
    # tst_databaseoutage holds a SQLite write lock from a second process with the sqlite3 CLI.
    sqlite3
    # Packaging: dpkg-shlibdeps for the DEB's dependencies, file to tell ELF files apart, the
    # portal platform theme for the AppDir, systemd-analyze to read the service unit.
    dpkg-dev file qt6-xdgdesktopportal-platformtheme systemd
)

# Only `bench` needs these: wrk drives the load, nginx is the caching upstream, python3 runs the
# load script (bench/server/run.py).
bench_packages=(wrk nginx-light python3)
if [ "$mode" = bench ]; then
    packages+=("${bench_packages[@]}")
fi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "Installing packages needs root: run as root or install sudo." >&2
        exit 1
    fi
}

install_missing_packages() {
    local missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^ii' || missing+=("$package")
    done
    # Node.js runs the commercetools emulator; any recent one will do, Debian's when there is none.
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    log "Installing ${#missing[@]} Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# The commercetools emulator needs Node.js 20 or newer (Debian bookworm ships 18, whose missing
# global Web Crypto breaks it). An older or absent one is complemented by a pinned Node.js from
# the npm registry, installed into build/node.
node_version=20.20.2
ensure_node() {
    local major
    major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    if [ "$major" -lt 20 ]; then
        if [ ! -x build/node/node_modules/.bin/node ]; then
            log "Node.js $(node --version 2>/dev/null || echo '(none)') is too old for the emulator; installing Node.js $node_version from the npm registry"
            npm install --prefix build/node --no-audit --no-fund --no-save "node@$node_version"
        fi
        export PATH="$here/build/node/node_modules/.bin:$PATH"
    fi
}

# The emulator, exactly as its lock file pins it.
install_emulator() {
    if [ ! -f tests/emulator/node_modules/.package-lock.json ] \
        || [ tests/emulator/package-lock.json -nt tests/emulator/node_modules/.package-lock.json ]; then
        log "Installing the commercetools emulator (npm ci)"
        (cd tests/emulator && npm ci --no-audit --no-fund)
    fi
}

# The benchmark's Node peer, exactly as its lock file pins it. better-sqlite3 has no prebuilt
# module reachable from here and compiles from source: node-gyp is pointed at the running Node's
# own headers (Debian's/NodeSource's /usr/include/node, or the npm-installed Node's) instead of
# downloading them.
install_bench_peer() {
    if [ -f bench/peer/node_modules/.package-lock.json ] \
        && [ ! bench/peer/package-lock.json -nt bench/peer/node_modules/.package-lock.json ]; then
        return
    fi
    log "Installing the benchmark's Node peer (npm ci; compiles better-sqlite3, takes minutes)"
    local prefix
    prefix=$(node -p 'require("path").resolve(process.execPath, "../..")')
    if [ -f "$prefix/include/node/node.h" ]; then
        export npm_config_nodedir="$prefix"
    fi
    (cd bench/peer && npm ci --no-audit --no-fund)
}

build() {
    if [ ! -f build/dev/CMakeCache.txt ]; then
        log "Configuring (preset dev)"
        cmake --preset dev
    fi
    log "Building"
    cmake --build --preset dev -j "$(nproc)"
}

run_app() {
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "No display: run this from a desktop session (or prefix the command with 'xvfb-run -a')." >&2
        exit 1
    fi
    log "Starting the demo stack and StoreDesk"
    packaging/demo/start-stack.sh build/dev/app/storedesk
}

run_bench() {
    if [ -n "$bench_quick" ]; then
        log "Smoke run of the server benchmark"
        cmake --build build/dev -j "$(nproc)" --target storedesk-server
        python3 bench/server/run.py --quick --build-dir build/dev
    else
        log "Running the benchmarks (target bench)"
        cmake --build build/dev --target bench
    fi
}

run_tests() {
    log "Running the test suite"
    ctest --preset dev -j "$(nproc)"
}

install_missing_packages
ensure_node
install_emulator
if [ "$mode" = bench ]; then
    install_bench_peer
fi
build
case "$mode" in
    run) run_app ;;
    test) run_tests ;;
    bench) run_bench ;;
    setup) ;;
esac
