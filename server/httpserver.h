#pragma once

#include "base/expected.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace storedesk::server {

// The integration API's HTTP front: owns the QHttpServer and registers every route on it.
class HttpServer : public QObject {
    Q_OBJECT

public:
    explicit HttpServer(QObject* parent = nullptr);

    // The port actually bound (useful when asked for port 0), or why it could not listen.
    Expected<quint16> listen(const QHostAddress& address, quint16 port);

private:
    QHttpServer m_server;
};

} // namespace storedesk::server
