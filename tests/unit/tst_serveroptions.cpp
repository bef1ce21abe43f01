#include "serveroptions.h"

#include <QTest>

using storedesk::server::ServerOptions;

class TestServerOptions : public QObject {
    Q_OBJECT

private slots:
    void defaultsToLoopback8080()
    {
        const ServerOptions options = ServerOptions::parse({QStringLiteral("storedesk-server")});
        QCOMPARE(options.action, ServerOptions::Action::Serve);
        QCOMPARE(options.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(options.port, quint16(8080));
    }

    void listen_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:9000") << QStringLiteral("127.0.0.1")
                              << 9000;
        QTest::newRow("any port") << QStringLiteral("127.0.0.1:0") << QStringLiteral("127.0.0.1")
                                  << 0;
        QTest::newRow("all interfaces")
            << QStringLiteral("0.0.0.0:443") << QStringLiteral("0.0.0.0") << 443;
        QTest::newRow("ipv6") << QStringLiteral("[::1]:8443") << QStringLiteral("::1") << 8443;
    }

    void listen()
    {
        QFETCH(QString, value);
        QFETCH(QString, address);
        QFETCH(int, port);
        const ServerOptions options = ServerOptions::parse(
            {QStringLiteral("storedesk-server"), QStringLiteral("--listen"), value});
        QCOMPARE(options.action, ServerOptions::Action::Serve);
        QCOMPARE(options.address, QHostAddress(address));
        QCOMPARE(int(options.port), port);
    }

    void badListenValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("no port") << QStringLiteral("127.0.0.1");
        QTest::newRow("host name") << QStringLiteral("localhost:80");
        QTest::newRow("port too large") << QStringLiteral("127.0.0.1:65536");
        QTest::newRow("negative port") << QStringLiteral("127.0.0.1:-1");
        QTest::newRow("empty host") << QStringLiteral(":80");
        QTest::newRow("garbage") << QStringLiteral("nowhere");
    }

    void badListenValues()
    {
        QFETCH(QString, value);
        const ServerOptions options = ServerOptions::parse(
            {QStringLiteral("storedesk-server"), QStringLiteral("--listen"), value});
        QCOMPARE(options.action, ServerOptions::Action::Error);
        QVERIFY(options.errorText.contains(QStringLiteral("--listen")));
    }

    void versionHelpAndUnknown()
    {
        QCOMPARE(ServerOptions::parse({QStringLiteral("s"), QStringLiteral("--version")}).action,
                 ServerOptions::Action::ShowVersion);
        QCOMPARE(ServerOptions::parse({QStringLiteral("s"), QStringLiteral("--help")}).action,
                 ServerOptions::Action::ShowHelp);
        QCOMPARE(ServerOptions::parse({QStringLiteral("s"), QStringLiteral("--what")}).action,
                 ServerOptions::Action::Error);
        QCOMPARE(ServerOptions::parse({QStringLiteral("s"), QStringLiteral("extra")}).action,
                 ServerOptions::Action::Error);
    }

    void checkConfig()
    {
        const ServerOptions options = ServerOptions::parse(
            {QStringLiteral("s"), QStringLiteral("--check-config"), QStringLiteral("--config"),
             QStringLiteral("/etc/storedesk/server.json")});
        QCOMPARE(options.action, ServerOptions::Action::CheckConfig);
        QCOMPARE(options.configFile, QStringLiteral("/etc/storedesk/server.json"));
        const ServerOptions withUsers =
            ServerOptions::parse({QStringLiteral("s"), QStringLiteral("--check-config"),
                                  QStringLiteral("users"), QStringLiteral("list")});
        QCOMPARE(withUsers.action, ServerOptions::Action::Error);
        QVERIFY(withUsers.errorText.contains(QStringLiteral("--check-config")));
    }
};

QTEST_GUILESS_MAIN(TestServerOptions)
#include "tst_serveroptions.moc"
