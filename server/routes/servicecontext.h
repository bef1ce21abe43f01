#pragma once

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "commercetools/scopepolicy.h"
#include "domain/jsonreader.h"
#include "domain/money.h"
#include "http/router.h"
#include "payments/servicedeps.h"
#include "services/storefence.h"
#include "serverconfig.h"
#include "serviceanswer.h"

namespace storedesk::server {

// What the API's routes share: the services' dependencies (the commercetools client, the server's
// storage run off the event loop, the audit trail), the server's configuration and what the API
// client's scopes allow.
struct ServiceContext : ServiceDeps {
    const ServerConfig* config = nullptr;
    ScopePolicy::Verdict scopes;

    // Answers and returns false unless the request's {storeKey} is well formed, the caller may
    // work in it, and this server serves it.
    bool admitStore(const ApiRequest& request, const Responder& responder) const;
    // The same, and the session is bound to one of this store's workstations: money moves only
    // at a workstation. The workstation's configuration, or null after answering 403.
    const WorkstationConfig* admitWorkstation(const ApiRequest& request,
                                              const Responder& responder) const;
};

// Whether `id` can be a commercetools id (a UUID; the API does not promise the form). Anything
// else cannot name a resource, and never reaches a URL.
bool isResourceId(const QString& id);

// commercetools query predicates take string literals in double quotes; escape what would end one.
QString predicateLiteral(const QString& value);

// Reads one resource of a store (`path` under the in-store endpoint) and fences it: `found` gets
// it only when it reads as a T and belongs to `storeKey`. Anything absent, or of another store or
// none — which commercetools' emulator happily returns — answers not_found; upstream failures
// and unreadable documents answer upstream_unavailable.
template <typename T>
void fetchFromStore(const ServiceContext& context, const QString& path, const QString& storeKey,
                    const QString& notFoundMessage, const Responder& responder,
                    std::function<void(const T&, const QJsonObject& raw)> found,
                    const QUrlQuery& query = {})
{
    context.commercetools->get(
        QStringLiteral("in-store/key=%1/%2").arg(storeKey, path), query, responder->correlationId(),
        [path, storeKey, notFoundMessage, responder, found](const CtResponse& response) {
            if (response.status == 404) {
                responder->error(ApiError::notFound(notFoundMessage));
                return;
            }
            if (!response.ok()) {
                responder->error(ApiError::upstream(response));
                return;
            }
            const Expected<T> resource = json::read<T>(response.body);
            if (!resource) {
                qCWarning(lcServerCt).noquote() << "commercetools sent a document we cannot read:"
                                                << resource.error().toString();
                responder->error(ApiError::upstream(CtResponse{}));
                return;
            }
            if (!resource->storeKey() || resource->storeKey()->toString() != storeKey) {
                qCInfo(lcServerAuth).noquote() << path << "is not in store" << storeKey;
                responder->error(ApiError::notFound(notFoundMessage));
                return;
            }
            found(*resource, response.body);
        });
}

// Reads one resource of a store and fences it from its bytes alone (StoreFence): `found` gets
// commercetools' answer, whose body.bytes() can go to the caller unchanged, and the resource's
// header. Answers as fetchFromStore does: absent, of another store or of none → not_found;
// upstream failures and documents that are not a well-formed resource → upstream_unavailable.
// For routes that need no more of the resource than its id, version and store; a route that
// reads it anyway (body.object()) parses it then, once.
void fetchFencedFromStore(const ServiceContext& context, const QString& path,
                          const QString& storeKey, const QString& notFoundMessage,
                          const Responder& responder,
                          std::function<void(const CtResponse&, const ResourceHeader&)> found,
                          const QUrlQuery& query = {});

} // namespace storedesk::server
