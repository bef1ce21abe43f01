#include "order.h"

#include "fields.h"
#include "jsonreader.h"

#include <QtNumeric>

#include <algorithm>
#include <limits>

namespace storedesk {

ReturnItem ReturnItem::read(JsonObjectReader reader)
{
    ReturnItem item;
    item.id = reader.optionalString(QLatin1StringView("id"));
    item.quantity = fields::quantity(reader, QLatin1StringView("quantity"));
    item.type = reader.optionalString(QLatin1StringView("type"));
    item.lineItemId = reader.optionalString(QLatin1StringView("lineItemId"));
    item.customLineItemId = reader.optionalString(QLatin1StringView("customLineItemId"));
    if (!reader.failed() && item.lineItemId.isEmpty() == item.customLineItemId.isEmpty()) {
        // Refunds count returned units per line; an item that names no line, or two, cannot be
        // counted against either.
        reader.fail(QLatin1StringView("lineItemId"),
                    Order::tr("a return item names exactly one of lineItemId and customLineItemId"),
                    item.lineItemId.isEmpty() ? Error::Kind::MissingValue
                                              : Error::Kind::InvalidValue);
    }
    item.shipmentState = reader.optionalString(QLatin1StringView("shipmentState"));
    item.paymentState = reader.optionalString(QLatin1StringView("paymentState"));
    item.comment = reader.optionalString(QLatin1StringView("comment"));
    return item;
}

ReturnInfo ReturnInfo::read(JsonObjectReader reader)
{
    ReturnInfo info;
    info.returnTrackingId = reader.optionalString(QLatin1StringView("returnTrackingId"));
    info.returnDate = fields::dateTime(reader, QLatin1StringView("returnDate"));
    reader.forEachObject(QLatin1StringView("items"), [&](JsonObjectReader& element) {
        info.items.append(ReturnItem::read(element));
    });
    return info;
}

Order Order::read(JsonObjectReader reader)
{
    static constexpr std::pair<QLatin1StringView, State> states[] = {
        {QLatin1StringView("Open"), State::Open},
        {QLatin1StringView("Confirmed"), State::Confirmed},
        {QLatin1StringView("Complete"), State::Complete},
        {QLatin1StringView("Cancelled"), State::Cancelled},
    };
    static constexpr std::pair<QLatin1StringView, PaymentState> paymentStates[] = {
        {QLatin1StringView("BalanceDue"), PaymentState::BalanceDue},
        {QLatin1StringView("Failed"), PaymentState::Failed},
        {QLatin1StringView("Pending"), PaymentState::Pending},
        {QLatin1StringView("CreditOwed"), PaymentState::CreditOwed},
        {QLatin1StringView("Paid"), PaymentState::Paid},
    };

    Order order;
    order.id = reader.requiredString(QLatin1StringView("id"));
    order.version = reader.requiredInteger(QLatin1StringView("version"));
    order.orderNumber = reader.optionalString(QLatin1StringView("orderNumber"));
    order.customerEmail = reader.optionalString(QLatin1StringView("customerEmail"));
    if (std::optional<JsonObjectReader> store = reader.optionalObject(QLatin1StringView("store")))
        order.store = readStoreReference(*store);
    order.orderState =
        fields::enumeration(reader, QLatin1StringView("orderState"), states).value_or(State::Open);
    order.paymentState =
        fields::enumeration(reader, QLatin1StringView("paymentState"), paymentStates, false);
    order.shipmentState = reader.optionalString(QLatin1StringView("shipmentState"));

    PricedLines lines = PricedLines::read(reader);
    order.lineItems = std::move(lines.lineItems);
    order.customLineItems = std::move(lines.customLineItems);
    order.totalPrice = lines.totalPrice;
    order.taxedPrice = std::move(lines.taxedPrice);

    reader.forEachObject(QLatin1StringView("returnInfo"), [&](JsonObjectReader& element) {
        order.returnInfo.append(ReturnInfo::read(element));
    });
    order.paymentIds = readPaymentIds(reader);
    if (std::optional<JsonObjectReader> cart = reader.optionalObject(QLatin1StringView("cart")))
        order.cartId = Reference::read(*cart, QLatin1StringView("cart")).id;
    order.createdAt = fields::dateTime(reader, QLatin1StringView("createdAt"));
    order.completedAt = fields::dateTime(reader, QLatin1StringView("completedAt"));
    return order;
}

Expected<Order> Order::fromJson(const QByteArray& json)
{
    return json::read<Order>(json);
}

qint64 Order::returnedQuantity(const QString& lineId) const
{
    if (lineId.isEmpty())
        return 0;
    qint64 returned = 0;
    for (const ReturnInfo& info : returnInfo) {
        for (const ReturnItem& item : info.items) {
            if (item.lineItemId != lineId && item.customLineItemId != lineId)
                continue;
            // Quantities come from a document; saturate rather than wrap on a hostile one.
            if (qAddOverflow(returned, item.quantity, &returned))
                return std::numeric_limits<qint64>::max();
        }
    }
    return returned;
}

qint64 Order::refundableQuantity(const QString& lineId) const
{
    qint64 quantity = 0;
    bool found = false;
    for (const LineItem& line : lineItems) {
        if (line.id == lineId) {
            quantity = line.quantity;
            found = true;
        }
    }
    for (const CustomLineItem& line : customLineItems) {
        if (line.id == lineId) {
            quantity = line.quantity;
            found = true;
        }
    }
    if (!found)
        return 0;
    return std::max<qint64>(0, quantity - returnedQuantity(lineId));
}

} // namespace storedesk
