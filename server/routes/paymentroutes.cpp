#include "paymentroutes.h"

#include "base/logging.h"
#include "domain/cart.h"
#include "idempotentrequest.h"
#include "payments/httpextensionprovider.h"
#include "payments/paymentcoordinator.h"
#include "payments/providerregistry.h"
#include "servicecontext.h"

#include <QJsonArray>
#include <QPointer>
#include <QTimer>

namespace storedesk::server {

namespace {

using State = PaymentAttemptRecord::State;

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

} // namespace

PaymentRoutes::PaymentRoutes(const ServiceContext& context, PaymentAttemptStore& attempts,
                             IdempotencyStore& idempotency, PaymentCoordinator& coordinator,
                             ProviderRegistry& providers, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_attempts(attempts)
    , m_idempotency(idempotency)
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
    const std::optional<IdempotencyStore::Claim> claim =
        idempotent::claim(m_idempotency, request, responder, QStringLiteral("payment"), canonical);
    if (!claim)
        return;
    const QString key = claim->record.key;

    if (claim->kind == IdempotencyStore::Claim::Kind::Existing) {
        StorageResult<PaymentAttemptRecord> existing = m_attempts.findByIdempotencyKey(key);
        if (existing) {
            m_coordinator.advance(*existing, answerWith(responder, 202, 201));
            return;
        }
        if (claim->record.hasResponse()) {
            responder->replay(claim->record.responseStatus, claim->record.responseBody);
            return;
        }
        // Claimed, but no attempt yet: either the first request is still reading the cart, or
        // it died before recording anything (then nothing happened and we may go on).
        if (claim->record.createdAt.secsTo(QDateTime::currentDateTimeUtc()) < 30) {
            responder->error(ApiError::conflict(
                QStringLiteral("This payment is still being set up; ask again in a moment.")));
            return;
        }
    }

    PaymentAttemptRecord record;
    record.idempotencyKey = key;
    record.cartId = cartId;
    record.provider = kind;
    record.username = caller.username;
    PaymentAttempt& attempt = record.attempt;
    attempt.paymentKey = QStringLiteral("storedesk-") + key;
    attempt.amount = *amount;
    attempt.tender = tender;
    attempt.terminalId = kind == ProviderRegistry::cashKind || !workstation->terminal
                             ? QString()
                             : workstation->terminal->id;
    attempt.storeKey = storeKey;
    attempt.workstationId = caller.workstationId;
    attempt.correlationId = responder->correlationId();
    attempt.cashTendered = cashTendered;
    createAttempt(record, request, responder);
}

void PaymentRoutes::createAttempt(PaymentAttemptRecord record, const ApiRequest& request,
                                  const Responder& responder)
{
    Q_UNUSED(request)
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
                    m_idempotency, key, responder,
                    ApiError::invalidInput(QStringLiteral("The cart is in %1, not %2.")
                                               .arg(cart.totalPrice.currencyCode(),
                                                    record.attempt.amount.currencyCode())));
                return;
            }
            StorageResult<PaymentAttemptStore::Insertion> inserted =
                m_attempts.insert(record, cart.totalPrice);
            if (!inserted) {
                qCWarning(lcServerDb).noquote()
                    << "cannot record a payment attempt:" << inserted.error().message;
                responder->error(ApiError::internal());
                return;
            }
            if (!inserted->inserted) {
                const Money& open = inserted->openBalance;
                idempotent::failFinally(
                    m_idempotency, key, responder,
                    ApiError::invalidInput(
                        open.isZero() || open.isNegative()
                            ? QStringLiteral("Nothing is left to pay on this cart.")
                            : QStringLiteral("The amount is more than the open balance."),
                        {{QStringLiteral("openBalance"), open.toJson()}}));
                return;
            }
            StorageResult<PaymentAttemptRecord> stored = m_attempts.find(record.attempt.paymentKey);
            if (!stored) {
                responder->error(ApiError::internal());
                return;
            }
            if (auto attached = m_idempotency.attachResource(key, record.attempt.paymentKey);
                !attached)
                qCWarning(lcServerDb).noquote() << attached.error().message;
            m_coordinator.advance(*stored, answerWith(responder, 202, 201));
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
            StorageResult<QList<PaymentAttemptRecord>> attempts = m_attempts.forCart(cartId);
            if (!attempts) {
                qCWarning(lcServerDb).noquote() << attempts.error().message;
                responder->error(ApiError::internal());
                return;
            }
            const Money zero = Money::zero(*cart.totalPrice.currency());
            Money paid = zero;
            Money pending = zero;
            QJsonArray views;
            for (const PaymentAttemptRecord& record : *attempts) {
                views.append(view(record));
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
        });
}

