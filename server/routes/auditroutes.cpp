#include "auditroutes.h"

#include "servicecontext.h"
#include "storage/storageexecutor.h"

namespace storedesk::server {
namespace {

QJsonObject entryJson(const AuditEntry& entry)
{
    QJsonObject json{
        {QStringLiteral("id"), QString::number(entry.id)},
        {QStringLiteral("at"), entry.at.toString(Qt::ISODateWithMs)},
        {QStringLiteral("username"), entry.username},
        {QStringLiteral("action"), entry.action},
        {QStringLiteral("storeKey"), entry.storeKey.toString()},
        {QStringLiteral("workstationId"), entry.workstationId},
        {QStringLiteral("correlationId"), entry.correlationId},
        {QStringLiteral("details"), entry.details},
    };
    if (entry.amount)
        json.insert(QStringLiteral("amount"), entry.amount->toJson());
    return json;
}

void listAudit(const ServiceContext& context, const ApiRequest& request, const Responder& responder)
{
    const QDateTime from = QDateTime::fromString(
        request.query.queryItemValue(QStringLiteral("from"), QUrl::FullyDecoded),
        Qt::ISODateWithMs);
    const QDateTime to = QDateTime::fromString(
        request.query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded), Qt::ISODateWithMs);
    if (!from.isValid() || !to.isValid() || from >= to) {
        responder->error(ApiError::invalidInput(QStringLiteral(
            "Give the period as from and to, date and time in RFC 3339, from before to.")));
        return;
    }
    QList<StoreKey> stores;
    for (const QString& key : request.caller->allowedStores) {
        if (const Expected<StoreKey> store = StoreKey::parse(key))
            stores << *store;
    }
    if (stores.isEmpty()) {
        responder->json(200, QJsonObject{{QStringLiteral("results"), QJsonArray()}});
        return;
    }
    // On the write lane, behind the audit entries this instance has posted but not yet written
    // (ServiceContext::record does not wait): a manager reads what was just done.
    context.storage->run(
        StorageExecutor::Lane::Write, context.storage,
        [from = from.toUTC(), to = to.toUTC(), stores](Stores& storage) {
            return storage.audit.query(from, to, stores);
        },
        [responder](const StorageResult<QList<AuditEntry>>& entries) {
            if (!entries) {
                responder->error(storageFailure(entries.error()));
                return;
            }
            QJsonArray results;
            for (const AuditEntry& entry : *entries)
                results.append(entryJson(entry));
            responder->json(200, QJsonObject{{QStringLiteral("results"), results}});
        });
}

} // namespace

void registerAuditRoutes(Router& router, const ServiceContext& context)
{
    router.add("GET", QStringLiteral("/audit"), Router::Access::Manager,
               [&context](const ApiRequest& request, const Responder& responder) {
                   listAudit(context, request, responder);
               });
}

} // namespace storedesk::server
