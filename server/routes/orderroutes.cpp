#include "orderroutes.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "commercetools/jsonscan.h"
#include "domain/jsonreader.h"
#include "domain/order.h"
#include "servicecontext.h"

#include <QJsonDocument>
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

// `object` (a JSON object's bytes, already validated by the store fence) with the value of its
// top-level member `key` replaced by `value`; unchanged when there is no such member.
QByteArray replaceMember(const QByteArray& object, QLatin1StringView key, const QByteArray& value)
{
    const std::optional<JsonObjectScan> scan = JsonObjectScan::scanValidated(object);
    const QByteArrayView old = scan ? scan->member(key) : QByteArrayView();
    if (old.isEmpty())
        return object;
    const qsizetype start = old.data() - object.constData();
    QByteArray replaced;
    replaced.reserve(object.size() - old.size() + value.size());
    replaced.append(QByteArrayView(object).first(start))
        .append(value)
        .append(QByteArrayView(object).sliced(start + old.size()));
    return replaced;
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
    fetchFencedFromStore(
        context, QStringLiteral("orders/order-number=") + orderNumber, storeKey,
        QStringLiteral("There is no such order in this store."), responder,
        [responder](const CtResponse& response, const ResourceHeader&) {
            const Expected<Order> order = json::read<Order>(response.body);
            if (!order) {
                qCWarning(lcServerCt).noquote()
                    << "commercetools sent a document we cannot read:" << order.error().toString();
                responder->error(ApiError::upstream(CtResponse{}));
                return;
            }
            QJsonArray refundable;
            for (const LineItem& line : order->lineItems)
                refundable.append(refundableLine(*order, line.id, line.quantity, line.totalPrice));
            for (const CustomLineItem& line : order->customLineItems)
                refundable.append(refundableLine(*order, line.id, line.quantity, line.totalPrice));
            // The Payments come expanded inside the order; the contract puts them beside it and
            // leaves the order as commercetools has it (references only). Only paymentInfo is
            // rewritten; the rest of the order goes out as commercetools' bytes.
            QJsonObject paymentInfo = response.body.value(QStringLiteral("paymentInfo")).toObject();
            QJsonArray references;
            QJsonArray payments;
            for (const QJsonValue& value :
                 paymentInfo.value(QStringLiteral("payments")).toArray()) {
                QJsonObject reference = value.toObject();
                if (reference.contains(QStringLiteral("obj")))
                    payments.append(reference.take(QStringLiteral("obj")));
                references.append(reference);
            }
            QByteArray orderBytes = response.body.bytes();
            if (!paymentInfo.isEmpty()) {
                paymentInfo.insert(QStringLiteral("payments"), references);
                orderBytes =
                    replaceMember(orderBytes, QLatin1StringView("paymentInfo"),
                                  QJsonDocument(paymentInfo).toJson(QJsonDocument::Compact));
            }
            const QByteArray refundableBytes =
                QJsonDocument(refundable).toJson(QJsonDocument::Compact);
            const QByteArray paymentsBytes = QJsonDocument(payments).toJson(QJsonDocument::Compact);
            QByteArray body;
            body.reserve(orderBytes.size() + refundableBytes.size() + paymentsBytes.size() + 40);
            body.append("{\"order\":")
                .append(orderBytes)
                .append(",\"refundable\":")
                .append(refundableBytes)
                .append(",\"payments\":")
                .append(paymentsBytes)
                .append('}');
            responder->jsonBytes(200, body);
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
