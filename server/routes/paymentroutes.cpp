#include "paymentroutes.h"

#include "base/logging.h"
#include "domain/cart.h"
#include "idempotentrequest.h"
#include "payments/httpextensionprovider.h"
#include "payments/paymentcoordinator.h"
#include "payments/providerregistry.h"
#include "servicecontext.h"
#include "storage/storageexecutor.h"

#include <QJsonArray>
#include <QPointer>
#include <QTimer>

namespace storedesk::server {

namespace {

using State = PaymentAttemptRecord::State;
using Lane = StorageExecutor::Lane;

// How long a client should wait before asking again about a payment still being set up.
constexpr int setUpRetryAfterSeconds = 1;

// A long-poll is woken at once by this instance's changes (PaymentCoordinator::changed); an
// outcome another instance sharing the database records is seen by a re-read this often.
constexpr std::chrono::seconds otherInstancePoll{5};

// What a repeat of a claimed payment finds: the attempt, or whether its first request may still
// be working on it.
struct RepeatState {
    std::optional<PaymentAttemptRecord> attempt;
    bool claimantAlive = false;
};

// The attempt recorded for a claim, made now unless there is one (a first request that got
// further than we knew, or a racing repeat): never two attempts for one key.
struct Recorded {
    std::optional<PaymentAttemptRecord> attempt; // set: advance it
    std::optional<Money> refusedOpenBalance;     // set: the amount did not fit
};

// Reads a Money field of the request: cent precision in a known currency, >= 0.
std::optional<Money> readMoney(const QJsonObject& body, const QString& field, QString* problem)
{
    const QJsonValue value = body.value(field);
    if (!value.isObject()) {
        *problem =
            QStringLiteral("%1 must be a Money object {centAmount, currencyCode}.").arg(field);
        return std::nullopt;
    }
    const Expected<Money> money = Money::fromJson(value.toObject());
    if (!money) {
        *problem = QStringLiteral("%1: %2").arg(field, money.error().message);
        return std::nullopt;
    }
    if (money->isHighPrecision()) {
        *problem = QStringLiteral("%1 must use the currency's own fraction digits.").arg(field);
        return std::nullopt;
    }
    return *money;
}

int stateStatus(const PaymentAttemptRecord& record, int pendingStatus, int finalStatus)
{
    return record.isFinal() ? finalStatus : pendingStatus;
}

// On the write lane: the attempt for record's key, inserted unless it exists.
StorageResult<Recorded> recordAttempt(Stores& stores, const PaymentAttemptRecord& record,
                                      const Money& cartTotal)
{
    const QString& key = record.idempotencyKey;
    const auto existing = [&stores, &key]() -> StorageResult<Recorded> {
        StorageResult<PaymentAttemptRecord> found = stores.attempts.findByIdempotencyKey(key);
        if (!found)
            return found.error();
        return Recorded{*found, std::nullopt};
    };
    if (StorageResult<Recorded> before = existing();
        before || before.error().kind != StorageError::Kind::NotFound)
        return before;
    StorageResult<PaymentAttemptStore::Insertion> inserted =
        stores.attempts.insert(record, cartTotal);
    if (!inserted) {
        // A repeat racing this one may have recorded the attempt first (the unique key refused
        // ours): that one is the attempt.
        if (StorageResult<Recorded> after = existing())
            return after;
        return inserted.error();
    }
    if (!inserted->inserted)
        return Recorded{std::nullopt, inserted->openBalance};
    if (auto attached = stores.idempotency.attachResource(key, record.attempt.paymentKey);
        !attached)
        qCWarning(lcServerDb).noquote() << attached.error().message;
    return existing();
}

void answerBalance(const QString& cartId, const Cart& cart,
                   const StorageResult<QList<PaymentAttemptRecord>>& attempts,
                   const Responder& responder)
{
    if (!attempts) {
        responder->error(storageFailure(attempts.error()));
        return;
    }
    const Money zero = Money::zero(*cart.totalPrice.currency());
    Money paid = zero;
    Money pending = zero;
    QJsonArray views;
    for (const PaymentAttemptRecord& record : *attempts) {
        views.append(PaymentRoutes::view(record));
        Money* sum = record.state == PaymentAttemptRecord::State::Succeeded ? &paid
                     : record.isFinal()                                     ? nullptr
                                                                            : &pending;
        if (!sum)
            continue;
        const Expected<Money> added = sum->plus(record.attempt.amount);
        if (!added) {
            responder->error(ApiError::internal());
            return;
        }
        *sum = *added;
    }
    const Expected<Money> unpaid = cart.totalPrice.minus(paid);
    const Expected<Money> open = unpaid ? unpaid->minus(pending) : unpaid;
    if (!open) {
        responder->error(ApiError::internal());
        return;
    }
    responder->json(200, QJsonObject{{QStringLiteral("cartId"), cartId},
                                     {QStringLiteral("total"), cart.totalPrice.toJson()},
                                     {QStringLiteral("paid"), paid.toJson()},
                                     {QStringLiteral("pending"), pending.toJson()},
                                     {QStringLiteral("openBalance"), open->toJson()},
                                     {QStringLiteral("payments"), views}});
}

} // namespace

PaymentRoutes::PaymentRoutes(const ServiceContext& context, PaymentCoordinator& coordinator,
                             ProviderRegistry& providers, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_storage(*context.storage)
    , m_coordinator(coordinator)
    , m_providers(providers)
{
}

void PaymentRoutes::registerOn(Router& router)
{
    router.add("POST", QStringLiteral("/stores/{storeKey}/carts/{cartId}/payments"),
               Router::Access::User, [this](const ApiRequest& request, const Responder& responder) {
                   startPayment(request, responder);
               });
    router.add("GET", QStringLiteral("/stores/{storeKey}/carts/{cartId}/payments"),
               Router::Access::User, [this](const ApiRequest& request, const Responder& responder) {
                   listCartPayments(request, responder);
               });
    router.add("GET", QStringLiteral("/payments/{paymentId}"), Router::Access::User,
               [this](const ApiRequest& request, const Responder& responder) {
                   getPayment(request, responder);
               });
    router.add("POST", QStringLiteral("/payments/{paymentId}/cancel"), Router::Access::User,
               [this](const ApiRequest& request, const Responder& responder) {
                   cancelPayment(request, responder);
               });
    router.add("POST", QStringLiteral("/callbacks/payments/{storeKey}/{terminalId}"),
               Router::Access::Anyone,
               [this](const ApiRequest& request, const Responder& responder) {
                   providerCallback(request, responder);
               });
}

QJsonObject PaymentRoutes::view(const PaymentAttemptRecord& record)
{
    const PaymentAttempt& attempt = record.attempt;
    QJsonObject view{{QStringLiteral("id"), attempt.paymentId},
                     {QStringLiteral("key"), attempt.paymentKey},
                     {QStringLiteral("state"), record.apiState()},
                     {QStringLiteral("tender"), attempt.tender},
                     {QStringLiteral("amount"), attempt.amount.toJson()},
                     {QStringLiteral("cartId"), record.cartId}};
    if (attempt.cashTendered)
        view.insert(QStringLiteral("cashTendered"), attempt.cashTendered->toJson());
    if (record.changeDue)
        view.insert(QStringLiteral("changeDue"), record.changeDue->toJson());
    if (!record.message.isEmpty())
        view.insert(QStringLiteral("message"), record.message);
    if (attempt.cancelRequested())
        view.insert(QStringLiteral("cancelRequested"), true);
    return view;
}

void PaymentRoutes::answer(const PaymentAttemptRecord& record, const Responder& responder,
                           int pendingStatus, int finalStatus)
{
    QJsonObject body = view(record);
    const int status = stateStatus(record, pendingStatus, finalStatus);
    if (record.attempt.paymentId.isEmpty()) {
        responder->json(status, body);
        return;
    }
    m_context.commercetools->get(QStringLiteral("payments/") + record.attempt.paymentId, {},
                                 responder->correlationId(),
                                 [responder, body, status](const CtResponse& payment) mutable {
                                     // The state is ours and known; the commercetools copy is added
                                     // when it can be read.
                                     if (payment.ok())
                                         body.insert(QStringLiteral("payment"), payment.body);
                                     responder->json(status, body);
                                 });
}

std::function<void(const Expected<PaymentAttemptRecord, ApiError>&)>
PaymentRoutes::answerWith(const Responder& responder, int pendingStatus, int finalStatus)
{
    return [self = QPointer<PaymentRoutes>(this), responder, pendingStatus,
            finalStatus](const Expected<PaymentAttemptRecord, ApiError>& record) {
        if (!self)
            return;
        if (!record)
            responder->error(record.error());
        else
            self->answer(*record, responder, pendingStatus, finalStatus);
    };
}

void PaymentRoutes::startPayment(const ApiRequest& request, const Responder& responder)
{
    const WorkstationConfig* workstation = m_context.admitWorkstation(request, responder);
    if (!workstation)
        return;
    const Caller& caller = *request.caller;
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
    if (!body->value(QStringLiteral("tender")).isString()) {
        responder->error(ApiError::invalidInput(QStringLiteral("tender must be a string.")));
        return;
    }
    const QString tender = body->value(QStringLiteral("tender")).toString();
    const QString kind = m_providers.kindFor(storeKey, *workstation, tender);
    if (kind.isEmpty()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("This workstation takes %1, not \"%2\".")
                .arg(workstation->tenders().join(QStringLiteral(", ")), tender.left(32)),
            {{QStringLiteral("tenders"), QJsonArray::fromStringList(workstation->tenders())}}));
        return;
    }
    QString problem;
    const std::optional<Money> amount = readMoney(*body, QStringLiteral("amount"), &problem);
    if (!amount) {
        responder->error(ApiError::invalidInput(problem));
        return;
    }
    if (amount->isNegative() || amount->isZero()) {
        responder->error(ApiError::invalidInput(QStringLiteral("The amount must be more than 0.")));
        return;
    }
    std::optional<Money> cashTendered;
    if (body->contains(QStringLiteral("cashTendered"))) {
        if (kind != ProviderRegistry::cashKind) {
            responder->error(
                ApiError::invalidInput(QStringLiteral("cashTendered is for cash payments only.")));
            return;
        }
        cashTendered = readMoney(*body, QStringLiteral("cashTendered"), &problem);
        if (!cashTendered) {
            responder->error(ApiError::invalidInput(problem));
            return;
        }
        const Expected<int> covers = cashTendered->compare(*amount);
        if (!covers || *covers < 0) {
            responder->error(ApiError::invalidInput(
                QStringLiteral("The cash handed over must be at least the amount, in the same "
                               "currency.")));
            return;
        }
    }

