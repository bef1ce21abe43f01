#!/usr/bin/env bash
# Fails when a binary or plugin in the AppDir needs a library that is neither in the AppDir nor
# in the base system set (packaging/linux/appdir-system-libraries.txt), resolved as AppRun does.
#   check-appdir-libraries.sh APPDIR SYSTEM_LIBRARIES_FILE
set -euo pipefail
appdir=$(readlink -f "$1")
system_libraries=$(grep -v -e '^#' -e '^$' "$2" | paste -sd '|')

checked=0 problems=''
while read -r file; do
    file -b "$file" | grep -q '^ELF' || continue
    checked=$((checked + 1))
    while read -r name arrow path _; do
        [ "$arrow" = '=>' ] || continue
        if [ "$path" = not ]; then
            problems+="$file: $name not found"$'\n'
        elif [[ "$(readlink -f "$path")" == "$appdir"/* ]]; then
            continue
        elif ! grep -Eqx "$system_libraries" <<<"$name"; then
            problems+="${file#"$appdir"/}: $name from $path, outside the AppDir"$'\n'
        fi
    done < <(LD_LIBRARY_PATH="$appdir/usr/lib" ldd "$file" 2>&1)
done < <(find "$appdir/usr" -type f)

[ "$checked" -gt 0 ] || { echo "FAIL: no binaries in $appdir" >&2; exit 1; }
if [ -n "$problems" ]; then
    printf 'FAIL: %s' "$problems" | sort -u >&2
    exit 1
fi
echo "libraries ok: $checked binaries and plugins need nothing beyond the AppDir and the base system"
