#!/usr/bin/env bash
# Assembles the StoreDesk AppDir from the install tree: the app component, every library it and
# its Qt plugins need except the base system's (appdir-system-libraries.txt), qt.conf, AppRun, the
# .desktop file and the icon at the root. With --appimage, and appimagetool on PATH, also the
# AppImage (appimagetool is never downloaded).
#
#   make-appdir.sh --build DIR --appdir DIR --qt-plugins DIR --qt-translations DIR
#                  [--library FILE]… [--appimage FILE]
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build='' appdir='' qt_plugins='' qt_translations='' appimage=''
libraries=()
while [ $# -gt 0 ]; do
    case "$1" in
        --build) build=$2 ;;
        --appdir) appdir=$2 ;;
        --qt-plugins) qt_plugins=$2 ;;
        --qt-translations) qt_translations=$2 ;;
        --library) libraries+=("$2") ;;
        --appimage) appimage=$2 ;;
        *) sed -n '2,9p' "$0" >&2; exit 2 ;;
    esac
    shift 2
done
if [ -z "$build" ] || [ -z "$appdir" ] || [ ! -d "$qt_plugins" ]; then
    sed -n '2,9p' "$0" >&2
    exit 2
fi

fail() { echo "make-appdir: $*" >&2; exit 1; }

app_id=org.storedesk.StoreDesk
rm -rf "$appdir"
cmake --install "$build" --component app --prefix "$appdir/usr" --strip >/dev/null
usr=$appdir/usr
mkdir -p "$usr/lib" "$usr/plugins" "$usr/translations"

# The plugins a desktop app of this kind loads. platforms/xcb is the display (also under
# XWayland); offscreen serves kiosk scripts and tests; printsupport (CUPS) finds the machine's
# printers for receipts.
required_plugins=(platforms/libqxcb.so platforms/libqoffscreen.so tls/libqopensslbackend.so)
optional_plugins=(xcbglintegrations platformthemes platforminputcontexts imageformats iconengines
    tls networkinformation printsupport)
for plugin in "${required_plugins[@]}"; do
    [ -f "$qt_plugins/$plugin" ] || fail "the Qt plugin $plugin is missing in $qt_plugins"
    mkdir -p "$usr/plugins/$(dirname "$plugin")"
    cp "$qt_plugins/$plugin" "$usr/plugins/$plugin"
done
for folder in "${optional_plugins[@]}"; do
    [ -d "$qt_plugins/$folder" ] || continue
    mkdir -p "$usr/plugins/$folder"
    cp "$qt_plugins/$folder"/*.so "$usr/plugins/$folder/"
done

# Libraries the app loads that ldd cannot see (not linked yet, or opened at run time, as QtKeychain
# opens libsecret-1.so.0), under their soname.
for library in "${libraries[@]}"; do
    soname=$(readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
    cp -L "$library" "$usr/lib/${soname:-$(basename "$library")}"
done

system_libraries=$(grep -v -e '^#' -e '^$' "$here/appdir-system-libraries.txt" | paste -sd '|')
elf_files() {
    find "$usr/bin" "$usr/lib" "$usr/plugins" -type f | while read -r file; do
        file -b "$file" | grep -q '^ELF' && echo "$file"
    done
}
# Everything the AppDir's binaries need that it does not carry yet and the system does not
# provide; repeated until nothing new turns up.
missing_libraries() {
    local file
    elf_files | while read -r file; do
        LD_LIBRARY_PATH="$usr/lib" ldd "$file" | awk '$2 == "=>" { print $1, $3 }'
    done | sort -u | while read -r name path; do
        [ "$path" = not ] && fail "$name is needed but not found on this system"
        echo "$name" | grep -Eqx "$system_libraries" && continue
        [ -e "$usr/lib/$name" ] || echo "$name $path"
    done
}
while true; do
    missing=$(missing_libraries)
    [ -n "$missing" ] || break
    while read -r name path; do
        cp -L "$path" "$usr/lib/$name"
    done <<<"$missing"
done

# Qt's own translations for StoreDesk's languages (StoreDesk's are inside the binary).
for ts in "$here"/../../translations/storedesk_*.ts; do
    language=$(basename "$ts" .ts)
    language=${language#storedesk_}
    if [ -f "$qt_translations/qtbase_$language.qm" ]; then
        cp "$qt_translations/qtbase_$language.qm" "$usr/translations/"
    fi
done

cp "$here/qt.conf" "$usr/bin/qt.conf"
cp "$here/AppRun" "$appdir/AppRun"
chmod 755 "$appdir/AppRun"
cp "$usr/share/applications/$app_id.desktop" "$appdir/"
cp "$usr/share/icons/hicolor/256x256/apps/$app_id.png" "$appdir/"
ln -sf "$app_id.png" "$appdir/.DirIcon"
echo "AppDir: $appdir ($(du -sh "$appdir" | cut -f1))"

if [ -n "$appimage" ]; then
    if command -v appimagetool >/dev/null 2>&1; then
        ARCH=$(uname -m) appimagetool --no-appstream "$appdir" "$appimage"
        echo "AppImage: $appimage"
    else
        echo "appimagetool is not on PATH: no AppImage (the AppDir is complete)"
    fi
fi
