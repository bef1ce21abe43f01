#include "healthroute.h"

#include "commercetools/ctclient.h"
#include "http/router.h"
#include "storage/storageexecutor.h"
#include "storedesk/version.h"

#include <QUuid>

namespace storedesk::server {

UpstreamHealth::UpstreamHealth(CtClient* commercetools, QObject* parent)
    : QObject(parent)
    , m_commercetools(commercetools)
{
}

void UpstreamHealth::check(std::function<void(bool reachable)> done)
{
    if (m_checkedAt.isValid() && m_checkedAt.secsTo(QDateTime::currentDateTimeUtc()) < 10) {
        done(m_reachable);
        return;
    }
    m_waiting.append(std::move(done));
    if (m_waiting.size() > 1)
        return; // a check is under way; it answers everyone
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    m_commercetools->get(QStringLiteral("stores"), query,
                         QUuid::createUuid().toString(QUuid::WithoutBraces),
                         [this](const CtResponse& response) {
                             m_reachable = response.ok();
                             m_checkedAt = QDateTime::currentDateTimeUtc();
                             for (const auto& waiting : std::exchange(m_waiting, {}))
                                 waiting(m_reachable);
                         });
}

void registerHealthRoute(Router& router, UpstreamHealth& upstream, const StorageExecutor& storage)
{
    router.add("GET", QStringLiteral("/health"), Router::Access::Anyone,
               [&upstream, &storage](const ApiRequest&, const Responder& responder) {
                   upstream.check([&storage, responder](bool reachable) {
                       const bool database = storage.isAvailable();
                       QJsonObject body{
                           {QStringLiteral("status"),
                            database ? QStringLiteral("ok") : QStringLiteral("degraded")},
                           {QStringLiteral("version"), applicationVersion()},
                           {QStringLiteral("commercetools"),
                            reachable ? QStringLiteral("ok") : QStringLiteral("unreachable")},
                           {QStringLiteral("database"),
                            database ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                       };
                       // The driver's own words stay in the log: they name hosts and ports.
                       if (!database)
                           body.insert(QStringLiteral("reason"),
                                       QStringLiteral("The database cannot be reached; the server "
                                                      "reconnects on its own."));
                       responder->json(database ? 200 : 503, body);
                   });
               });
}

} // namespace storedesk::server
