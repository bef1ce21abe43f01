#pragma once

#include "database.h"
#include "domain/money.h"
#include "storageerror.h"

#include <QJsonObject>

namespace storedesk::server {

// One refund, planned before anything is written to commercetools.
struct RefundRecord {
    QString id; // a UUID; the returnTrackingId and the Refund transactions' interactionId
    QString idempotencyKey;
    QString storeKey;
    QString orderId;
    QString username;
    QString approvedBy; // the manager who approved it; empty: no approval was needed
    QString workstationId;
    Money amount;
    qint64 cashMinorUnits = 0; // the cash handed back (the plan's cash share), in amount's units
    QString tillSessionId;     // the till session open when it was recorded; empty: none was
    QJsonObject plan;          // {items: [...], tenders: [...], reason}
    bool completed = false;
    QDateTime createdAt;
};

// Refund plans in the server's database: a retry of the same Idempotency-Key after a crash
// finishes the planned refund; a refund of an order while another one is unfinished is refused,
// so two colleagues cannot both refund the same line.
class RefundStore {
public:
    struct Creation {
        bool created = false;
        RefundRecord record;      // the new one, or the one with this Idempotency-Key
        bool tillNotOpen = false; // refused: it hands back cash and the till is not open
    };

    explicit RefundStore(Database& database, Clock clock = systemClock);

    // Conflict when another refund of the order is unfinished. The refund is stamped with the
    // till session open at its workstation, read in the same transaction under the till's lock
    // (TillStore::lockOpenSession); one that hands back
    // cash is not created (tillNotOpen) when there is none.
    StorageResult<Creation> create(const RefundRecord& record);
    StorageResult<RefundRecord> findByIdempotencyKey(const QString& key) const;
    StorageResult<void> complete(const QString& id);

private:
    Database& m_database;
    Clock m_clock;
};

} // namespace storedesk::server
