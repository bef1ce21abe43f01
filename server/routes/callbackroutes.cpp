#include "callbackroutes.h"

#include "domain/cart.h"
#include "servicecontext.h"
#include "sessionroutes.h"
#include "storage/sessionstore.h"
#include "storage/storageexecutor.h"

namespace storedesk::server {

namespace {

void answerIssued(const IssuedSession& issued, const Responder& responder)
{
    const Session& session = issued.session;
    responder->json(
        200, QJsonObject{
                 {QStringLiteral("accessToken"), issued.accessToken},
                 {QStringLiteral("expiresAt"), session.expiresAt.toString(Qt::ISODateWithMs)},
                 {QStringLiteral("user"), sessionUserJson(session.user)},
                 {QStringLiteral("storeKey"), session.storeKey.toString()},
                 {QStringLiteral("workstationId"), session.workstationId},
             });
}

} // namespace

CallbackRoutes::CallbackRoutes(const ServiceContext& context, QObject* parent)
    : QObject(parent)
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
    router.add("GET", QStringLiteral("/callbacks/users/{userKey}"), Router::Access::ApiKey,
               [this](const ApiRequest& request, const Responder& responder) {
                   m_context.storage->run(
                       StorageExecutor::Lane::Write, this,
                       [userKey = request.argument(QStringLiteral("userKey"))](
                           Stores& stores) -> StorageResult<IssuedSession> {
                           const StorageResult<Session> session =
                               stores.sessions.resolveUserKey(userKey);
                           if (!session)
                               return session.error();
                           return stores.sessions.issue(session->user, session->storeKey,
                                                        session->workstationId, session->expiresAt);
                       },
                       [responder](const StorageResult<IssuedSession>& issued) {
                           if (issued) {
                               answerIssued(*issued, responder);
                               return;
                           }
                           if (issued.error().kind == StorageError::Kind::Unavailable)
                               responder->error(storageFailure(issued.error()));
                           else
                               responder->error(ApiError::notFound(QStringLiteral(
                                   "There is no active session for this user key.")));
                       });
               });
}

} // namespace storedesk::server
