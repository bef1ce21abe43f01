#pragma once

#include "apijob.h"
#include "domain/order.h"
#include "domain/payment.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace storedesk {
class JsonObjectReader;
}

namespace storedesk::api {

// What of one order line (or custom line) can still be refunded: `quantity` units worth `amount`
// together, as the server will refund them (Money::split shares, the returned units taking the
// first ones).
struct RefundableLine {
    QString lineItemId;
    qint64 quantity = 0;
    Money amount;

    static RefundableLine read(JsonObjectReader reader);
};

// GET /stores/{storeKey}/orders/{orderNumber}: the order, what is refundable per line and its
// payments (one per tender).
struct OrderLookup {
    Order order;
    QList<RefundableLine> refundable;
    QList<Payment> payments;

    static OrderLookup read(JsonObjectReader reader);
    static Expected<OrderLookup> fromJson(const QByteArray& json);

    // The refundable entry of a line; none for a line the server did not list.
    const RefundableLine* refundableLine(const QString& lineId) const;
};

// What a refund asks for. The same idempotencyKey for every try of one refund (a retry after a
// lost answer, or the same refund again with a manager's approval): the server refunds it once.
struct RefundRequest {
    struct Item {
        QString lineItemId;
        qint64 quantity = 0;
        friend bool operator==(const Item&, const Item&) = default;
    };
    struct Approval {
        QString username;
        QString secret; // a manager's password or PIN: sent once, never stored or logged
    };

    QString orderId;
    QList<Item> items;
    QString reason;
    std::optional<Approval> approval;
    QByteArray idempotencyKey;

    QJsonObject toJson() const;
};

// One tender's part of a refund.
struct RefundTender {
    QString tender; // "cash", "card", …
    Money amount;
    QString paymentId; // empty when the server names none
    QString state;     // "succeeded", …

    static RefundTender read(JsonObjectReader reader);
};

// The units of one order line (or custom line) a refund gave back.
struct RefundedItem {
    QString lineItemId;
    bool custom = false;
    qint64 quantity = 0;
    std::optional<Money> amount; // the contract does not require it; absent: no amount is shown

    static RefundedItem read(JsonObjectReader reader);
};

// 201 of POST /stores/{storeKey}/orders/{orderId}/refunds (the RefundView): what the refund
// dialog shows and the refund receipt prints. Every amount is in the refund amount's currency.
struct RefundResult {
    QString id;
    QString state;
    QString orderId;
    QString orderNumber;
    Money amount;
    QString reason; // the reason code the refund was asked with (RefundDraft::reasons())
    QList<RefundedItem> items;
    QList<RefundTender> tenders;
    QString approvedBy;  // empty when no approval was needed
    QDateTime createdAt; // optional; invalid: a receipt is dated when it is made

    static RefundResult read(JsonObjectReader reader);
    static Expected<RefundResult> fromJson(const QByteArray& json);
};

// Why a refund was refused for want of a manager: the server's 403 details.
struct ApprovalDemand {
    bool denied = false; // an approval was sent and rejected (wrong secret, not a manager)
    QStringList reasons; // "amount", "age"
    std::optional<Money> amount;
};

class OrderLookupJob : public ValueJob<OrderLookup> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::OrderLookupJob)

public:
    OrderLookupJob(ApiClient* client, const QString& storeKey, const QString& orderNumber);

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;
};

class RefundJob : public ValueJob<RefundResult> {
    Q_DECLARE_TR_FUNCTIONS(storedesk::api::RefundJob)

public:
    RefundJob(ApiClient* client, const QString& storeKey, const RefundRequest& request);

    // Set when the job failed because a manager must approve (or the approval was rejected).
    const std::optional<ApprovalDemand>& approvalDemand() const { return m_approval; }

protected:
    std::optional<ApiError> parseSuccess(int status, const QByteArray& body) override;
    void describeError(ApiError& error, const QJsonObject& details) const override;

private:
    // describeError is the one place that sees the error's details.
    mutable std::optional<ApprovalDemand> m_approval;
};

} // namespace storedesk::api
