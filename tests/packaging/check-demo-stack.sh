#!/usr/bin/env bash
# The demo stack (packaging/demo/start-stack.sh) leaves no process behind: run it in a session of
# its own, once with a command that returns and once stopped by SIGTERM and by SIGINT, and look
# for anything left in that session afterwards (e.g. a `sleep infinity` feeding the emulator).
#   check-demo-stack.sh SOURCE_DIR BUILD_DIR
source "$(dirname "$0")/lib.sh"
source_dir=$1
export STOREDESK_BUILD_DIR=$2
stack="$source_dir/packaging/demo/start-stack.sh"

# Processes of session $1 still running, one "pid command" a line.
left_in_session() {
    ps -e -o pid=,sid=,args= | awk -v sid="$1" '$2 == sid { $2 = ""; print }'
}

# Waits up to 10 s for session $1 to empty, then reports what is left.
expect_session_empty() {
    local sid=$1 what=$2
    for _ in $(seq 1 50); do
        [ -n "$(left_in_session "$sid")" ] || return 0
        sleep 0.2
    done
    fail "$what left processes behind:"$'\n'"$(left_in_session "$sid")"
}

# Starts the stack in a new session; sets `sid`. A background job of a script is no process group
# leader, so setsid needs no fork and the job's pid is the session's id.
start_stack() {
    # env resets SIGINT, which a background job of a script starts with ignored.
    setsid env --default-signal=INT bash "$stack" "$@" > "$work/stack.out" 2>&1 < /dev/null &
    sid=$!
}

wait_until_serving() {
    for _ in $(seq 1 300); do
        grep -q 'Integration server:' "$work/stack.out" && return 0
        kill -0 "$sid" 2>/dev/null || break
        sleep 0.2
    done
    cat "$work/stack.out" >&2
    fail "the stack did not start"
    finish
}

# 1. With a command: the stack stops when the command returns.
# shellcheck disable=SC2016 # expanded by the command, not here
start_stack sh -c 'echo "app saw $STOREDESK_SERVER_URL"'
wait "$sid" || fail "the stack with a command exited with $?: $(cat "$work/stack.out")"
grep -q 'app saw http://' "$work/stack.out" || fail "the command did not get the server URL"
expect_session_empty "$sid" "the stack with a command"

# 2. Without a command, until a signal (Ctrl+C, or a service manager's SIGTERM).
for signal in TERM INT; do
    start_stack
    wait_until_serving
    [ -n "$(left_in_session "$sid")" ] || fail "no process of the running stack found (session $sid)"
    kill -s "$signal" "$sid"
    wait "$sid" || true
    expect_session_empty "$sid" "the stack stopped with SIG$signal"
done

finish "the demo stack leaves no process behind"
