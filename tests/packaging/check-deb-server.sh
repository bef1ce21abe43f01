#!/usr/bin/env bash
# The server's DEB: the systemd unit and its hardening, the root-only environment template, the
# maintainer scripts and conffiles, and the installed binary reading the shipped configuration.
#   check-deb-server.sh PACKAGES_DIR VERSION
source "$(dirname "$0")/lib.sh"
packages=$1 version=$2
deb="$packages/storedesk-server_${version}_amd64.deb"
root=$work/root control=$work/control
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$control"

listing=$(dpkg-deb -c "$deb")
grep -Eq '^-rw------- root/root .* \./etc/storedesk/server\.env$' <<<"$listing" ||
    fail "server.env is not root-only (0600): $(grep server.env <<<"$listing")"
grep -Eq '^-rw-r--r-- root/root .* \./etc/storedesk/server\.json$' <<<"$listing" ||
    fail "server.json is missing or has the wrong mode"
for file in ./usr/bin/storedesk-server ./usr/lib/systemd/system/storedesk-server.service \
    ./usr/lib/sysusers.d/storedesk-server.conf; do
    grep -q " $file\$" <<<"$listing" || fail "the package does not install $file"
done
if grep -q -e 'usr/bin/storedesk$' -e 'share/applications' <<<"$listing"; then
    fail "the server package carries app files"
fi

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for needed in adduser libqt6sql6-sqlite libqt6httpserver6 libqt6network6 libqt6core6 libsimdjson14 \
    libcurl4; do
    grep -Eq "(^|, )$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed"
done

for script in postinst prerm postrm; do
    [ -x "$control/$script" ] || { fail "no executable $script"; continue; }
    sh -n "$control/$script" || fail "$script is not valid sh"
done
for creates_user in 'systemd-sysusers storedesk-server.conf' 'adduser --system'; do
    grep -qF "$creates_user" "$control/postinst" || fail "postinst does not run $creates_user"
done
for conffile in /etc/storedesk/server.env /etc/storedesk/server.json; do
    grep -qx "$conffile" "$control/conffiles" || fail "$conffile is not a conffile"
done
# What postinst runs, applied to the unpacked root instead of this machine.
systemd-sysusers --root="$root" storedesk-server.conf >/dev/null 2>&1 ||
    fail "systemd-sysusers cannot read the package's sysusers.d entry"
grep -Eq '^storedesk:x:[0-9]+:[0-9]+:[^:]*:/var/lib/storedesk:/usr/sbin/nologin$' \
    "$root/etc/passwd" 2>/dev/null ||
    fail "sysusers.d does not make the system user storedesk: $(cat "$root/etc/passwd" 2>&1)"

unit="$root/usr/lib/systemd/system/storedesk-server.service"
for line in User=storedesk NoNewPrivileges=yes ProtectSystem=strict ProtectHome=yes \
    StateDirectory=storedesk EnvironmentFile=/etc/storedesk/server.env \
    'ExecStart=/usr/bin/storedesk-server --config /etc/storedesk/server.json' \
    CapabilityBoundingSet= WantedBy=multi-user.target; do
    grep -qxF "$line" "$unit" || fail "the unit lacks $line"
done

# systemd's own reading of the unit, with ExecStart pointed at the unpacked binary: any unknown or
# misspelt setting is reported.
sed "s|=/usr/bin/storedesk-server|=$root/usr/bin/storedesk-server|" "$unit" \
    >"$work/storedesk-server.service"
verdict=$(systemd-analyze verify "$work/storedesk-server.service" 2>&1) ||
    fail "systemd-analyze verify failed: $verdict"
[ -z "$verdict" ] || fail "systemd-analyze verify: $verdict"

for variable in CTP_PROJECT_KEY CTP_CLIENT_ID CTP_CLIENT_SECRET CTP_SCOPES CTP_REGION \
    CTP_AUTH_URL CTP_API_URL STOREDESK_CALLBACK_API_KEY; do
    grep -Eq "^#?$variable=" "$root/etc/storedesk/server.env" ||
        fail "server.env does not name $variable"
done
# The template must not carry a value for the secret.
grep -qx 'CTP_CLIENT_SECRET=' "$root/etc/storedesk/server.env" ||
    fail "server.env ships a client secret"

server="$root/usr/bin/storedesk-server"
output=$("$server" --version) || fail "storedesk-server --version exited with $?"
[ "$output" = "storedesk-server $version" ] || fail "--version said '$output'"
# The shipped server.json passes the server's own checks: with it, what stops --check-config
# is the empty environment, which comes after the file.
output=$(env -i PATH=/usr/bin:/bin HOME="$work" "$server" --check-config \
    --config "$root/etc/storedesk/server.json" 2>&1) && fail "--check-config passed without CTP_*"
grep -q 'CTP_PROJECT_KEY is not set' <<<"$output" ||
    fail "--check-config with the shipped server.json said: $output"

finish "storedesk-server package ok"
