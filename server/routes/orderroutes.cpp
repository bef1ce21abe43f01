#include "orderroutes.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "domain/jsonreader.h"
#include "domain/order.h"
#include "servicecontext.h"

#include <QRegularExpression>

namespace storedesk::server {
namespace {

// A line's refundable units and what they are worth: its total spread over its units the way
// Money::split does, the units already returned taking the first shares.
QJsonObject refundableLine(const Order& order, const QString& lineId, qint64 quantity,
                           const Money& total)
{
    const qint64 refundable = order.refundableQuantity(lineId);
    const Expected<Money> amount =
        quantity > 0 ? total.lastShares(quantity, refundable) : Money::zero(*total.currency());
    return QJsonObject{{QStringLiteral("lineItemId"), lineId},
                       {QStringLiteral("quantity"), refundable},
                       {QStringLiteral("amount"), amount ? amount->toJson() : QJsonObject()}};
}

void getOrder(const ServiceContext& context, const ApiRequest& request, const Responder& responder)
{
    if (!context.admitStore(request, responder))
        return;
    const QString storeKey = request.argument(QStringLiteral("storeKey"));
    const QString orderNumber = request.argument(QStringLiteral("orderNumber"));
    static const QRegularExpression numberRule(QStringLiteral("^[A-Za-z0-9_.-]{1,128}$"));
    if (!numberRule.match(orderNumber).hasMatch()) {
        responder->error(ApiError::invalidInput(QStringLiteral(
            "An order number has 1 to 128 characters from A-Z, a-z, 0-9, '_', '.' and '-'.")));
        return;
    }
    fetchFromStore<Order>(
        context, QStringLiteral("orders/order-number=") + orderNumber, storeKey,
        QStringLiteral("There is no such order in this store."), responder,
        [responder](const Order& order, const QJsonObject& expanded) {
            QJsonArray refundable;
            for (const LineItem& line : order.lineItems)
                refundable.append(refundableLine(order, line.id, line.quantity, line.totalPrice));
            for (const CustomLineItem& line : order.customLineItems)
                refundable.append(refundableLine(order, line.id, line.quantity, line.totalPrice));
            // The Payments come expanded inside the order; the contract puts them beside it and
            // leaves the order as commercetools has it (references only).
            QJsonObject raw = expanded;
            QJsonObject paymentInfo = raw.value(QStringLiteral("paymentInfo")).toObject();
            QJsonArray references;
            QJsonArray payments;
            for (const QJsonValue& value :
                 paymentInfo.value(QStringLiteral("payments")).toArray()) {
                QJsonObject reference = value.toObject();
                if (reference.contains(QStringLiteral("obj")))
                    payments.append(reference.take(QStringLiteral("obj")));
                references.append(reference);
            }
            if (!paymentInfo.isEmpty()) {
                paymentInfo.insert(QStringLiteral("payments"), references);
                raw.insert(QStringLiteral("paymentInfo"), paymentInfo);
            }
            responder->json(200, QJsonObject{{QStringLiteral("order"), raw},
                                             {QStringLiteral("refundable"), refundable},
                                             {QStringLiteral("payments"), payments}});
        },
        QUrlQuery{{QStringLiteral("expand"), QStringLiteral("paymentInfo.payments[*]")}});
}

} // namespace

void registerOrderRoutes(Router& router, const ServiceContext& context)
{
    router.add("GET", QStringLiteral("/stores/{storeKey}/orders/{orderNumber}"),
               Router::Access::User,
               [&context](const ApiRequest& request, const Responder& responder) {
                   getOrder(context, request, responder);
               });
}

} // namespace storedesk::server
