#!/usr/bin/env bash
# Starts the local demo stack: the commercetools emulator (seeded with stores, products, carts and
# orders), demo users, and storedesk-server pointed at the emulator. Prints where the server
# listens and who can log in, then runs the command given as arguments (the app) and stops the
# whole stack when it returns. Without a command it waits until Ctrl+C.
#
#   packaging/demo/start-stack.sh [command …]
#
# STOREDESK_BUILD_DIR names another build tree than build/dev (the tests use their own).
# The stack leaves no process behind: every process it starts is stopped with it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build="${STOREDESK_BUILD_DIR:-$here/build/dev}"
work=$(mktemp -d -t storedesk-demo.XXXXXX)
pids=()

stop_stack() {
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    # Closing the last writer of the emulator's stdin also ends the emulator if the kill missed it.
    [ -z "${emulator_stdin:-}" ] || exec {emulator_stdin}>&-
    rm -rf "$work"
}
trap stop_stack EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Waits for the "listening on http://…" line a process writes to `file`.
wait_for_url() {
    local file=$1 what=$2
    for _ in $(seq 1 300); do
        if url=$(grep -oE 'listening on http://[0-9.:]+' "$file" 2>/dev/null | head -1); then
            echo "${url#listening on }"
            return
        fi
        sleep 0.2
    done
    echo "The $what did not start; its output:" >&2
    cat "$file" >&2
    exit 1
}

# The emulator exits when its stdin closes. This shell holds the only writer of that pipe (a FIFO
# opened read-write, so opening it does not block), so the emulator ends with the stack even when
# the script is killed. No helper process feeds it: a `sleep infinity` would outlive the stack and
# keep every file descriptor it inherited, locks included. Children do not inherit the writer.
mkfifo "$work/emulator.stdin"
exec {emulator_stdin}<>"$work/emulator.stdin"
node "$here/tests/emulator/emulator.mjs" --port 0 --exit-with-stdin > "$work/emulator.out" 2> "$work/emulator.err" \
    < "$work/emulator.stdin" {emulator_stdin}>&- &
pids+=($!)
emulator=$(wait_for_url "$work/emulator.out" "commercetools emulator")
node "$here/tests/emulator/seed.mjs" --api "$emulator" --auth "$emulator" > "$work/seed.json" 2> "$work/seed.log" \
    {emulator_stdin}>&- || { cat "$work/seed.log" >&2; exit 1; }

export STOREDESK_DATABASE_URL="sqlite://$work/demo.db"
add_user() { # username display-name secret role stores…
    local username=$1 name=$2 secret=$3 role=$4
    shift 4
    local stores=()
    for store in "$@"; do stores+=(--store "$store"); done
    printf '%s\n' "$secret" | "$build/server/storedesk-server" users add "$username" --name "$name" --role "$role" \
        "${stores[@]}" > /dev/null 2>> "$work/users.log" || { cat "$work/users.log" >&2; exit 1; }
}
add_user anna "Anna Schmidt" anna1234 colleague berlin-mitte
add_user lena "Lena Becker" 4711 colleague hamburg-hafen
add_user claire "Claire Martin" claire1234 colleague paris-louvre
add_user max "Max Weber" max12345 manager berlin-mitte hamburg-hafen paris-louvre

# The demo's API client: every scope of seed 000, for the emulator's project. The secret is made
# up per run; the emulator accepts any.
scopes=""
for scope in manage_orders manage_payments view_customers view_types manage_shopping_lists manage_customers \
    view_categories view_customer_groups view_discount_codes view_published_products view_shipping_methods view_stores; do
    scopes+="$scope:storedesk-demo "
done
CTP_PROJECT_KEY=storedesk-demo CTP_CLIENT_ID=storedesk-demo CTP_CLIENT_SECRET="demo-$RANDOM$RANDOM" \
    CTP_SCOPES="$scopes" CTP_API_URL="$emulator" CTP_AUTH_URL="$emulator" \
    "$build/server/storedesk-server" --listen 127.0.0.1:0 --config "$here/packaging/demo/server-config.json" \
    > "$work/server.out" 2> "$work/server.log" {emulator_stdin}>&- &
pids+=($!)
server=$(wait_for_url "$work/server.out" "StoreDesk server")

cat <<INFO

  StoreDesk demo stack
  --------------------
  Integration server:   $server   (log: $work/server.log)
  commercetools (emu):  $emulator
  Users (password):     anna (anna1234)     colleague, berlin-mitte
                        lena (4711)         colleague, hamburg-hafen
                        claire (claire1234) colleague, paris-louvre
                        max (max12345)      manager of all three stores
  Workstations:         berlin-mitte: till-1, till-2, desk-1; hamburg-hafen: till-1; paris-louvre: caisse-1

INFO

if [ $# -gt 0 ]; then
    STOREDESK_SERVER_URL="$server" "$@" {emulator_stdin}>&-
else
    echo "Press Ctrl+C to stop."
    wait "${pids[@]}"
fi
