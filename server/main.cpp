#include "base/logging.h"
#include "base/shutdownsignals.h"
#include "cli/checkconfig.h"
#include "cli/userscommand.h"
#include "commercetools/connectorconfig.h"
#include "serverapp.h"
#include "serverconfig.h"
#include "serveroptions.h"
#include "storage/database.h"
#include "storage/databaseurl.h"
#include "storedesk/version.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <cstdio>

using namespace storedesk;
using namespace storedesk::server;

namespace {

void print(FILE* stream, const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

int fail(const QString& reason)
{
    print(stderr, QStringLiteral("storedesk-server: %1\n").arg(reason));
    return 1;
}

// --database, else $STOREDESK_DATABASE_URL, else the config file's, else a SQLite file in the
// server's data folder.
QString databaseUrlText(const ServerOptions& options, const ServerConfig& config)
{
    if (!options.databaseUrl.isEmpty())
        return options.databaseUrl;
    if (const QString fromEnvironment = qEnvironmentVariable("STOREDESK_DATABASE_URL");
        !fromEnvironment.isEmpty())
        return fromEnvironment;
    if (!config.database.isEmpty())
        return config.database;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    return QStringLiteral("sqlite://") +
           QDir(folder).filePath(QStringLiteral("storedesk-server.db"));
}

// An address as it goes before ":port" in a URL or a --listen value.
QString hostText(const QHostAddress& address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
               : address.toString();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("storedesk-server"));
    QCoreApplication::setApplicationVersion(applicationVersion());
    QCoreApplication::setOrganizationName(organizationName());

    ServerOptions options = ServerOptions::parse(QCoreApplication::arguments());
    switch (options.action) {
    case ServerOptions::Action::ShowVersion:
        print(stdout, QStringLiteral("storedesk-server %1\n").arg(applicationVersion()));
        return 0;
    case ServerOptions::Action::ShowHelp:
        print(stdout, options.helpText);
        return 0;
    case ServerOptions::Action::Error:
        print(stderr, QStringLiteral("storedesk-server: %1\n").arg(options.errorText));
        return 2;
    case ServerOptions::Action::Serve:
    case ServerOptions::Action::Users:
    case ServerOptions::Action::CheckConfig:
        break;
    }
    logging::setUp(options.verbose);

    ServerConfig config;
    const QString configFile = options.configFile.isEmpty()
                                   ? qEnvironmentVariable("STOREDESK_SERVER_CONFIG")
                                   : options.configFile;
    if (!configFile.isEmpty()) {
        Expected<ServerConfig> loaded = ServerConfig::load(configFile);
        if (!loaded)
            return fail(loaded.error().message);
        config = *loaded;
    }
    if (!options.listenGiven && !config.listen.isEmpty() && !options.setListen(config.listen))
        return fail(
            QStringLiteral("%1: listen must be address:port, e.g. 127.0.0.1:8080").arg(configFile));

    const Expected<DatabaseUrl> databaseUrl = DatabaseUrl::parse(databaseUrlText(options, config));
    if (!databaseUrl)
        return fail(databaseUrl.error().message);
    // Serving and --check-config need the API client; the users command only the database.
    std::optional<ConnectorConfig> connector;
    // Secrets come from the environment only, like the CTP_* values.
    std::optional<ServerSecrets> secrets;
    if (options.action != ServerOptions::Action::Users) {
        Expected<ConnectorConfig> fromEnvironment =
            ConnectorConfig::fromEnvironment(QProcessEnvironment::systemEnvironment());
        if (!fromEnvironment)
            return fail(fromEnvironment.error().message);
        connector = *fromEnvironment;
        Expected<ServerSecrets> secretsFromEnvironment =
            ServerSecrets::fromEnvironment(config, QProcessEnvironment::systemEnvironment());
        if (!secretsFromEnvironment)
            return fail(secretsFromEnvironment.error().message);
        secrets = *secretsFromEnvironment;
    }
    if (options.action == ServerOptions::Action::CheckConfig) {
        const QString listen =
            QStringLiteral("%1:%2").arg(hostText(options.address)).arg(options.port);
        return runCheckConfig(
            config, *connector,
            {configFile, listen, databaseUrl->toString(), !secrets->callbackApiKey.isEmpty(),
             !secrets->webhookSecret.isEmpty(), int(secrets->signingKeys.size())});
    }

    auto database = Database::open(*databaseUrl);
    if (!database)
        return fail(QStringLiteral("cannot open the database %1: %2")
                        .arg(databaseUrl->toString(), database.error().message));
    if (options.action == ServerOptions::Action::Users)
        return runUsersCommandOnConsole(options.usersArguments, **database);
    // Opened to migrate and to refuse a start without a database; serving uses connections of
    // its own, on the storage threads.
    database->reset();

    ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &application,
                     [](int signalNumber) {
                         qCInfo(lcServer) << "stopping on signal" << signalNumber;
                         QCoreApplication::quit();
                     });

    ServerApp server(config, *connector, *databaseUrl, *secrets);
    QObject::connect(&server, &ServerApp::failed, &application, [](const QString& reason) {
        print(stderr, QStringLiteral("storedesk-server: cannot start: %1\n").arg(reason));
        QCoreApplication::exit(1);
    });
    QObject::connect(&server, &ServerApp::started, &application, [&options](quint16 port) {
        // Tests and the demo stack read this line to learn the port when they asked for port 0.
        print(stdout, QStringLiteral("storedesk-server listening on http://%1:%2\n")
                          .arg(hostText(options.address))
                          .arg(port));
        qCInfo(lcServer) << "version" << applicationVersion() << "listening on port" << port;
    });
    server.start(options.address, options.port);

    const int status = QCoreApplication::exec();
    qCInfo(lcServer) << "stopped";
    return status;
}