    QJsonObject canonical{{QStringLiteral("storeKey"), storeKey},
                          {QStringLiteral("cartId"), cartId},
                          {QStringLiteral("tender"), tender},
                          {QStringLiteral("amount"), amount->toJson()}};
    if (cashTendered)
        canonical.insert(QStringLiteral("cashTendered"), cashTendered->toJson());
    PaymentAttemptRecord record;
    record.cartId = cartId;
    record.provider = kind;
    record.username = caller.username;
    PaymentAttempt& attempt = record.attempt;
    attempt.amount = *amount;
    attempt.tender = tender;
    attempt.terminalId = kind == ProviderRegistry::cashKind || !workstation->terminal
                             ? QString()
                             : workstation->terminal->id;
    attempt.storeKey = storeKey;
    attempt.workstationId = caller.workstationId;
    attempt.correlationId = responder->correlationId();
    attempt.cashTendered = cashTendered;
    idempotent::claim(m_context, this, request, responder, QStringLiteral("payment"), canonical,
                      [this, record, responder](const IdempotencyStore::Claim& claim) mutable {
                          record.idempotencyKey = claim.record.key;
                          record.attempt.paymentKey =
                              QStringLiteral("storedesk-") + claim.record.key;
                          if (claim.kind == IdempotencyStore::Claim::Kind::New)
                              createAttempt(record, responder);
                          else
                              repeatPayment(claim.record, record, responder);
                      });
}

