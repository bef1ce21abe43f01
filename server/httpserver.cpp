#include "httpserver.h"

#include "base/logging.h"
#include "routes/healthroute.h"

#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>

namespace storedesk::server {

HttpServer::HttpServer(QObject* parent)
    : QObject(parent)
{
    registerHealthRoute(m_server);

    // Unknown paths answer in the API's error shape, not with Qt's plain-text page.
    m_server.setMissingHandler(
        [](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            qCInfo(lcServerHttp) << "no route for" << request.url().path();
            const QJsonObject body{
                {QStringLiteral("code"), QStringLiteral("not_found")},
                {QStringLiteral("message"), QStringLiteral("There is no such resource.")}};
            responder.write(QJsonDocument(body), QHttpServerResponder::StatusCode::NotFound);
        });
}

Expected<quint16> HttpServer::listen(const QHostAddress& address, quint16 port)
{
    const quint16 bound = m_server.listen(address, port);
    if (bound == 0) {
        return Error{
            Error::Kind::InvalidArgument,
            QStringLiteral("cannot listen on %1:%2 (in use, or not an address of this machine)")
                .arg(address.toString())
                .arg(port),
            QString()};
    }
    return bound;
}

} // namespace storedesk::server
