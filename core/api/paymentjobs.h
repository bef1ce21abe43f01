#pragma once

#include "apijob.h"
#include "domain/cart.h"
#include "domain/money.h"
#include "domain/order.h"

#include <QDateTime>
#include <QList>

namespace storedesk::api {

// The integration API's Payment view: one attempt at one tender.
struct PaymentView {
    enum class State { Pending, Succeeded, Failed, Cancelled };

    QString id; // the commercetools Payment id; empty while the server is still creating it
    QString key;
    State state = State::Pending;
    QString tender; // "cash", "card", …
    Money amount;
    std::optional<Money> cashTendered;
    std::optional<Money> changeDue;
    QString message; // why it failed, in the provider's words
    bool cancelRequested = false;
    QString cartId;

    bool isFinal() const { return state != State::Pending; }

    static PaymentView read(JsonObjectReader reader);
    static Expected<PaymentView> fromJson(const QByteArray& json);
};

// GET /stores/{storeKey}/carts/{cartId}/payments
struct CartBalance {
    QString cartId;
    Money total;
    Money paid;
    Money pending;
    Money openBalance;
    QList<PaymentView> payments;
    // The cart the server read for this answer (servers before it was added leave it out).
    std::optional<Cart> cart;

    static Expected<CartBalance> fromJson(const QByteArray& json);
};

// What one tender should take.
struct PaymentRequest {
    QString tender;
    Money amount;
    std::optional<Money> cashTendered; // cash only: what the customer handed over

    QJsonObject toJson() const;
};

// POST /stores/{storeKey}/carts/{cartId}/payments with the attempt's Idempotency-Key: 201 final,
// 202 pending. Repeating it with the same key returns the same attempt and never pays twice.
class StartPaymentJob : public ValueJob<PaymentView> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::StartPaymentJob)

public:
    StartPaymentJob(ApiClient* client, const QString& storeKey, const QString& cartId,
                    const PaymentRequest& payment, const QByteArray& idempotencyKey);

    // The open balance the server named when it refused the amount as too high.
    const std::optional<Money>& openBalance() const { return m_openBalance; }

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;

private:
    mutable std::optional<Money> m_openBalance;
};

// GET /payments/{paymentId}?waitSeconds=N: answers when the state changes or after N seconds.
class PaymentStatusJob : public ValueJob<PaymentView> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::PaymentStatusJob)

public:
    PaymentStatusJob(ApiClient* client, const QString& paymentId, int waitSeconds);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

// POST /payments/{paymentId}/cancel: asks the terminal to abort. The answer is the attempt as it
// stands; an approval may still win.
class CancelPaymentJob : public ValueJob<PaymentView> {
public:
    CancelPaymentJob(ApiClient* client, const QString& paymentId);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
};

// GET /stores/{storeKey}/workstations/{workstationId}/payment-attempts/{idempotencyKey}: what the
// server knows of an attempt by its key. 200 with the attempt; the key's stored refusal (4xx)
// when nothing was created; 409 attempt_in_progress (Retry-After); 404 attempt_unknown when the
// server never saw the key at this workstation.
class PaymentAttemptJob : public ValueJob<PaymentView> {
public:
    PaymentAttemptJob(ApiClient* client, const QString& storeKey, const QString& workstationId,
                      const QByteArray& idempotencyKey);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
};

// What the app knows of an attempt whose outcome it cannot learn any more, for the server's audit
// trail.
struct UnresolvedPaymentReport {
    QByteArray idempotencyKey;
    QString cartId;
    QString paymentId; // empty when the server never named one
    QString tender;
    Money amount;
    QDateTime startedAt;
    QString reason; // "unknown_to_server", "other_server"

    QJsonObject toJson() const;
};

// POST /stores/{storeKey}/workstations/{workstationId}/unresolved-payments: 201 recorded, 200 when
// it already was (the same idempotencyKey).
class ReportUnresolvedPaymentJob : public ValueJob<Done> {
public:
    ReportUnresolvedPaymentJob(ApiClient* client, const QString& storeKey,
                               const QString& workstationId, const UnresolvedPaymentReport& report);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
};

// POST …/unresolved-payments/{idempotencyKey}/checked: a colleague checked the terminal or drawer
// for this attempt; recorded in the audit trail (204).
class CheckedUnresolvedPaymentJob : public ValueJob<Done> {
public:
    CheckedUnresolvedPaymentJob(ApiClient* client, const QString& storeKey,
                                const QString& workstationId, const QByteArray& idempotencyKey);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
};

class CartBalanceJob : public ValueJob<CartBalance> {
public:
    CartBalanceJob(ApiClient* client, const QString& storeKey, const QString& cartId);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

// POST /stores/{storeKey}/carts/{cartId}/order {cartVersion}: 201 with the Order once the cart is
// paid in full. The server makes one order per cart, whatever the key.
class PlaceOrderJob : public ValueJob<Order> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::PlaceOrderJob)

public:
    PlaceOrderJob(ApiClient* client, const QString& storeKey, const QString& cartId,
                  qint64 cartVersion, const QByteArray& idempotencyKey);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

} // namespace storedesk::api
