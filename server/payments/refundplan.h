#pragma once

#include "base/expected.h"
#include "domain/money.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

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

// Why a refund needs a manager's approval: "amount" when it is above `above` (minor units of its
// currency), "age" when the order was created more than `afterDays` whole days before `now`
// (0: never for age). Empty: no approval needed.
QStringList refundApprovalReasons(const Money& amount, qint64 above,
                                  const QDateTime& orderCreatedAt, int afterDays,
                                  const QDateTime& now);

} // namespace storedesk::server
