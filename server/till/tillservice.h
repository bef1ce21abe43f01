#pragma once

#include "base/expected.h"
#include "domain/denominations.h"
#include "services/audittrail.h"
#include "services/servicefailure.h"
#include "storage/tillstore.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace storedesk::server {

class StorageExecutor;
struct ServerConfig;
struct StoreConfig;

// The till's day of a workstation (docs/TILL.md): open with a counted float, pay-ins, pay-outs,
// safe drops and no sales (with a manager's approval above the store's limits), the X report,
// the blind close with its Z report, the expected float, and the sessions of a store's day.
// Storage runs on the StorageExecutor's lanes, never on the event loop; each decision is audited.
// Callers (the routes) have checked who may ask and the form of the request.
class TillService : public QObject {
    Q_OBJECT

public:
    // Who asks, where.
    struct Where {
        QString storeKey;
        QString workstationId;
        QString username;
        QString correlationId;
    };
    struct Approval {
        QString username;
        QString secret; // never logged, never stored
        bool given() const { return !username.isEmpty(); }
    };
    struct Movement {
        QString kind; // pay_in, pay_out, safe_drop, no_sale
        std::optional<qint64> amount;
        QString reason;
        QString note;
        QString bagNumber;
        Approval approval;
    };
    struct Close {
        TillCount count;
        QString reason; // why the drawer is over or short; needed with an approval
        Approval approval;
    };
    using Done = std::function<void(const Expected<QJsonObject, ServiceFailure>&)>;

    TillService(StorageExecutor* storage, const ServerConfig* config, QObject* parent = nullptr);

    void status(const Where& where, Done done);
    void open(const Where& where, const TillCount& floatCount, const QString& idempotencyKey,
              Done done);
    void addMovement(const Where& where, Movement movement, const QString& idempotencyKey,
                     Done done);
    void xReport(const Where& where, Done done);
    void close(const Where& where, Close close, const QString& idempotencyKey, Done done);
    // A manager sets what the drawer's float should be; answers the TillStatus.
    void setExpectedFloat(const Where& where, qint64 minorUnits, Done done);
    // {date, sessions}: the store's sessions opened on date (UTC).
    void sessions(const QString& storeKey, const QDate& date, Done done);
    // The Z report as written at close. workstationId non-empty: only a session of it.
    void zReport(const QString& storeKey, const QString& sessionId, const QString& workstationId,
                 Done done);

private:
    struct MovementRun;
    struct CloseRun;

    const StoreConfig* storeOf(const Where& where) const;
    void recordMovement(const std::shared_ptr<MovementRun>& run, const QString& approvedBy);
    // Audits an approval that was refused (unknown manager, wrong secret, no right here) and
    // makes the 403 that says so, with `required`'s details and approvalDenied.
    ServiceFailure approvalDenied(const Where& where, const QString& kind, const QString& approver,
                                  bool knownUser, const QJsonObject& required,
                                  const std::optional<Money>& amount) const;
    void finishClose(const std::shared_ptr<CloseRun>& run, const QString& approvedBy);

    StorageExecutor* m_storage;
    const ServerConfig* m_config;
    AuditTrail m_audit;
};

} // namespace storedesk::server
