// Issue 12 item 2 with real parts: the app (a real process) is SIGKILLed between recording an
// attempt and getting its answer, then a later Checkout on the same record folder resumes it
// against the real server and the emulator. An attempt the server never saw is not sent by itself
// (the colleague takes it now or discards it); one the server did get is followed.

#include "api/apiclient.h"
#include "commercestack.h"
#include "flows/checkout.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace storedesk;
using storedesk::test::CommerceStack;

namespace {

const QString store = QStringLiteral("berlin-mitte");
const QString annaSecret = QStringLiteral("anna-Pa55-word");
const QString maxSecret = QStringLiteral("max-Pa55-word");

QJsonObject eur(qint64 cents)
{
    return {{QStringLiteral("centAmount"), cents},
            {QStringLiteral("currencyCode"), QStringLiteral("EUR")}};
}

// Between the app and the server: swallows requests (nothing reaches the server), forwards them
// but never the answer, or passes everything.
class Gate : public QTcpServer {
public:
    enum class Mode { Swallow, DropAnswers, Pass };

    Gate(const QUrl& server, Mode mode)
        : m_server(server)
        , m_mode(mode)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* client = nextPendingConnection()) {
                client->setParent(this);
                if (m_mode == Mode::Swallow) {
                    connect(client, &QTcpSocket::readyRead, client,
                            [client] { client->readAll(); });
                    continue;
                }
                auto* upstream = new QTcpSocket(client);
                upstream->connectToHost(m_server.host(), quint16(m_server.port()));
                connect(client, &QTcpSocket::readyRead, upstream,
                        [client, upstream] { upstream->write(client->readAll()); });
                connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
                    const QByteArray answer = upstream->readAll();
                    if (m_mode == Mode::Pass)
                        client->write(answer);
                });
                connect(client, &QTcpSocket::disconnected, upstream,
                        &QTcpSocket::disconnectFromHost);
                connect(upstream, &QTcpSocket::disconnected, client,
                        &QTcpSocket::disconnectFromHost);
            }
        });
    }
    void setMode(Mode mode) { m_mode = mode; }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }

private:
    QUrl m_server;
    Mode m_mode;
};

} // namespace

