#include "paymentjobs.h"

#include "cartjobs.h"
#include "domain/jsonreader.h"

namespace storedesk::api {
namespace {

std::optional<PaymentView::State> stateNamed(const QString& name)
{
    if (name == QLatin1StringView("pending"))
        return PaymentView::State::Pending;
    if (name == QLatin1StringView("succeeded"))
        return PaymentView::State::Succeeded;
    if (name == QLatin1StringView("failed"))
        return PaymentView::State::Failed;
    if (name == QLatin1StringView("cancelled"))
        return PaymentView::State::Cancelled;
    return std::nullopt;
}

std::optional<Money> optionalMoney(JsonObjectReader& reader, QLatin1StringView key)
{
    if (std::optional<JsonObjectReader> object = reader.optionalObject(key))
        return Money::read(*object);
    return std::nullopt;
}

template <typename T>
Expected<T> readDocument(const QByteArray& json)
{
    Expected<QJsonObject> object = json::parseObject(json);
    if (!object)
        return object.error();
    JsonObjectReader reader(*object);
    T value = T::read(reader);
    if (reader.failed())
        return reader.error();
    return value;
}

} // namespace

PaymentView PaymentView::read(JsonObjectReader reader)
{
    PaymentView view;
    view.id = reader.optionalString(QLatin1StringView("id"));
    view.key = reader.optionalString(QLatin1StringView("key"));
    const QString state = reader.requiredString(QLatin1StringView("state"));
    if (const std::optional<State> known = stateNamed(state))
        view.state = *known;
    else if (!reader.failed())
        reader.fail(QLatin1StringView("state"), QStringLiteral("unknown payment state"));
    view.tender = reader.requiredString(QLatin1StringView("tender"));
    view.amount = Money::read(reader.requiredObject(QLatin1StringView("amount")));
    view.cashTendered = optionalMoney(reader, QLatin1StringView("cashTendered"));
    view.changeDue = optionalMoney(reader, QLatin1StringView("changeDue"));
    view.message = reader.optionalString(QLatin1StringView("message"));
    view.cancelRequested = reader.optionalBool(QLatin1StringView("cancelRequested"), false);
    view.cartId = reader.optionalString(QLatin1StringView("cartId"));
    return view;
}

Expected<PaymentView> PaymentView::fromJson(const QByteArray& json)
{
    return readDocument<PaymentView>(json);
}

Expected<CartBalance> CartBalance::fromJson(const QByteArray& json)
{
    Expected<QJsonObject> object = json::parseObject(json);
    if (!object)
        return object.error();
    JsonObjectReader reader(*object);
    CartBalance balance;
    balance.cartId = reader.requiredString(QLatin1StringView("cartId"));
    balance.total = Money::read(reader.requiredObject(QLatin1StringView("total")));
    balance.paid = Money::read(reader.requiredObject(QLatin1StringView("paid")));
    balance.pending = Money::read(reader.requiredObject(QLatin1StringView("pending")));
    balance.openBalance = Money::read(reader.requiredObject(QLatin1StringView("openBalance")));
    reader.forEachObject(
        QLatin1StringView("payments"),
        [&](JsonObjectReader& payment) { balance.payments.append(PaymentView::read(payment)); },
        true);
    if (reader.failed())
        return reader.error();
    if (const QJsonValue cart = object->value(QLatin1StringView("cart")); cart.isObject()) {
        Expected<Cart> read = json::read<Cart>(cart.toObject());
        if (!read)
            return read.error();
        balance.cart = std::move(read).value();
    }
    return balance;
}

QJsonObject PaymentRequest::toJson() const
{
    QJsonObject body{{QStringLiteral("tender"), tender},
                     {QStringLiteral("amount"), amount.toJson()}};
    if (cashTendered)
        body.insert(QStringLiteral("cashTendered"), cashTendered->toJson());
    return body;
}

StartPaymentJob::StartPaymentJob(ApiClient* client, const QString& storeKey, const QString& cartId,
                                 const PaymentRequest& payment, const QByteArray& idempotencyKey)
    : ValueJob(client, [&] {
        Request request = Request::send("POST",
                                        QStringLiteral("/stores/%1/carts/%2/payments")
                                            .arg(pathSegment(storeKey), pathSegment(cartId)),
                                        payment.toJson());
        request.idempotencyKey = idempotencyKey;
        return request;
    }())
{
}

std::optional<ApiError> StartPaymentJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(PaymentView::fromJson(body));
}

void StartPaymentJob::describeError(ApiError& error, const QJsonObject& details) const
{
    if (details.contains(QLatin1StringView("openBalance"))) {
        const Expected<Money> open =
            Money::fromJson(details.value(QLatin1StringView("openBalance")).toObject());
        if (open) {
            m_openBalance = *open;
            error.message = open->isZero() || open->isNegative()
                                ? tr("Nothing is left to pay on this cart.")
                                : tr("The amount is more than the open balance (%1).")
                                      .arg(open->toString(QLocale()));
            return;
        }
    }
    if (details.contains(QLatin1StringView("tenders")))
        error.message = tr("This workstation does not take this tender.");
    else if (error.code == ApiError::Code::NotFound)
        error.message = tr("There is no such cart in this store.");
    else if (error.code == ApiError::Code::Conflict)
        error.message = tr("The payment is still being set up.");
    else if (error.serverCode == QLatin1StringView("idempotency_key_reused"))
        error.message = tr("This payment attempt was already used for another amount.");
}

