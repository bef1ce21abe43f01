#include "connectorconfig.h"

#include "base/transportsecurity.h"

#include <QRegularExpression>

namespace storedesk::server {
namespace {

// An override URL (an emulator, a proxy) must be https, or http on this machine only: the
// client secret travels to the auth URL.
std::optional<QUrl> overrideUrl(const QProcessEnvironment& environment, const QString& variable,
                                QStringList& problems)
{
    const QString text = environment.value(variable).trimmed();
    if (text.isEmpty())
        return std::nullopt;
    QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() ||
        (scheme != QLatin1StringView("https") && scheme != QLatin1StringView("http"))) {
        problems << QStringLiteral("%1 must be an http(s) URL without user info").arg(variable);
        return std::nullopt;
    }
    if (!isEncryptedOrLocal(url)) {
        problems
            << QStringLiteral("%1 must use https unless it points at this machine").arg(variable);
        return std::nullopt;
    }
    while (url.path().endsWith(QLatin1Char('/')))
        url.setPath(url.path().chopped(1));
    return url;
}

} // namespace

const QStringList ConnectorConfig::regions = {
    QStringLiteral("us-central1.gcp"),          QStringLiteral("us-east-2.aws"),
    QStringLiteral("europe-west1.gcp"),         QStringLiteral("eu-central-1.aws"),
    QStringLiteral("australia-southeast1.gcp"),
};

Expected<ConnectorConfig> ConnectorConfig::fromEnvironment(const QProcessEnvironment& environment)
{
    static const QRegularExpression keyRule(QStringLiteral("^[A-Za-z0-9_-]{2,256}$"));
    static const QRegularExpression clientIdRule(QStringLiteral("^[A-Za-z0-9_-]{1,256}$"));
    QStringList problems;
    ConnectorConfig config;

    config.projectKey = environment.value(QStringLiteral("CTP_PROJECT_KEY")).trimmed();
    if (config.projectKey.isEmpty())
        problems << QStringLiteral("CTP_PROJECT_KEY is not set");
    else if (!keyRule.match(config.projectKey).hasMatch())
        problems << QStringLiteral(
            "CTP_PROJECT_KEY has 2 to 256 characters from A-Z, a-z, 0-9, '_' and '-'");

    config.clientId = environment.value(QStringLiteral("CTP_CLIENT_ID")).trimmed();
    if (config.clientId.isEmpty())
        problems << QStringLiteral("CTP_CLIENT_ID is not set");
    else if (!clientIdRule.match(config.clientId).hasMatch())
        problems << QStringLiteral("CTP_CLIENT_ID has characters a client id never has");

    // Not trimmed on purpose, and never echoed: only whether it is there.
    config.clientSecret = environment.value(QStringLiteral("CTP_CLIENT_SECRET"));
    if (config.clientSecret.trimmed().isEmpty())
        problems << QStringLiteral("CTP_CLIENT_SECRET is not set");

    config.scopes =
        environment.value(QStringLiteral("CTP_SCOPES")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (config.scopes.isEmpty())
        problems << QStringLiteral(
            "CTP_SCOPES is not set (the API client's scopes, space separated)");

    config.region =
        environment.value(QStringLiteral("CTP_REGION"), QString::fromLatin1(defaultRegion))
            .trimmed();
    if (!regions.contains(config.region))
        problems << QStringLiteral("CTP_REGION must be one of %1")
                        .arg(regions.join(QStringLiteral(", ")));

    config.apiUrl =
        overrideUrl(environment, QStringLiteral("CTP_API_URL"), problems)
            .value_or(QUrl(QStringLiteral("https://api.%1.commercetools.com").arg(config.region)));
    config.authUrl =
        overrideUrl(environment, QStringLiteral("CTP_AUTH_URL"), problems)
            .value_or(QUrl(QStringLiteral("https://auth.%1.commercetools.com").arg(config.region)));

    if (!problems.isEmpty())
        return Error{Error::Kind::InvalidValue, problems.join(QStringLiteral("; ")), QString()};
    return config;
}

QString ConnectorConfig::describe() const
{
    return QStringLiteral("project %1, client %2, region %3, API %4, auth %5, scopes: %6")
        .arg(projectKey, clientId, region, apiUrl.toString(), authUrl.toString(),
             scopes.join(QLatin1Char(' ')));
}

} // namespace storedesk::server
