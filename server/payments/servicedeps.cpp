#include "servicedeps.h"

#include "services/audittrail.h"
#include "storage/storageexecutor.h"

namespace storedesk::server {

void ServiceDeps::record(const QString& action, const QString& username, const QString& storeKey,
                         const QString& workstationId, const QString& correlationId,
                         const QJsonObject& details, const std::optional<Money>& amount) const
{
    AuditTrail(storage).record(action, username, storeKey, workstationId, correlationId, details,
                               amount);
}

} // namespace storedesk::server
