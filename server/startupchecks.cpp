#include "startupchecks.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "commercetools/tokenprovider.h"
#include "routes/servicecontext.h"
#include "serverconfig.h"

#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>
#include <QUuid>

namespace storedesk::server {
namespace {

using Done = std::function<void(const StartupCheckResult&)>;

void checkStores(const ServerConfig& config, CtClient& commercetools, StartupCheck check, Done done)
{
    QStringList outOfScope;
    QStringList literals;
    for (const StoreConfig& store : config.stores) {
        if (!check.scopes.servesStore(store.key))
            outOfScope << store.key;
        literals << predicateLiteral(store.key);
    }
    if (!outOfScope.isEmpty()) {
        done(QStringLiteral(
                 "the API client's store-scoped scopes do not reach the configured stores %1")
                 .arg(outOfScope.join(QStringLiteral(", "))));
        return;
    }
    if (literals.isEmpty()) {
        qCWarning(lcServer) << "no stores are configured: colleagues cannot log in anywhere";
        done(check);
        return;
    }
    QUrlQuery query;
    query.addQueryItem(
        QStringLiteral("where"),
        QString::fromLatin1(QUrl::toPercentEncoding(
            QStringLiteral("key in (%1)").arg(literals.join(QStringLiteral(", "))))));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("500"));
    commercetools.get(
        QStringLiteral("stores"), query, QUuid::createUuid().toString(QUuid::WithoutBraces),
        [&config, &commercetools, check, done](const CtResponse& response) {
            if (!response.ok()) {
                done(QStringLiteral("cannot read the project's stores: %1")
                         .arg(response.status ? QStringLiteral("HTTP %1").arg(response.status)
                                              : response.transportError));
                return;
            }
            QSet<QString> known;
            for (const QJsonValue& store : response.body.value(QStringLiteral("results")).toArray())
                known.insert(store.toObject().value(QStringLiteral("key")).toString());
            QStringList unknown;
            for (const StoreConfig& store : config.stores) {
                if (!known.contains(store.key))
                    unknown << store.key;
            }
            if (!unknown.isEmpty()) {
                done(QStringLiteral("the configured stores %1 do not exist in project %2")
                         .arg(unknown.join(QStringLiteral(", ")),
                              commercetools.config().projectKey));
                return;
            }
            done(check);
        });
}

void checkScopes(const ServerConfig& config, CtClient& commercetools, const QStringList& granted,
                 Done done)
{
    StartupCheck check;
    check.grantedScopes = granted;
    check.scopes = ScopePolicy::evaluate(granted, commercetools.config().projectKey);
    for (const QString& scope : check.scopes.excessManage)
        qCWarning(lcServerCt).noquote()
            << "the API client has" << scope
            << "which StoreDesk does not need; grant only the scopes it uses (least privilege)";
    if (!check.scopes.foreignProject.isEmpty()) {
        done(QStringLiteral("the API client has scopes for another project: %1")
                 .arg(check.scopes.foreignProject.join(QStringLiteral(", "))));
        return;
    }
    if (!check.scopes.missing.isEmpty()) {
        done(QStringLiteral("the API client lacks the scopes %1 (for project %2); create an "
                            "API client with them")
                 .arg(check.scopes.missing.join(QStringLiteral(", ")),
                      commercetools.config().projectKey));
        return;
    }
    checkStores(config, commercetools, std::move(check), std::move(done));
}

} // namespace

void runStartupChecks(const ServerConfig& config, TokenProvider& tokens, CtClient& commercetools,
                      std::function<void(const StartupCheckResult&)> done)
{
    tokens.withToken([&config, &commercetools,
                      done = std::move(done)](const Expected<TokenProvider::Token>& token) {
        if (!token) {
            done(token.error().message);
            return;
        }
        checkScopes(config, commercetools, token->grantedScopes, done);
    });
}

} // namespace storedesk::server
