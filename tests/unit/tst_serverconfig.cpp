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

    void readsTheTillAndCashDrawers()
    {
        const auto config = ServerConfig::fromJson(json(
            "{'stores': [{'key': 'berlin-mitte', "
            "'till': {'cardNeedsOpenTill': true, 'payInReasons': ['Change delivery'], "
            "'payOutReasons': ['Supplier paid', 'Tip out'], 'noSaleReasons': ['Check drawer'], "
            "'payOutApprovalAbove': 2000, 'noSaleApprovalAfter': 0, 'closeApprovalAbove': 0}, "
            "'locations': [{'id': 'ground', 'name': 'Ground floor', 'workstations': [ "
            "{'id': 'till-1', 'name': 'Till 1', 'terminal': {'id': 't-1', 'kind': 'simulated'}}, "
            "{'id': 'kiosk', 'name': 'Kiosk', 'cashDrawer': false, "
            "'terminal': {'id': 't-2', 'kind': 'simulated'}}]}]}, {'key': 'hamburg'}]}"));
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        const auto* store = config->store(QStringLiteral("berlin-mitte"));
        QVERIFY(store->till.cardNeedsOpenTill);
        QCOMPARE(store->till.payInReasons, QStringList{QStringLiteral("Change delivery")});
        QCOMPARE(store->till.payOutReasons.size(), 2);
        QCOMPARE(store->till.noSaleReasons, QStringList{QStringLiteral("Check drawer")});
        QCOMPARE(store->till.payOutApprovalAbove, 2000);
        QCOMPARE(store->till.noSaleApprovalAfter, 0);
        QCOMPARE(store->till.closeApprovalAbove, 0);
        const auto* till = store->workstation(QStringLiteral("till-1"));
        QVERIFY(till->cashDrawer);
        QCOMPARE(till->tenders(), (QStringList{QStringLiteral("cash"), QStringLiteral("card")}));
        const auto* kiosk = store->workstation(QStringLiteral("kiosk"));
        QVERIFY(!kiosk->cashDrawer);
        QCOMPARE(kiosk->tenders(), QStringList{QStringLiteral("card")});

        // A store without a till object has docs/TILL.md's defaults.
        const auto& defaults = config->store(QStringLiteral("hamburg"))->till;
        QVERIFY(!defaults.cardNeedsOpenTill);
        QCOMPARE(defaults.payOutReasons,
                 (QStringList{QStringLiteral("Supplier paid"), QStringLiteral("Tip out"),
                              QStringLiteral("Petty cash")}));
        QCOMPARE(defaults.payOutApprovalAbove, 5000);
        QCOMPARE(defaults.noSaleApprovalAfter, 3);
        QCOMPARE(defaults.closeApprovalAbove, 500);
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
        QTest::newRow("cash drawer not a bool")
            << json("{'stores': [{'key': 'ab', 'locations': [{'id': 'l', 'name': 'L', "
                    "'workstations': [{'id': 'w', 'name': 'W', 'cashDrawer': 'yes'}]}]}]}")
            << QStringLiteral("stores[0].locations[0].workstations[0].cashDrawer");
        QTest::newRow("till not an object")
            << json("{'stores': [{'key': 'ab', 'till': 5}]}") << QStringLiteral("stores[0].till");
        QTest::newRow("till reasons empty")
            << json("{'stores': [{'key': 'ab', 'till': {'payOutReasons': []}}]}")
            << QStringLiteral("stores[0].till.payOutReasons");
        QTest::newRow("till reason blank")
            << json("{'stores': [{'key': 'ab', 'till': {'payInReasons': ['Float', ' ']}}]}")
            << QStringLiteral("stores[0].till.payInReasons");
        QTest::newRow("till reason twice")
            << json("{'stores': [{'key': 'ab', 'till': {'noSaleReasons': ['A', 'A']}}]}")
            << QStringLiteral("stores[0].till.noSaleReasons");
        QTest::newRow("till reason not a string")
            << json("{'stores': [{'key': 'ab', 'till': {'noSaleReasons': [3]}}]}")
            << QStringLiteral("stores[0].till.noSaleReasons[0]");
        QTest::newRow("till negative limit")
            << json("{'stores': [{'key': 'ab', 'till': {'payOutApprovalAbove': -1}}]}")
            << QStringLiteral("stores[0].till.payOutApprovalAbove");
        QTest::newRow("till no-sale count")
            << json("{'stores': [{'key': 'ab', 'till': {'noSaleApprovalAfter': 5000}}]}")
            << QStringLiteral("stores[0].till.noSaleApprovalAfter");
        QTest::newRow("till close limit not a number")
            << json("{'stores': [{'key': 'ab', 'till': {'closeApprovalAbove': '5'}}]}")
            << QStringLiteral("stores[0].till.closeApprovalAbove");
        QTest::newRow("till card flag")
            << json("{'stores': [{'key': 'ab', 'till': {'cardNeedsOpenTill': 1}}]}")
            << QStringLiteral("stores[0].till.cardNeedsOpenTill");
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
