#pragma once

#include "domain/money.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace storedesk::server {

class StorageExecutor;

// Appends to the audit trail on the storage's write lane, from the decision being audited. A
// failure to record is logged, not thrown at the colleague: the audit trail must not be the reason
// a login or a refund fails. `details` never holds a secret.
class AuditTrail {
public:
    explicit AuditTrail(StorageExecutor* storage)
        : m_storage(storage)
    {
    }

    void record(const QString& action, const QString& username, const QString& storeKey,
                const QString& workstationId, const QString& correlationId,
                const QJsonObject& details = {},
                const std::optional<Money>& amount = std::nullopt) const;

private:
    StorageExecutor* m_storage;
};

} // namespace storedesk::server