std::optional<PaymentAttemptRecord> PaymentRoutes::admitPayment(const ApiRequest& request,
                                                                const Responder& responder) const
{
    const QString paymentId = request.argument(QStringLiteral("paymentId"));
    const ApiError unknown = ApiError::notFound(QStringLiteral("There is no such payment."));
    if (!isResourceId(paymentId)) {
        responder->error(unknown);
        return std::nullopt;
    }
    StorageResult<PaymentAttemptRecord> record = m_attempts.findByPaymentId(paymentId);
    if (!record) {
        if (record.error().kind == StorageError::Kind::NotFound)
            responder->error(unknown);
        else
            responder->error(ApiError::internal());
        return std::nullopt;
    }
    // Another store's payment does not exist as far as this caller can tell.
    if (!request.caller->mayUseStore(record->attempt.storeKey)) {
        responder->error(unknown);
        return std::nullopt;
    }
    return *record;
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
    const std::optional<PaymentAttemptRecord> record = admitPayment(request, responder);
    if (!record)
        return;
    m_coordinator.refreshIfOverdue(*record);
    if (record->isFinal() || waitSeconds == 0) {
        answer(*record, responder, 200, 200);
        return;
    }
    answerWhenChanged(*record, waitSeconds, responder);
}

void PaymentRoutes::answerWhenChanged(const PaymentAttemptRecord& record, int waitSeconds,
                                      const Responder& responder)
{
    // Woken by this instance's outcomes at once, and by a re-read every second for those another
    // instance (sharing the database) applies.
    auto* waiter = new QObject(this);
    auto* poll = new QTimer(waiter);
    const QString key = record.attempt.paymentKey;
    const QDateTime deadline = QDateTime::currentDateTimeUtc().addSecs(waitSeconds);
    // Stops the waiter at once: its timer and signal may still fire before deleteLater() runs,
    // while answer() waits for commercetools.
    const auto finish = [this, waiter, poll] {
        poll->stop();
        QObject::disconnect(&m_coordinator, nullptr, waiter, nullptr);
        waiter->deleteLater();
    };
    const auto check = [this, finish, key, deadline, responder, before = record.state]() {
        if (responder->answered())
            return;
        StorageResult<PaymentAttemptRecord> current = m_attempts.find(key);
        if (!current) {
            finish();
            responder->error(ApiError::internal());
            return;
        }
        if (current->state == before && QDateTime::currentDateTimeUtc() < deadline) {
            m_coordinator.refreshIfOverdue(*current);
            return;
        }
        finish();
        answer(*current, responder, 200, 200);
    };
    connect(&m_coordinator, &PaymentCoordinator::changed, waiter,
            [check, key](const QString& changed) {
                if (changed == key)
                    check();
            });
    connect(poll, &QTimer::timeout, waiter, check);
    poll->start(std::chrono::seconds(1));
}

void PaymentRoutes::cancelPayment(const ApiRequest& request, const Responder& responder)
{
    const std::optional<PaymentAttemptRecord> record = admitPayment(request, responder);
    if (!record)
        return;
    m_coordinator.cancel(*record, answerWith(responder, 200, 200));
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
