#include "serverconfig.h"

#include <QTest>

using storedesk::server::ServerConfig;

namespace {

// JSON written with single quotes, which reads better inside C++ strings.
QByteArray json(const char* text)
{
    return QByteArray(text).replace('\'', '"');
}

} // namespace

class TestServerConfig : public QObject {
    Q_OBJECT

private slots:
    void readsStoresLocationsAndWorkstations()
    {
        const auto config = ServerConfig::fromJson(json(
            "{ "
            "'listen': '127.0.0.1:9000', 'database': 'sqlite:///tmp/x.db', 'sessionHours': 8, "
            "'stores': [{'key': 'berlin-mitte', 'locations': [ "
            "{'id': 'ground', 'name': 'Ground floor', 'workstations': [ "
            "{'id': 'till-1', 'name': 'Till 1', 'terminal': {'id': 't-1', 'kind': 'simulated'}}, "
            "{'id': 'till-2', 'name': 'Till 2'}]}]}]}"));
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        QCOMPARE(config->listen, QStringLiteral("127.0.0.1:9000"));
        QCOMPARE(config->sessionHours, 8);
        const auto* store = config->store(QStringLiteral("berlin-mitte"));
        QVERIFY(store);
        QVERIFY(!config->store(QStringLiteral("hamburg")));
        QCOMPARE(store->locations.size(), 1);
        const auto* till = store->workstation(QStringLiteral("till-1"));
        QVERIFY(till && till->terminal);
        QCOMPARE(till->terminal->kind, QStringLiteral("simulated"));
        QVERIFY(!store->workstation(QStringLiteral("till-2"))->terminal);
        QVERIFY(!store->workstation(QStringLiteral("till-9")));
    }

    void emptyFileMeansDefaults()
    {
        const auto config = ServerConfig::fromJson("{}");
        QVERIFY(config);
        QCOMPARE(config->sessionHours, 12);
        QCOMPARE(config->commercetoolsConnections, 64);
        QVERIFY(config->stores.isEmpty());
    }

    void readsCommercetoolsConnections()
    {
        const auto config = ServerConfig::fromJson(json("{'commercetoolsConnections': 200}"));
        QVERIFY(config);
        QCOMPARE(config->commercetoolsConnections, 200);
    }

    void refusesSecrets_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("top level") << json("{'CTP_CLIENT_SECRET': 'x'}");
        QTest::newRow("nested") << json("{'commercetools': {'clientSecret': 'x'}}");
        QTest::newRow("in an array") << json("{'stores': [{'key': 'ab', 'apiToken': 'x'}]}");
    }

    void refusesSecrets()
    {
        QFETCH(QByteArray, json);
        const auto config = ServerConfig::fromJson(json);
        QVERIFY(!config);
        QVERIFY(config.error().message.contains(QStringLiteral("environment")));
    }

    void badValues_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("bad store key")
            << json("{'stores': [{'key': 'a b'}]}") << QStringLiteral("stores[0].key");
        QTest::newRow("duplicate store") << json("{'stores': [{'key': 'ab'}, {'key': 'ab'}]}")
                                         << QStringLiteral("stores[1].key");
        QTest::newRow("bad workstation id")
            << json("{'stores': [{'key': 'ab', 'locations': [{'id': 'l', 'name': 'L', "
                    "'workstations': [{'id': 'x y', 'name': 'W'}]}]}]}")
            << QStringLiteral("stores[0].locations[0].workstations[0].id");
        QTest::newRow("duplicate workstation")
            << json("{'stores': [{'key': 'ab', 'locations': [{'id': 'l', 'name': 'L', "
                    "'workstations': [{'id': 'w', 'name': 'W'}]}, {'id': 'm', 'name': 'M', "
                    "'workstations': [{'id': 'w', 'name': 'W'}]}]}]}")
            << QStringLiteral("stores[0].locations[1].workstations[0].id");
        QTest::newRow("unknown terminal kind")
            << json("{'stores': [{'key': 'ab', 'locations': [{'id': 'l', 'name': 'L', "
                    "'workstations': [{'id': 'w', 'name': 'W', 'terminal': {'id': 't', 'kind': "
                    "'magic'}}]}]}]}")
            << QStringLiteral("stores[0].locations[0].workstations[0].terminal.kind");
        QTest::newRow("session hours")
            << json("{'sessionHours': 0}") << QStringLiteral("sessionHours");
        QTest::newRow("wrong type") << json("{'listen': 8080}") << QStringLiteral("listen");
        QTest::newRow("no connections") << json("{'commercetoolsConnections': 0}")
                                        << QStringLiteral("commercetoolsConnections");
        QTest::newRow("too many connections") << json("{'commercetoolsConnections': 5000}")
                                              << QStringLiteral("commercetoolsConnections");
    }

    void badValues()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        const auto config = ServerConfig::fromJson(json);
        QVERIFY(!config);
        QCOMPARE(config.error().path, path);
    }

    void missingFileIsAClearError()
    {
        const auto config = ServerConfig::load(QStringLiteral("/nonexistent/storedesk.json"));
        QVERIFY(!config);
        QVERIFY(config.error().message.contains(QStringLiteral("/nonexistent/storedesk.json")));
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
