#include "checkoutroutes.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "domain/cart.h"
#include "idempotentrequest.h"
#include "servicecontext.h"
#include "storage/storageexecutor.h"

#include <QPointer>

namespace storedesk::server {

namespace {

using State = PaymentAttemptRecord::State;

// What the cart's attempts add up to: succeeded, and still open (pending).
struct Coverage {
    Money paid;
    int pending = 0;
};

Expected<Coverage> coverage(const QList<PaymentAttemptRecord>& attempts, const Money& total)
{
    Coverage result{Money::zero(*total.currency()), 0};
    for (const PaymentAttemptRecord& attempt : attempts) {
        if (!attempt.isFinal())
            ++result.pending;
        if (attempt.state != State::Succeeded)
            continue;
        Expected<Money> sum = result.paid.plus(attempt.attempt.amount);
        if (!sum)
            return sum.error();
        result.paid = *sum;
    }
    return result;
}

} // namespace

CheckoutRoutes::CheckoutRoutes(const ServiceContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{
}

void CheckoutRoutes::registerOn(Router& router)
{
    router.add("POST", QStringLiteral("/stores/{storeKey}/carts/{cartId}/order"),
               Router::Access::User, [this](const ApiRequest& request, const Responder& responder) {
                   placeOrder(request, responder);
               });
}

void CheckoutRoutes::placeOrder(const ApiRequest& request, const Responder& responder)
{
    if (!m_context.admitWorkstation(request, responder))
        return;
    const QString storeKey = request.argument(QStringLiteral("storeKey"));
    const QString cartId = request.argument(QStringLiteral("cartId"));
    if (!isResourceId(cartId)) {
        responder->error(ApiError::invalidInput(QStringLiteral("That is not a cart id.")));
        return;
    }
    const Expected<QJsonObject> body = json::parseObject(request.body);
    if (!body) {
        responder->error(ApiError::invalidInput(body.error().toString()));
        return;
    }
    const QJsonValue versionValue = body->value(QStringLiteral("cartVersion"));
    const qint64 cartVersion = versionValue.toInteger(-1);
    if (!versionValue.isDouble() || cartVersion < 1 ||
        double(cartVersion) != versionValue.toDouble()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("cartVersion must be the version of the cart you checked (a whole "
                           "number from 1).")));
        return;
    }
    idempotent::claim(
        m_context, this, request, responder, QStringLiteral("order"),
        {{QStringLiteral("storeKey"), storeKey},
         {QStringLiteral("cartId"), cartId},
         {QStringLiteral("cartVersion"), cartVersion}},
        [this, storeKey, cartId, cartVersion, workstationId = request.caller->workstationId,
         responder](const IdempotencyStore::Claim& claim) {
            if (claim.record.state == IdempotencyRecord::State::Completed) {
                responder->replay(claim.record.responseStatus, claim.record.responseBody);
                return;
            }
            m_context.storage->run(
                StorageExecutor::Lane::Read, this,
                [cartId](Stores& stores) -> StorageResult<CartState> {
                    StorageResult<QList<PaymentAttemptRecord>> attempts =
                        stores.attempts.forCart(cartId);
                    if (!attempts)
                        return attempts.error();
                    return CartState{stores.orderNumbers.find(cartId).hasValue(), *attempts};
                },
                [this, key = claim.record.key, storeKey, cartId, cartVersion, workstationId,
                 responder](const StorageResult<CartState>& state) {
                    if (!state) {
                        responder->error(storageFailure(state.error()));
                        return;
                    }
                    checkAndOrder(key, storeKey, cartId, cartVersion, workstationId, *state,
                                  responder);
                });
        });
}

