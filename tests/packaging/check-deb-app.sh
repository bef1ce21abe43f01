#!/usr/bin/env bash
# The app's DEB: what it depends on, what it installs, and the installed binary running from a
# scratch root (offscreen).
#   check-deb-app.sh PACKAGES_DIR VERSION
source "$(dirname "$0")/lib.sh"
packages=$1 version=$2
deb="$packages/storedesk_${version}_amd64.deb"
root=$work/root
dpkg-deb -x "$deb" "$root"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for needed in libqt6widgets6 libqt6gui6 libqt6core6 libc6 qt6-qpa-plugins libqt6svg6 \
    libqt6printsupport6 libsimdjson14; do
    grep -Eq "(^|, )$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed"
done

app_id=org.storedesk.StoreDesk
for file in usr/bin/storedesk "usr/share/applications/$app_id.desktop" \
    "usr/share/metainfo/$app_id.metainfo.xml" "usr/share/icons/hicolor/scalable/apps/$app_id.svg" \
    usr/share/doc/storedesk/examples/storedesk.conf.example; do
    [ -f "$root/$file" ] || fail "the package does not install /$file"
done
for size in 16 22 24 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    file -b "$png" | grep -q "PNG image data, $size x $size" || fail "$png: $(file -b "$png")"
done
if dpkg-deb -c "$deb" | grep -q -e ' ./etc/' -e 'storedesk-server'; then
    fail "the app package carries server files"
fi

output=$(env QT_QPA_PLATFORM=offscreen LD_LIBRARY_PATH="$root/usr/lib/x86_64-linux-gnu" \
    "$root/usr/bin/storedesk" --version 2>&1) || fail "storedesk --version exited with $?"
[ "$output" = "StoreDesk $version" ] || fail "storedesk --version said '$output'"

finish "storedesk package ok: $output"
