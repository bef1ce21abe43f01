#include "refundplan.h"

#include <QCoreApplication>

namespace storedesk::server {

Expected<QList<RefundShare>> planRefund(const Money& amount, const QList<RefundSource>& sources)
{
    QList<RefundSource> ordered;
    for (const RefundSource& source : sources) {
        if (source.tender != QLatin1StringView("cash"))
            ordered.append(source);
    }
    for (const RefundSource& source : sources) {
        if (source.tender == QLatin1StringView("cash"))
            ordered.append(source);
    }
    QList<RefundShare> shares;
    Money left = amount;
    for (const RefundSource& source : std::as_const(ordered)) {
        if (left.isZero())
            break;
        if (source.available.isNegative() || source.available.isZero())
            continue;
        const Expected<int> order = source.available.compare(left);
        if (!order)
            return order.error();
        const Money share = *order < 0 ? source.available : left;
        const Expected<Money> rest = left.minus(share);
        if (!rest)
            return rest.error();
        shares.append({source.paymentId, source.tender, share});
        left = *rest;
    }
    if (!left.isZero())
        return Error{Error::Kind::InvalidValue,
                     QStringLiteral("The order's payments cannot cover this refund."), QString()};
    return shares;
}

Expected<Money> lineRefundAmount(const Money& lineTotal, qint64 lineQuantity, qint64 refundable,
                                 qint64 quantity)
{
    if (quantity < 0 || quantity > refundable || refundable > lineQuantity)
        return Error{Error::Kind::InvalidValue,
                     QStringLiteral("Only %1 of this line can be refunded.").arg(refundable),
                     QString()};
    const Expected<Money> before = lineTotal.lastShares(lineQuantity, refundable);
    const Expected<Money> after = lineTotal.lastShares(lineQuantity, refundable - quantity);
    if (!before)
        return before.error();
    if (!after)
        return after.error();
    return before->minus(*after);
}

QStringList refundApprovalReasons(const Money& amount, qint64 above,
                                  const QDateTime& orderCreatedAt, int afterDays,
                                  const QDateTime& now)
{
    QStringList reasons;
    if (amount.minorUnits() > above)
        reasons << QStringLiteral("amount");
    // An order without a creation time cannot prove it is recent.
    if (afterDays > 0 && (!orderCreatedAt.isValid() || orderCreatedAt.addDays(afterDays) < now))
        reasons << QStringLiteral("age");
    return reasons;
}

} // namespace storedesk::server