void PaymentRoutes::repeatPayment(const IdempotencyRecord& claim,
                                  const PaymentAttemptRecord& record, const Responder& responder)
{
    m_storage.run(
        Lane::Read, this,
        [claim](Stores& stores) -> StorageResult<RepeatState> {
            RepeatState state;
            StorageResult<PaymentAttemptRecord> existing =
                stores.attempts.findByIdempotencyKey(claim.key);
            if (existing) {
                state.attempt = *existing;
                return state;
            }
            if (existing.error().kind != StorageError::Kind::NotFound)
                return existing.error();
            StorageResult<bool> alive = stores.instances.isAlive(claim.instanceId);
            if (!alive)
                return alive.error();
            state.claimantAlive = *alive;
            return state;
        },
        [this, claim, record, responder](const StorageResult<RepeatState>& state) {
            if (!state) {
                responder->error(storageFailure(state.error()));
                return;
            }
            if (state->attempt) {
                m_coordinator.advance(*state->attempt, answerWith(responder, 202, 201));
                return;
            }
            if (claim.hasResponse()) {
                responder->replay(claim.responseStatus, claim.responseBody);
                return;
            }
            // Claimed, but no attempt yet. While the instance that claimed it lives, its first
            // request is still reading the cart: ask again in a moment. An instance that died
            // recorded nothing, so nothing moved, and this request may do the work.
            if (state->claimantAlive) {
                ApiError busy{409,
                              QStringLiteral("attempt_in_progress"),
                              QStringLiteral("This payment is still being set up; ask again in a "
                                             "moment."),
                              {}};
                busy.retryAfterSeconds = setUpRetryAfterSeconds;
                responder->error(busy);
                return;
            }
            createAttempt(record, responder);
        });
}

