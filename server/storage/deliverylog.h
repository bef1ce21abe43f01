#pragma once

#include "database.h"
#include "storageerror.h"

namespace storedesk::server {

// Signed deliveries the server has taken (webhooks), so that a replayed one is recognised even
// after a restart or on another instance.
class DeliveryLog {
public:
    explicit DeliveryLog(Database& database, Clock clock = systemClock);

    // true: first time this (source, id) is seen; false: a repeat.
    StorageResult<bool> remember(const QString& source, const QString& deliveryId);

private:
    Database& m_database;
    Clock m_clock;
};

} // namespace storedesk::server
