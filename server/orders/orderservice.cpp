#include "orderservice.h"

#include "base/logging.h"
#include "commercetools/ctclient.h"
#include "domain/cart.h"
#include "payments/openbalance.h"
#include "services/storeread.h"
#include "storage/storageexecutor.h"

#include <QPointer>

namespace storedesk::server {

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

struct OrderService::Run {
    Request request;
    Done done;
    QJsonObject cart; // as read from commercetools: the id, store and version the order is from

    QString byNumber(const QString& number) const
    {
        return QStringLiteral("in-store/key=%1/orders/order-number=%2")
            .arg(request.storeKey, number);
    }
};

OrderService::OrderService(CtClient* commercetools, StorageExecutor* storage, QObject* parent)
    : QObject(parent)
    , m_commercetools(commercetools)
    , m_storage(storage)
    , m_audit(storage)
{
}

void OrderService::placeOrder(Request request, Done done)
{
    auto run = std::make_shared<Run>();
    run->request = std::move(request);
    run->done = std::move(done);
    m_storage->run(
        StorageExecutor::Lane::Read, this,
        [cartId = run->request.cartId](Stores& stores) -> StorageResult<CartState> {
            StorageResult<QList<PaymentAttemptRecord>> attempts = stores.attempts.forCart(cartId);
            if (!attempts)
                return attempts.error();
            return CartState{stores.orderNumbers.find(cartId).hasValue(), *attempts};
        },
        [this, run](const StorageResult<CartState>& state) {
            if (!state) {
                run->done(ServiceFailure::fromStorage(state.error()));
                return;
            }
            checkAndOrder(run, *state);
        });
}

void OrderService::checkAndOrder(const RunPtr& run, const CartState& state)
{
    QPointer<OrderService> self(this);
    readFromStore<Cart>(
        m_commercetools, QStringLiteral("carts/") + run->request.cartId, run->request.storeKey,
        QStringLiteral("There is no such cart in this store."), run->request.correlationId, {},
        [this, self, run, state](const Expected<StoreResource<Cart>, ServiceFailure>& found) {
            if (!self)
                return;
            if (!found) {
                run->done(found.error());
                return;
            }
            const Cart& cart = found->resource;
            run->cart = found->raw;
            // Once a number is reserved the order may exist already: only the lookup decides.
            if (!state.resuming) {
                if (cart.version != run->request.cartVersion) {
                    run->done(ServiceFailure::conflict(
                        QStringLiteral("The cart has changed since you checked it; check it "
                                       "again."),
                        {{QStringLiteral("cartVersion"), cart.version}}));
                    return;
                }
                // The one open-balance rule (payments/openbalance): succeeded attempts must
                // cover the total, and none may still be under way.
                OpenBalance balance(cart.totalPrice);
                for (const PaymentAttemptRecord& attempt : state.attempts) {
                    if (const Expected<void> added = balance.add(attempt); !added) {
                        qCWarning(lcServer).noquote()
                            << "cannot add up payments:" << added.error().message;
                        run->done(ServiceFailure::internal());
                        return;
                    }
                }
                const bool underWay = !balance.pending().isZero();
                const Expected<int> enough = balance.paid().compare(cart.totalPrice);
                if (underWay || !enough || *enough < 0) {
                    run->done(ServiceFailure::conflict(
                        underWay ? QStringLiteral("A payment of this cart is still in progress.")
                                 : QStringLiteral("The cart is not fully paid yet."),
                        {{QStringLiteral("paid"), balance.paid().toJson()},
                         {QStringLiteral("openBalance"), balance.open().toJson()}}));
                    return;
                }
                if (enough && *enough > 0)
                    qCWarning(lcServer).noquote()
                        << "cart" << cart.id << "is paid beyond its total; ordering it anyway";
            }
            // A number reserved just now cannot be on an order of this cart yet: create at once
            // (a number taken elsewhere is refused as DuplicateField and settled then).
            createOrder(run, MaxNumberAttempts, true, state.resuming);
        });
}

void OrderService::createOrder(const RunPtr& run, int attemptsLeft, bool mayResend, bool lookFirst)
{
    if (attemptsLeft <= 0) {
        qCWarning(lcServer).noquote()
            << "no free order number found for cart" << run->request.cartId;
        run->done(ServiceFailure::conflict(
            QStringLiteral("No free order number could be found; ask an administrator.")));
        return;
    }
    m_storage->run(
        StorageExecutor::Lane::Write, this,
        [cartId = run->request.cartId, storeKey = run->request.storeKey](Stores& stores) {
            return stores.orderNumbers.reserve(cartId, storeKey);
        },
        [this, run, attemptsLeft, mayResend, lookFirst](const StorageResult<CartOrder>& reserved) {
            if (!reserved) {
                qCWarning(lcServerDb).noquote() << "cannot reserve an order number";
                run->done(ServiceFailure::fromStorage(reserved.error()));
                return;
            }
            if (lookFirst)
                lookUpNumber(run, reserved->orderNumber, attemptsLeft, mayResend, false);
            else
                sendOrder(run, reserved->orderNumber, attemptsLeft, mayResend);
        });
}

void OrderService::renumberAndRetry(const RunPtr& run, int attemptsLeft, bool mayResend)
{
    m_storage->run(
        StorageExecutor::Lane::Write, this,
        [cartId = run->request.cartId](Stores& stores) {
            return stores.orderNumbers.renumber(cartId);
        },
        [this, run, attemptsLeft, mayResend](const StorageResult<CartOrder>& renumbered) {
            if (!renumbered) {
                run->done(ServiceFailure::fromStorage(renumbered.error()));
                return;
            }
            // A fresh number: no order can carry it yet.
            createOrder(run, attemptsLeft, mayResend, false);
        });
}

// The order with the cart's number decides: this cart's → adopted (made earlier, answer lost);
// another cart's → the next number; none → created, unless commercetools just said the number
// is taken (then by an order outside this store, which the in-store lookup does not show).
void OrderService::lookUpNumber(const RunPtr& run, const QString& number, int attemptsLeft,
                                bool mayResend, bool knownTaken)
{
    QPointer<OrderService> self(this);
    m_commercetools->get(
        run->byNumber(number), {}, run->request.correlationId, [=, this](const CtResponse& found) {
            if (!self)
                return;
            if (found.ok() && cartOf(found.body) == run->request.cartId) {
                finish(run, found.body);
                return;
            }
            if (found.ok() || (found.status == 404 && knownTaken)) {
                qCWarning(lcServer).noquote()
                    << "order number" << number << "is taken by another cart's order";
                renumberAndRetry(run, attemptsLeft - 1, mayResend);
                return;
            }
            if (found.status != 404) {
                run->done(ServiceFailure::fromUpstream(found));
                return;
            }
            sendOrder(run, number, attemptsLeft, mayResend);
        });
}

void OrderService::sendOrder(const RunPtr& run, const QString& number, int attemptsLeft,
                             bool mayResend)
{
    const QJsonObject draft{
        {QStringLiteral("cart"), QJsonObject{{QStringLiteral("typeId"), QStringLiteral("cart")},
                                             {QStringLiteral("id"), run->request.cartId}}},
        {QStringLiteral("version"), run->cart.value(QStringLiteral("version"))},
        {QStringLiteral("orderNumber"), number}};
    QPointer<OrderService> self(this);
    // Sent once (no retry, no transport re-send): a repeat is decided below, after a lookup.
    m_commercetools->post(
        QStringLiteral("in-store/key=%1/orders").arg(run->request.storeKey), draft,
        run->request.correlationId, [=, this](const CtResponse& created) {
            if (!self)
                return;
            if (created.ok()) {
                finish(run, created.body);
                return;
            }
            if (unclear(created)) {
                // The order may exist. Look the number up: this cart's order is adopted; when
                // there is none, commercetools did not make it and it is sent once more (a
                // creation still under way meets the unique number and is adopted then).
                qCInfo(lcServerCt).noquote()
                    << "unclear answer to creating order" << number << "- looking it up";
                m_commercetools->get(run->byNumber(number), {}, run->request.correlationId,
                                     [=, this](const CtResponse& again) {
                                         if (!self)
                                             return;
                                         if (again.ok() &&
                                             cartOf(again.body) == run->request.cartId)
                                             finish(run, again.body);
                                         else if (again.ok())
                                             lookUpNumber(run, number, attemptsLeft, false, false);
                                         else if (again.status == 404 && mayResend)
                                             sendOrder(run, number, attemptsLeft, false);
                                         else
                                             run->done(ServiceFailure::fromUpstream(created));
                                     });
                return;
            }
            if (created.errorCode() == QLatin1StringView("DuplicateField")) {
                // Taken — possibly by this very cart's order (an earlier try whose answer was
                // lost): only the lookup decides, never a renumbering on its own.
                lookUpNumber(run, number, attemptsLeft - 1, mayResend, true);
                return;
            }
            adoptCartsOrder(run, created);
        });
}

// commercetools refused to order the cart. If that is because it is ordered already, its order
// is the answer; otherwise the refusal is.
void OrderService::adoptCartsOrder(const RunPtr& run, const CtResponse& refusal)
{
    // A string literal of a query predicate: escape what would end it.
    QString cartId = run->request.cartId;
    cartId.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("where"),
                       QString::fromLatin1(
                           QUrl::toPercentEncoding(QStringLiteral("cart(id=\"%1\")").arg(cartId))));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    QPointer<OrderService> self(this);
    m_commercetools->get(
        QStringLiteral("in-store/key=%1/orders").arg(run->request.storeKey), query,
        run->request.correlationId, [=, this](const CtResponse& found) {
            if (!self)
                return;
            const QJsonArray results = found.body.value(QStringLiteral("results")).toArray();
            if (found.ok() && !results.isEmpty() &&
                cartOf(results.first().toObject()) == run->request.cartId) {
                finish(run, results.first().toObject());
                return;
            }
            if (refusal.status != 400 && refusal.status != 409) {
                run->done(ServiceFailure::fromUpstream(refusal));
                return;
            }
            qCWarning(lcServerCt).noquote()
                << "commercetools refused the order:" << refusal.errorCode();
            run->done(ServiceFailure::conflict(
                QStringLiteral("commercetools refused to create the order (%1); check the cart.")
                    .arg(refusal.errorCode())));
        });
}

