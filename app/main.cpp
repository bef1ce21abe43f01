#include "base/logging.h"
#include "base/shutdownsignals.h"
#include "commandline.h"
#include "common/style.h"
#include "common/translations.h"
#include "config/workstationconfig.h"
#include "firstframe.h"
#include "mainwindow.h"
#include "storedesk/version.h"

#include <QApplication>

#include <cstdio>

using namespace storedesk;

namespace {

QStringList argumentsOf(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

void print(FILE* stream, const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("StoreDesk"));
    QCoreApplication::setApplicationVersion(applicationVersion());
    QCoreApplication::setOrganizationName(organizationName());
    QCoreApplication::setOrganizationDomain(organizationDomain());

    // --version and --help must work without a display, so they are answered before QApplication
    // exists. Everything else is parsed after it has taken its own options (-platform, -style…).
    const app::CommandLine early = app::CommandLine::parse(argumentsOf(argc, argv));
    if (early.action == app::CommandLine::Action::ShowVersion) {
        print(stdout, QStringLiteral("StoreDesk %1\n").arg(applicationVersion()));
        return 0;
    }
    if (early.action == app::CommandLine::Action::ShowHelp) {
        print(stdout, early.helpText);
        return 0;
    }

    QApplication application(argc, argv);
    const app::CommandLine commandLine = app::CommandLine::parse(QCoreApplication::arguments());
    if (commandLine.action != app::CommandLine::Action::Run) {
        print(stderr, commandLine.errorText + QLatin1Char('\n'));
        return 2;
    }
    logging::setUp(commandLine.verbose);
    QApplication::setDesktopFileName(QStringLiteral("org.storedesk.StoreDesk"));

    config::WorkstationConfig config = config::WorkstationConfig::load();
    // The demo stack (packaging/demo/start-stack.sh) says where its server listens; it is a
    // default below anything the user or IT configured.
    const QString demoServer = qEnvironmentVariable("STOREDESK_SERVER_URL");
    if (!demoServer.isEmpty())
        config.setFallback(config::Field::ServerUrl, demoServer);

    // --locale wins over the workstation's configured language, which wins over the system's.
    const QLocale locale = commandLine.locale.value_or(
        config.locale().isEmpty() ? QLocale() : QLocale(config.locale()));
    QLocale::setDefault(locale);
    ui::installTranslations(&application, locale);
    ui::style::install(&application, ui::style::themeFor(config));

    ShutdownSignals shutdownSignals;
    QObject::connect(&shutdownSignals, &ShutdownSignals::shutdownRequested, &application,
                     [](int signalNumber) {
                         qCInfo(lcApp) << "stopping on signal" << signalNumber;
                         QApplication::closeAllWindows();
                         QApplication::quit();
                     });

    ui::MainWindow window(std::move(config));
    // Maximized on the first start, then as this machine left it; full screen under IT's policy.
    window.showAsConfigured();
    // Nothing but the window's own work comes before its first frame: the session (keychain) and
    // the server's health are looked at once the colleague sees the window.
    // STOREDESK_EXIT_ON_FIRST_FRAME exists for measuring start-up only (bench/app/bench_startup).
    const bool exitOnFirstFrame = qEnvironmentVariableIsSet("STOREDESK_EXIT_ON_FIRST_FRAME");
    app::afterFirstFrame(&window, [&window, exitOnFirstFrame] {
        if (exitOnFirstFrame) {
            print(stdout, QStringLiteral("first frame\n"));
            QCoreApplication::exit(0);
            return;
        }
        window.start();
        // Logged once the window is up, so that a watcher (the smoke test, a kiosk script) knows.
        qCInfo(lcApp) << "main window shown";
    });

    const int status = QApplication::exec();
    qCInfo(lcApp) << "exited with status" << status;
    return status;
}
