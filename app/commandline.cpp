#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace storedesk::app {

CommandLine CommandLine::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "storedesk::app::CommandLine", "StoreDesk: point of sale for store colleagues."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption verbose(
        QStringLiteral("verbose"),
        QCoreApplication::translate("storedesk::app::CommandLine",
                                    "Log debug output of every storedesk.* category to stderr "
                                    "(QT_LOGGING_RULES can narrow it)."));
    const QCommandLineOption locale(
        QStringLiteral("locale"),
        QCoreApplication::translate("storedesk::app::CommandLine",
                                    "Use this language and number format (e.g. de_DE, fr_FR)."),
        QStringLiteral("name"));
    parser.addOption(verbose);
    parser.addOption(locale);

    CommandLine result;
    // Qt names the program only once an application object exists, and --help runs before one
    // does; so the usage line is written here, from argv[0].
    result.helpText = parser.helpText();
    result.helpText.replace(
        0, result.helpText.indexOf(QLatin1Char('\n')),
        QStringLiteral("Usage: %1 [options]").arg(QFileInfo(arguments.value(0)).fileName()));
    // --help and --version win even over a bad option, as users expect.
    const bool parsed = parser.parse(arguments);
    if (parser.isSet(help)) {
        result.action = Action::ShowHelp;
        return result;
    }
    if (parser.isSet(version)) {
        result.action = Action::ShowVersion;
        return result;
    }
    if (!parsed) {
        result.action = Action::Error;
        result.errorText = parser.errorText();
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.action = Action::Error;
        result.errorText =
            QCoreApplication::translate("storedesk::app::CommandLine", "Unexpected argument: %1")
                .arg(parser.positionalArguments().constFirst());
        return result;
    }
    result.verbose = parser.isSet(verbose);
    if (parser.isSet(locale)) {
        const QLocale chosen(parser.value(locale));
        if (chosen.language() == QLocale::C && parser.value(locale) != QLatin1StringView("C")) {
            result.action = Action::Error;
            result.errorText =
                QCoreApplication::translate("storedesk::app::CommandLine", "Unknown locale: %1")
                    .arg(parser.value(locale));
            return result;
        }
        result.locale = chosen;
    }
    return result;
}

} // namespace storedesk::app
