#include "attemptroutes.h"

#include "base/logging.h"
#include "idempotentrequest.h"
#include "paymentroutes.h"
#include "serviceanswer.h"
#include "servicecontext.h"
#include "storage/idempotencystore.h"
#include "storage/paymentattemptstore.h"
#include "storage/storageexecutor.h"

#include <QJsonDocument>
#include <QUuid>

namespace storedesk::server {
namespace {

constexpr int AskAgainSeconds = 2;
constexpr qsizetype MaxTextLength = 64;

const QString paymentScope = QStringLiteral("payment");
const QString unresolvedScope = QStringLiteral("unresolved-payment");

ApiError attemptUnknown()
{
    return {404,
            QStringLiteral("attempt_unknown"),
            QStringLiteral("This server never saw a payment attempt with that key at this "
                           "workstation."),
            {}};
}

// Admits the caller for its own workstation only; false after answering.
bool admitOwnWorkstation(const ServiceContext& context, const ApiRequest& request,
                         const Responder& responder)
{
    if (!context.admitWorkstation(request, responder))
        return false;
    if (request.argument(QStringLiteral("workstationId")) != request.caller->workstationId) {
        responder->error(ApiError::forbidden(
            QStringLiteral("A workstation can only ask about its own payment attempts.")));
        return false;
    }
    return true;
}

// The same, and the {idempotencyKey} argument normalized, or nothing after answering.
std::optional<QString> admit(const ServiceContext& context, const ApiRequest& request,
                             const Responder& responder)
{
    if (!admitOwnWorkstation(context, request, responder))
        return std::nullopt;
    const QString normalized = request.argument(QStringLiteral("idempotencyKey")).toLower();
    if (!IdempotencyStore::isValidKey(normalized)) {
        responder->error(
            ApiError::invalidInput(QStringLiteral("The idempotencyKey must be a UUID.")));
        return std::nullopt;
    }
    return normalized;
}

// What the database knows about a key, read in one job.
struct KeyState {
    std::optional<PaymentAttemptRecord> attempt;
    std::optional<IdempotencyRecord> claim;
    bool claimantAlive = false;
};

StorageResult<KeyState> readKeyState(Stores& stores, const QString& key)
{
    KeyState state;
    StorageResult<PaymentAttemptRecord> attempt = stores.attempts.findByIdempotencyKey(key);
    if (attempt) {
        state.attempt = *attempt;
        return state;
    }
    if (attempt.error().kind != StorageError::Kind::NotFound)
        return attempt.error();
    StorageResult<IdempotencyRecord> claim = stores.idempotency.find(key);
    if (!claim) {
        if (claim.error().kind != StorageError::Kind::NotFound)
            return claim.error();
        return state;
    }
    state.claim = *claim;
    if (!claim->hasResponse()) {
        StorageResult<bool> alive = stores.instances.isAlive(claim->instanceId);
        if (!alive)
            return alive.error();
        state.claimantAlive = *alive;
    }
    return state;
}

void answerAttempt(const KeyState& state, const QString& storeKey, const QString& workstationId,
                   const Responder& responder)
{
    if (state.attempt) {
        if (state.attempt->attempt.storeKey == storeKey &&
            state.attempt->attempt.workstationId == workstationId)
            responder->json(200, PaymentRoutes::view(*state.attempt));
        else
            responder->error(attemptUnknown()); // another workstation's: not this caller's
        return;
    }
    // The claim names the store, not the workstation: a refusal or a request in progress is all
    // it can tell, and neither moved money.
    if (!state.claim || state.claim->scope != paymentScope ||
        state.claim->storeKey.toString() != storeKey) {
        responder->error(attemptUnknown());
        return;
    }
    if (state.claim->hasResponse()) {
        responder->replay(state.claim->responseStatus, state.claim->responseBody);
        return;
    }
    // Claimed by an instance that died before recording an attempt: nothing moved (the payment
    // route and the start-up settlement treat it the same way).
    if (!state.claimantAlive) {
        responder->error(attemptUnknown());
        return;
    }
    responder->error({409,
                      QStringLiteral("attempt_in_progress"),
                      QStringLiteral("This payment is still being set up; ask again in a moment."),
                      {},
                      AskAgainSeconds});
}

void lookUpAttempt(const ServiceContext& context, const ApiRequest& request,
                   const Responder& responder)
{
    const std::optional<QString> key = admit(context, request, responder);
    if (!key)
        return;
    context.storage->run(
        StorageExecutor::Lane::Read, context.storage,
        [key = *key](Stores& stores) { return readKeyState(stores, key); },
        [responder, storeKey = request.argument(QStringLiteral("storeKey")),
         workstationId = request.caller->workstationId](const StorageResult<KeyState>& state) {
            if (!state) {
                responder->error(storageFailure(state.error()));
                return;
            }
            answerAttempt(*state, storeKey, workstationId, responder);
        });
}

struct UnresolvedReport {
    QString key;
    QJsonObject details;
    Money amount;
};

std::optional<UnresolvedReport> readReport(const QByteArray& body, QString* problem)
{
    const Expected<QJsonObject> object = json::parseObject(body);
    if (!object) {
        *problem = object.error().toString();
        return std::nullopt;
    }
    const auto text = [&](const QString& field, bool required) -> std::optional<QString> {
        const QJsonValue value = object->value(field);
        if (value.isUndefined() && !required)
            return QString();
        if (!value.isString() || value.toString().isEmpty() ||
            value.toString().size() > MaxTextLength) {
            *problem = QStringLiteral("%1 must be a string of 1 to %2 characters.")
                           .arg(field)
                           .arg(MaxTextLength);
            return std::nullopt;
        }
        return value.toString();
    };
    UnresolvedReport report;
    const std::optional<QString> key = text(QStringLiteral("idempotencyKey"), true);
    if (!key)
        return std::nullopt;
    report.key = key->toLower();
    if (!IdempotencyStore::isValidKey(report.key)) {
        *problem = QStringLiteral("idempotencyKey must be a UUID.");
        return std::nullopt;
    }
    QJsonObject details{{QStringLiteral("idempotencyKey"), report.key}};
    for (const auto& [field, required] :
         {std::pair{QStringLiteral("cartId"), true}, std::pair{QStringLiteral("tender"), true},
          std::pair{QStringLiteral("reason"), true}, std::pair{QStringLiteral("paymentId"), false},
          std::pair{QStringLiteral("startedAt"), true}}) {
        const std::optional<QString> value = text(field, required);
        if (!value)
            return std::nullopt;
        if (!value->isEmpty())
            details.insert(field, *value);
    }
    if (!isResourceId(details.value(QStringLiteral("cartId")).toString())) {
        *problem = QStringLiteral("cartId is not a cart id.");
        return std::nullopt;
    }
    if (!QDateTime::fromString(details.value(QStringLiteral("startedAt")).toString(),
                               Qt::ISODateWithMs)
             .isValid()) {
        *problem = QStringLiteral("startedAt must be a date and time in RFC 3339.");
        return std::nullopt;
    }
    const Expected<Money> amount =
        Money::fromJson(object->value(QStringLiteral("amount")).toObject());
    if (!amount || amount->isNegative() || amount->isHighPrecision()) {
        *problem = QStringLiteral("amount must be a Money object {centAmount, currencyCode}.");
        return std::nullopt;
    }
    report.amount = *amount;
    report.details = details;
    return report;
}

// The storage work of the report, in one place: once per attempt key, whoever reports it.
void recordUnresolved(const ServiceContext& context, const UnresolvedReport& report,
                      const ApiRequest& request, const Responder& responder)
{
    const Caller& caller = *request.caller;
    const QString storeKey = request.argument(QStringLiteral("storeKey"));
    // The attempt's own key may already be claimed as a payment: the report's record has a key
    // of its own, derived from it.
    static const QUuid reportNamespace(QStringLiteral("6f1d4c1e-5a43-4f8e-9d0b-2c4b1e7d9a31"));
    const QString claimKey =
        QUuid::createUuidV5(reportNamespace, report.key).toString(QUuid::WithoutBraces).toLower();
    const QJsonObject canonical{{QStringLiteral("storeKey"), storeKey},
                                {QStringLiteral("workstationId"), caller.workstationId},
                                {QStringLiteral("idempotencyKey"), report.key}};
    const Expected<StoreKey> store = StoreKey::parse(storeKey);
    const QJsonObject answer{{QStringLiteral("idempotencyKey"), report.key},
                             {QStringLiteral("recorded"), true}};
    context.storage->run(
        StorageExecutor::Lane::Write, context.storage,
        [claimKey, hash = idempotent::requestHash(canonical),
         owner = QStringLiteral("workstation:") + caller.workstationId,
         store = store ? *store : StoreKey(),
         answer](Stores& stores) -> StorageResult<IdempotencyStore::Claim> {
            StorageResult<IdempotencyStore::Claim> claim =
                stores.idempotency.claim(claimKey, unresolvedScope, hash, owner, store);
            if (claim && claim->kind == IdempotencyStore::Claim::Kind::New) {
                if (const StorageResult<void> completed = stores.idempotency.complete(
                        claimKey, 201, QJsonDocument(answer).toJson(QJsonDocument::Compact));
                    !completed)
                    qCWarning(lcServerDb).noquote() << completed.error().message;
            }
            return claim;
        },
        [&context, report, caller, storeKey, answer,
         responder](const StorageResult<IdempotencyStore::Claim>& claim) {
            if (!claim) {
                responder->error(storageFailure(claim.error()));
                return;
            }
            if (claim->kind == IdempotencyStore::Claim::Kind::Existing) {
                responder->json(200, answer);
                return;
            }
            context.record(QStringLiteral("payment.unresolved"), caller.username, storeKey,
                           caller.workstationId, responder->correlationId(), report.details,
                           report.amount);
            responder->json(201, answer);
        });
}

void reportUnresolved(const ServiceContext& context, const ApiRequest& request,
                      const Responder& responder)
{
    if (!admitOwnWorkstation(context, request, responder))
        return;
    QString problem;
    const std::optional<UnresolvedReport> report = readReport(request.body, &problem);
    if (!report) {
        responder->error(ApiError::invalidInput(problem));
        return;
    }
    recordUnresolved(context, *report, request, responder);
}

void checkedUnresolved(const ServiceContext& context, const ApiRequest& request,
                       const Responder& responder)
{
    const std::optional<QString> key = admit(context, request, responder);
    if (!key)
        return;
    context.record(QStringLiteral("payment.unresolved.checked"), request.caller->username,
                   request.argument(QStringLiteral("storeKey")), request.caller->workstationId,
                   responder->correlationId(), {{QStringLiteral("idempotencyKey"), *key}});
    responder->noContent();
}

} // namespace

void registerAttemptRoutes(Router& router, const ServiceContext& context)
{
    const QString workstation = QStringLiteral("/stores/{storeKey}/workstations/{workstationId}");
    router.add("GET", workstation + QStringLiteral("/payment-attempts/{idempotencyKey}"),
               Router::Access::User,
               [&context](const ApiRequest& request, const Responder& responder) {
                   lookUpAttempt(context, request, responder);
               });
    router.add("POST", workstation + QStringLiteral("/unresolved-payments"), Router::Access::User,
               [&context](const ApiRequest& request, const Responder& responder) {
                   reportUnresolved(context, request, responder);
               });
    router.add(
        "POST", workstation + QStringLiteral("/unresolved-payments/{idempotencyKey}/checked"),
        Router::Access::Manager, [&context](const ApiRequest& request, const Responder& responder) {
            checkedUnresolved(context, request, responder);
        });
}

} // namespace storedesk::server
