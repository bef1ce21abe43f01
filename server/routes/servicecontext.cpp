#include "servicecontext.h"

#include "base/logging.h"
#include "domain/storekey.h"
#include "services/audittrail.h"
#include "storage/storageexecutor.h"

#include <QRegularExpression>

namespace storedesk::server {

bool ServiceContext::admitStore(const ApiRequest& request, const Responder& responder) const
{
    const QString storeKey = request.argument(QStringLiteral("storeKey"));
    if (!StoreKey::isValid(storeKey)) {
        responder->error(ApiError::invalidInput(StoreKey::parse(storeKey).error().message));
        return false;
    }
    if (!request.caller || !request.caller->mayUseStore(storeKey)) {
        qCInfo(lcServerAuth) << (request.caller ? request.caller->username : QString())
                             << "asked for store" << storeKey << "outside the session";
        responder->error(
            ApiError::forbidden(QStringLiteral("This session is not for store %1.").arg(storeKey)));
        return false;
    }
    if (!config->store(storeKey) || !scopes.servesStore(storeKey)) {
        responder->error(ApiError::notFound(
            QStringLiteral("This server does not serve store %1.").arg(storeKey)));
        return false;
    }
    return true;
}

const WorkstationConfig* ServiceContext::admitWorkstation(const ApiRequest& request,
                                                          const Responder& responder) const
{
    if (!admitStore(request, responder))
        return nullptr;
    const StoreConfig* store = config->store(request.argument(QStringLiteral("storeKey")));
    const QString& workstationId = request.caller->workstationId;
    const WorkstationConfig* workstation =
        store && !workstationId.isEmpty() ? store->workstation(workstationId) : nullptr;
    if (!workstation)
        responder->error(ApiError::forbidden(
            QStringLiteral("Money moves only at a workstation: log in at one of this store's "
                           "workstations.")));
    return workstation;
}

bool isResourceId(const QString& id)
{
    static const QRegularExpression rule(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    return rule.match(id).hasMatch();
}

QString predicateLiteral(const QString& value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

void fetchFencedFromStore(const ServiceContext& context, const QString& path,
                          const QString& storeKey, const QString& notFoundMessage,
                          const Responder& responder,
                          std::function<void(const CtResponse&, const ResourceHeader&)> found,
                          const QUrlQuery& query)
{
    context.commercetools->get(
        QStringLiteral("in-store/key=%1/%2").arg(storeKey, path), query, responder->correlationId(),
        [path, storeKey, notFoundMessage, responder,
         found = std::move(found)](const CtResponse& response) {
            const StoreFence fence = StoreFence::of(response, storeKey);
            switch (fence.verdict) {
            case StoreFence::Verdict::Found:
                found(response, fence.header);
                return;
            case StoreFence::Verdict::NotFound:
                if (response.status != 404)
                    qCInfo(lcServerAuth).noquote() << path << "is not in store" << storeKey;
                responder->error(ApiError::notFound(notFoundMessage));
                return;
            case StoreFence::Verdict::Upstream:
                responder->error(ApiError::upstream(response));
                return;
            case StoreFence::Verdict::Unreadable:
                qCWarning(lcServerCt).noquote()
                    << "commercetools sent a document we cannot read:" << path
                    << "is not a well-formed resource";
                responder->error(ApiError::upstream(CtResponse{}));
                return;
            }
        });
}

} // namespace storedesk::server
