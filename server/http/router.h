#pragma once

#include "apiresponder.h"
#include "caller.h"

#include <QHttpServerRequest>
#include <QList>
#include <QRegularExpression>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace storedesk::server {

// One API request as a handler sees it, copied out of QHttpServerRequest (which does not outlive
// the dispatch, while handlers often finish later).
struct ApiRequest {
    QString path;
    QUrlQuery query;
    QByteArray body;
    QHash<QString, QString> pathArguments; // {storeKey} → "berlin-mitte", percent-decoded
    QByteArray bearerToken;                // never logged
    QByteArray idempotencyKey;
    QByteArray signature;         // X-Signature of signed deliveries (payment callbacks, webhooks)
    std::optional<Caller> caller; // set for routes that need a user
    QString clientAddress;        // the peer's IP address (a proxy's, behind one)

    QString argument(const QString& name) const { return pathArguments.value(name); }
};

// Matches method and path against the API's routes, written as in the OpenAPI document
// ("/stores/{storeKey}/carts/{cartId}"). Before a handler runs it has: a correlation id, a body of
// at most 1 MB, and, for protected routes, a resolved caller with the required role.
class Router {
public:
    // HttpServer refuses larger bodies while they arrive; the router checks again what arrived.
    static constexpr qsizetype maxBodyBytes = 1024 * 1024;
    // The 413 payload_too_large answer's message.
    static QString bodyTooLargeMessage();

    // ApiKey: commercetools InStore's calls, with X-Api-Key (no user behind them).
    enum class Access { Anyone, User, Manager, ApiKey };
    using Handler = std::function<void(const ApiRequest&, const Responder&)>;

    struct Route {
        QByteArray method;
        QString path;
        Access access;
        QRegularExpression pattern;
        QStringList argumentNames;
        Handler handler;
    };

    // An empty callbackApiKey turns the ApiKey routes off (they answer not_found).
    Router(Authenticator* authenticator, QByteArray callbackApiKey);

    void add(const QByteArray& method, const QString& path, Access access, Handler handler);
    void dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder) const;

    // (method, path) of every route, for the check against the OpenAPI document.
    QList<std::pair<QByteArray, QString>> routes() const;

private:
    Authenticator* m_authenticator;
    QByteArray m_callbackApiKey; // never logged
    QList<Route> m_routes;
};

} // namespace storedesk::server
