// storedesk-server as an operator meets it: the command line, and start-up refusals that say
// exactly what is wrong. (Serving requests is tst_serverapi's part.)
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

class TestServerProcess : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;

    struct Run {
        int exitCode = -1;
        QByteArray output;
    };

    Run run(const QStringList& arguments,
            const QProcessEnvironment& environment = connectorEnvironment())
    {
        QProcess server;
        QProcessEnvironment withDatabase = environment;
        withDatabase.insert(QStringLiteral("STOREDESK_DATABASE_URL"),
                            QStringLiteral("sqlite://") +
                                m_folder.filePath(QStringLiteral("server.db")));
        server.setProcessEnvironment(withDatabase);
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral(STOREDESK_SERVER_BINARY), arguments);
        if (!server.waitForFinished(30000)) {
            server.kill();
            server.waitForFinished();
            return {-1, server.readAll()};
        }
        return {server.exitStatus() == QProcess::NormalExit ? server.exitCode() : -1,
                server.readAll()};
    }

    static QProcessEnvironment connectorEnvironment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString& name : environment.keys()) {
            if (name.startsWith(QLatin1StringView("CTP_")) ||
                name.startsWith(QLatin1StringView("STOREDESK_")))
                environment.remove(name);
        }
        environment.insert(QStringLiteral("CTP_PROJECT_KEY"), QStringLiteral("acme"));
        environment.insert(QStringLiteral("CTP_CLIENT_ID"), QStringLiteral("client"));
        environment.insert(QStringLiteral("CTP_CLIENT_SECRET"), QStringLiteral("do-not-print-me"));
        environment.insert(QStringLiteral("CTP_SCOPES"), QStringLiteral("manage_orders:acme"));
        return environment;
    }

private slots:
    void versionAndHelp()
    {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.output.trimmed(), QByteArray("storedesk-server " STOREDESK_VERSION));
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* option : {"--listen", "--config", "--database", "--verbose", "users"})
            QVERIFY2(help.output.contains(option), option);
    }

    void badArgumentsAreUsageErrors()
    {
        const Run listen = run({QStringLiteral("--listen"), QStringLiteral("nowhere")});
        QCOMPARE(listen.exitCode, 2);
        QVERIFY(listen.output.contains("--listen needs an IP address and a port"));
        QCOMPARE(run({QStringLiteral("--bogus")}).exitCode, 2);
    }

    void missingConnectorSettingsAreNamed()
    {
        QProcessEnvironment environment = connectorEnvironment();
        environment.remove(QStringLiteral("CTP_CLIENT_SECRET"));
        environment.remove(QStringLiteral("CTP_SCOPES"));
        const Run refused =
            run({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, environment);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.output.contains("CTP_CLIENT_SECRET") &&
                     refused.output.contains("CTP_SCOPES"),
                 refused.output.constData());
        QVERIFY(!refused.output.contains("listening"));
    }

    void unreachableCommercetoolsStopsStartUp()
    {
        // A port that was free a moment ago: nothing answers there.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString closed = QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort());
        probe.close();
        QProcessEnvironment environment = connectorEnvironment();
        environment.insert(QStringLiteral("CTP_API_URL"), closed);
        environment.insert(QStringLiteral("CTP_AUTH_URL"), closed);
        const Run refused =
            run({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, environment);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.output.contains("cannot get an access token"), refused.output.constData());
        QVERIFY(!refused.output.contains("do-not-print-me"));
    }

    void configFileMayNotHoldSecrets()
    {
        const QString path = m_folder.filePath(QStringLiteral("leaky.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"clientSecret": "oops"})");
        file.close();
        const Run refused = run({QStringLiteral("--config"), path});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.output.contains("must not hold credentials"), refused.output.constData());
    }

    void badDatabaseUrlIsNamed()
    {
        const Run refused = run({QStringLiteral("--database"), QStringLiteral("mysql://x")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(!refused.output.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_serverprocess.moc"
