#include "drawerroutes.h"

#include "base/logging.h"
#include "idempotentrequest.h"
#include "serviceanswer.h"
#include "servicecontext.h"

namespace storedesk::server {

namespace {

constexpr qsizetype maxReference = 128;

} // namespace

DrawerRoutes::DrawerRoutes(const ServiceContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_service(context.storage, this)
{
}

void DrawerRoutes::registerOn(Router& router)
{
    router.add("POST",
               QStringLiteral("/stores/{storeKey}/workstations/{workstationId}/drawer-openings"),
               Router::Access::User, [this](const ApiRequest& request, const Responder& responder) {
                   opening(request, responder);
               });
}

void DrawerRoutes::opening(const ApiRequest& request, const Responder& responder)
{
    if (!m_context.admitStore(request, responder))
        return;
    const Caller& caller = *request.caller;
    DrawerService::Opening opening;
    opening.storeKey = request.argument(QStringLiteral("storeKey"));
    opening.workstationId = request.argument(QStringLiteral("workstationId"));
    opening.username = caller.username;
    opening.correlationId = responder->correlationId();
    if (!m_context.config->store(opening.storeKey)->workstation(opening.workstationId)) {
        responder->error(
            ApiError::notFound(QStringLiteral("There is no such workstation in this store.")));
        return;
    }
    // Like the till's writes: the drawer is opened where the colleague is logged in; a manager
    // of the store (admitStore checked the store) may record it for any of its workstations.
    const bool here =
        caller.storeKey == opening.storeKey && caller.workstationId == opening.workstationId;
    if (!here && !caller.isManager()) {
        qCInfo(lcServerAuth) << caller.username << "reported a drawer opening at"
                             << opening.workstationId << "from" << caller.workstationId;
        responder->error(ApiError::forbidden(
            QStringLiteral("A drawer opening is recorded only at its own workstation: log in "
                           "there.")));
        return;
    }

    const Expected<QJsonObject> body = json::parseObject(request.body);
    if (!body) {
        responder->error(ApiError::invalidInput(body.error().toString()));
        return;
    }
    const QJsonValue reason = body->value(QStringLiteral("reason"));
    opening.reason = reason.toString();
    if (!reason.isString() || !DrawerService::reasons().contains(opening.reason)) {
        responder->error(
            ApiError::invalidInput(QStringLiteral("reason is one of %1.")
                                       .arg(DrawerService::reasons().join(QStringLiteral(", ")))));
        return;
    }
    const QJsonValue reference = body->value(QStringLiteral("reference"));
    if (!reference.isUndefined() && !reference.isNull()) {
        opening.reference = reference.toString().trimmed();
        if (!reference.isString() || opening.reference.size() > maxReference) {
            responder->error(ApiError::invalidInput(
                QStringLiteral("reference is a text of at most %1 characters.").arg(maxReference)));
            return;
        }
    }

    idempotent::claim(
        m_context, this, request, responder, QStringLiteral("drawer.opening"),
        {{QStringLiteral("storeKey"), opening.storeKey},
         {QStringLiteral("workstationId"), opening.workstationId},
         {QStringLiteral("reason"), opening.reason},
         {QStringLiteral("reference"), opening.reference}},
        [this, opening, responder](const IdempotencyStore::Claim& claim) {
            if (claim.record.state == IdempotencyRecord::State::Completed) {
                responder->replay(claim.record.responseStatus, claim.record.responseBody);
                return;
            }
            m_service.record(opening, [this, key = claim.record.key, responder](const auto& done) {
                if (!done) {
                    responder->error(answerFor(done.error()));
                    return;
                }
                idempotent::answerFinally(m_context, key, responder, 201, *done);
            });
        });
}

} // namespace storedesk::server
