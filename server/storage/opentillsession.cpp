#include "opentillsession.h"

#include "tillstore.h"

#include <QSqlQuery>

namespace storedesk::server {

StorageResult<QString> openTillSession(const Database& database, const QString& storeKey,
                                       const QString& workstationId, bool lockTill)
{
    if (lockTill) {
        if (auto locked = database.serialize(TillStore::lockName(storeKey, workstationId),
                                             QStringLiteral("locking the till"));
            !locked)
            return locked.error();
    }
    auto query = database.run(QStringLiteral("SELECT id FROM till_sessions WHERE store_key = ? AND "
                                             "workstation_id = ? AND state = 'open'"),
                              {storeKey, workstationId},
                              QStringLiteral("looking for the workstation's open till"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toString() : QString();
}

} // namespace storedesk::server
