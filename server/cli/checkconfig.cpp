#include "checkconfig.h"

#include "commercetools/connectorconfig.h"
#include "commercetools/ctclient.h"
#include "commercetools/tokenprovider.h"
#include "domain/money.h"
#include "serverconfig.h"
#include "startupchecks.h"

#include <QEventLoop>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

namespace storedesk::server {
namespace {

QString amount(qint64 minorUnits, const QString& currency)
{
    const Expected<Money> money = Money::fromMinorUnits(minorUnits, currency);
    return money ? money->toString(QLocale::c())
                 : QStringLiteral("%1 %2").arg(minorUnits).arg(currency);
}

// One line per store: which workstations have a cash drawer and the till's rules (docs/TILL.md).
QString tillSummary(const StoreConfig& store)
{
    QStringList drawers;
    QStringList without;
    for (const LocationConfig& location : store.locations) {
        for (const WorkstationConfig& workstation : location.workstations)
            (workstation.cashDrawer ? drawers : without) << workstation.id;
    }
    const TillConfig& till = store.till;
    return QStringLiteral("cash drawers at %1%2; card %3; pay-outs above %4 and no sales after "
                          "%5 need a manager, and a close over or short by more than %6; "
                          "reasons: pay-in %7, pay-out %8, no sale %9")
        .arg(drawers.isEmpty() ? QStringLiteral("no workstation") : drawers.join(u", "),
             without.isEmpty() ? QString()
                               : QStringLiteral(" (none at %1)").arg(without.join(u", ")),
             till.cardNeedsOpenTill ? QStringLiteral("needs an open till")
                                    : QStringLiteral("works without an open till"),
             amount(till.payOutApprovalAbove, store.currency),
             QString::number(till.noSaleApprovalAfter),
             amount(till.closeApprovalAbove, store.currency), till.payInReasons.join(u'/'),
             till.payOutReasons.join(u'/'), till.noSaleReasons.join(u'/'));
}

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
    for (const StoreConfig& store : config.stores)
        out << "  till at " << store.key << ": " << tillSummary(store) << '\n';
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
    CtClient commercetools(connector, &tokens, 4);
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
