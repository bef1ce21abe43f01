#include "orderjobs.h"

#include "domain/fields.h"
#include "domain/jsonreader.h"

#include <QJsonArray>

namespace storedesk::api {

RefundableLine RefundableLine::read(JsonObjectReader reader)
{
    RefundableLine line;
    line.lineItemId = reader.requiredString(QLatin1StringView("lineItemId"));
    line.quantity = fields::quantity(reader, QLatin1StringView("quantity"));
    line.amount = Money::read(reader.requiredObject(QLatin1StringView("amount")));
    return line;
}

OrderLookup OrderLookup::read(JsonObjectReader reader)
{
    OrderLookup lookup;
    lookup.order = Order::read(reader.requiredObject(QLatin1StringView("order")));
    reader.forEachObject(
        QLatin1StringView("refundable"),
        [&](JsonObjectReader& line) { lookup.refundable.append(RefundableLine::read(line)); },
        true);
    reader.forEachObject(QLatin1StringView("payments"), [&](JsonObjectReader& payment) {
        lookup.payments.append(Payment::read(payment));
    });
    if (reader.failed())
        return lookup;
    // Every amount of the answer is in the order's currency: the preview adds them up.
    for (qsizetype i = 0; i < lookup.refundable.size(); ++i) {
        const RefundableLine& line = lookup.refundable.at(i);
        if (line.amount.currencyCode() != lookup.order.totalPrice.currencyCode()) {
            reader.failAt(reader.childPath(QLatin1StringView("refundable")) +
                              QStringLiteral("[%1].amount").arg(i),
                          Order::tr("expected an amount in the order's currency %1")
                              .arg(lookup.order.totalPrice.currencyCode()));
            break;
        }
    }
    return lookup;
}

Expected<OrderLookup> OrderLookup::fromJson(const QByteArray& json)
{
    return json::read<OrderLookup>(json);
}

const RefundableLine* OrderLookup::refundableLine(const QString& lineId) const
{
    for (const RefundableLine& line : refundable) {
        if (line.lineItemId == lineId)
            return &line;
    }
    return nullptr;
}

QJsonObject RefundRequest::toJson() const
{
    QJsonArray lines;
    for (const Item& item : items)
        lines.append(QJsonObject{{QStringLiteral("lineItemId"), item.lineItemId},
                                 {QStringLiteral("quantity"), item.quantity}});
    QJsonObject body{{QStringLiteral("items"), lines}, {QStringLiteral("reason"), reason}};
    if (approval)
        body.insert(QStringLiteral("approval"),
                    QJsonObject{{QStringLiteral("username"), approval->username},
                                {QStringLiteral("secret"), approval->secret}});
    return body;
}

RefundTender RefundTender::read(JsonObjectReader reader)
{
    RefundTender tender;
    tender.tender = reader.requiredString(QLatin1StringView("tender"));
    tender.amount = Money::read(reader.requiredObject(QLatin1StringView("amount")));
    tender.paymentId = reader.optionalString(QLatin1StringView("paymentId"));
    tender.state = reader.requiredString(QLatin1StringView("state"));
    return tender;
}

RefundedItem RefundedItem::read(JsonObjectReader reader)
{
    RefundedItem item;
    item.lineItemId = reader.requiredString(QLatin1StringView("lineItemId"));
    item.custom = reader.optionalBool(QLatin1StringView("custom"), false);
    item.quantity = fields::quantity(reader, QLatin1StringView("quantity"));
    if (std::optional<JsonObjectReader> amount = reader.optionalObject(QLatin1StringView("amount")))
        item.amount = Money::read(*amount);
    return item;
}

RefundResult RefundResult::read(JsonObjectReader reader)
{
    RefundResult result;
    result.id = reader.requiredString(QLatin1StringView("id"));
    result.state = reader.requiredString(QLatin1StringView("state"));
    result.orderId = reader.optionalString(QLatin1StringView("orderId"));
    result.orderNumber = reader.optionalString(QLatin1StringView("orderNumber"));
    result.amount = Money::read(reader.requiredObject(QLatin1StringView("amount")));
    result.reason = reader.optionalString(QLatin1StringView("reason"));
    result.createdAt = fields::dateTime(reader, QLatin1StringView("createdAt"));
    // The parts add up to the refund amount on screen and on the receipt: one currency.
    reader.forEachObject(QLatin1StringView("items"), [&](JsonObjectReader& element) {
        const RefundedItem item = RefundedItem::read(element);
        if (item.amount)
            fields::sameCurrency(element, QLatin1StringView("amount"), *item.amount, result.amount);
        result.items.append(item);
    });
    reader.forEachObject(
        QLatin1StringView("tenders"),
        [&](JsonObjectReader& element) {
            const RefundTender tender = RefundTender::read(element);
            fields::sameCurrency(element, QLatin1StringView("amount"), tender.amount,
                                 result.amount);
            result.tenders.append(tender);
        },
        true);
    result.approvedBy = reader.optionalString(QLatin1StringView("approvedBy"));
    return result;
}

Expected<RefundResult> RefundResult::fromJson(const QByteArray& json)
{
    return json::read<RefundResult>(json);
}

OrderLookupJob::OrderLookupJob(ApiClient* client, const QString& storeKey,
                               const QString& orderNumber)
    : ValueJob(client, Request::get(QStringLiteral("/stores/%1/orders/%2")
                                        .arg(pathSegment(storeKey), pathSegment(orderNumber))))
{
}

std::optional<ApiError> OrderLookupJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(OrderLookup::fromJson(body));
}

void OrderLookupJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    if (error.code == ApiError::Code::NotFound)
        error.message = tr("There is no order with this number in this store.");
    else if (error.code == ApiError::Code::InvalidInput)
        error.message = tr("This is not an order number.");
    else if (error.code == ApiError::Code::Forbidden)
        error.message = tr("This session may not open orders of this store.");
}

RefundJob::RefundJob(ApiClient* client, const QString& storeKey, const RefundRequest& request)
    : ValueJob(client, [&] {
        Request sent = Request::send("POST",
                                     QStringLiteral("/stores/%1/orders/%2/refunds")
                                         .arg(pathSegment(storeKey), pathSegment(request.orderId)),
                                     request.toJson());
        sent.idempotencyKey = request.idempotencyKey;
        return sent;
    }())
{
}

std::optional<ApiError> RefundJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(RefundResult::fromJson(body));
}

void RefundJob::describeError(ApiError& error, const QJsonObject& details) const
{
    const bool required = details.value(QLatin1StringView("approvalRequired")).toBool();
    const bool denied = details.value(QLatin1StringView("approvalDenied")).toBool();
    if (error.code == ApiError::Code::Forbidden && (required || denied)) {
        ApprovalDemand demand;
        demand.denied = denied;
        for (const QJsonValue& reason : details.value(QLatin1StringView("reasons")).toArray())
            demand.reasons << reason.toString();
        const Expected<Money> amount =
            Money::fromJson(details.value(QLatin1StringView("amount")).toObject());
        if (amount)
            demand.amount = *amount;
        m_approval = demand;
        error.message = denied ? tr("The approval was refused: the manager's user name or "
                                    "secret is wrong, or they may not approve refunds here.")
                               : tr("This refund needs a manager's approval.");
        return;
    }
    switch (error.code) {
    case ApiError::Code::InvalidInput:
        error.message =
            details.contains(QLatin1StringView("refundable"))
                ? tr("Only %n unit(s) of a line can still be refunded. Look the order up again.",
                     nullptr, details.value(QLatin1StringView("refundable")).toInt())
                : tr("The server refused this refund as invalid. Look the order up again.");
        break;
    case ApiError::Code::Conflict:
        error.message = tr("This order cannot be refunded as chosen: it changed meanwhile, or "
                           "there is no payment left to refund to. Look it up again.");
        break;
    case ApiError::Code::NotFound:
        error.message = tr("There is no such order in this store.");
        break;
    case ApiError::Code::Forbidden:
        error.message = tr("This session may not refund orders of this store.");
        break;
    default:
        if (error.httpStatus == 402)
            error.message = tr("The payment provider declined the refund. No money moved.");
        break;
    }
}

} // namespace storedesk::api
