#include "paymentroutes.h"

#include "base/logging.h"
#include "http/jsonbytes.h"
#include "idempotentrequest.h"
#include "payments/httpextensionprovider.h"
#include "payments/paymentcoordinator.h"
#include "payments/paymentservice.h"
#include "payments/providerregistry.h"
#include "serviceanswer.h"
#include "servicecontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace storedesk::server {

namespace {

// A long-poll is woken at once by this instance's changes (PaymentCoordinator::changed); an
// outcome another instance sharing the database records is seen by a re-read this often.
constexpr std::chrono::seconds otherInstancePoll{5};

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

// GET …/payments: the cart's balance, its attempts and the cart as read (so the app opening a
// cart needs no other request, and commercetools is asked once). The cart goes in as
// commercetools' bytes: a 200-line cart is not parsed and written out again. The members are
// appended in the order a QJsonObject would write them, the cart last.
QByteArray balanceBody(const QString& cartId, const PaymentService::Balance& balance)
{
    QJsonArray views;
    for (const PaymentAttemptRecord& record : balance.attempts)
        views.append(PaymentRoutes::view(record));
    const OpenBalance& money = balance.balance;
    QByteArray body;
    body.reserve(balance.cart.size() + 400 + 600 * balance.attempts.size());
    // cartId passed isResourceId(): nothing in it needs escaping.
    body.append("{\"cartId\":\"").append(cartId.toLatin1()).append("\",\"openBalance\":");
    appendMoney(body, money.open());
    body.append(",\"paid\":");
    appendMoney(body, money.paid());
    body.append(",\"payments\":").append(QJsonDocument(views).toJson(QJsonDocument::Compact));
    body.append(",\"pending\":");
    appendMoney(body, money.pending());
    body.append(",\"total\":");
    appendMoney(body, money.total());
    body.append(",\"cart\":").append(balance.cart).append('}');
    return body;
}

} // namespace

PaymentRoutes::PaymentRoutes(const ServiceContext& context, PaymentService& payments,
                             ProviderRegistry& providers, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_payments(payments)
    , m_coordinator(payments.coordinator())
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
    // The state is ours and known; the commercetools copy is added when there is one.
    m_coordinator.paymentOf(record, [responder, body = view(record),
                                     status = stateStatus(record, pendingStatus, finalStatus)](
                                        const QJsonObject& payment) mutable {
        if (!payment.isEmpty())
            body.insert(QStringLiteral("payment"), payment);
        responder->json(status, body);
    });
}

std::function<void(const Expected<PaymentAttemptRecord, ServiceFailure>&)>
PaymentRoutes::answerWith(const Responder& responder, int pendingStatus, int finalStatus)
{
    return [self = QPointer<PaymentRoutes>(this), responder, pendingStatus,
            finalStatus](const Expected<PaymentAttemptRecord, ServiceFailure>& record) {
        if (!self)
            return;
        if (!record)
            responder->error(answerFor(record.error()));
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
    // Cash is taken only into an open till; card too where the store says so (docs/TILL.md).
    const StoreConfig* store = m_context.config->store(storeKey);
    const bool needsOpenTill =
        kind == ProviderRegistry::cashKind || (store && store->till.cardNeedsOpenTill);
    idempotent::claim(
        m_context, this, request, responder, QStringLiteral("payment"), canonical,
        [this, record, needsOpenTill, responder](const IdempotencyStore::Claim& claim) mutable {
            record.idempotencyKey = claim.record.key;
            record.attempt.paymentKey = QStringLiteral("storedesk-") + claim.record.key;
            QPointer<PaymentRoutes> self(this);
            m_payments.start(claim, record, needsOpenTill,
                             [this, self, key = claim.record.key,
                              responder](const PaymentService::Started& started) {
                                 if (!self)
                                     return;
                                 switch (started.kind) {
                                 case PaymentService::Started::Kind::Attempt:
                                     answer(started.attempt, responder, 202, 201);
                                     return;
                                 case PaymentService::Started::Kind::Replay:
                                     responder->replay(started.claim.responseStatus,
                                                       started.claim.responseBody);
                                     return;
                                 case PaymentService::Started::Kind::Refused:
                                     idempotent::failFinally(m_context, key, responder,
                                                             answerFor(started.error));
                                     return;
                                 case PaymentService::Started::Kind::Failed:
                                     responder->error(answerFor(started.error));
                                     return;
                                 }
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
    m_payments.balance(
        storeKey, cartId, responder->correlationId(),
        [cartId, responder](const Expected<PaymentService::Balance, ServiceFailure>& balance) {
            if (!balance)
                responder->error(answerFor(balance.error()));
            else
                responder->jsonBytes(200, balanceBody(cartId, *balance));
        });
}

void PaymentRoutes::admitPayment(const ApiRequest& request, const Responder& responder,
                                 std::function<void(const PaymentAttemptRecord&)> admitted)
{
    const QString paymentId = request.argument(QStringLiteral("paymentId"));
    if (!isResourceId(paymentId)) {
        responder->error(ApiError::notFound(QStringLiteral("There is no such payment.")));
        return;
    }
    m_payments.find(
        paymentId,
        [caller = *request.caller](const QString& storeKey) {
            return caller.mayUseStore(storeKey);
        },
        [responder, admitted = std::move(admitted)](
            const Expected<PaymentAttemptRecord, ServiceFailure>& record) {
            if (!record)
                responder->error(answerFor(record.error()));
            else
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
        m_payments.reread(key, waiter,
                          [this, finish, responder, before, timedOut](
                              const Expected<PaymentAttemptRecord, ServiceFailure>& current) {
                              if (responder->answered())
                                  return;
                              if (!current) {
                                  finish();
                                  responder->error(answerFor(current.error()));
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