void CheckoutRoutes::checkAndOrder(const QString& key, const QString& storeKey,
                                   const QString& cartId, qint64 cartVersion,
                                   const QString& workstationId, const CartState& state,
                                   const Responder& responder)
{
    const bool resuming = state.resuming;
    QPointer<CheckoutRoutes> self(this);
    fetchFromStore<Cart>(
        m_context, QStringLiteral("carts/") + cartId, storeKey,
        QStringLiteral("There is no such cart in this store."), responder,
        [this, self, key, workstationId, cartVersion, resuming, attempts = state.attempts,
         responder](const Cart& cart, const QJsonObject& raw) {
            if (!self)
                return;
            // Once a number is reserved the order may exist already: only the lookup decides.
            if (!resuming) {
                if (cart.version != cartVersion) {
                    responder->error(ApiError::conflict(
                        QStringLiteral("The cart has changed since you checked it; check it "
                                       "again."),
                        {{QStringLiteral("cartVersion"), cart.version}}));
                    return;
                }
                const Expected<Coverage> covered = coverage(attempts, cart.totalPrice);
                if (!covered) {
                    qCWarning(lcServer).noquote()
                        << "cannot add up payments:" << covered.error().message;
                    responder->error(ApiError::internal());
                    return;
                }
                const Expected<int> enough = covered->paid.compare(cart.totalPrice);
                if (covered->pending > 0 || !enough || *enough < 0) {
                    const Expected<Money> open = cart.totalPrice.minus(covered->paid);
                    responder->error(ApiError::conflict(
                        covered->pending > 0
                            ? QStringLiteral("A payment of this cart is still in progress.")
                            : QStringLiteral("The cart is not fully paid yet."),
                        {{QStringLiteral("paid"), covered->paid.toJson()},
                         {QStringLiteral("openBalance"), open ? open->toJson() : QJsonObject()}}));
                    return;
                }
                if (enough && *enough > 0)
                    qCWarning(lcServer).noquote()
                        << "cart" << cart.id << "is paid beyond its total; ordering it anyway";
            }
            createOrder(key, workstationId, raw, responder, MaxNumberAttempts, true);
        });
}

namespace {

QString cartOf(const QJsonObject& order)
{
    return order.value(QStringLiteral("cart")).toObject().value(QStringLiteral("id")).toString();
}

// An answer that does not say whether commercetools carried the request out.
bool unclear(const CtResponse& response)
{
    return response.status == 0 || response.status >= 500;
}

} // namespace

void CheckoutRoutes::createOrder(const QString& idempotencyKey, const QString& workstationId,
                                 const QJsonObject& cart, const Responder& responder,
                                 int attemptsLeft, bool mayResend)
{
    const QString cartId = cart.value(QStringLiteral("id")).toString();
    const QString storeKey =
        cart.value(QStringLiteral("store")).toObject().value(QStringLiteral("key")).toString();
    if (attemptsLeft <= 0) {
        qCWarning(lcServer).noquote() << "no free order number found for cart" << cartId;
        responder->error(ApiError::conflict(
            QStringLiteral("No free order number could be found; ask an administrator.")));
        return;
    }
    m_context.storage->run(
        StorageExecutor::Lane::Write, this,
        [cartId, storeKey](Stores& stores) {
            return stores.orderNumbers.reserve(cartId, storeKey);
        },
        [this, idempotencyKey, workstationId, cart, responder, attemptsLeft,
         mayResend](const StorageResult<CartOrder>& reserved) {
            if (!reserved) {
                qCWarning(lcServerDb).noquote() << "cannot reserve an order number";
                responder->error(storageFailure(reserved.error()));
                return;
            }
            lookUpNumber(idempotencyKey, workstationId, cart, reserved->orderNumber, responder,
                         attemptsLeft, mayResend, false);
        });
}

void CheckoutRoutes::renumberAndRetry(const QString& idempotencyKey, const QString& workstationId,
                                      const QJsonObject& cart, const Responder& responder,
                                      int attemptsLeft, bool mayResend)
{
    m_context.storage->run(
        StorageExecutor::Lane::Write, this,
        [cartId = cart.value(QStringLiteral("id")).toString()](Stores& stores) {
            return stores.orderNumbers.renumber(cartId);
        },
        [this, idempotencyKey, workstationId, cart, responder, attemptsLeft,
         mayResend](const StorageResult<CartOrder>& renumbered) {
            if (!renumbered) {
                responder->error(storageFailure(renumbered.error()));
                return;
            }
            createOrder(idempotencyKey, workstationId, cart, responder, attemptsLeft, mayResend);
        });
}

