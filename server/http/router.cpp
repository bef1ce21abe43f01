#include "router.h"

#include "base/logging.h"
#include "storage/passwordhash.h"

#include <QMetaEnum>

namespace storedesk::server {

Router::Router(Authenticator* authenticator, QByteArray callbackApiKey)
    : m_authenticator(authenticator)
    , m_callbackApiKey(std::move(callbackApiKey))
{
}

void Router::add(const QByteArray& method, const QString& path, Access access, Handler handler)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z]+)\\}"));
    Route route{method, path, access, {}, {}, std::move(handler)};
    QString regex = QStringLiteral("^");
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(path); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        regex += QRegularExpression::escape(path.mid(last, match.capturedStart() - last)) +
                 QStringLiteral("([^/]+)");
        route.argumentNames << match.captured(1);
        last = match.capturedEnd();
    }
    regex += QRegularExpression::escape(path.mid(last)) + QStringLiteral("/?$");
    route.pattern = QRegularExpression(regex);
    m_routes.append(std::move(route));
}

QString Router::bodyTooLargeMessage()
{
    return QStringLiteral("The request body is larger than 1 MB.");
}

QList<std::pair<QByteArray, QString>> Router::routes() const
{
    QList<std::pair<QByteArray, QString>> table;
    for (const Route& route : m_routes)
        table.append({route.method, route.path});
    return table;
}

void Router::dispatch(const QHttpServerRequest& request, QHttpServerResponder&& httpResponder) const
{
    auto responder = std::make_shared<ApiResponder>(std::move(httpResponder), request);
    const QByteArray method =
        QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()));
    const QString path = request.url().path(QUrl::FullyEncoded);

    const Route* found = nullptr;
    QRegularExpressionMatch match;
    for (const Route& route : m_routes) {
        if (route.method.compare(method, Qt::CaseInsensitive) != 0)
            continue;
        match = route.pattern.match(path);
        if (match.hasMatch()) {
            found = &route;
            break;
        }
    }
    if (!found) {
        responder->error(ApiError::notFound(QStringLiteral("There is no such resource.")));
        return;
    }

    // User keys act like credentials: the log names the route, not the key.
    QString loggedPath = found->path;
    for (qsizetype i = 0; i < found->argumentNames.size(); ++i) {
        const QString& name = found->argumentNames.at(i);
        loggedPath.replace(QLatin1Char('{') + name + QLatin1Char('}'),
                           name == QLatin1StringView("userKey") ? QStringLiteral("…")
                                                                : match.captured(int(i) + 1));
    }
    responder->setLoggedPath(loggedPath);

    if (request.body().size() > maxBodyBytes) {
        responder->error(
            ApiError{413, QStringLiteral("payload_too_large"), bodyTooLargeMessage(), {}, 0});
        return;
    }

    ApiRequest apiRequest;
    apiRequest.path = path;
    apiRequest.query = request.query();
    apiRequest.body = request.body();
    for (qsizetype i = 0; i < found->argumentNames.size(); ++i)
        apiRequest.pathArguments.insert(
            found->argumentNames.at(i),
            QUrl::fromPercentEncoding(match.captured(int(i) + 1).toUtf8()));
    const QByteArray authorization = request.value("Authorization");
    if (authorization.startsWith("Bearer "))
        apiRequest.bearerToken = authorization.mid(7).trimmed();
    apiRequest.idempotencyKey = request.value("Idempotency-Key").trimmed();
    apiRequest.signature = request.value("X-Signature").trimmed();
    apiRequest.clientAddress = request.remoteAddress().toString();

    if (found->access == Access::ApiKey) {
        if (m_callbackApiKey.isEmpty()) {
            responder->error(
                ApiError::notFound(QStringLiteral("Callbacks are not set up on this server.")));
            return;
        }
        if (!constantTimeEquals(request.value("X-Api-Key"), m_callbackApiKey)) {
            qCWarning(lcServerAuth)
                << "callback with a wrong or missing X-Api-Key:" << method << loggedPath;
            responder->error(
                ApiError::unauthenticated(QStringLiteral("A valid X-Api-Key is required.")));
            return;
        }
    } else if (found->access != Access::Anyone) {
        if (apiRequest.bearerToken.isEmpty()) {
            responder->error(ApiError::unauthenticated(QStringLiteral("Log in first.")));
            return;
        }
        const QByteArray token = apiRequest.bearerToken;
        m_authenticator->resolve(token, [found, method, apiRequest = std::move(apiRequest),
                                         responder](const Authenticator::Verdict& verdict) mutable {
            if (verdict.unavailable) {
                responder->error(ApiError::databaseUnavailable());
                return;
            }
            if (!verdict.caller) {
                responder->error(ApiError::unauthenticated(verdict.whyNot));
                return;
            }
            apiRequest.caller = verdict.caller;
            if (found->access == Access::Manager && !apiRequest.caller->isManager()) {
                qCInfo(lcServerAuth)
                    << apiRequest.caller->username << "is not a manager:" << method << found->path;
                responder->error(
                    ApiError::forbidden(QStringLiteral("Only a manager can do this.")));
                return;
            }
            found->handler(apiRequest, responder);
        });
        return;
    }
    found->handler(apiRequest, responder);
}

} // namespace storedesk::server
