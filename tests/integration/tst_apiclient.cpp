#include "api/apiclient.h"
#include "api/cartjobs.h"
#include "api/healthjob.h"
#include "api/healthmonitor.h"
#include "api/pricecheckjob.h"
#include "api/sessionjobs.h"
#include "api/storesjob.h"
#include "commercestack.h"
#include "demousers.h"
#include "jobwaiting.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace storedesk;
using namespace storedesk::api;
using namespace storedesk::test;

// The API client against the real storedesk-server and the commercetools emulator.
class TestApiClient : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;

    // A client logged in as a colleague of berlin-mitte at till 1.
    std::unique_ptr<ApiClient> annaClient()
    {
        auto client = std::make_unique<ApiClient>();
        client->setServerUrl(m_stack.serverUrl());
        auto result = runJob(
            client->logIn({QString::fromLatin1(anna.username), QString::fromLatin1(anna.secret),
                           QStringLiteral("berlin-mitte"), QStringLiteral("berlin-mitte-till-1")}));
        if (result && result->hasValue())
            client->setAccessToken(result->value().accessToken);
        return client;
    }

    QString seededCartId(const char* key) const
    {
        return m_stack.seededCart(QString::fromLatin1(key)).value(QStringLiteral("id")).toString();
    }

private slots:
    void initTestCase() { QVERIFY2(startDemoStack(m_stack), qPrintable(m_stack.errorString())); }

    void healthAnswersWithoutToken()
    {
        ApiClient client;
        client.setServerUrl(m_stack.serverUrl());
        QSignalSpy answered(&client, &ApiClient::serverAnswered);
        auto result = runJob(client.health());
        QVERIFY(result);
        QVERIFY2(result->hasValue(), whyNot(*result).constData());
        QVERIFY(!result->value().version.isEmpty());
        QVERIFY(result->value().commercetoolsReachable);
        QCOMPARE(answered.count(), 1);
        QCOMPARE(answered.first().first().toBool(), true);
    }

    void insecureUrlIsRefusedWithoutSending()
    {
        // A listening socket that would notice any connection attempt.
        QTcpServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost));
        ApiClient client;
        client.setServerUrl(QUrl(QStringLiteral("http://pos.example.com/storedesk/v1")));
        HealthJob* job = client.health();
        bool finishedSynchronously = false;
        connect(job, &ApiJob::finished, this, [&] { finishedSynchronously = true; });
        job->start();
        // Errors are reported from the event loop, never from inside start().
        QVERIFY(!finishedSynchronously);
        auto result = runJob(client.health());
        QVERIFY(result);
        QVERIFY(!result->hasValue());
        QCOMPARE(result->error().code, ApiError::Code::InsecureUrl);
        QVERIFY(result->error().message.contains(QStringLiteral("https://")));
        QVERIFY(!result->error().correlationId.isEmpty());
    }

    void loginReturnsSessionAndWrongSecretIsAnError()
    {
        ApiClient client;
        client.setServerUrl(m_stack.serverUrl());
        QSignalSpy unauthenticated(&client, &ApiClient::unauthenticated);
        auto ok = runJob(
            client.logIn({QStringLiteral("anna"), QStringLiteral("anna1234"),
                          QStringLiteral("berlin-mitte"), QStringLiteral("berlin-mitte-till-1")}));
        QVERIFY(ok);
        QVERIFY2(ok->hasValue(), whyNot(*ok).constData());
        QVERIFY(!ok->value().accessToken.isEmpty());
        QCOMPARE(ok->value().username, QStringLiteral("anna"));
        QCOMPARE(ok->value().storeKey, QStringLiteral("berlin-mitte"));
        QVERIFY(!ok->value().isManager());
        QVERIFY(!ok->value().isExpired());

        auto wrong = runJob(
            client.logIn({QStringLiteral("anna"), QStringLiteral("wrong-secret"),
                          QStringLiteral("berlin-mitte"), QStringLiteral("berlin-mitte-till-1")}));
        QVERIFY(wrong);
        QVERIFY(!wrong->hasValue());
        QCOMPARE(wrong->error().code, ApiError::Code::Unauthenticated);
        QCOMPARE(wrong->error().httpStatus, 401);
        QVERIFY(wrong->error().message.contains(QStringLiteral("wrong")));
        QVERIFY(!wrong->error().message.contains(QStringLiteral("wrong-secret")));
        // A failed login is not the end of a session.
        QCOMPARE(unauthenticated.count(), 0);

        // A PIN is a secret like a password.
        auto pin = runJob(client.logIn({QStringLiteral("lena"), QStringLiteral("4711"),
                                        QStringLiteral("hamburg-hafen"),
                                        QStringLiteral("hamburg-hafen-till-1")}));
        QVERIFY(pin);
        QVERIFY2(pin->hasValue(), whyNot(*pin).constData());
        QCOMPARE(pin->value().storeKey, QStringLiteral("hamburg-hafen"));
    }

    void lookupOkGivesTheSeededCart()
    {
        auto client = annaClient();
        QVERIFY(client->hasAccessToken());
        const QJsonObject seeded = m_stack.seededCart(QStringLiteral("berlin-mitte-three-lines"));
        auto result = runJob(client->cart(QStringLiteral("berlin-mitte"),
                                          seeded.value(QStringLiteral("id")).toString()));
        QVERIFY(result);
        QVERIFY2(result->hasValue(), whyNot(*result).constData());
        const Cart& cart = result->value();
        QCOMPARE(cart.key, QStringLiteral("berlin-mitte-three-lines"));
        QCOMPARE(cart.lineItems.size(), 3);
        QCOMPARE(cart.totalPrice.minorUnits(), seeded.value(QStringLiteral("totalPrice"))
                                                   .toObject()
                                                   .value(QStringLiteral("centAmount"))
                                                   .toInteger());
        QCOMPARE(cart.totalPrice.currencyCode(), QStringLiteral("EUR"));
    }

    void findCartsByKeyAndByEmail()
    {
        auto client = annaClient();
        auto byKey = runJob(client->findCarts(QStringLiteral("berlin-mitte"),
                                              {QStringLiteral("berlin-mitte-simple"), {}, 20}));
        QVERIFY(byKey);
        QVERIFY2(byKey->hasValue(), whyNot(*byKey).constData());
        QCOMPARE(byKey->value().size(), 1);
        QCOMPARE(byKey->value().first().id, seededCartId("berlin-mitte-simple"));

        auto byEmail = runJob(client->findCarts(
            QStringLiteral("berlin-mitte"), {{}, QStringLiteral("ANNA.SCHMIDT@example.com"), 20}));
        QVERIFY(byEmail);
        QVERIFY2(byEmail->hasValue(), whyNot(*byEmail).constData());
        QStringList keys;
        for (const CartSummary& summary : byEmail->value())
            keys << summary.key;
        keys.sort();
        // anna.schmidt's active carts of berlin-mitte, and no other store's.
        QVERIFY(keys.contains(QStringLiteral("berlin-mitte-simple")));
        QVERIFY(keys.contains(QStringLiteral("berlin-mitte-custom-line")));
        QVERIFY(!keys.contains(QStringLiteral("hamburg-hafen-simple")));
    }

    void unknownCartIsNotFoundWithCorrelationId()
    {
        auto client = annaClient();
        CartJob* job = client->cart(QStringLiteral("berlin-mitte"),
                                    QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QString sent = job->correlationId();
        QVERIFY(!QUuid::fromString(sent).isNull());
        auto result = runJob(job);
        QVERIFY(result);
        QVERIFY(!result->hasValue());
        QCOMPARE(result->error().code, ApiError::Code::NotFound);
        QCOMPARE(result->error().httpStatus, 404);
        QCOMPARE(result->error().serverCode, QStringLiteral("not_found"));
        // The server echoes the id the app made, so support can find this request in its log.
        QCOMPARE(result->error().correlationId, sent);
        QVERIFY(result->error().toDisplayString().contains(sent));
        QVERIFY(m_stack.serverLog().contains(sent.toLatin1()));
    }

    void foreignStoreCartIsNotFoundAndForeignStoreIsForbidden()
    {
        auto client = annaClient();
        const QString hamburgCart = seededCartId("hamburg-hafen-simple");
        auto underOwnStore = runJob(client->cart(QStringLiteral("berlin-mitte"), hamburgCart));
        QVERIFY(underOwnStore);
        QVERIFY(!underOwnStore->hasValue());
        QCOMPARE(underOwnStore->error().code, ApiError::Code::NotFound);

        auto underForeignStore = runJob(client->cart(QStringLiteral("hamburg-hafen"), hamburgCart));
        QVERIFY(underForeignStore);
        QVERIFY(!underForeignStore->hasValue());
        QCOMPARE(underForeignStore->error().code, ApiError::Code::Forbidden);
    }

    void priceCheckGivesTheStorePrice()
    {
        auto client = annaClient();
        auto result =
            runJob(client->priceCheck(QStringLiteral("berlin-mitte"), QStringLiteral("SD-1001")));
        QVERIFY(result);
        QVERIFY2(result->hasValue(), whyNot(*result).constData());
        QCOMPARE(result->value().sku, QStringLiteral("SD-1001"));
        QCOMPARE(result->value().name.value(QStringLiteral("de")), QStringLiteral("Espressotasse"));
        QVERIFY(result->value().price.has_value());
        QCOMPARE(result->value().price->value.minorUnits(), 1234);

        auto unknown = runJob(
            client->priceCheck(QStringLiteral("berlin-mitte"), QStringLiteral("NO-SUCH-SKU")));
        QVERIFY(unknown);
        QVERIFY(!unknown->hasValue());
        QCOMPARE(unknown->error().code, ApiError::Code::NotFound);
    }

    void storesForManagersOnly()
    {
        ApiClient client;
        client.setServerUrl(m_stack.serverUrl());
        auto login =
            runJob(client.logIn({QStringLiteral("max"), QStringLiteral("max12345"), {}, {}}));
        QVERIFY(login && login->hasValue());
        QVERIFY(login->value().isManager());
        client.setAccessToken(login->value().accessToken);
        auto stores = runJob(client.stores());
        QVERIFY(stores);
        QVERIFY2(stores->hasValue(), whyNot(*stores).constData());
        QCOMPARE(stores->value().size(), 3);
        const SetupStore& berlin = stores->value().first();
        QCOMPARE(berlin.key.toString(), QStringLiteral("berlin-mitte"));
        QCOMPARE(berlin.locations.first().workstations.first().id,
                 QStringLiteral("berlin-mitte-till-1"));

        auto colleague = annaClient();
        auto refused = runJob(colleague->stores());
        QVERIFY(refused);
        QVERIFY(!refused->hasValue());
        QCOMPARE(refused->error().code, ApiError::Code::Forbidden);
        QVERIFY(refused->error().message.contains(QStringLiteral("manager")));
    }

    void timeoutWhenTheServerNeverAnswers()
    {
        QTcpServer silent; // accepts connections and never says a word
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket*> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* socket = silent.nextPendingConnection())
                held.append(socket);
        });
        ApiClient client;
        client.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        HealthJob* job = client.health();
        job->setTimeout(std::chrono::milliseconds(400));
        QElapsedTimer elapsed;
        elapsed.start();
        auto result = runJob(job, 10000);
        QVERIFY(result);
        QVERIFY(!result->hasValue());
        QCOMPARE(result->error().code, ApiError::Code::Timeout);
        QVERIFY(elapsed.elapsed() >= 350);
        QVERIFY(elapsed.elapsed() < 5000);
        QVERIFY(!held.isEmpty()); // it really connected and waited
    }

    void tlsErrorsAreNeverIgnored()
    {
        // A server with a self-signed certificate: the handshake must fail, and the job say so.
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString key = folder.filePath(QStringLiteral("key.pem"));
        const QString certificate = folder.filePath(QStringLiteral("cert.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), certificate,
                       QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1")});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile keyFile(key);
        QFile certificateFile(certificate);
        QVERIFY(keyFile.open(QIODevice::ReadOnly) && certificateFile.open(QIODevice::ReadOnly));
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        configuration.setLocalCertificate(QSslCertificate(certificateFile.readAll()));
        QSslServer server;
        server.setSslConfiguration(configuration);
        bool requestArrived = false;
        connect(&server, &QSslServer::pendingConnectionAvailable, this, [&] {
            while (QTcpSocket* socket = server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [&] { requestArrived = true; });
        });
        QVERIFY(server.listen(QHostAddress::LocalHost));

        ApiClient client;
        client.setServerUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
        client.setAccessToken("must-not-travel");
        auto result =
            runJob(client.cart(QStringLiteral("berlin-mitte"), QStringLiteral("x")), 20000);
        QVERIFY(result);
        QVERIFY(!result->hasValue());
        QCOMPARE(result->error().code, ApiError::Code::TlsFailure);
        QVERIFY(result->error().message.contains(QStringLiteral("certificate")));
        QVERIFY(!requestArrived); // no request, so no token, went over the unverified connection
    }

    void serverDownIsUnreachable()
    {
        quint16 port = 0;
        {
            QTcpServer probe; // a free port nobody listens on once probe is gone
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        ApiClient client;
        client.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QSignalSpy answered(&client, &ApiClient::serverAnswered);
        auto result = runJob(client.health(), 10000);
        QVERIFY(result);
        QVERIFY(!result->hasValue());
        QCOMPARE(result->error().code, ApiError::Code::ServerUnreachable);
        QCOMPARE(result->error().httpStatus, 0);
        QCOMPARE(answered.count(), 1);
        QCOMPARE(answered.first().first().toBool(), false);
    }

    void healthMonitorBacksOffWhileOfflineAndRecovers()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        ApiClient client;
        client.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        HealthMonitor monitor(&client);
        monitor.setIntervals(std::chrono::milliseconds(5000), std::chrono::milliseconds(400),
                             std::chrono::milliseconds(1600));
        QSignalSpy changed(&monitor, &HealthMonitor::stateChanged);
        monitor.start();
        QTRY_COMPARE(monitor.state(), HealthMonitor::State::Offline);
        QCOMPARE(monitor.nextInterval(), std::chrono::milliseconds(400));
        QTRY_COMPARE(monitor.nextInterval(), std::chrono::milliseconds(800));
        QTRY_COMPARE(monitor.nextInterval(), std::chrono::milliseconds(1600));
        QTest::qWait(2000);
        QCOMPARE(monitor.nextInterval(), std::chrono::milliseconds(1600)); // capped
        QCOMPARE(changed.count(), 1); // Offline once, not on every failed poll

        client.setServerUrl(m_stack.serverUrl()); // the server is back
        QTRY_COMPARE_WITH_TIMEOUT(monitor.state(), HealthMonitor::State::Online, 5000);
        QCOMPARE(monitor.nextInterval(), std::chrono::milliseconds(5000));
    }

    void abortCancels()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ApiClient client;
        client.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
        HealthJob* job = client.health();
        QTimer::singleShot(100, job, [job] { job->abort(); });
        auto result = runJob(job, 10000);
        QVERIFY(result);
        QVERIFY(!result->hasValue());
        QCOMPARE(result->error().code, ApiError::Code::Cancelled);
    }

    void unauthenticatedForgetsTheToken()
    {
        auto client = annaClient();
        const QByteArray token = client->accessToken();
        QVERIFY(!token.isEmpty());
        // The session ends elsewhere (another tab, an admin, expiry).
        QCOMPARE(m_stack.call("DELETE", QStringLiteral("/session"), {}, token).status, 204);
        QSignalSpy unauthenticated(client.get(), &ApiClient::unauthenticated);
        auto result = runJob(
            client->cart(QStringLiteral("berlin-mitte"), seededCartId("berlin-mitte-simple")));
        QVERIFY(result);
        QVERIFY(!result->hasValue());
        QCOMPARE(result->error().code, ApiError::Code::Unauthenticated);
        QCOMPARE(unauthenticated.count(), 1);
        QVERIFY(!client->hasAccessToken());
    }

    void logoutRevokesTheToken()
    {
        auto client = annaClient();
        const QByteArray token = client->accessToken();
        auto result = runJob(client->logOut());
        QVERIFY(result);
        QVERIFY2(result->hasValue(), whyNot(*result).constData());
        QCOMPARE(
            m_stack.call("GET", QStringLiteral("/stores/berlin-mitte/carts?limit=1"), {}, token)
                .status,
            401);
    }

    void secretsNeverReachTheLog()
    {
        static QStringList logged;
        logged.clear();
        QLoggingCategory::setFilterRules(QStringLiteral("storedesk.*.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext&, const QString& text) { logged.append(text); });
        auto client = annaClient();
        const QByteArray token = client->accessToken();
        auto result = runJob(client->cart(QStringLiteral("berlin-mitte"),
                                          QUuid::createUuid().toString(QUuid::WithoutBraces)));
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!token.isEmpty());
        QVERIFY(result && !result->hasValue());
        QVERIFY(!logged.isEmpty()); // debug logging really ran
        for (const QString& line : std::as_const(logged)) {
            QVERIFY2(!line.contains(QString::fromLatin1(token)), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("anna1234")), qPrintable(line));
        }
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
