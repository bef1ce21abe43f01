#pragma once

#include <QHostAddress>
#include <QString>
#include <QUrl>

// Where StoreDesk lets a URL go unencrypted: this machine only (a local demo or test stack).
// One rule for the app's server URL, the commercetools URLs and payment providers alike.
// Header-only because it needs QtNetwork, which core's network code and the server link, but
// the QtCore-only domain library does not.
namespace storedesk {

inline bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// https anywhere, or http to this machine.
inline bool isEncryptedOrLocal(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1StringView("https") ||
           (scheme == QLatin1StringView("http") && isLoopbackHost(url.host()));
}

} // namespace storedesk
