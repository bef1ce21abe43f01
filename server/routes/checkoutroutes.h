#pragma once

#include "http/router.h"
#include "storage/ordernumberstore.h"
#include "storage/paymentattemptstore.h"

#include <QObject>

namespace storedesk::server {

struct CtResponse;
struct ServiceContext;

// POST /stores/{storeKey}/carts/{cartId}/order: the cart becomes an order once its succeeded
// payments cover the total — exactly one order per cart, numbered {storeKey}-{sequence}.
class CheckoutRoutes : public QObject {
    Q_OBJECT

public:
    // Attempts at finding a free order number before giving up (numbers taken elsewhere).
    static constexpr int MaxNumberAttempts = 20;

    explicit CheckoutRoutes(const ServiceContext& context, QObject* parent = nullptr);

    void registerOn(Router& router);

private:
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

    void placeOrder(const ApiRequest& request, const Responder& responder);
    void checkAndOrder(const QString& key, const QString& storeKey, const QString& cartId,
                       qint64 cartVersion, const QString& workstationId, const CartState& state,
                       const Responder& responder);
    // Looks the cart's reserved number up, and creates the order only when it is not there.
    // `mayResend`: one more creation is allowed after an unclear answer and a lookup that shows
    // the order was not made.
    void createOrder(const QString& idempotencyKey, const QString& workstationId,
                     const QJsonObject& cart, const Responder& responder, int attemptsLeft,
                     bool mayResend);
    void renumberAndRetry(const QString& idempotencyKey, const QString& workstationId,
                          const QJsonObject& cart, const Responder& responder, int attemptsLeft,
                          bool mayResend);
    void lookUpNumber(const QString& idempotencyKey, const QString& workstationId,
                      const QJsonObject& cart, const QString& number, const Responder& responder,
                      int attemptsLeft, bool mayResend, bool knownTaken);
    void sendOrder(const QString& idempotencyKey, const QString& workstationId,
                   const QJsonObject& cart, const QString& number, const Responder& responder,
                   int attemptsLeft, bool mayResend);
    void adoptCartsOrder(const QString& idempotencyKey, const QString& workstationId,
                         const QString& cartId, const QString& storeKey, const CtResponse& refusal,
                         const Responder& responder);
    void finish(const QString& idempotencyKey, const QString& workstationId, const QString& cartId,
                const QJsonObject& order, const Responder& responder);

    const ServiceContext& m_context;
};

} // namespace storedesk::server
