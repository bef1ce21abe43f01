#pragma once

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "domain/jsonreader.h"
#include "servicefailure.h"

#include <functional>

namespace storedesk::server {

// A resource of a store as the services read it: the domain view and commercetools' document
// (which carries the version an update needs, and anything expanded).
template <typename T>
struct StoreResource {
    T resource;
    QJsonObject raw;
};

// Reads one resource of a store (`path` under the in-store endpoint) and fences it, as
// fetchFromStore does for the routes but with the answer as data: `done` gets the resource only
// when it reads as a T and belongs to `storeKey`. Anything absent, or of another store or none —
// which commercetools' emulator happily returns — is NotFound; upstream failures and unreadable
// documents are Upstream.
template <typename T>
void readFromStore(CtClient* commercetools, const QString& path, const QString& storeKey,
                   const QString& notFoundMessage, const QString& correlationId,
                   const QUrlQuery& query,
                   std::function<void(const Expected<StoreResource<T>, ServiceFailure>&)> done)
{
    commercetools->get(
        QStringLiteral("in-store/key=%1/%2").arg(storeKey, path), query, correlationId,
        [path, storeKey, notFoundMessage, done = std::move(done)](const CtResponse& response) {
            if (response.status == 404) {
                done(ServiceFailure::notFound(notFoundMessage));
                return;
            }
            if (!response.ok()) {
                done(ServiceFailure::fromUpstream(response));
                return;
            }
            Expected<T> resource = json::read<T>(response.body);
            if (!resource) {
                qCWarning(lcServerCt).noquote() << "commercetools sent a document we cannot read:"
                                                << resource.error().toString();
                done(ServiceFailure::fromUpstream(CtResponse{}));
                return;
            }
            if (!resource->storeKey() || resource->storeKey()->toString() != storeKey) {
                qCInfo(lcServerAuth).noquote() << path << "is not in store" << storeKey;
                done(ServiceFailure::notFound(notFoundMessage));
                return;
            }
            done(StoreResource<T>{std::move(*resource), response.body});
        });
}

} // namespace storedesk::server