class TestPaymentResume : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;
    QByteArray m_cardTill;
    QByteArray m_cashTill;

    QStringList cartPayments(const QString& cartId)
    {
        QStringList ids;
        const QJsonArray payments =
            m_stack.emulatorGet(QStringLiteral("in-store/key=%1/carts/%2").arg(store, cartId))
                .value(QStringLiteral("paymentInfo"))
                .toObject()
                .value(QStringLiteral("payments"))
                .toArray();
        for (const QJsonValue& payment : payments)
            ids << payment.toObject().value(QStringLiteral("id")).toString();
        return ids;
    }

    // Runs the driver until the attempt's record exists (and, with `reached`, until the server
    // has the attempt), then SIGKILLs it. The recorded Idempotency-Key.
    QString runAndKill(const QUrl& url, const QByteArray& token, const QString& workstation,
                       const QString& cartId, const QString& tender, qint64 cents, qint64 tendered,
                       const QString& folder, bool reached)
    {
        QProcess driver;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("STOREDESK_DRIVER_TOKEN"), QString::fromLatin1(token));
        driver.setProcessEnvironment(environment);
        driver.setProcessChannelMode(QProcess::ForwardedChannels);
        driver.start(QStringLiteral(STOREDESK_PAYMENT_DRIVER),
                     {url.toString(), store, workstation, cartId, tender, QString::number(cents),
                      QString::number(tendered), folder});
        if (!driver.waitForStarted())
            return {};
        QString key;
        for (int round = 0; round < 200 && key.isEmpty(); ++round) {
            QTest::qWait(50);
            const QStringList files =
                QDir(folder).entryList({QStringLiteral("*.json")}, QDir::Files);
            if (!files.isEmpty())
                key = files.first().chopped(5);
        }
        if (reached && !key.isEmpty()) {
            const QString lookup = QStringLiteral("/stores/%1/workstations/%2/payment-attempts/%3")
                                       .arg(store, workstation, key);
            for (int round = 0; round < 100; ++round) {
                if (m_stack.call("GET", lookup, {}, token).status == 200)
                    break;
                QTest::qWait(100);
            }
        }
        ::kill(pid_t(driver.processId()), SIGKILL);
        driver.waitForFinished();
        return key;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_stack.startEmulator(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.seed(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.startDatabase(), qPrintable(m_stack.errorString()));
        QVERIFY(m_stack.addUser(QStringLiteral("anna"), annaSecret, {QStringLiteral("colleague")},
                                {store}));
        QVERIFY(m_stack.addUser(QStringLiteral("max"), maxSecret, {QStringLiteral("manager")},
                                {store}));
        QJsonObject config = CommerceStack::defaultConfig();
        config.insert(QStringLiteral("simulatedTerminalDelayMs"), 300);
        // Cash is taken only into an open till (docs/TILL.md): the stack opens them.
        m_stack.setOpensTills(true);
        QVERIFY2(m_stack.startServer(CommerceStack::fullScopes(), config),
                 qPrintable(m_stack.errorString()));
        m_cardTill = m_stack.logIn(QStringLiteral("anna"), annaSecret, store,
                                   QStringLiteral("berlin-mitte-till-1"));
        m_cashTill = m_stack.logIn(QStringLiteral("anna"), annaSecret, store,
                                   QStringLiteral("berlin-mitte-till-2"));
        QVERIFY(!m_cardTill.isEmpty() && !m_cashTill.isEmpty());
    }

    void cleanupTestCase() { QCOMPARE(m_stack.stopServer(), 0); }

    void theLookupRouteAnswersForTheWorkstationOnly()
    {
        const QString cartId = m_stack.newCart(store, 1);
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString path = QStringLiteral("/stores/%1/workstations/%2/payment-attempts/%3");
        const auto unknown = m_stack.call(
            "GET", path.arg(store, QStringLiteral("berlin-mitte-till-2"), key), {}, m_cashTill);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("attempt_unknown"));

        const auto paid = m_stack.call(
            "POST", QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId),
            QJsonDocument(QJsonObject{{QStringLiteral("tender"), QStringLiteral("cash")},
                                      {QStringLiteral("amount"), eur(1000)}})
                .toJson(QJsonDocument::Compact),
            m_cashTill, {{"Idempotency-Key", key.toLatin1()}});
        QCOMPARE(paid.status, 201);
        const auto found = m_stack.call(
            "GET", path.arg(store, QStringLiteral("berlin-mitte-till-2"), key), {}, m_cashTill);
        QCOMPARE(found.status, 200);
        QCOMPARE(found.body.value(QStringLiteral("id")), paid.body.value(QStringLiteral("id")));
        QCOMPARE(found.body.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        // Another workstation's session may neither ask in this one's name nor see its attempt.
        QCOMPARE(m_stack
                     .call("GET", path.arg(store, QStringLiteral("berlin-mitte-till-2"), key), {},
                           m_cardTill)
                     .status,
                 403);
        QCOMPARE(m_stack
                     .call("GET", path.arg(store, QStringLiteral("berlin-mitte-till-1"), key), {},
                           m_cardTill)
                     .status,
                 404);

        // A refused first request is replayed: nothing was created.
        const QString refusedKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto refused = m_stack.call(
            "POST", QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId),
            QJsonDocument(QJsonObject{{QStringLiteral("tender"), QStringLiteral("cash")},
                                      {QStringLiteral("amount"), eur(99999)}})
                .toJson(QJsonDocument::Compact),
            m_cashTill, {{"Idempotency-Key", refusedKey.toLatin1()}});
        QCOMPARE(refused.status, 400);
        const auto replayed =
            m_stack.call("GET", path.arg(store, QStringLiteral("berlin-mitte-till-2"), refusedKey),
                         {}, m_cashTill);
        QCOMPARE(replayed.status, 400);
        QCOMPARE(replayed.raw, refused.raw);
    }

    void anUnresolvedAttemptIsAuditedOnce()
    {
        const QString key = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QJsonObject report{
            {QStringLiteral("idempotencyKey"), key},
            {QStringLiteral("cartId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("tender"), QStringLiteral("card")},
            {QStringLiteral("amount"), eur(1234)},
            {QStringLiteral("startedAt"), QStringLiteral("2026-12-03T09:00:00.000Z")},
            {QStringLiteral("reason"), QStringLiteral("unknown_to_server")}};
        const QString path = QStringLiteral("/stores/%1/workstations/berlin-mitte-till-1/"
                                            "unresolved-payments")
                                 .arg(store);
        const QByteArray body = QJsonDocument(report).toJson(QJsonDocument::Compact);
        QCOMPARE(m_stack.call("POST", path, body, m_cardTill).status, 201);
        QCOMPARE(m_stack.call("POST", path, body, m_cardTill).status, 200);
        QCOMPARE(m_stack.call("POST", path, "{}", m_cardTill).status, 400);
        // Marking it checked takes a manager.
        const QString checked = path + QLatin1Char('/') + key + QStringLiteral("/checked");
        QCOMPARE(m_stack.call("POST", checked, {}, m_cardTill).status, 403);
        const QByteArray manager = m_stack.logIn(QStringLiteral("max"), maxSecret, store,
                                                 QStringLiteral("berlin-mitte-till-1"));
        QCOMPARE(m_stack.call("POST", checked, {}, manager).status, 204);

        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto audit = m_stack.call("GET",
                                        QStringLiteral("/audit?from=%1&to=%2")
                                            .arg(now.addSecs(-600).toString(Qt::ISODateWithMs),
                                                 now.addSecs(600).toString(Qt::ISODateWithMs)),
                                        {}, manager);
        QCOMPARE(audit.status, 200);
        int unresolved = 0;
        int checkedEntries = 0;
        for (const QJsonValue& entry : audit.body.value(QStringLiteral("results")).toArray()) {
            const QJsonObject object = entry.toObject();
            if (object.value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("idempotencyKey")) != key)
                continue;
            if (object.value(QStringLiteral("action")) == QStringLiteral("payment.unresolved"))
                ++unresolved;
            if (object.value(QStringLiteral("action")) ==
                QStringLiteral("payment.unresolved.checked"))
                ++checkedEntries;
        }
        QCOMPARE(unresolved, 1);
        QCOMPARE(checkedEntries, 1);
    }

    void anAttemptKilledBeforeItWasSentIsDecidedByTheColleague_data()
    {
        QTest::addColumn<QString>("tender");
        QTest::addColumn<bool>("take");
        QTest::newRow("cash, take now") << QStringLiteral("cash") << true;
        QTest::newRow("cash, discard") << QStringLiteral("cash") << false;
        QTest::newRow("card, take now") << QStringLiteral("card") << true;
        QTest::newRow("card, discard") << QStringLiteral("card") << false;
    }

    void anAttemptKilledBeforeItWasSentIsDecidedByTheColleague()
    {
        QFETCH(QString, tender);
        QFETCH(bool, take);
        const bool cash = tender == QLatin1StringView("cash");
        const QString workstation =
            cash ? QStringLiteral("berlin-mitte-till-2") : QStringLiteral("berlin-mitte-till-1");
        const QByteArray token = cash ? m_cashTill : m_cardTill;
        const QString cartId = m_stack.newCart(store, 1);
        QTemporaryDir folder;
        Gate gate(m_stack.serverUrl(), Gate::Mode::Swallow);
        QVERIFY(gate.listen(QHostAddress::LocalHost));
        const QString key = runAndKill(gate.url(), token, workstation, cartId, tender, 1234,
                                       cash ? 2000 : 0, folder.path(), false);
        QVERIFY(!key.isEmpty());
        QVERIFY(cartPayments(cartId).isEmpty());

        // Later: the app starts again; the server is reachable through the same address.
        gate.setMode(Gate::Mode::Pass);
        api::ApiClient client;
        client.setServerUrl(gate.url());
        client.setAccessToken(token);
        flows::Checkout checkout(&client, flows::PendingPayments(folder.path()));
        checkout.setPlace(store, workstation);
        checkout.open(cartId);
        QVERIFY(checkout.payment());
        QTRY_COMPARE_WITH_TIMEOUT(checkout.payment()->stage(),
                                  flows::PaymentFlow::Stage::NeedsDecision, 15000);
        QVERIFY(cartPayments(cartId).isEmpty()); // asked, nothing charged
        if (cash) // the question can say how much cash should be in hand
            QCOMPARE(checkout.payment()->attempt().request.cashTendered,
                     Money::fromMinorUnits(2000, u"EUR").value());
        if (take) {
            checkout.takePaymentNow();
            QTRY_COMPARE_WITH_TIMEOUT(checkout.payment()->stage(),
                                      flows::PaymentFlow::Stage::Succeeded, 15000);
            QCOMPARE(cartPayments(cartId).size(), 1);
            QCOMPARE(checkout.payment()->view()->key, QStringLiteral("storedesk-") + key);
        } else {
            checkout.discardPayment();
            QCOMPARE(checkout.payment()->stage(), flows::PaymentFlow::Stage::Discarded);
            QTest::qWait(300);
            QVERIFY(cartPayments(cartId).isEmpty());
        }
        QVERIFY(QDir(folder.path()).entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty());
    }

    void anAttemptThatReachedTheServerIsFollowed_data()
    {
        QTest::addColumn<QString>("tender");
        QTest::newRow("cash") << QStringLiteral("cash");
        QTest::newRow("card") << QStringLiteral("card");
    }

    void anAttemptThatReachedTheServerIsFollowed()
    {
        QFETCH(QString, tender);
        const bool cash = tender == QLatin1StringView("cash");
        const QString workstation =
            cash ? QStringLiteral("berlin-mitte-till-2") : QStringLiteral("berlin-mitte-till-1");
        const QByteArray token = cash ? m_cashTill : m_cardTill;
        const QString cartId = m_stack.newCart(store, 1);
        QTemporaryDir folder;
        Gate gate(m_stack.serverUrl(), Gate::Mode::DropAnswers);
        QVERIFY(gate.listen(QHostAddress::LocalHost));
        const QString key = runAndKill(gate.url(), token, workstation, cartId, tender, 1234,
                                       cash ? 2000 : 0, folder.path(), true);
        QVERIFY(!key.isEmpty());

        gate.setMode(Gate::Mode::Pass);
        api::ApiClient client;
        client.setServerUrl(gate.url());
        client.setAccessToken(token);
        flows::Checkout checkout(&client, flows::PendingPayments(folder.path()));
        checkout.setPlace(store, workstation);
        checkout.open(cartId);
        QVERIFY(checkout.payment());
        QTRY_COMPARE_WITH_TIMEOUT(checkout.payment()->stage(), flows::PaymentFlow::Stage::Succeeded,
                                  20000);
        QCOMPARE(cartPayments(cartId).size(), 1); // followed, never asked, never paid twice
        QCOMPARE(checkout.payment()->view()->key, QStringLiteral("storedesk-") + key);
    }
};

QTEST_GUILESS_MAIN(TestPaymentResume)
#include "tst_paymentresume.moc"
