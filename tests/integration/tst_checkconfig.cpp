// `storedesk-server --check-config` as an operator runs it before starting the service: against
// the commercetools emulator, the same checks as start-up, a summary when all is well and the
// reason otherwise, and never the database or a listening socket.
#include "commercestack.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using storedesk::test::CommerceStack;

class TestCheckConfig : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;

    int checkConfig(QByteArray* output, const QStringList& scopes = CommerceStack::fullScopes(),
                    const QJsonObject& config = CommerceStack::defaultConfig(),
                    const QStringList& unset = {})
    {
        return m_stack.runServerToEnd({QStringLiteral("--check-config")}, scopes, config, output,
                                      unset);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_stack.startEmulator(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.seed(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.startDatabase(), qPrintable(m_stack.errorString()));
    }

    void aGoodSetupIsSummarised()
    {
        QByteArray output;
        QCOMPARE(checkConfig(&output), 0);
        QVERIFY2(output.contains("configuration ok\n"), output.constData());
        QVERIFY2(output.contains("stores: berlin-mitte, hamburg-hafen, paris-louvre (all exist in "
                                 "the project)"),
                 output.constData());
        QVERIFY(output.contains("project storedesk-demo"));
        QVERIFY2(output.contains("till at berlin-mitte: cash drawers at "), output.constData());
        QVERIFY(output.contains("granted scopes: ") &&
                output.contains("view_stores:storedesk-demo"));
        QVERIFY(output.contains("InStore callbacks: on"));
        QVERIFY2(output.contains("commercetools connections: 64 requests at once at most"),
                 output.constData());
        // The test's client has manage_customers and manage_shopping_lists, which the policy
        // allows: no warning for them.
        QVERIFY2(!output.contains("warning:"), output.constData());
        QVERIFY(!output.contains("listening"));
        QVERIFY(!output.contains(m_stack.clientSecret().toUtf8()));
        QVERIFY(!output.contains(m_stack.callbackApiKey()));

        // The database is named, not opened: checking must not create it (as root, before the
        // service user owns it).
        const QRegularExpressionMatch database =
            QRegularExpression(QStringLiteral("database: sqlite://(\\S+)"))
                .match(QString::fromUtf8(output));
        QVERIFY2(database.hasMatch(), output.constData());
        QVERIFY2(!QFileInfo::exists(database.captured(1)), qPrintable(database.captured(1)));
    }

    void excessScopesAreWarnedAbout()
    {
        QByteArray output;
        QCOMPARE(checkConfig(&output, CommerceStack::fullScopes()
                                          << QStringLiteral("manage_products:storedesk-demo")),
                 0);
        QVERIFY2(output.contains("warning: the API client has manage_products:storedesk-demo"),
                 output.constData());
    }

    void aMissingVariableIsNamed()
    {
        QByteArray output;
        QCOMPARE(checkConfig(&output, CommerceStack::fullScopes(), CommerceStack::defaultConfig(),
                             {QStringLiteral("CTP_CLIENT_SECRET")}),
                 1);
        QVERIFY2(output.contains("CTP_CLIENT_SECRET is not set"), output.constData());
        QVERIFY(!output.contains("configuration ok"));
    }

    void aMissingScopeIsNamed()
    {
        QStringList scopes = CommerceStack::fullScopes();
        scopes.removeAll(QStringLiteral("view_stores:storedesk-demo"));
        QByteArray output;
        QCOMPARE(checkConfig(&output, scopes), 1);
        QVERIFY2(output.contains("configuration not ok: the API client lacks the scopes "
                                 "view_stores"),
                 output.constData());
        QVERIFY(!output.contains("configuration ok"));
    }

    void anUnknownStoreIsNamed()
    {
        QJsonObject config = CommerceStack::defaultConfig();
        QJsonArray stores = config.value(QStringLiteral("stores")).toArray();
        stores.append(QJsonObject{{QStringLiteral("key"), QStringLiteral("atlantis")}});
        config.insert(QStringLiteral("stores"), stores);
        QByteArray output;
        QCOMPARE(checkConfig(&output, CommerceStack::fullScopes(), config), 1);
        QVERIFY2(output.contains("the configured stores atlantis do not exist in project "
                                 "storedesk-demo"),
                 output.constData());
    }

    // A payment extension's shared secret lives in the variable its terminal names; unset, the
    // check (and the server) refuses, naming the variable and the terminal.
    void aPaymentExtensionWithoutItsSecretIsNamed()
    {
        QJsonObject config = CommerceStack::defaultConfig();
        QJsonArray stores = config.value(QStringLiteral("stores")).toArray();
        QJsonObject store = stores.first().toObject();
        QJsonArray locations = store.value(QStringLiteral("locations")).toArray();
        QJsonObject location = locations.first().toObject();
        QJsonArray workstations = location.value(QStringLiteral("workstations")).toArray();
        workstations.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("psp-till")},
            {QStringLiteral("name"), QStringLiteral("PSP till")},
            {QStringLiteral("terminal"),
             QJsonObject{{QStringLiteral("id"), QStringLiteral("psp-terminal")},
                         {QStringLiteral("kind"), QStringLiteral("http")},
                         {QStringLiteral("providerUrl"), QStringLiteral("https://psp.example.com")},
                         {QStringLiteral("signingKeyEnv"),
                          QStringLiteral("STOREDESK_CHECK_PSP_SECRET")}}}});
        location.insert(QStringLiteral("workstations"), workstations);
        locations.replace(0, location);
        store.insert(QStringLiteral("locations"), locations);
        stores.replace(0, store);
        config.insert(QStringLiteral("stores"), stores);
        QByteArray output;
        QCOMPARE(checkConfig(&output, CommerceStack::fullScopes(), config), 1);
        QVERIFY2(output.contains("terminal psp-terminal of store berlin-mitte: set "
                                 "STOREDESK_CHECK_PSP_SECRET"),
                 output.constData());

        m_stack.setServerVariable(QStringLiteral("STOREDESK_CHECK_PSP_SECRET"),
                                  QStringLiteral("short"));
        QCOMPARE(checkConfig(&output, CommerceStack::fullScopes(), config), 1);
        QVERIFY2(output.contains("STOREDESK_CHECK_PSP_SECRET must have at least 32 characters"),
                 output.constData());
        QVERIFY(!output.contains("short"));

        m_stack.setServerVariable(QStringLiteral("STOREDESK_CHECK_PSP_SECRET"),
                                  QStringLiteral("a-shared-secret-of-more-than-32-bytes"));
        QCOMPARE(checkConfig(&output, CommerceStack::fullScopes(), config), 0);
        QVERIFY2(output.contains("payment extensions: 1 with their shared secret set"),
                 output.constData());
        QVERIFY(!output.contains("a-shared-secret"));
    }

    void aBrokenConfigFileIsNamed()
    {
        QJsonObject config = CommerceStack::defaultConfig();
        config.insert(QStringLiteral("sessionHours"), 0);
        QByteArray output;
        QCOMPARE(checkConfig(&output, CommerceStack::fullScopes(), config), 1);
        QVERIFY2(output.contains("sessionHours"), output.constData());
    }
};

QTEST_GUILESS_MAIN(TestCheckConfig)
#include "tst_checkconfig.moc"
