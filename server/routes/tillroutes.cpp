#include "tillroutes.h"

#include "base/logging.h"
#include "idempotentrequest.h"
#include "serviceanswer.h"
#include "servicecontext.h"

#include <QJsonArray>

namespace storedesk::server {

namespace {

constexpr qsizetype maxNote = 200;
constexpr qsizetype maxReason = 200;
constexpr qsizetype maxBagNumber = 40;

const QString tillPath = QStringLiteral("/stores/{storeKey}/workstations/{workstationId}/till");

// The body as a JSON object, or answers 400.
std::optional<QJsonObject> bodyOf(const ApiRequest& request, const Responder& responder)
{
    const Expected<QJsonObject> body = json::parseObject(request.body);
    if (!body) {
        responder->error(ApiError::invalidInput(body.error().toString()));
        return std::nullopt;
    }
    return *body;
}

// A count by denomination (docs/TILL.md, "Counting"), or answers 400.
std::optional<TillCount> countOf(const QJsonObject& body, const QString& field,
                                 const Responder& responder)
{
    const QJsonValue value = body.value(field);
    if (!value.isObject()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("%1 must be a count by denomination {currency, lines: [{value, "
                           "count}]}.")
                .arg(field)));
        return std::nullopt;
    }
    const Expected<TillCount> count = TillCount::fromJson(value.toObject());
    if (!count) {
        responder->error(
            ApiError::invalidInput(QStringLiteral("%1: %2").arg(field, count.error().message)));
        return std::nullopt;
    }
    if (!count->total()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("%1: %2").arg(field, count->total().error().message)));
        return std::nullopt;
    }
    return *count;
}

// An optional approval {username, secret}; false after answering 400.
bool readApproval(const QJsonObject& body, TillService::Approval* approval,
                  const Responder& responder)
{
    if (!body.contains(QStringLiteral("approval")))
        return true;
    const QJsonObject object = body.value(QStringLiteral("approval")).toObject();
    approval->username = object.value(QStringLiteral("username")).toString();
    approval->secret = object.value(QStringLiteral("secret")).toString();
    if (approval->username.isEmpty() || approval->secret.isEmpty()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("An approval needs the manager's username and secret.")));
        return false;
    }
    return true;
}

// An optional text of at most max characters (trimmed); false after answering 400.
bool readText(const QJsonObject& body, const QString& field, qsizetype max, QString* text,
              const Responder& responder)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return true;
    *text = value.toString().trimmed();
    if (!value.isString() || text->size() > max) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("%1 is a text of at most %2 characters.").arg(field).arg(max)));
        return false;
    }
    return true;
}

// The answer of a service that failed, or the JSON it made.
void answer(const Responder& responder, const Expected<QJsonObject, ServiceFailure>& done,
            int status = 200)
{
    if (!done) {
        responder->error(answerFor(done.error()));
        return;
    }
    responder->json(status, *done);
}

// Claims the request's Idempotency-Key: a key answered before replays its answer; a new one runs
// `start(key, finish)`, and what the service hands `finish` becomes the key's final answer (201)
// or its error.
template <typename Start>
void claimAndRun(const ServiceContext& context, const QObject* receiver, const ApiRequest& request,
                 const Responder& responder, const QString& scope, const QJsonObject& canonical,
                 Start start)
{
    idempotent::claim(
        context, receiver, request, responder, scope, canonical,
        [context = &context, start = std::move(start),
         responder](const IdempotencyStore::Claim& claim) {
            if (claim.record.state == IdempotencyRecord::State::Completed) {
                responder->replay(claim.record.responseStatus, claim.record.responseBody);
                return;
            }
            start(claim.record.key, [context, key = claim.record.key, responder](const auto& done) {
                if (!done) {
                    responder->error(answerFor(done.error()));
                    return;
                }
                idempotent::answerFinally(*context, key, responder, 201, *done);
            });
        });
}

} // namespace

