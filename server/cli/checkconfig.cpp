#include "checkconfig.h"

#include "commercetools/connectorconfig.h"
#include "commercetools/ctclient.h"
#include "commercetools/tokenprovider.h"
#include "serverconfig.h"
#include "startupchecks.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

namespace storedesk::server {
namespace {

QString summary(const ServerConfig& config, const ConnectorConfig& connector,
                const CheckedSetup& setup, const StartupCheck& check)
{
    QStringList stores;
    for (const StoreConfig& store : config.stores)
        stores << store.key;
    QString text;
    QTextStream out(&text);
    out << "configuration ok\n"
        << "  configuration file: "
        << (setup.configFile.isEmpty() ? QStringLiteral("(none)") : setup.configFile) << '\n'
        << "  listen: " << setup.listen << '\n'
        << "  database: " << setup.database << " (not opened by this check)\n"
        << "  commercetools: " << connector.describe() << '\n'
        << "  commercetools connections: " << config.commercetoolsConnections
        << " requests at once at most ("
        << (connector.apiUrl.scheme() == QLatin1StringView("https")
                ? "reads over HTTP/2 where offered"
                : "HTTP/1.1: cleartext")
        << ")\n"
        << "  granted scopes: " << check.grantedScopes.join(QLatin1Char(' ')) << '\n'
        << "  stores: "
        << (stores.isEmpty()
                ? QStringLiteral("none configured: colleagues cannot log in")
                : stores.join(QStringLiteral(", ")) + QStringLiteral(" (all exist in the project)"))
        << '\n'
        << "  InStore callbacks: "
        << (setup.callbacksOn ? "on" : "off (STOREDESK_CALLBACK_API_KEY is not set)") << '\n'
        << "  InStore webhooks: "
        << (setup.webhooksOn ? "on" : "off (STOREDESK_WEBHOOK_SECRET is not set)") << '\n'
        << "  payment extensions: " << setup.paymentExtensionSecrets
        << " with their shared secret set\n";
    for (const QString& scope : check.scopes.excessManage)
        out << "  warning: the API client has " << scope << ", which StoreDesk does not need\n";
    return text;
}

} // namespace

int runCheckConfig(const ServerConfig& config, const ConnectorConfig& connector,
                   const CheckedSetup& setup)
{
    QNetworkAccessManager network;
    TokenProvider tokens(connector, &network);
    CtClient commercetools(connector, &tokens, &network);
    std::optional<StartupCheckResult> result;
    QEventLoop loop;
    runStartupChecks(config, tokens, commercetools, [&](const StartupCheckResult& checked) {
        result = checked;
        loop.quit();
    });
    if (!result)
        loop.exec();

    if (!*result) {
        std::fprintf(stderr, "storedesk-server: configuration not ok: %s\n",
                     result->error().toLocal8Bit().constData());
        return 1;
    }
    std::fputs(summary(config, connector, setup, **result).toLocal8Bit().constData(), stdout);
    return 0;
}

} // namespace storedesk::server