PaymentStatusJob::PaymentStatusJob(ApiClient* client, const QString& paymentId, int waitSeconds)
    : ValueJob(client, [&] {
        Request request = Request::get(QStringLiteral("/payments/%1").arg(pathSegment(paymentId)));
        if (waitSeconds > 0)
            request.query.addQueryItem(QStringLiteral("waitSeconds"), QString::number(waitSeconds));
        return request;
    }())
{
}

std::optional<ApiError> PaymentStatusJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(PaymentView::fromJson(body));
}

void PaymentStatusJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    if (error.code == ApiError::Code::NotFound)
        error.message = tr("The server does not know this payment.");
}

CancelPaymentJob::CancelPaymentJob(ApiClient* client, const QString& paymentId)
    : ValueJob(
          client,
          Request::send("POST", QStringLiteral("/payments/%1/cancel").arg(pathSegment(paymentId))))
{
}

std::optional<ApiError> CancelPaymentJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(PaymentView::fromJson(body));
}

namespace {

QString workstationPath(const QString& storeKey, const QString& workstationId)
{
    return QStringLiteral("/stores/%1/workstations/%2")
        .arg(pathSegment(storeKey), pathSegment(workstationId));
}

} // namespace

PaymentAttemptJob::PaymentAttemptJob(ApiClient* client, const QString& storeKey,
                                     const QString& workstationId, const QByteArray& idempotencyKey)
    : ValueJob(client, Request::get(workstationPath(storeKey, workstationId) +
                                    QStringLiteral("/payment-attempts/") +
                                    pathSegment(QString::fromLatin1(idempotencyKey))))
{
}

std::optional<ApiError> PaymentAttemptJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(PaymentView::fromJson(body));
}

QJsonObject UnresolvedPaymentReport::toJson() const
{
    QJsonObject body{{QStringLiteral("idempotencyKey"), QString::fromLatin1(idempotencyKey)},
                     {QStringLiteral("cartId"), cartId},
                     {QStringLiteral("tender"), tender},
                     {QStringLiteral("amount"), amount.toJson()},
                     {QStringLiteral("startedAt"), startedAt.toUTC().toString(Qt::ISODateWithMs)},
                     {QStringLiteral("reason"), reason}};
    if (!paymentId.isEmpty())
        body.insert(QStringLiteral("paymentId"), paymentId);
    return body;
}

ReportUnresolvedPaymentJob::ReportUnresolvedPaymentJob(ApiClient* client, const QString& storeKey,
                                                       const QString& workstationId,
                                                       const UnresolvedPaymentReport& report)
    : ValueJob(client, Request::send("POST",
                                     workstationPath(storeKey, workstationId) +
                                         QStringLiteral("/unresolved-payments"),
                                     report.toJson()))
{
}

std::optional<ApiError> ReportUnresolvedPaymentJob::parseSuccess(int /*status*/,
                                                                 const QByteArray& /*body*/)
{
    return std::nullopt;
}

CheckedUnresolvedPaymentJob::CheckedUnresolvedPaymentJob(ApiClient* client, const QString& storeKey,
                                                         const QString& workstationId,
                                                         const QByteArray& idempotencyKey)
    : ValueJob(client, Request::send("POST", workstationPath(storeKey, workstationId) +
                                                 QStringLiteral("/unresolved-payments/") +
                                                 pathSegment(QString::fromLatin1(idempotencyKey)) +
                                                 QStringLiteral("/checked")))
{
}

std::optional<ApiError> CheckedUnresolvedPaymentJob::parseSuccess(int /*status*/,
                                                                  const QByteArray& /*body*/)
{
    return std::nullopt;
}

CartBalanceJob::CartBalanceJob(ApiClient* client, const QString& storeKey, const QString& cartId)
    : ValueJob(client, Request::get(QStringLiteral("/stores/%1/carts/%2/payments")
                                        .arg(pathSegment(storeKey), pathSegment(cartId))))
{
}

std::optional<ApiError> CartBalanceJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(CartBalance::fromJson(body));
}

void CartBalanceJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    // A till opens a cart through its balance: the same words as reading the cart.
    CartJob::describeCartError(error);
}

PlaceOrderJob::PlaceOrderJob(ApiClient* client, const QString& storeKey, const QString& cartId,
                             qint64 cartVersion, const QByteArray& idempotencyKey)
    : ValueJob(client, [&] {
        Request request = Request::send("POST",
                                        QStringLiteral("/stores/%1/carts/%2/order")
                                            .arg(pathSegment(storeKey), pathSegment(cartId)),
                                        {{QStringLiteral("cartVersion"), cartVersion}});
        request.idempotencyKey = idempotencyKey;
        return request;
    }())
{
}

std::optional<ApiError> PlaceOrderJob::parseSuccess(int /*status*/, const QByteArray& body)
{
    return accept(Order::fromJson(body));
}

void PlaceOrderJob::describeError(ApiError& error, const QJsonObject& /*details*/) const
{
    if (error.code == ApiError::Code::Conflict)
        error.message = tr("The cart is not paid in full yet, or it changed meanwhile.");
}

} // namespace storedesk::api