TillRoutes::TillRoutes(const ServiceContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_service(context.storage, context.config, this)
{
}

void TillRoutes::registerOn(Router& router)
{
    using Access = Router::Access;
    const auto handler = [this](void (TillRoutes::*route)(const ApiRequest&, const Responder&)) {
        return [this, route](const ApiRequest& request, const Responder& responder) {
            (this->*route)(request, responder);
        };
    };
    router.add("GET", tillPath, Access::User, handler(&TillRoutes::status));
    router.add("POST", tillPath + QStringLiteral("/open"), Access::User,
               handler(&TillRoutes::open));
    router.add("POST", tillPath + QStringLiteral("/movements"), Access::User,
               handler(&TillRoutes::movement));
    router.add("GET", tillPath + QStringLiteral("/x-report"), Access::User,
               handler(&TillRoutes::xReport));
    router.add("POST", tillPath + QStringLiteral("/close"), Access::User,
               handler(&TillRoutes::close));
    router.add("PUT", tillPath + QStringLiteral("/expected-float"), Access::Manager,
               handler(&TillRoutes::expectedFloat));
    router.add("GET", QStringLiteral("/stores/{storeKey}/till-sessions"), Access::Manager,
               handler(&TillRoutes::sessions));
    router.add("GET", QStringLiteral("/stores/{storeKey}/till-sessions/{sessionId}/z-report"),
               Access::User, handler(&TillRoutes::zReport));
}

std::optional<TillService::Where> TillRoutes::admit(const ApiRequest& request,
                                                    const Responder& responder, bool readOnly) const
{
    if (!m_context.admitStore(request, responder))
        return std::nullopt;
    const Caller& caller = *request.caller;
    const QString storeKey = request.argument(QStringLiteral("storeKey"));
    const QString workstationId = request.argument(QStringLiteral("workstationId"));
    const StoreConfig* store = m_context.config->store(storeKey);
    if (!store->workstation(workstationId)) {
        responder->error(
            ApiError::notFound(QStringLiteral("There is no such workstation in this store.")));
        return std::nullopt;
    }
    const bool here = caller.storeKey == storeKey && caller.workstationId == workstationId;
    if (!here && !(readOnly && caller.isManager())) {
        qCInfo(lcServerAuth) << caller.username << "asked for the till of" << workstationId
                             << "from" << caller.workstationId;
        responder->error(ApiError::forbidden(
            readOnly ? QStringLiteral("Only a manager may look at another workstation's till.")
                     : QStringLiteral("The till moves only at its own workstation: log in "
                                      "there.")));
        return std::nullopt;
    }
    return TillService::Where{storeKey, workstationId, caller.username, responder->correlationId()};
}

void TillRoutes::status(const ApiRequest& request, const Responder& responder)
{
    const auto where = admit(request, responder, true);
    if (!where)
        return;
    m_service.status(*where, [responder](const auto& done) { answer(responder, done); });
}

void TillRoutes::xReport(const ApiRequest& request, const Responder& responder)
{
    const auto where = admit(request, responder, true);
    if (!where)
        return;
    m_service.xReport(*where, [responder](const auto& done) { answer(responder, done); });
}

void TillRoutes::open(const ApiRequest& request, const Responder& responder)
{
    const auto where = admit(request, responder, false);
    if (!where)
        return;
    const auto body = bodyOf(request, responder);
    if (!body)
        return;
    const auto floatCount = countOf(*body, QStringLiteral("float"), responder);
    if (!floatCount)
        return;
    claimAndRun(m_context, this, request, responder, QStringLiteral("till.open"),
                {{QStringLiteral("storeKey"), where->storeKey},
                 {QStringLiteral("workstationId"), where->workstationId},
                 {QStringLiteral("float"), floatCount->toJson()}},
                [this, where = *where, floatCount = *floatCount](const QString& key, auto finish) {
                    m_service.open(where, floatCount, key, std::move(finish));
                });
}

void TillRoutes::movement(const ApiRequest& request, const Responder& responder)
{
    const auto where = admit(request, responder, false);
    if (!where)
        return;
    const auto body = bodyOf(request, responder);
    if (!body)
        return;
    const StoreConfig* store = m_context.config->store(where->storeKey);
    TillService::Movement movement;
    movement.kind = body->value(QStringLiteral("kind")).toString();
    QStringList reasons;
    if (movement.kind == QLatin1StringView("pay_in"))
        reasons = store->till.payInReasons;
    else if (movement.kind == QLatin1StringView("pay_out"))
        reasons = store->till.payOutReasons;
    else if (movement.kind == QLatin1StringView("no_sale"))
        reasons = store->till.noSaleReasons;
    else if (movement.kind == QLatin1StringView("safe_drop"))
        reasons = {QStringLiteral("safe_drop")};
    else {
        responder->error(ApiError::invalidInput(
            QStringLiteral("kind is one of pay_in, pay_out, safe_drop and no_sale.")));
        return;
    }
    const bool noSale = movement.kind == QLatin1StringView("no_sale");
    const QJsonValue amount = body->value(QStringLiteral("amount"));
    if (noSale) {
        if (!amount.isUndefined() && !amount.isNull()) {
            responder->error(ApiError::invalidInput(QStringLiteral("A no sale has no amount.")));
            return;
        }
    } else {
        const Expected<Money> money =
            amount.isObject() ? Money::fromJson(amount.toObject()) : Expected<Money>(Error{});
        if (!money || money->isHighPrecision() || money->currencyCode() != store->currency ||
            money->minorUnits() <= 0) {
            responder->error(ApiError::invalidInput(
                QStringLiteral("amount must be a positive Money {centAmount, currencyCode} in "
                               "%1.")
                    .arg(store->currency)));
            return;
        }
        movement.amount = money->minorUnits();
    }
    movement.reason = body->value(QStringLiteral("reason")).toString();
    if (movement.kind == QLatin1StringView("safe_drop") && movement.reason.isEmpty())
        movement.reason = QStringLiteral("safe_drop");
    if (!reasons.contains(movement.reason)) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("reason must be one of the store's reasons for %1.").arg(movement.kind),
            {{QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)}}));
        return;
    }
    if (!readText(*body, QStringLiteral("note"), maxNote, &movement.note, responder) ||
        !readText(*body, QStringLiteral("bagNumber"), maxBagNumber, &movement.bagNumber,
                  responder) ||
        !readApproval(*body, &movement.approval, responder))
        return;
    if ((movement.kind == QLatin1StringView("safe_drop")) == movement.bagNumber.isEmpty()) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("A safe drop needs bagNumber (1 to 40 characters); nothing else has "
                           "one.")));
        return;
    }
    // The approval and the note are not part of the request's identity: asking again with an
    // approval is the same movement, and the manager's secret must not end up in a digest.
    QJsonObject canonical{{QStringLiteral("storeKey"), where->storeKey},
                          {QStringLiteral("workstationId"), where->workstationId},
                          {QStringLiteral("kind"), movement.kind},
                          {QStringLiteral("reason"), movement.reason},
                          {QStringLiteral("bagNumber"), movement.bagNumber}};
    if (movement.amount)
        canonical.insert(QStringLiteral("amount"), *movement.amount);
    claimAndRun(m_context, this, request, responder, QStringLiteral("till.movement"), canonical,
                [this, where = *where, movement](const QString& key, auto finish) {
                    m_service.addMovement(where, movement, key, std::move(finish));
                });
}

