#include "servicedeps.h"

#include "base/logging.h"
#include "domain/storekey.h"
#include "storage/storageexecutor.h"

namespace storedesk::server {

void ServiceDeps::record(const QString& action, const QString& username, const QString& storeKey,
                         const QString& workstationId, const QString& correlationId,
                         const QJsonObject& details, const std::optional<Money>& amount) const
{
    AuditEntry entry;
    entry.action = action;
    entry.username = username.left(64);
    if (StoreKey::isValid(storeKey))
        entry.storeKey = *StoreKey::parse(storeKey);
    entry.workstationId = workstationId.left(128);
    entry.correlationId = correlationId;
    entry.details = details;
    entry.amount = amount;
    storage->post(StorageExecutor::Lane::Write, [entry, action](Stores& stores) {
        if (const StorageResult<AuditEntry> recorded = stores.audit.record(entry); !recorded)
            qCWarning(lcServerDb).noquote()
                << "cannot write the audit entry" << action << ":" << recorded.error().message;
    });
}

ApiError storageFailure(const StorageError& error)
{
    qCWarning(lcServerDb).noquote() << "storage:" << error.message;
    if (error.kind == StorageError::Kind::Unavailable)
        return ApiError::databaseUnavailable();
    return ApiError::internal();
}

} // namespace storedesk::server
