// Starts the real storedesk binary the way a user or a kiosk script does.
#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

#include <csignal>

class TestAppStartup : public QObject {
    Q_OBJECT

private:
    static QProcessEnvironment headlessEnvironment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        return environment;
    }

private slots:
    void versionWorksWithoutAnyDisplay()
    {
        QProcess app;
        app.setProcessEnvironment(headlessEnvironment());
        app.start(QStringLiteral(STOREDESK_APP_BINARY), {QStringLiteral("--version")});
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        QCOMPARE(app.readAllStandardOutput().trimmed(), QByteArray("StoreDesk " STOREDESK_VERSION));
    }

    void helpListsTheOptions()
    {
        QProcess app;
        app.setProcessEnvironment(headlessEnvironment());
        app.start(QStringLiteral(STOREDESK_APP_BINARY), {QStringLiteral("--help")});
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitCode(), 0);
        const QByteArray help = app.readAllStandardOutput();
        QVERIFY(help.startsWith("Usage: storedesk"));
        QVERIFY(help.contains("--verbose"));
        QVERIFY(help.contains("--locale"));
    }

    void unknownLocaleIsRefused()
    {
        QProcess app;
        QProcessEnvironment environment = headlessEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(environment);
        app.start(QStringLiteral(STOREDESK_APP_BINARY),
                  {QStringLiteral("--locale"), QStringLiteral("xx_YY")});
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitCode(), 2);
        QVERIFY(app.readAllStandardError().contains("Unknown locale: xx_YY"));
    }

    void startsOffscreenAndStopsCleanlyOnSigterm()
    {
        QProcess app;
        QProcessEnvironment environment = headlessEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), QDir::tempPath());
        app.setProcessEnvironment(environment);
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(QStringLiteral(STOREDESK_APP_BINARY),
                  {QStringLiteral("--locale"), QStringLiteral("de_DE")});
        QVERIFY(app.waitForStarted(10000));

        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += app.readAll()).contains("main window shown"), 20000);
        QCOMPARE(app.state(), QProcess::Running);

        ::kill(pid_t(app.processId()), SIGTERM);
        QVERIFY(app.waitForFinished(10000));
        output += app.readAll();
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
        QVERIFY2(output.contains("exited with status 0"), output.constData());
        // A clean start prints no Qt warnings (a missing plugin, a bad connect, a stray parent).
        QVERIFY2(!output.contains(" W ") && !output.contains(" C "), output.constData());
    }
};

QTEST_GUILESS_MAIN(TestAppStartup)
#include "tst_appstartup.moc"