void TillRoutes::close(const ApiRequest& request, const Responder& responder)
{
    const auto where = admit(request, responder, false);
    if (!where)
        return;
    const auto body = bodyOf(request, responder);
    if (!body)
        return;
    const auto count = countOf(*body, QStringLiteral("count"), responder);
    if (!count)
        return;
    TillService::Close close;
    close.count = *count;
    if (!readText(*body, QStringLiteral("reason"), maxReason, &close.reason, responder) ||
        !readApproval(*body, &close.approval, responder))
        return;
    // The approval and the reason are not part of the identity: the same close asked again
    // with them is the same close.
    claimAndRun(m_context, this, request, responder, QStringLiteral("till.close"),
                {{QStringLiteral("storeKey"), where->storeKey},
                 {QStringLiteral("workstationId"), where->workstationId},
                 {QStringLiteral("count"), count->toJson()}},
                [this, where = *where, close](const QString& key, auto finish) {
                    m_service.close(where, close, key, std::move(finish));
                });
}

void TillRoutes::expectedFloat(const ApiRequest& request, const Responder& responder)
{
    // Access::Manager: the router let only managers through.
    const auto where = admit(request, responder, true);
    if (!where)
        return;
    const auto body = bodyOf(request, responder);
    if (!body)
        return;
    const StoreConfig* store = m_context.config->store(where->storeKey);
    const QJsonValue amount = body->value(QStringLiteral("amount"));
    const Expected<Money> money =
        amount.isObject() ? Money::fromJson(amount.toObject()) : Expected<Money>(Error{});
    if (!money || money->isHighPrecision() || money->currencyCode() != store->currency ||
        money->minorUnits() < 0) {
        responder->error(ApiError::invalidInput(
            QStringLiteral("amount must be a Money {centAmount, currencyCode} of at least 0 in "
                           "%1.")
                .arg(store->currency)));
        return;
    }
    m_service.setExpectedFloat(*where, money->minorUnits(),
                               [responder](const auto& done) { answer(responder, done); });
}

void TillRoutes::sessions(const ApiRequest& request, const Responder& responder)
{
    if (!m_context.admitStore(request, responder))
        return;
    const QDate date =
        QDate::fromString(request.query.queryItemValue(QStringLiteral("date")), Qt::ISODate);
    if (!date.isValid()) {
        responder->error(
            ApiError::invalidInput(QStringLiteral("date must be a day like 2026-12-03.")));
        return;
    }
    m_service.sessions(request.argument(QStringLiteral("storeKey")), date,
                       [responder](const auto& done) { answer(responder, done); });
}

void TillRoutes::zReport(const ApiRequest& request, const Responder& responder)
{
    if (!m_context.admitStore(request, responder))
        return;
    const QString sessionId = request.argument(QStringLiteral("sessionId"));
    if (!isResourceId(sessionId)) {
        responder->error(ApiError::invalidInput(QStringLiteral("That is not a session id.")));
        return;
    }
    const Caller& caller = *request.caller;
    // A colleague reads the Z reports of the workstation they are logged in at.
    QString workstationId;
    if (!caller.isManager()) {
        workstationId = caller.workstationId;
        if (workstationId.isEmpty()) {
            responder->error(ApiError::forbidden(
                QStringLiteral("Log in at the workstation to read its Z reports.")));
            return;
        }
    }
    m_service.zReport(request.argument(QStringLiteral("storeKey")), sessionId, workstationId,
                      [responder](const auto& done) { answer(responder, done); });
}

} // namespace storedesk::server
