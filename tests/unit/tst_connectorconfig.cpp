#include "commercetools/connectorconfig.h"

#include <QTest>

using storedesk::server::ConnectorConfig;

class TestConnectorConfig : public QObject {
    Q_OBJECT

private:
    static QProcessEnvironment complete()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("CTP_PROJECT_KEY"), QStringLiteral("acme-shop"));
        environment.insert(QStringLiteral("CTP_CLIENT_ID"), QStringLiteral("Zt7mD_client-1"));
        environment.insert(QStringLiteral("CTP_CLIENT_SECRET"),
                           QStringLiteral("s3cr3t-Value-That-Must-Not-Leak"));
        environment.insert(QStringLiteral("CTP_SCOPES"),
                           QStringLiteral("manage_orders:acme-shop  view_stores:acme-shop"));
        return environment;
    }

private slots:
    void defaultsToEuropeWest()
    {
        const auto config = ConnectorConfig::fromEnvironment(complete());
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        QCOMPARE(config->region, QStringLiteral("europe-west1.gcp"));
        QCOMPARE(config->apiUrl,
                 QUrl(QStringLiteral("https://api.europe-west1.gcp.commercetools.com")));
        QCOMPARE(config->authUrl,
                 QUrl(QStringLiteral("https://auth.europe-west1.gcp.commercetools.com")));
        QCOMPARE(config->scopes, (QStringList{QStringLiteral("manage_orders:acme-shop"),
                                              QStringLiteral("view_stores:acme-shop")}));
    }

    void everyRegionBuildsItsUrls_data()
    {
        QTest::addColumn<QString>("region");
        for (const QString& region : ConnectorConfig::regions)
            QTest::newRow(qPrintable(region)) << region;
    }

    void everyRegionBuildsItsUrls()
    {
        QFETCH(QString, region);
        QProcessEnvironment environment = complete();
        environment.insert(QStringLiteral("CTP_REGION"), region);
        const auto config = ConnectorConfig::fromEnvironment(environment);
        QVERIFY(config);
        QCOMPARE(config->apiUrl.host(), QStringLiteral("api.%1.commercetools.com").arg(region));
        QCOMPARE(config->authUrl.host(), QStringLiteral("auth.%1.commercetools.com").arg(region));
    }

    void localEmulatorOverrides()
    {
        QProcessEnvironment environment = complete();
        environment.insert(QStringLiteral("CTP_API_URL"), QStringLiteral("http://127.0.0.1:4444/"));
        environment.insert(QStringLiteral("CTP_AUTH_URL"), QStringLiteral("http://localhost:4444"));
        const auto config = ConnectorConfig::fromEnvironment(environment);
        QVERIFY(config);
        QCOMPARE(config->apiUrl, QUrl(QStringLiteral("http://127.0.0.1:4444")));
        QCOMPARE(config->authUrl, QUrl(QStringLiteral("http://localhost:4444")));
    }

    void problemsNameTheirVariable_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value"); // empty: unset
        QTest::newRow("no project") << QStringLiteral("CTP_PROJECT_KEY") << QString();
        QTest::newRow("bad project")
            << QStringLiteral("CTP_PROJECT_KEY") << QStringLiteral("acme shop");
        QTest::newRow("no client id") << QStringLiteral("CTP_CLIENT_ID") << QString();
        QTest::newRow("bad client id")
            << QStringLiteral("CTP_CLIENT_ID") << QStringLiteral("id with spaces");
        QTest::newRow("no secret") << QStringLiteral("CTP_CLIENT_SECRET") << QString();
        QTest::newRow("blank secret")
            << QStringLiteral("CTP_CLIENT_SECRET") << QStringLiteral("   ");
        QTest::newRow("no scopes") << QStringLiteral("CTP_SCOPES") << QString();
        QTest::newRow("unknown region")
            << QStringLiteral("CTP_REGION") << QStringLiteral("mars-north1.gcp");
        QTest::newRow("plain http elsewhere")
            << QStringLiteral("CTP_API_URL") << QStringLiteral("http://api.example.com");
        QTest::newRow("not a URL") << QStringLiteral("CTP_AUTH_URL") << QStringLiteral("auth");
        QTest::newRow("credentials in URL")
            << QStringLiteral("CTP_AUTH_URL") << QStringLiteral("https://u:p@auth.example.com");
    }

    void problemsNameTheirVariable()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QProcessEnvironment environment = complete();
        if (value.isNull())
            environment.remove(variable);
        else
            environment.insert(variable, value);
        const auto config = ConnectorConfig::fromEnvironment(environment);
        QVERIFY(!config);
        QVERIFY2(config.error().message.contains(variable), qPrintable(config.error().message));
        QVERIFY(!config.error().message.contains(QStringLiteral("s3cr3t")));
    }

    void everyProblemIsReportedAtOnce()
    {
        const auto config = ConnectorConfig::fromEnvironment(QProcessEnvironment());
        QVERIFY(!config);
        for (const char* variable :
             {"CTP_PROJECT_KEY", "CTP_CLIENT_ID", "CTP_CLIENT_SECRET", "CTP_SCOPES"})
            QVERIFY2(config.error().message.contains(QLatin1StringView(variable)), variable);
    }

    void describeLeavesTheSecretOut()
    {
        const auto config = ConnectorConfig::fromEnvironment(complete());
        QVERIFY(config);
        const QString description = config->describe();
        QVERIFY(description.contains(QStringLiteral("acme-shop")));
        QVERIFY(description.contains(QStringLiteral("Zt7mD_client-1")));
        QVERIFY(!description.contains(QStringLiteral("s3cr3t")));
    }
};

QTEST_GUILESS_MAIN(TestConnectorConfig)
#include "tst_connectorconfig.moc"