// The order with the cart's number decides: this cart's → adopted (made earlier, answer lost);
// another cart's → the next number; none → created, unless commercetools just said the number
// is taken (then by an order outside this store, which the in-store lookup does not show).
void CheckoutRoutes::lookUpNumber(const QString& idempotencyKey, const QString& workstationId,
                                  const QJsonObject& cart, const QString& number,
                                  const Responder& responder, int attemptsLeft, bool mayResend,
                                  bool knownTaken)
{
    const QString cartId = cart.value(QStringLiteral("id")).toString();
    const QString storeKey =
        cart.value(QStringLiteral("store")).toObject().value(QStringLiteral("key")).toString();
    const QString byNumber =
        QStringLiteral("in-store/key=%1/orders/order-number=%2").arg(storeKey, number);
    QPointer<CheckoutRoutes> self(this);
    m_context.commercetools->get(
        byNumber, {}, responder->correlationId(), [=, this](const CtResponse& found) {
            if (!self)
                return;
            if (found.ok() && cartOf(found.body) == cartId) {
                finish(idempotencyKey, workstationId, cartId, found.body, responder);
                return;
            }
            if (found.ok() || (found.status == 404 && knownTaken)) {
                qCWarning(lcServer).noquote()
                    << "order number" << number << "is taken by another cart's order";
                renumberAndRetry(idempotencyKey, workstationId, cart, responder, attemptsLeft - 1,
                                 mayResend);
                return;
            }
            if (found.status != 404) {
                responder->error(ApiError::upstream(found));
                return;
            }
            sendOrder(idempotencyKey, workstationId, cart, number, responder, attemptsLeft,
                      mayResend);
        });
}

void CheckoutRoutes::sendOrder(const QString& idempotencyKey, const QString& workstationId,
                               const QJsonObject& cart, const QString& number,
                               const Responder& responder, int attemptsLeft, bool mayResend)
{
    const QString cartId = cart.value(QStringLiteral("id")).toString();
    const QString storeKey =
        cart.value(QStringLiteral("store")).toObject().value(QStringLiteral("key")).toString();
    const QJsonObject draft{
        {QStringLiteral("cart"), QJsonObject{{QStringLiteral("typeId"), QStringLiteral("cart")},
                                             {QStringLiteral("id"), cartId}}},
        {QStringLiteral("version"), cart.value(QStringLiteral("version"))},
        {QStringLiteral("orderNumber"), number}};
    CtClient* ct = m_context.commercetools;
    QPointer<CheckoutRoutes> self(this);
    // Sent once (no retry, no transport re-send): a repeat is decided below, after a lookup.
    ct->post(
        QStringLiteral("in-store/key=%1/orders").arg(storeKey), draft, responder->correlationId(),
        [=, this](const CtResponse& created) {
            if (!self)
                return;
            if (created.ok()) {
                finish(idempotencyKey, workstationId, cartId, created.body, responder);
                return;
            }
            if (unclear(created)) {
                // The order may exist. Look the number up: this cart's order is adopted; when
                // there is none, commercetools did not make it and it is sent once more (a
                // creation still under way meets the unique number and is adopted then).
                qCInfo(lcServerCt).noquote()
                    << "unclear answer to creating order" << number << "- looking it up";
                ct->get(
                    QStringLiteral("in-store/key=%1/orders/order-number=%2").arg(storeKey, number),
                    {}, responder->correlationId(), [=, this](const CtResponse& again) {
                        if (!self)
                            return;
                        if (again.ok() && cartOf(again.body) == cartId)
                            finish(idempotencyKey, workstationId, cartId, again.body, responder);
                        else if (again.ok())
                            lookUpNumber(idempotencyKey, workstationId, cart, number, responder,
                                         attemptsLeft, false, false);
                        else if (again.status == 404 && mayResend)
                            sendOrder(idempotencyKey, workstationId, cart, number, responder,
                                      attemptsLeft, false);
                        else
                            responder->error(ApiError::upstream(created));
                    });
                return;
            }
            if (created.errorCode() == QLatin1StringView("DuplicateField")) {
                // Taken — possibly by this very cart's order (an earlier try whose answer was
                // lost): only the lookup decides, never a renumbering on its own.
                lookUpNumber(idempotencyKey, workstationId, cart, number, responder,
                             attemptsLeft - 1, mayResend, true);
                return;
            }
            adoptCartsOrder(idempotencyKey, workstationId, cartId, storeKey, created, responder);
        });
}

