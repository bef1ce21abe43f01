#include "serveroptions.h"

#include <QCommandLineParser>

namespace storedesk::server {

bool ServerOptions::setListen(const QString& value)
{
    const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
    QString host = value.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool portOk = false;
    const uint parsedPort = value.mid(colon + 1).toUInt(&portOk);
    const QHostAddress parsedAddress(host);
    if (colon < 1 || parsedAddress.isNull() || !portOk || parsedPort > 65535)
        return false;
    address = parsedAddress;
    port = quint16(parsedPort);
    listenGiven = true;
    return true;
}

ServerOptions ServerOptions::parse(const QStringList& allArguments)
{
    // "storedesk-server [options] users add …": what follows "users" belongs to that command.
    QStringList arguments = allArguments;
    QStringList usersArguments;
    const qsizetype users = allArguments.indexOf(QStringLiteral("users"));
    if (users > 0) {
        arguments = allArguments.mid(0, users);
        usersArguments = allArguments.mid(users + 1);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "StoreDesk reference integration server: fronts commercetools for the StoreDesk app.\n"
        "Debug output: --verbose, or QT_LOGGING_RULES=\"storedesk.server.*.debug=true\"."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral(
            "Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one)."),
        QStringLiteral("address:port"));
    const QCommandLineOption verbose(
        QStringLiteral("verbose"),
        QStringLiteral("Log debug output of every storedesk.* category."));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QStringLiteral("JSON configuration file: listen address, database, stores with locations "
                       "and workstations "
                       "(default: $STOREDESK_SERVER_CONFIG). Never put credentials in it."),
        QStringLiteral("file"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("Database URL: sqlite:///path/file.db or postgresql://user@host:port/name "
                       "(default: $STOREDESK_DATABASE_URL, the config file's, or a SQLite file in "
                       "the data folder)."),
        QStringLiteral("url"));
    const QCommandLineOption checkConfig(
        QStringLiteral("check-config"),
        QStringLiteral("Check the environment, the configuration file and the connection to "
                       "commercetools (token, scopes, stores) as at start-up, print a summary and "
                       "exit: 0 when all is well, 1 with the reason otherwise."));
    parser.addOption(listen);
    parser.addOption(config);
    parser.addOption(checkConfig);
    parser.addOption(database);
    parser.addOption(verbose);
    parser.addPositionalArgument(
        QStringLiteral("users"),
        QStringLiteral("Manage users: users add|list|remove|passwd … (users --help)."),
        QStringLiteral("[users …]"));

    ServerOptions options;
    options.helpText = parser.helpText();
    const auto fail = [&options](const QString& message) {
        options.action = Action::Error;
        options.errorText = message;
        return options;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument: %1")
                        .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(help)) {
        options.action = Action::ShowHelp;
        return options;
    }
    if (parser.isSet(version)) {
        options.action = Action::ShowVersion;
        return options;
    }
    options.verbose = parser.isSet(verbose);
    options.configFile = parser.value(config);
    options.databaseUrl = parser.value(database);
    if (parser.isSet(listen) && !options.setListen(parser.value(listen)))
        return fail(QStringLiteral("--listen needs an IP address and a port, e.g. 127.0.0.1:8080 "
                                   "or [::1]:0; got \"%1\"")
                        .arg(parser.value(listen).left(64)));
    if (users > 0 && parser.isSet(checkConfig))
        return fail(QStringLiteral("--check-config and users do not go together"));
    if (users > 0) {
        options.action = Action::Users;
        options.usersArguments = usersArguments;
    } else if (parser.isSet(checkConfig)) {
        options.action = Action::CheckConfig;
    }
    return options;
}

} // namespace storedesk::server
