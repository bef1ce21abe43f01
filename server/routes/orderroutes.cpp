#include "orderroutes.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "commercetools/jsonscan.h"
#include "domain/jsonreader.h"
#include "domain/order.h"
#include "http/jsonbytes.h"
#include "servicecontext.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace storedesk::server {
namespace {

// A line's refundable units and what they are worth: its total spread over its units the way
// Money::split does, the units already returned taking the first shares. Written as
// {"amount":…,"lineItemId":…,"quantity":…}.
void appendRefundableLine(QByteArray& out, const Order& order, const QString& lineId,
                          qint64 quantity, const Money& total)
{
    const qint64 refundable = order.refundableQuantity(lineId);
    const Expected<Money> amount =
        quantity > 0 ? total.lastShares(quantity, refundable) : Money::zero(*total.currency());
    out.append("{\"amount\":");
    if (amount)
        appendMoney(out, *amount);
    else
        out.append("{}");
    out.append(",\"lineItemId\":");
    appendString(out, lineId);
    out.append(",\"quantity\":").append(QByteArray::number(refundable)).append('}');
}

// `whole` with `part`, a span inside it, replaced by `replacement`.
QByteArray splice(QByteArrayView whole, QByteArrayView part, QByteArrayView replacement)
{
    const qsizetype start = part.data() - whole.data();
    QByteArray spliced;
    spliced.reserve(whole.size() - part.size() + replacement.size());
    spliced.append(whole.first(start))
        .append(replacement)
        .append(whole.sliced(start + part.size()));
    return spliced;
}

// The order's bytes with its Payments, which come expanded inside it ("obj" of each reference in
// paymentInfo.payments), taken out: the contract puts them beside the order and leaves the order
// as commercetools has it (references only). `payments` gets the JSON array of the Payments.
QByteArray takeExpandedPayments(const QByteArray& order, QByteArray& payments)
{
    payments = "[]";
    const std::optional<JsonObjectScan> scan = JsonObjectScan::scanValidated(order);
    const QByteArrayView paymentInfo = scan ? scan->member(QLatin1StringView("paymentInfo")) : "";
    const std::optional<JsonObjectScan> info = JsonObjectScan::scanValidated(paymentInfo);
    const std::optional<QList<QByteArrayView>> references =
        info ? scanArrayValidated(info->member(QLatin1StringView("payments"))) : std::nullopt;
    if (!references)
        return order;
    QByteArray referencesOnly = "[";
    payments = "[";
    for (const QByteArrayView reference : *references) {
        const std::optional<JsonObjectScan> members = JsonObjectScan::scanValidated(reference);
        if (!members)
            return order;
        if (referencesOnly.size() > 1)
            referencesOnly.append(',');
        referencesOnly.append('{');
        bool first = true;
        for (const JsonObjectScan::Member& member : members->members()) {
            if (member.key == QByteArrayView("obj")) {
                if (payments.size() > 1)
                    payments.append(',');
                payments.append(member.value);
                continue;
            }
            if (!first)
                referencesOnly.append(',');
            first = false;
            referencesOnly.append('"').append(member.key).append("\":").append(member.value);
        }
        referencesOnly.append('}');
    }
    referencesOnly.append(']');
    payments.append(']');
    // The spans found above, replaced: paymentInfo.payments inside paymentInfo, which sits
    // inside the order.
    const QByteArrayView oldReferences = info->member(QLatin1StringView("payments"));
    return splice(order, paymentInfo, splice(paymentInfo, oldReferences, referencesOnly));
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
            const Expected<Order> order = json::read<Order>(response.body.bytes());
            if (!order) {
                qCWarning(lcServerCt).noquote()
                    << "commercetools sent a document we cannot read:" << order.error().toString();
                responder->error(ApiError::upstream(CtResponse{}));
                return;
            }
            QByteArray refundable = "[";
            for (const LineItem& line : order->lineItems) {
                if (refundable.size() > 1)
                    refundable.append(',');
                appendRefundableLine(refundable, *order, line.id, line.quantity, line.totalPrice);
            }
            for (const CustomLineItem& line : order->customLineItems) {
                if (refundable.size() > 1)
                    refundable.append(',');
                appendRefundableLine(refundable, *order, line.id, line.quantity, line.totalPrice);
            }
            refundable.append(']');
            // Only paymentInfo is rewritten; the rest of the order goes out as commercetools'
            // bytes.
            QByteArray payments;
            const QByteArray orderBytes = takeExpandedPayments(response.body.bytes(), payments);
            QByteArray body;
            body.reserve(orderBytes.size() + refundable.size() + payments.size() + 40);
            body.append("{\"order\":")
                .append(orderBytes)
                .append(",\"refundable\":")
                .append(refundable)
                .append(",\"payments\":")
                .append(payments)
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
