#include "callbackroutes.h"

#include "domain/cart.h"
#include "servicecontext.h"
#include "sessionroutes.h"
#include "storage/sessionstore.h"

namespace storedesk::server {

CallbackRoutes::CallbackRoutes(SessionStore& sessions, const ServiceContext& context,
                               QObject* parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_context(context)
{
}

void CallbackRoutes::registerOn(Router& router)
{
    router.add("GET", QStringLiteral("/callbacks/carts/{cartId}"), Router::Access::ApiKey,
               [this](const ApiRequest& request, const Responder& responder) {
                   const QString cartId = request.argument(QStringLiteral("cartId"));
                   if (!isResourceId(cartId)) {
                       responder->error(
                           ApiError::invalidInput(QStringLiteral("A cart id is a UUID.")));
                       return;
                   }
                   m_context.commercetools->get(
                       QStringLiteral("carts/") + cartId, {}, responder->correlationId(),
                       [this, responder](const CtResponse& response) {
                           if (response.status == 404) {
                               responder->error(
                                   ApiError::notFound(QStringLiteral("There is no such cart.")));
                               return;
                           }
                           if (!response.ok()) {
                               responder->error(ApiError::upstream(response));
                               return;
                           }
                           const Expected<Cart> cart = json::read<Cart>(response.body);
                           // Only carts of the stores this server serves leave it.
                           if (!cart || !cart->storeKey() ||
                               !m_context.config->store(cart->storeKey()->toString()) ||
                               !m_context.scopes.servesStore(cart->storeKey()->toString())) {
                               responder->error(
                                   ApiError::notFound(QStringLiteral("There is no such cart.")));
                               return;
                           }
                           responder->json(200, response.body);
                       });
               });

    // Tokens are kept only as digests, so the token the app holds cannot be handed out again.
    // InStore gets a new one for the same user, store and workstation that expires no later than
    // the session the user key belongs to; logging out ends the key with its session.
    router.add(
        "GET", QStringLiteral("/callbacks/users/{userKey}"), Router::Access::ApiKey,
        [this](const ApiRequest& request, const Responder& responder) {
            const StorageResult<Session> session =
                m_sessions.resolveUserKey(request.argument(QStringLiteral("userKey")));
            if (!session) {
                responder->error(ApiError::notFound(
                    QStringLiteral("There is no active session for this user key.")));
                return;
            }
            const StorageResult<IssuedSession> issued = m_sessions.issue(
                session->user, session->storeKey, session->workstationId, session->expiresAt);
            if (!issued) {
                responder->error(ApiError::internal());
                return;
            }
            responder->json(200, QJsonObject{
                                     {QStringLiteral("accessToken"), issued->accessToken},
                                     {QStringLiteral("expiresAt"),
                                      issued->session.expiresAt.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("user"), sessionUserJson(session->user)},
                                     {QStringLiteral("storeKey"), session->storeKey.toString()},
                                     {QStringLiteral("workstationId"), session->workstationId},
                                 });
        });
}

} // namespace storedesk::server