void OrderService::finish(const RunPtr& run, const QJsonObject& order)
{
    const QString orderId = order.value(QStringLiteral("id")).toString();
    // Audited once per order: the first request to see it made, whatever its key.
    m_storage->run(
        StorageExecutor::Lane::Write, this,
        [cartId = run->request.cartId, orderId,
         key = run->request.idempotencyKey](Stores& stores) -> StorageResult<OrderSeen> {
            const StorageResult<CartOrder> known = stores.orderNumbers.find(cartId);
            OrderSeen seen;
            seen.firstSight = known && known->orderId.isEmpty();
            if (auto attached = stores.orderNumbers.attachOrder(cartId, orderId); !attached)
                qCWarning(lcServerDb).noquote() << attached.error().message;
            if (StorageResult<IdempotencyRecord> record = stores.idempotency.find(key))
                seen.username = record->username;
            return seen;
        },
        [this, run, orderId, order](const StorageResult<OrderSeen>& seen) {
            const Expected<Money> total =
                Money::fromJson(order.value(QStringLiteral("totalPrice")).toObject());
            if (seen && seen->firstSight && !seen->username.isEmpty()) {
                m_audit.record(
                    QStringLiteral("order.created"), seen->username,
                    order.value(QStringLiteral("store"))
                        .toObject()
                        .value(QStringLiteral("key"))
                        .toString(),
                    run->request.workstationId, run->request.correlationId,
                    {{QStringLiteral("orderId"), orderId},
                     {QStringLiteral("orderNumber"), order.value(QStringLiteral("orderNumber"))},
                     {QStringLiteral("cartId"), run->request.cartId}},
                    total ? std::optional<Money>(*total) : std::nullopt);
            }
            run->done(order);
        });
}

} // namespace storedesk::server
