#pragma once

#include "base/expected.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace storedesk::server {

class Router;

// The integration API's HTTP front. Every request goes to the router: QHttpServer's own routing
// is not used, so one place decides on correlation ids, body limits, authentication and errors.
//
// Body limit before buffering: QHttpServer 6.4 reads a whole request into memory (inside a socket
// transaction) before any handler sees it, so the router's check alone came too late (one 64 MB
// POST grew the server by 170 MB). The server therefore listens through its own QTcpServer whose
// connections carry a guard that sees every readyRead before QHttpServer does: it reads the
// request head, refuses a Content-Length above Router::maxBodyBytes, and counts chunked body
// bytes as they arrive; a head above maxHeadBytes or a body above the limit is answered 413 (431
// for the head) at once, and the rest of the upload is discarded unread, not buffered.
class HttpServer : public QObject {
    Q_OBJECT

public:
    // Request line and headers together; far above what the app and commercetools send.
    static constexpr qsizetype maxHeadBytes = 64 * 1024;

    explicit HttpServer(const Router& router, QObject* parent = nullptr);

    // The port actually bound (useful when asked for port 0), or why it could not listen.
    Expected<quint16> listen(const QHostAddress& address, quint16 port);

private:
    QHttpServer m_server;
};

} // namespace storedesk::server
