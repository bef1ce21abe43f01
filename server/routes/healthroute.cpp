#include "healthroute.h"

#include "commercetools/ctclient.h"
#include "http/router.h"
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

void registerHealthRoute(Router& router, UpstreamHealth& upstream)
{
    router.add("GET", QStringLiteral("/health"), Router::Access::Anyone,
               [&upstream](const ApiRequest&, const Responder& responder) {
                   upstream.check([responder](bool reachable) {
                       responder->json(200, QJsonObject{
                                                {QStringLiteral("status"), QStringLiteral("ok")},
                                                {QStringLiteral("version"), applicationVersion()},
                                                {QStringLiteral("commercetools"),
                                                 reachable ? QStringLiteral("ok")
                                                           : QStringLiteral("unreachable")},
                                            });
                   });
               });
}

} // namespace storedesk::server
