#include "refunddraft.h"

#include <QUuid>

#include <algorithm>
#include <limits>

namespace storedesk::flows {

RefundDraft::RefundDraft(api::OrderLookup lookup)
    : m_lookup(std::move(lookup))
{
}

QList<RefundReason> RefundDraft::reasons()
{
    return {
        {QStringLiteral("damaged"), tr("Damaged or faulty")},
        {QStringLiteral("wrong-size-or-colour"), tr("Wrong size or colour")},
        {QStringLiteral("changed-mind"), tr("Changed mind")},
        {QStringLiteral("not-as-described"), tr("Not as described")},
        {QStringLiteral("other"), tr("Other")},
    };
}

QString RefundDraft::reasonLabel(const QString& code)
{
    for (const RefundReason& reason : reasons()) {
        if (reason.code == code)
            return reason.label;
    }
    return code;
}

Expected<Money> RefundDraft::amountFor(const api::RefundableLine& line, qint64 quantity)
{
    if (quantity < 0 || quantity > line.quantity)
        return Error{Error::Kind::InvalidArgument,
                     tr("Only %n unit(s) of this line can be refunded.", nullptr,
                        int(std::min<qint64>(line.quantity, std::numeric_limits<int>::max()))),
                     QString()};
    const std::optional<Currency> currency = line.amount.currency();
    if (!currency)
        return Error{Error::Kind::InvalidArgument, tr("The line has no amount."), QString()};
    if (quantity == 0)
        return Money::zero(*currency);
    // The refundable amount is the last `line.quantity` shares of the line's total, and those
    // shares are exactly line.amount.split(line.quantity); a refund takes the first of them.
    const Expected<Money> rest = line.amount.lastShares(line.quantity, line.quantity - quantity);
    if (!rest)
        return rest.error();
    return line.amount.minus(*rest);
}

qint64 RefundDraft::refundable(const QString& lineId) const
{
    const api::RefundableLine* line = m_lookup.refundableLine(lineId);
    return line ? line->quantity : 0;
}

bool RefundDraft::setQuantity(const QString& lineId, qint64 quantity)
{
    if (quantity < 0 || quantity > refundable(lineId))
        return false;
    if (quantity == 0)
        m_quantities.remove(lineId);
    else
        m_quantities.insert(lineId, quantity);
    return true;
}

qint64 RefundDraft::chosenUnits() const
{
    qint64 units = 0;
    for (const qint64 quantity : m_quantities)
        units += quantity;
    return units;
}

void RefundDraft::setReason(const QString& code)
{
    m_reason.clear();
    for (const RefundReason& reason : reasons()) {
        if (reason.code == code)
            m_reason = code;
    }
}

Expected<Money> RefundDraft::total() const
{
    const std::optional<Currency> currency = m_lookup.order.totalPrice.currency();
    if (!currency)
        return Error{Error::Kind::InvalidArgument, tr("No order is open."), QString()};
    Money total = Money::zero(*currency);
    for (const api::RefundableLine& line : m_lookup.refundable) {
        const qint64 chosen = quantity(line.lineItemId);
        if (chosen == 0)
            continue;
        const Expected<Money> amount = amountFor(line, chosen);
        if (!amount)
            return amount.error();
        const Expected<Money> sum = total.plus(*amount);
        if (!sum)
            return sum.error();
        total = *sum;
    }
    return total;
}

QString RefundDraft::problem() const
{
    if (m_lookup.order.id.isEmpty())
        return tr("Look an order up first.");
    if (chosenUnits() == 0)
        return tr("Choose how many units of which lines to refund.");
    if (m_reason.isEmpty())
        return tr("Choose a reason for the refund.");
    if (const Expected<Money> amount = total(); !amount)
        return amount.error().message;
    return {};
}

QList<api::RefundRequest::Item> RefundDraft::items() const
{
    // In the order's line order, so that the same choice is always the same request.
    QList<api::RefundRequest::Item> items;
    for (const api::RefundableLine& line : m_lookup.refundable) {
        if (const qint64 chosen = quantity(line.lineItemId); chosen > 0)
            items.append({line.lineItemId, chosen});
    }
    return items;
}

api::RefundRequest RefundDraft::request()
{
    api::RefundRequest request;
    request.orderId = m_lookup.order.id;
    request.items = items();
    request.reason = m_reason;
    if (m_key.isEmpty() || request.items != m_keyItems || request.reason != m_keyReason) {
        m_key = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        m_keyItems = request.items;
        m_keyReason = request.reason;
    }
    request.idempotencyKey = m_key;
    return request;
}

void RefundDraft::finishAttempt()
{
    m_key.clear();
    m_keyItems.clear();
    m_keyReason.clear();
}

} // namespace storedesk::flows
