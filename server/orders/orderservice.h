#pragma once

#include "base/expected.h"
#include "services/audittrail.h"
#include "services/servicefailure.h"
#include "storage/ordernumberstore.h"
#include "storage/paymentattemptstore.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace storedesk::server {

class CtClient;
class StorageExecutor;

// A cart becomes an order once its succeeded payments cover the total — exactly one order per
// cart, numbered {storeKey}-{sequence} from the server's database.
//
// commercetools calls of an order: the cart (1) and the order's creation (1). A cart whose number
// was reserved by an earlier try first looks that number up (the order may exist, its answer
// lost); a refusal or an unclear answer is settled by lookups (see sendOrder).
class OrderService : public QObject {
    Q_OBJECT

public:
    // Attempts at finding a free order number before giving up (numbers taken elsewhere).
    static constexpr int MaxNumberAttempts = 20;

    struct Request {
        QString storeKey;
        QString cartId;
        qint64 cartVersion = 0; // the version the colleague checked
        QString idempotencyKey; // claimed by the caller for this request
        QString workstationId;
        QString correlationId;
    };
    // The order as commercetools holds it.
    using Done = std::function<void(const Expected<QJsonObject, ServiceFailure>&)>;

    OrderService(CtClient* commercetools, StorageExecutor* storage, QObject* parent = nullptr);

    void placeOrder(Request request, Done done);

private:
    struct Run;
    using RunPtr = std::shared_ptr<Run>;
    // What the database knows about the cart before its order is made.
    struct CartState {
        bool resuming = false; // a number is reserved: the order may exist already
        QList<PaymentAttemptRecord> attempts;
    };
    // What finishing an order found out.
    struct OrderSeen {
        bool firstSight = false; // no request had seen this order made before
        QString username;        // who asked for it (from the idempotency record)
    };

    void checkAndOrder(const RunPtr& run, const CartState& state);
    // Reserves the cart's number and creates the order; `lookFirst`: look the number up first,
    // because an earlier try may have made the order under it.
    void createOrder(const RunPtr& run, int attemptsLeft, bool mayResend, bool lookFirst);
    void renumberAndRetry(const RunPtr& run, int attemptsLeft, bool mayResend);
    // Looks the cart's reserved number up, and creates the order only when it is not there.
    // `mayResend`: one more creation is allowed after an unclear answer and a lookup that shows
    // the order was not made.
    void lookUpNumber(const RunPtr& run, const QString& number, int attemptsLeft, bool mayResend,
                      bool knownTaken);
    void sendOrder(const RunPtr& run, const QString& number, int attemptsLeft, bool mayResend);
    void adoptCartsOrder(const RunPtr& run, const CtResponse& refusal);
    void finish(const RunPtr& run, const QJsonObject& order);

    CtClient* m_commercetools;
    StorageExecutor* m_storage;
    AuditTrail m_audit;
};

} // namespace storedesk::server