void PaymentRoutes::createAttempt(const PaymentAttemptRecord& record, const Responder& responder)
{
    QPointer<PaymentRoutes> self(this);
    fetchFromStore<Cart>(
        m_context, QStringLiteral("carts/") + record.cartId, record.attempt.storeKey,
        QStringLiteral("There is no such cart in this store."), responder,
        [this, self, record, responder](const Cart& cart, const QJsonObject&) {
            if (!self)
                return;
            const QString key = record.idempotencyKey;
            if (cart.totalPrice.currencyCode() != record.attempt.amount.currencyCode()) {
                idempotent::failFinally(
                    m_context, key, responder,
                    ApiError::invalidInput(QStringLiteral("The cart is in %1, not %2.")
                                               .arg(cart.totalPrice.currencyCode(),
                                                    record.attempt.amount.currencyCode())));
                return;
            }
            m_storage.run(
                Lane::Write, this,
                [record, total = cart.totalPrice](Stores& stores) -> StorageResult<Recorded> {
                    return recordAttempt(stores, record, total);
                },
                [this, key, responder](const StorageResult<Recorded>& recorded) {
                    if (!recorded) {
                        responder->error(storageFailure(recorded.error()));
                        return;
                    }
                    if (recorded->attempt) {
                        m_coordinator.advance(*recorded->attempt, answerWith(responder, 202, 201));
                        return;
                    }
                    const Money& open = *recorded->refusedOpenBalance;
                    idempotent::failFinally(
                        m_context, key, responder,
                        ApiError::invalidInput(
                            open.isZero() || open.isNegative()
                                ? QStringLiteral("Nothing is left to pay on this cart.")
                                : QStringLiteral("The amount is more than the open balance."),
                            {{QStringLiteral("openBalance"), open.toJson()}}));
                });
        });
}

void PaymentRoutes::listCartPayments(const ApiRequest& request, const Responder& responder)
{
    if (!m_context.admitStore(request, responder))
        return;
    const QString storeKey = request.argument(QStringLiteral("storeKey"));
    const QString cartId = request.argument(QStringLiteral("cartId"));
    if (!isResourceId(cartId)) {
        responder->error(ApiError::invalidInput(QStringLiteral("That is not a cart id.")));
        return;
    }
    QPointer<PaymentRoutes> self(this);
    // The cart is read first: it fences the store and gives the total the balance is taken from.
    fetchFromStore<Cart>(
        m_context, QStringLiteral("carts/") + cartId, storeKey,
        QStringLiteral("There is no such cart in this store."), responder,
        [this, self, cartId, responder](const Cart& cart, const QJsonObject&) {
            if (!self)
                return;
            m_storage.run(
                Lane::Read, this,
                [cartId](Stores& stores) { return stores.attempts.forCart(cartId); },
                [cartId, cart,
                 responder](const StorageResult<QList<PaymentAttemptRecord>>& attempts) {
                    answerBalance(cartId, cart, attempts, responder);
                });
        });
}

void PaymentRoutes::admitPayment(const ApiRequest& request, const Responder& responder,
                                 std::function<void(const PaymentAttemptRecord&)> admitted)
{
    const QString paymentId = request.argument(QStringLiteral("paymentId"));
    const ApiError unknown = ApiError::notFound(QStringLiteral("There is no such payment."));
    if (!isResourceId(paymentId)) {
        responder->error(unknown);
        return;
    }
    m_storage.run(
        Lane::Read, this,
        [paymentId](Stores& stores) { return stores.attempts.findByPaymentId(paymentId); },
        [caller = *request.caller, unknown, responder,
         admitted = std::move(admitted)](const StorageResult<PaymentAttemptRecord>& record) {
            if (!record) {
                if (record.error().kind == StorageError::Kind::NotFound)
                    responder->error(unknown);
                else
                    responder->error(storageFailure(record.error()));
                return;
            }
            // Another store's payment does not exist as far as this caller can tell.
            if (!caller.mayUseStore(record->attempt.storeKey)) {
                responder->error(unknown);
                return;
            }
            admitted(*record);
        });
}

