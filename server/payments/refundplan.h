#pragma once

#include "base/expected.h"
#include "domain/money.h"

#include <QList>
#include <QString>

namespace storedesk::server {

// What one original payment can give back: what it charged minus what was refunded already.
struct RefundSource {
    QString paymentId;
    QString tender; // "cash", "card", …
    Money available;
};

struct RefundShare {
    QString paymentId;
    QString tender;
    Money amount;
};

// Spreads a refund over the original payments: card and other tenders first, in the order they
// were taken, cash last (cash goes back over the counter, a card refund back to the card), and
// never more from a payment than it has available. An error when they cannot cover the amount.
Expected<QList<RefundShare>> planRefund(const Money& amount, const QList<RefundSource>& sources);

// The amount of refunding `quantity` more units of a line with `lineQuantity` units costing
// `lineTotal` in all, of which `refundable` are still refundable: the shares of Money::split
// taken from the end, so that refunds of a line always add up exactly to its total.
Expected<Money> lineRefundAmount(const Money& lineTotal, qint64 lineQuantity, qint64 refundable,
                                 qint64 quantity);

} // namespace storedesk::server
