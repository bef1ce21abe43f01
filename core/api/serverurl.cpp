#include "serverurl.h"

#include "base/transportsecurity.h"

namespace storedesk::api {

Expected<QUrl> ServerUrl::parse(const QString& text)
{
    const auto invalid = [](const QString& message) {
        return Error{Error::Kind::InvalidValue, message, QString()};
    };
    QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty() || !url.isValid() || url.host().isEmpty())
        return invalid(tr("Enter the server address as a full URL, for example "
                          "https://pos.example.com/storedesk/v1."));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1StringView("https") && scheme != QLatin1StringView("http"))
        return invalid(tr("The server address must start with https://."));
    if (scheme == QLatin1StringView("http") && !isLoopbackHost(url.host()))
        return invalid(tr("The connection to %1 would not be encrypted. Use https://; plain "
                          "http:// is only allowed for this computer (localhost).")
                           .arg(url.host()));
    if (!url.userInfo().isEmpty())
        return invalid(tr("The server address must not contain a user name or password."));
    if (url.hasQuery() || url.hasFragment())
        return invalid(tr("The server address must not contain '?' or '#' parts."));

    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    url.setScheme(scheme);
    return url;
}

} // namespace storedesk::api
