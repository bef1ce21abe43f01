#pragma once

#include "cart.h"

namespace storedesk {

// One returned line (or custom line) of an order.
struct ReturnItem {
    QString id;
    qint64 quantity = 0; // never negative
    QString lineItemId;  // exactly one of lineItemId and customLineItemId is set
    QString customLineItemId;
    QString type;          // "LineItemReturnItem" or "CustomLineItemReturnItem"
    QString shipmentState; // Advised, Returned, BackInStock, Unusable
    QString paymentState;  // NonRefundable, Initial, Refunded, NotRefunded
    QString comment;

    static ReturnItem read(JsonObjectReader reader);
};

struct ReturnInfo {
    QString returnTrackingId;
    QDateTime returnDate;
    QList<ReturnItem> items;

    static ReturnInfo read(JsonObjectReader reader);
};

// A commercetools Order, as needed to find it again and to refund from it. Every amount is in
// totalPrice's currency.
struct Order {
    Q_DECLARE_TR_FUNCTIONS(storedesk::Order)

public:
    enum class State { Open, Confirmed, Complete, Cancelled };
    enum class PaymentState { BalanceDue, Failed, Pending, CreditOwed, Paid };

    QString id;
    qint64 version = 0;
    QString orderNumber;
    QString customerEmail;
    std::optional<Reference> store;
    State orderState = State::Open;
    std::optional<PaymentState> paymentState;
    QString shipmentState;
    QList<LineItem> lineItems;
    QList<CustomLineItem> customLineItems;
    Money totalPrice;
    std::optional<TaxedPrice> taxedPrice;
    QList<ReturnInfo> returnInfo;
    QStringList paymentIds;
    QString cartId;
    QDateTime createdAt;
    QDateTime completedAt;

    static Order read(JsonObjectReader reader);
    static Expected<Order> fromJson(const QByteArray& json);

    std::optional<StoreKey> storeKey() const { return storeKeyOf(store); }

    // Units of the line (or custom line) with this id already returned, over all return infos.
    qint64 returnedQuantity(const QString& lineId) const;
    // Units of that line that can still be returned: quantity − returned, never negative; 0 for
    // an id the order does not have.
    qint64 refundableQuantity(const QString& lineId) const;
};

} // namespace storedesk
