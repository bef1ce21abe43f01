#pragma once

#include "base/expected.h"
#include "domain/money.h"
#include "services/audittrail.h"
#include "services/managerapproval.h"
#include "services/servicefailure.h"
#include "storage/refundstore.h"
#include "storage/userdirectory.h"

#include <QJsonArray>
#include <QObject>

#include <functional>
#include <memory>

namespace storedesk::server {

class CtClient;
class StorageExecutor;
struct ServerConfig;

// Refunds of an order's lines: the amount from the order's own prices, up to what is still
// refundable, back to the original tenders (cash last), with a manager's approval above the
// store's threshold or for old orders — exactly once per Idempotency-Key: the plan is stored
// before anything is written to commercetools, and a repeat finishes it.
//
// commercetools calls of a refund with one tender: the order with its Payments expanded (1),
// the order's return info (1), the Payment's Refund transaction (1) — each update built on the
// version just read; a ConcurrentModification costs one re-read and one retry.
class RefundService : public QObject {
    Q_OBJECT

public:
    struct Request {
        QString storeKey;
        QString orderId;
        QString idempotencyKey; // claimed by the caller for this request
        QString reason;
        QList<std::pair<QString, qint64>> items; // line id, quantity; each line once
        QString approvalUsername;
        QString approvalSecret; // never logged, never stored
        QString username;       // who asks
        QString workstationId;
        QString correlationId;
    };
    // The refund as the integration API reports it once it succeeded.
    using Done = std::function<void(const Expected<QJsonObject, ServiceFailure>&)>;

    RefundService(CtClient* commercetools, StorageExecutor* storage, const ServerConfig* config,
                  QObject* parent = nullptr);

    // Plans, approves, records and carries out the refund, or finishes the one planned earlier
    // under the same Idempotency-Key.
    void refund(Request request, Done done);

private:
    struct Run;
    using RunPtr = std::shared_ptr<Run>;

    void plan(const RunPtr& run);
    void collectSources(const RunPtr& run, int index);
    void approveAndRecord(const RunPtr& run);
    void approved(const ManagerApproval& approval, const RunPtr& run, const QJsonObject& required);
    void record(const RunPtr& run);
    // Reads the order (with its Payments) again, then execute()s: a plan from an earlier try.
    void resume(const RefundRecord& refund, const RunPtr& run);
    // Writes the planned refund to commercetools on the order and Payments held in `run`,
    // skipping what a previous try already wrote.
    void execute(const RefundRecord& refund, const RunPtr& run);
    void executeTenders(const RefundRecord& refund, int index, const RunPtr& run);
    void succeeded(const RefundRecord& refund, const RunPtr& run);

    CtClient* m_commercetools;
    StorageExecutor* m_storage;
    const ServerConfig* m_config;
    AuditTrail m_audit;
};

} // namespace storedesk::server
