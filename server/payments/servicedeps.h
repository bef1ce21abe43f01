#pragma once

#include "domain/money.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace storedesk::server {

class CtClient;
class StorageExecutor;

// What the server's services (payments, and the routes' ServiceContext built on it) need from the
// rest of the server: the commercetools client, the storage run off the event loop, and the audit
// trail. Services take this, never the routes' ServiceContext, so they do not depend on HTTP.
struct ServiceDeps {
    CtClient* commercetools = nullptr;
    StorageExecutor* storage = nullptr;

    // Appends to the audit trail. A failure to record is logged, not thrown at the colleague:
    // the audit trail must not be the reason a login fails. `details` never holds a secret.
    void record(const QString& action, const QString& username, const QString& storeKey,
                const QString& workstationId, const QString& correlationId,
                const QJsonObject& details = {},
                const std::optional<Money>& amount = std::nullopt) const;
};

} // namespace storedesk::server
