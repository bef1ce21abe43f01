#include "httpserver.h"

#include "http/router.h"

namespace storedesk::server {

HttpServer::HttpServer(const Router& router, QObject* parent)
    : QObject(parent)
{
    m_server.setMissingHandler(
        [&router](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            router.dispatch(request, std::move(responder));
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