// commercetools refused to order the cart. If that is because it is ordered already, its order
// is the answer; otherwise the refusal is.
void CheckoutRoutes::adoptCartsOrder(const QString& idempotencyKey, const QString& workstationId,
                                     const QString& cartId, const QString& storeKey,
                                     const CtResponse& refusal, const Responder& responder)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("where"),
                       QString::fromLatin1(QUrl::toPercentEncoding(
                           QStringLiteral("cart(id=%1)").arg(predicateLiteral(cartId)))));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    QPointer<CheckoutRoutes> self(this);
    m_context.commercetools->get(
        QStringLiteral("in-store/key=%1/orders").arg(storeKey), query, responder->correlationId(),
        [=, this](const CtResponse& found) {
            if (!self)
                return;
            const QJsonArray results = found.body.value(QStringLiteral("results")).toArray();
            if (found.ok() && !results.isEmpty() && cartOf(results.first().toObject()) == cartId) {
                finish(idempotencyKey, workstationId, cartId, results.first().toObject(),
                       responder);
                return;
            }
            if (refusal.status != 400 && refusal.status != 409) {
                responder->error(ApiError::upstream(refusal));
                return;
            }
            qCWarning(lcServerCt).noquote()
                << "commercetools refused the order:" << refusal.errorCode();
            responder->error(ApiError::conflict(
                QStringLiteral("commercetools refused to create the order (%1); check the cart.")
                    .arg(refusal.errorCode())));
        });
}

void CheckoutRoutes::finish(const QString& idempotencyKey, const QString& workstationId,
                            const QString& cartId, const QJsonObject& order,
                            const Responder& responder)
{
    const QString orderId = order.value(QStringLiteral("id")).toString();
    // Audited once per order: the first request to see it made, whatever its key.
    m_context.storage->run(
        StorageExecutor::Lane::Write, this,
        [cartId, orderId, idempotencyKey](Stores& stores) -> StorageResult<OrderSeen> {
            const StorageResult<CartOrder> known = stores.orderNumbers.find(cartId);
            OrderSeen seen;
            seen.firstSight = known && known->orderId.isEmpty();
            if (auto attached = stores.orderNumbers.attachOrder(cartId, orderId); !attached)
                qCWarning(lcServerDb).noquote() << attached.error().message;
            if (StorageResult<IdempotencyRecord> record = stores.idempotency.find(idempotencyKey))
                seen.username = record->username;
            return seen;
        },
        [this, idempotencyKey, workstationId, cartId, orderId, order,
         responder](const StorageResult<OrderSeen>& seen) {
            const Expected<Money> total =
                Money::fromJson(order.value(QStringLiteral("totalPrice")).toObject());
            if (seen && seen->firstSight && !seen->username.isEmpty()) {
                m_context.record(
                    QStringLiteral("order.created"), seen->username,
                    order.value(QStringLiteral("store"))
                        .toObject()
                        .value(QStringLiteral("key"))
                        .toString(),
                    workstationId, responder->correlationId(),
                    {{QStringLiteral("orderId"), orderId},
                     {QStringLiteral("orderNumber"), order.value(QStringLiteral("orderNumber"))},
                     {QStringLiteral("cartId"), cartId}},
                    total ? std::optional<Money>(*total) : std::nullopt);
            }
            idempotent::answerFinally(m_context, idempotencyKey, responder, 201, order);
        });
}

} // namespace storedesk::server
