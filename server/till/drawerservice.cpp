#include "drawerservice.h"

#include "domain/storekey.h"
#include "storage/storageexecutor.h"

namespace storedesk::server {

DrawerService::DrawerService(StorageExecutor* storage, QObject* parent)
    : QObject(parent)
    , m_storage(storage)
{
}

const QStringList& DrawerService::reasons()
{
    static const QStringList all{QStringLiteral("cash-sale"), QStringLiteral("cash-refund"),
                                 QStringLiteral("pay-in"),    QStringLiteral("pay-out"),
                                 QStringLiteral("safe-drop"), QStringLiteral("no-sale"),
                                 QStringLiteral("test")};
    return all;
}

void DrawerService::record(const Opening& opening, Done done)
{
    AuditEntry entry;
    entry.action = QStringLiteral("drawer.opened");
    entry.username = opening.username.left(64);
    if (StoreKey::isValid(opening.storeKey))
        entry.storeKey = *StoreKey::parse(opening.storeKey);
    entry.workstationId = opening.workstationId.left(128);
    entry.correlationId = opening.correlationId;
    entry.details = {{QStringLiteral("reason"), opening.reason},
                     {QStringLiteral("reference"), opening.reference}};
    m_storage->run(
        StorageExecutor::Lane::Write, this,
        [entry](Stores& stores) { return stores.audit.record(entry); },
        [opening, done](const StorageResult<AuditEntry>& recorded) {
            if (!recorded) {
                done(ServiceFailure::fromStorage(recorded.error()));
                return;
            }
            done(QJsonObject{
                {QStringLiteral("id"), QString::number(recorded->id)},
                {QStringLiteral("at"), recorded->at.toUTC().toString(Qt::ISODateWithMs)},
                {QStringLiteral("reason"), opening.reason},
                {QStringLiteral("reference"), opening.reference}});
        });
}

} // namespace storedesk::server