void PaymentRoutes::getPayment(const ApiRequest& request, const Responder& responder)
{
    int waitSeconds = 0;
    if (request.query.hasQueryItem(QStringLiteral("waitSeconds"))) {
        bool ok = false;
        waitSeconds = request.query.queryItemValue(QStringLiteral("waitSeconds")).toInt(&ok);
        if (!ok || waitSeconds < 0 || waitSeconds > MaxWaitSeconds) {
            responder->error(ApiError::invalidInput(
                QStringLiteral("waitSeconds is a number from 0 to %1.").arg(MaxWaitSeconds)));
            return;
        }
    }
    admitPayment(request, responder,
                 [this, waitSeconds, responder](const PaymentAttemptRecord& record) {
                     m_coordinator.refreshIfOverdue(record);
                     if (record.isFinal() || waitSeconds == 0) {
                         answer(record, responder, 200, 200);
                         return;
                     }
                     answerWhenChanged(record, waitSeconds, responder);
                 });
}

void PaymentRoutes::answerWhenChanged(const PaymentAttemptRecord& record, int waitSeconds,
                                      const Responder& responder)
{
    // Woken at once by this instance's outcomes (the coordinator's changed()), by a re-read every
    // otherInstancePoll for outcomes another instance applies, and by the deadline.
    auto* waiter = new QObject(this);
    auto* poll = new QTimer(waiter);
    auto* deadline = new QTimer(waiter);
    deadline->setSingleShot(true);
    const QString key = record.attempt.paymentKey;
    // Stops the waiter at once: its timers and signal may still fire before deleteLater() runs,
    // while answer() waits for commercetools.
    const auto finish = [this, waiter, poll, deadline] {
        poll->stop();
        deadline->stop();
        QObject::disconnect(&m_coordinator, nullptr, waiter, nullptr);
        waiter->deleteLater();
    };
    const auto check = [this, waiter, finish, key, responder,
                        before = record.state](bool timedOut) {
        if (responder->answered())
            return;
        m_storage.run(
            Lane::Read, waiter, [key](Stores& stores) { return stores.attempts.find(key); },
            [this, finish, responder, before,
             timedOut](const StorageResult<PaymentAttemptRecord>& current) {
                if (responder->answered())
                    return;
                if (!current) {
                    finish();
                    responder->error(storageFailure(current.error()));
                    return;
                }
                if (current->state == before && !timedOut) {
                    m_coordinator.refreshIfOverdue(*current);
                    return;
                }
                finish();
                answer(*current, responder, 200, 200);
            });
    };
    connect(&m_coordinator, &PaymentCoordinator::changed, waiter,
            [check, key](const QString& changed) {
                if (changed == key)
                    check(false);
            });
    connect(poll, &QTimer::timeout, waiter, [check] { check(false); });
    connect(deadline, &QTimer::timeout, waiter, [check] { check(true); });
    poll->start(otherInstancePoll);
    deadline->start(std::chrono::seconds(waitSeconds));
}

void PaymentRoutes::cancelPayment(const ApiRequest& request, const Responder& responder)
{
    admitPayment(request, responder, [this, responder](const PaymentAttemptRecord& record) {
        m_coordinator.cancel(record, answerWith(responder, 200, 200));
    });
}

void PaymentRoutes::providerCallback(const ApiRequest& request, const Responder& responder)
{
    HttpExtensionProvider* provider =
        m_providers.httpProvider(request.argument(QStringLiteral("storeKey")),
                                 request.argument(QStringLiteral("terminalId")));
    if (!provider) {
        responder->error(ApiError::notFound(QStringLiteral("There is no such payment terminal.")));
        return;
    }
    // A final state is applied through the provider's outcome() signal; a repeat changes nothing.
    const std::optional<ProviderStatus> status =
        provider->acceptCallback(request.body, request.signature);
    if (!status) {
        responder->error(
            ApiError::unauthenticated(QStringLiteral("The callback's signature is not valid.")));
        return;
    }
    responder->json(200, QJsonObject{{QStringLiteral("received"), true}});
}

} // namespace storedesk::server
