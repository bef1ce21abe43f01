#include "attemptroutes.h"

#include "base/logging.h"
#include "idempotentrequest.h"
#include "paymentroutes.h"
#include "servicecontext.h"
#include "storage/idempotencystore.h"
#include "storage/paymentattemptstore.h"

#include <QJsonDocument>
#include <QUuid>

namespace storedesk::server {
namespace {

// A claim with no attempt and no answer older than this was cut short by a crash: nothing moved
// (the payment route treats it the same way).
constexpr qint64 ClaimSettlesAfterSeconds = 30;
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

// The storage work of the lookup, in one place.
void answerAttempt(PaymentAttemptStore& attempts, IdempotencyStore& idempotency, const QString& key,
                   const QString& storeKey, const QString& workstationId,
                   const Responder& responder)
{
    const StorageResult<PaymentAttemptRecord> attempt = attempts.findByIdempotencyKey(key);
    if (attempt) {
        if (attempt->attempt.storeKey == storeKey &&
            attempt->attempt.workstationId == workstationId)
            responder->json(200, PaymentRoutes::view(*attempt));
        else
            responder->error(attemptUnknown()); // another workstation's: not this caller's
        return;
    }
    if (attempt.error().kind != StorageError::Kind::NotFound) {
        qCWarning(lcServerDb).noquote() << attempt.error().message;
        responder->error(ApiError::internal());
        return;
    }
    const StorageResult<IdempotencyRecord> claim = idempotency.find(key);
    if (!claim) {
        if (claim.error().kind != StorageError::Kind::NotFound) {
            qCWarning(lcServerDb).noquote() << claim.error().message;
            responder->error(ApiError::internal());
            return;
        }
        responder->error(attemptUnknown());
        return;
    }
    // The claim names the store, not the workstation: a refusal or a request in progress is all
    // it can tell, and neither moved money.
    if (claim->scope != paymentScope || claim->storeKey.toString() != storeKey) {
        responder->error(attemptUnknown());
        return;
    }
    if (claim->hasResponse()) {
        responder->replay(claim->responseStatus, claim->responseBody);
        return;
    }
    if (claim->createdAt.secsTo(QDateTime::currentDateTimeUtc()) >= ClaimSettlesAfterSeconds) {
        responder->error(attemptUnknown());
        return;
    }
    responder->error({409, QStringLiteral("attempt_in_progress"),
                      QStringLiteral("This payment is still being set up; ask again in a moment."),
                      {}, AskAgainSeconds});
}

void lookUpAttempt(const ServiceContext& context, PaymentAttemptStore& attempts,
                   IdempotencyStore& idempotency, const ApiRequest& request,
                   const Responder& responder)
{
    const std::optional<QString> key = admit(context, request, responder);
    if (!key)
        return;
    answerAttempt(attempts, idempotency, *key, request.argument(QStringLiteral("storeKey")),
                  request.caller->workstationId, responder);
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
void recordUnresolved(const ServiceContext& context, IdempotencyStore& idempotency,
                      const UnresolvedReport& report, const ApiRequest& request,
                      const Responder& responder)
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
    const StorageResult<IdempotencyStore::Claim> claim = idempotency.claim(
        claimKey, unresolvedScope, idempotent::requestHash(canonical),
        QStringLiteral("workstation:") + caller.workstationId, store ? *store : StoreKey());
    if (!claim) {
        qCWarning(lcServerDb).noquote() << claim.error().message;
        responder->error(ApiError::internal());
        return;
    }
    if (claim->kind == IdempotencyStore::Claim::Kind::Existing && claim->record.hasResponse()) {
        responder->replay(200, claim->record.responseBody);
        return;
    }
    context.record(QStringLiteral("payment.unresolved"), caller.username, storeKey,
                   caller.workstationId, responder->correlationId(), report.details, report.amount);
    const QJsonObject answer{{QStringLiteral("idempotencyKey"), report.key},
                             {QStringLiteral("recorded"), true}};
    if (const StorageResult<void> completed = idempotency.complete(
            claimKey, 201, QJsonDocument(answer).toJson(QJsonDocument::Compact));
        !completed)
        qCWarning(lcServerDb).noquote() << completed.error().message;
    responder->json(201, answer);
}

void reportUnresolved(const ServiceContext& context, IdempotencyStore& idempotency,
                      const ApiRequest& request, const Responder& responder)
{
    if (!admitOwnWorkstation(context, request, responder))
        return;
    QString problem;
    const std::optional<UnresolvedReport> report = readReport(request.body, &problem);
    if (!report) {
        responder->error(ApiError::invalidInput(problem));
        return;
    }
    recordUnresolved(context, idempotency, *report, request, responder);
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

void registerAttemptRoutes(Router& router, const ServiceContext& context,
                           PaymentAttemptStore& attempts, IdempotencyStore& idempotency)
{
    const QString workstation = QStringLiteral("/stores/{storeKey}/workstations/{workstationId}");
    router.add(
        "GET", workstation + QStringLiteral("/payment-attempts/{idempotencyKey}"),
        Router::Access::User,
        [&context, &attempts, &idempotency](const ApiRequest& request, const Responder& responder) {
            lookUpAttempt(context, attempts, idempotency, request, responder);
        });
    router.add("POST", workstation + QStringLiteral("/unresolved-payments"), Router::Access::User,
               [&context, &idempotency](const ApiRequest& request, const Responder& responder) {
                   reportUnresolved(context, idempotency, request, responder);
               });
    router.add(
        "POST", workstation + QStringLiteral("/unresolved-payments/{idempotencyKey}/checked"),
        Router::Access::Manager, [&context](const ApiRequest& request, const Responder& responder) {
            checkedUnresolved(context, request, responder);
        });
}

} // namespace storedesk::server
