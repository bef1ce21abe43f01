#include "base/logging.h"
#include "base/shutdownsignals.h"
#include "httpserver.h"
#include "serveroptions.h"
#include "storedesk/version.h"

#include <QCoreApplication>

#include <cstdio>

using namespace storedesk;

namespace {

void print(FILE* stream, const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("storedesk-server"));
    QCoreApplication::setApplicationVersion(applicationVersion());
    QCoreApplication::setOrganizationName(organizationName());

    const server::ServerOptions options =
        server::ServerOptions::parse(QCoreApplication::arguments());
    switch (options.action) {
    case server::ServerOptions::Action::ShowVersion:
        print(stdout, QStringLiteral("storedesk-server %1\n").arg(applicationVersion()));
        return 0;
    case server::ServerOptions::Action::ShowHelp:
        print(stdout, options.helpText);
        return 0;
    case server::ServerOptions::Action::Error:
        print(stderr, QStringLiteral("storedesk-server: %1\n").arg(options.errorText));
        return 2;
    case server::ServerOptions::Action::Serve:
        break;
    }
    logging::setUp(options.verbose);

    ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &application,
                     [](int signalNumber) {
                         qCInfo(lcServer) << "stopping on signal" << signalNumber;
                         QCoreApplication::quit();
                     });

    server::HttpServer httpServer;
    const Expected<quint16> port = httpServer.listen(options.address, options.port);
    if (!port) {
        print(stderr, QStringLiteral("storedesk-server: %1\n").arg(port.error().message));
        return 1;
    }
    const QString host = options.address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + options.address.toString() + QLatin1Char(']')
                             : options.address.toString();
    // Tests and the demo stack read this line to learn the port when they asked for port 0.
    print(stdout,
          QStringLiteral("storedesk-server listening on http://%1:%2\n").arg(host).arg(*port));
    qCInfo(lcServer) << "version" << applicationVersion() << "listening on port" << *port;

    const int status = QCoreApplication::exec();
    qCInfo(lcServer) << "stopped";
    return status;
}
