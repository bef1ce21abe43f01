#include "deliverylog.h"

#include <QSqlQuery>

namespace storedesk::server {

DeliveryLog::DeliveryLog(Database& database, Clock clock)
    : m_database(database)
    , m_clock(std::move(clock))
{
}

StorageResult<bool> DeliveryLog::remember(const QString& source, const QString& deliveryId)
{
    auto inserted = m_database.run(
        QStringLiteral("INSERT INTO inbound_deliveries (source, delivery_id, received_at) VALUES "
                       "(?, ?, ?) ON CONFLICT (source, delivery_id) DO NOTHING"),
        {source, deliveryId, Database::toMillis(m_clock())},
        QStringLiteral("recording a delivery"));
    if (!inserted)
        return inserted.error();
    return inserted->numRowsAffected() == 1;
}

} // namespace storedesk::server
