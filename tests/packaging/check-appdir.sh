#!/usr/bin/env bash
# The AppDir as a user's machine meets it: assembled from the install tree, started through
# AppRun in a clean environment (no system Qt on the library path, offscreen) for --version and a
# start-up that shows the main window and ends cleanly on SIGTERM, with every Qt library it loads
# taken from the AppDir; then the ldd check, and that check catching a library taken away.
#   check-appdir.sh SOURCE_DIR VERSION MAKE_APPDIR_ARGUMENTS…
source "$(dirname "$0")/lib.sh"
source_dir=$1 version=$2
shift 2
mkdir -p "$work/home"
appdir="$work/StoreDesk.AppDir"
"$source_dir/packaging/linux/make-appdir.sh" "$@" --appdir "$appdir"
for file in AppRun org.storedesk.StoreDesk.desktop org.storedesk.StoreDesk.png .DirIcon \
    usr/bin/storedesk usr/bin/qt.conf usr/plugins/platforms/libqxcb.so \
    usr/plugins/platforms/libqoffscreen.so usr/plugins/tls/libqopensslbackend.so \
    usr/plugins/imageformats/libqsvg.so usr/plugins/xcbglintegrations/libqxcb-glx-integration.so \
    usr/plugins/networkinformation/libqnetworkmanager.so \
    usr/plugins/platformthemes/libqxdgdesktopportal.so usr/lib/libqt6keychain.so.1 \
    usr/lib/libsecret-1.so.0 usr/lib/libQt6Core.so.6 usr/lib/libQt6PrintSupport.so.6 \
    usr/plugins/printsupport/libcupsprintersupport.so usr/translations/qtbase_de.qm; do
    [ -e "$appdir/$file" ] || fail "the AppDir has no $file"
done

clean_env=(env -i HOME="$work/home" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen)
output=$("${clean_env[@]}" "$appdir/AppRun" --version 2>&1) || fail "AppRun --version exited $?"
[ "$output" = "StoreDesk $version" ] || fail "AppRun --version said '$output'"

log="$work/startup.log"
"${clean_env[@]}" "$appdir/AppRun" >"$log" 2>&1 &
pid=$!
for _ in $(seq 100); do
    grep -q 'main window shown' "$log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
if grep -q 'main window shown' "$log"; then
    # What the running app really loaded: every Qt library and plugin from the AppDir.
    foreign=$(grep -E 'libQt6|/plugins/' "/proc/$pid/maps" | awk '{print $6}' | sort -u |
        grep -v "^$appdir/" || true)
    [ -z "$foreign" ] || fail "the app loaded Qt from outside the AppDir: $foreign"
else
    fail "the app did not show its main window: $(cat "$log")"
fi
kill -TERM "$pid" 2>/dev/null || true
status=0
wait "$pid" || status=$?
[ "$status" -eq 0 ] || fail "the app exited with $status on SIGTERM: $(cat "$log")"

libraries="$source_dir/packaging/linux/appdir-system-libraries.txt"
checker="$source_dir/tests/packaging/check-appdir-libraries.sh"
"$checker" "$appdir" "$libraries" || fail "the AppDir needs libraries from outside"
# The check must be able to fail: without its QtNetwork the AppDir would take the system's.
mv "$appdir/usr/lib/libQt6Network.so.6" "$work/"
if "$checker" "$appdir" "$libraries" 2>"$work/expected-failure.log"; then
    fail "the library check passed with libQt6Network.so.6 taken out of the AppDir"
elif ! grep -q 'libQt6Network.so.6 from .*outside the AppDir' "$work/expected-failure.log"; then
    fail "the library check failed for another reason: $(cat "$work/expected-failure.log")"
fi
mv "$work/libQt6Network.so.6" "$appdir/usr/lib/"

finish "AppDir ok: $(du -sh "$appdir" | cut -f1), --version, start-up and SIGTERM in a clean environment"
