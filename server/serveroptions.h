#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace storedesk::server {

struct ServerOptions {
    enum class Action { Serve, Users, CheckConfig, ShowVersion, ShowHelp, Error };

    Action action = Action::Serve;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080; // 0 picks a free port (tests, demo stack); the chosen one is printed
    bool listenGiven = false;
    bool verbose = false;
    QString configFile;         // --config, or STOREDESK_SERVER_CONFIG
    QString databaseUrl;        // --database, or STOREDESK_DATABASE_URL
    QStringList usersArguments; // after "users": add|list|remove|passwd …
    QString helpText;
    QString errorText;

    static ServerOptions parse(const QStringList& arguments);
    // Applies an "address:port" value as --listen does; false when it is not one.
    bool setListen(const QString& value);
};

} // namespace storedesk::server
