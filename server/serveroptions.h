#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace storedesk::server {

struct ServerOptions {
    enum class Action { Serve, ShowVersion, ShowHelp, Error };

    Action action = Action::Serve;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080; // 0 picks a free port (tests, demo stack); the chosen one is printed
    bool verbose = false;
    QString helpText;
    QString errorText;

    static ServerOptions parse(const QStringList& arguments);
};

} // namespace storedesk::server
