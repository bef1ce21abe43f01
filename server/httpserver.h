#pragma once

#include "base/expected.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace storedesk::server {

class Router;

// The integration API's HTTP front. Every request goes to the router: QHttpServer's own routing
// is not used, so one place decides on correlation ids, body limits, authentication and errors.
class HttpServer : public QObject {
    Q_OBJECT

public:
    explicit HttpServer(const Router& router, QObject* parent = nullptr);

    // The port actually bound (useful when asked for port 0), or why it could not listen.
    Expected<quint16> listen(const QHostAddress& address, quint16 port);

private:
    QHttpServer m_server;
};

} // namespace storedesk::server
