#include "serveroptions.h"

#include <QCommandLineParser>

namespace storedesk::server {

ServerOptions ServerOptions::parse(const QStringList& arguments)
{
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
    parser.addOption(listen);
    parser.addOption(verbose);

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
    if (parser.isSet(listen)) {
        const QString value = parser.value(listen);
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        QString host = value.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        bool portOk = false;
        const uint port = value.mid(colon + 1).toUInt(&portOk);
        const QHostAddress address(host);
        if (colon < 1 || address.isNull() || !portOk || port > 65535)
            return fail(QStringLiteral("--listen needs an IP address and a port, e.g. "
                                       "127.0.0.1:8080 or [::1]:0; got \"%1\"")
                            .arg(value.left(64)));
        options.address = address;
        options.port = quint16(port);
    }
    return options;
}

} // namespace storedesk::server
