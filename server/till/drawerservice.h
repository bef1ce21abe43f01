#pragma once

#include "base/expected.h"
#include "services/servicefailure.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <functional>

namespace storedesk::server {

class StorageExecutor;

// Records that a workstation's cash drawer was opened (docs/HARDWARE.md, "Audit of drawer
// openings"). Its own small service rather than part of TillService: an opening moves no money
// and needs no open till (a test pulse, a no-sale on a closed till still is audited), so it shares
// nothing with the till's day but the caller rules, which the route checks. The opening IS the
// audit entry, so it is written on the storage's write lane and answered with the entry's id and
// time, not posted and forgotten as AuditTrail does for side records.
class DrawerService : public QObject {
    Q_OBJECT

public:
    struct Opening {
        QString storeKey;
        QString workstationId;
        QString username;
        QString correlationId;
        QString reason;    // one of reasons()
        QString reference; // payment id, order number, refund id or movement id; may be empty
    };
    using Done = std::function<void(const Expected<QJsonObject, ServiceFailure>&)>;

    explicit DrawerService(StorageExecutor* storage, QObject* parent = nullptr);

    // cash-sale, cash-refund, pay-in, pay-out, safe-drop, no-sale, test.
    static const QStringList& reasons();

    // Audits `opening` as drawer.opened {reason, reference}; answers {id, at, reason, reference}.
    void record(const Opening& opening, Done done);

private:
    StorageExecutor* m_storage;
};

} // namespace storedesk::server
