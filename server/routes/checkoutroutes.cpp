#include "checkoutroutes.h"

#include "idempotentrequest.h"
#include "serviceanswer.h"
#include "servicecontext.h"

namespace storedesk::server {

CheckoutRoutes::CheckoutRoutes(const ServiceContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_service(context.commercetools, context.storage, this)
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
            m_service.placeOrder({storeKey, cartId, cartVersion, claim.record.key, workstationId,
                                  responder->correlationId()},
                                 [this, key = claim.record.key,
                                  responder](const Expected<QJsonObject, ServiceFailure>& order) {
                                     if (!order) {
                                         responder->error(answerFor(order.error()));
                                         return;
                                     }
                                     idempotent::answerFinally(m_context, key, responder, 201,
                                                               *order);
                                 });
        });
}

} // namespace storedesk::server
