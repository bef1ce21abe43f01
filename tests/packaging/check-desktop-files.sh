#!/usr/bin/env bash
# The desktop entry and AppStream metainfo as the app's DEB installs them, checked by the tools
# software centres use; the metainfo must list the release being packaged.
#   check-desktop-files.sh PACKAGES_DIR VERSION
source "$(dirname "$0")/lib.sh"
packages=$1 version=$2
root=$work/root
dpkg-deb -x "$packages/storedesk_${version}_amd64.deb" "$root"

app_id=org.storedesk.StoreDesk
desktop="$root/usr/share/applications/$app_id.desktop"
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
desktop-file-validate "$desktop" || fail "desktop-file-validate rejects the desktop entry"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli rejects the metainfo"
grep -q "<release version=\"$version\"" "$metainfo" ||
    fail "the metainfo has no <release version=\"$version\">: add the release"
grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry does not name the icon $app_id"
finish "desktop entry and metainfo ok"
