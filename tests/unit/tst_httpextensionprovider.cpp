// The payment extension over HTTP against the stand-alone test PSP (tests/psp/testpsp.mjs, a real
// Node.js process), with an in-process QHttpServer as our callback receiver.
#include "payments/httpextensionprovider.h"
#include "payments/signature.h"
#include "testpsp.h"

#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace storedesk;
using namespace storedesk::server;
using namespace std::chrono_literals;
using State = ProviderStatus::State;

namespace {

const QByteArray secret = "test-psp-shared-secret";

struct ReceivedCallback {
    QByteArray body;
    QByteArray signature;
    bool accepted = false;
};

// Our side of the callbacks, the way the server's route will use acceptCallback().
class CallbackReceiver {
public:
    CallbackReceiver()
    {
        m_server.setMissingHandler(
            [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
                ReceivedCallback received{request.body(), request.value(signature::headerName)};
                received.accepted =
                    provider && provider->acceptCallback(received.body, received.signature);
                callbacks.append(received);
                responder.write(received.accepted ? QHttpServerResponder::StatusCode::Ok
                                                  : QHttpServerResponder::StatusCode::Unauthorized);
            });
        m_port = m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/callbacks/payments").arg(m_port));
    }

    HttpExtensionProvider* provider = nullptr;
    QList<ReceivedCallback> callbacks;

private:
    QHttpServer m_server;
    quint16 m_port = 0;
};

PaymentAttempt card(qint64 cents, const QString& key)
{
    PaymentAttempt attempt;
    attempt.paymentId = QStringLiteral("payment-") + key;
    attempt.paymentKey = key;
    attempt.amount = *Money::fromMinorUnits(cents, u"EUR");
    attempt.tender = QStringLiteral("card");
    attempt.terminalId = QStringLiteral("T-HTTP");
    attempt.storeKey = QStringLiteral("berlin");
    attempt.workstationId = QStringLiteral("ws-1");
    attempt.correlationId = QStringLiteral("corr-") + key;
    attempt.startedAt = QDateTime::currentDateTimeUtc();
    return attempt;
}

ProviderStatus answerOf(const std::function<void(PaymentProvider::Callback)>& call)
{
    auto answer = std::make_shared<std::optional<ProviderStatus>>();
    call([answer](ProviderStatus status) { *answer = std::move(status); });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(answer->has_value(), 10000);
    }();
    return answer->value_or(ProviderStatus{});
}

} // namespace

class TestHttpExtensionProvider : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<HttpExtensionProvider> makeProvider(const QUrl& url,
                                                        const QByteArray& key = secret,
                                                        std::chrono::milliseconds timeout = 5s)
    {
        HttpExtensionConfig config;
        config.providerUrl = url;
        config.sharedSecret = key;
        config.callbackUrl = m_receiver->url();
        config.timeout = timeout;
        [&] {
            QVERIFY(config.validate());
        }();
        auto provider = std::make_unique<HttpExtensionProvider>(config, &m_network);
        m_receiver->provider = provider.get();
        return provider;
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<storedesk::test::TestPsp> m_psp;
    std::unique_ptr<CallbackReceiver> m_receiver;

private Q_SLOTS:
    void initTestCase()
    {
        m_psp = std::make_unique<storedesk::test::TestPsp>(secret);
        if (!m_psp->start())
            QSKIP("node could not start tests/psp/testpsp.mjs");
    }
    void init() { m_receiver = std::make_unique<CallbackReceiver>(); }
    void cleanupTestCase() { m_psp.reset(); }

    void configValidation()
    {
        HttpExtensionConfig config;
        config.providerUrl = QUrl(QStringLiteral("https://psp.example.com/ext"));
        config.sharedSecret = secret;
        config.callbackUrl = QUrl(QStringLiteral("https://pos.example.com/callbacks/payments"));
        QVERIFY(config.validate());
        config.providerUrl = QUrl(QStringLiteral("http://psp.example.com/ext"));
        QVERIFY(!config.validate()); // plain http leaves the host
        config.providerUrl = QUrl(QStringLiteral("http://127.0.0.1:9/ext"));
        QVERIFY(config.validate());
        config.providerUrl = QUrl(QStringLiteral("http://localhost:9"));
        QVERIFY(config.validate());
        config.sharedSecret.clear();
        QVERIFY(!config.validate());
        config.sharedSecret = secret;
        config.callbackUrl = QUrl(QStringLiteral("/callbacks/payments"));
        QVERIFY(!config.validate());
    }

    void approve()
    {
        auto provider = makeProvider(m_psp->url());
        QSignalSpy outcomes(provider.get(), &PaymentProvider::outcome);
        const PaymentAttempt attempt = card(1200, QStringLiteral("approve-1"));
        const ProviderStatus first =
            answerOf([&](auto done) { provider->start(attempt, std::move(done)); });
        QCOMPARE(first.state, State::Pending);
        QCOMPARE(first.reference, attempt.paymentKey);

        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 10000);
        QCOMPARE(outcomes.at(0).at(0).toString(), attempt.paymentKey);
        QCOMPARE(outcomes.at(0).at(1).value<ProviderStatus>().state, State::Succeeded);
        // The callback on the wire is signed over its exact bytes with the shared secret.
        QCOMPARE(m_receiver->callbacks.size(), 1);
        const ReceivedCallback& callback = m_receiver->callbacks.first();
        QVERIFY(signature::verify(callback.body, callback.signature, secret));
        QCOMPARE(QJsonDocument::fromJson(callback.body)["reference"].toString(),
                 attempt.paymentKey);

        QCOMPARE(answerOf([&](auto done) { provider->status(attempt, std::move(done)); }).state,
                 State::Succeeded);
        // Starting the same attempt again (a retry after a lost answer) charges nothing new.
        QCOMPARE(answerOf([&](auto done) { provider->start(attempt, std::move(done)); }).state,
                 State::Succeeded);
    }

    void decline()
    {
        auto provider = makeProvider(m_psp->url());
        QSignalSpy outcomes(provider.get(), &PaymentProvider::outcome);
        const PaymentAttempt attempt = card(2591, QStringLiteral("decline-1"));
        QCOMPARE(answerOf([&](auto done) { provider->start(attempt, std::move(done)); }).state,
                 State::Pending);
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 10000);
        const ProviderStatus final = outcomes.at(0).at(1).value<ProviderStatus>();
        QCOMPARE(final.state, State::Failed);
        QCOMPARE(final.message, QStringLiteral("Card declined by issuer."));
    }

    void cancel()
    {
        auto provider = makeProvider(m_psp->url());
        PaymentAttempt attempt = card(1292, QStringLiteral("cancel-1"));
        QCOMPARE(answerOf([&](auto done) { provider->start(attempt, std::move(done)); }).state,
                 State::Pending);
        attempt.cancelRequestedAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(answerOf([&](auto done) { provider->cancel(attempt, std::move(done)); }).state,
                 State::Cancelled);
        QCOMPARE(answerOf([&](auto done) { provider->status(attempt, std::move(done)); }).state,
                 State::Cancelled);
    }

    // 93: the cancel reaches the PSP first, but the approval wins; the callback says so.
    void approvalWinsTheRace()
    {
        auto provider = makeProvider(m_psp->url());
        QSignalSpy outcomes(provider.get(), &PaymentProvider::outcome);
        const PaymentAttempt attempt = card(1293, QStringLiteral("race-1"));
        answerOf([&](auto done) { provider->start(attempt, std::move(done)); });
        QCOMPARE(answerOf([&](auto done) { provider->cancel(attempt, std::move(done)); }).state,
                 State::Pending);
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 1, 10000);
        QCOMPARE(outcomes.at(0).at(1).value<ProviderStatus>().state, State::Succeeded);
    }

    // A restarted server asks about an attempt the PSP never received: it did not happen.
    void statusOfUnknownAttempt()
    {
        auto provider = makeProvider(m_psp->url());
        const PaymentAttempt attempt = card(1200, QStringLiteral("never-sent"));
        const ProviderStatus status =
            answerOf([&](auto done) { provider->status(attempt, std::move(done)); });
        QCOMPARE(status.state, State::Failed);
    }

    void wrongSecretIsRefused()
    {
        auto provider = makeProvider(m_psp->url(), "not-the-secret");
        const ProviderStatus status = answerOf([&](auto done) {
            provider->start(card(1200, QStringLiteral("wrong-secret")), std::move(done));
        });
        QCOMPARE(status.state, State::Failed);
        QVERIFY2(status.message.contains(QStringLiteral("401")), qPrintable(status.message));
        // And the PSP's answers, signed with the real secret, are not trusted by this provider.
        QCOMPARE(answerOf([&](auto done) {
                     provider->status(card(1200, QStringLiteral("approve-1")), std::move(done));
                 }).state,
                 State::Pending);
    }

    void forgedCallbackIsRejected()
    {
        auto provider = makeProvider(m_psp->url());
        QSignalSpy outcomes(provider.get(), &PaymentProvider::outcome);
        const QByteArray body = R"({"reference":"forged-1","state":"succeeded"})";
        QVERIFY(!provider->acceptCallback(body, signature::sign(body, "guessed")));
        QVERIFY(!provider->acceptCallback(body, {}));
        QVERIFY(!provider->acceptCallback(body, signature::sign(body + ' ', secret)));
        // Genuine but not a status: refused as well.
        QVERIFY(!provider->acceptCallback("[]", signature::sign("[]", secret)));
        const QByteArray unknownState = R"({"reference":"x","state":"paid"})";
        QVERIFY(!provider->acceptCallback(unknownState, signature::sign(unknownState, secret)));
        QCOMPARE(outcomes.size(), 0);

        const std::optional<ProviderStatus> genuine =
            provider->acceptCallback(body, signature::sign(body, secret));
        QVERIFY(genuine);
        QCOMPARE(genuine->reference, QStringLiteral("forged-1"));
        QCOMPARE(outcomes.size(), 1);
    }

    // At-least-once delivery: both copies arrive and are passed on; storage deduplicates.
    void duplicatedCallbacksArriveTwice()
    {
        storedesk::test::TestPsp duplicating(secret);
        QVERIFY(duplicating.start({QStringLiteral("--duplicate-callbacks")}));
        auto provider = makeProvider(duplicating.url());
        QSignalSpy outcomes(provider.get(), &PaymentProvider::outcome);
        const PaymentAttempt attempt = card(1200, QStringLiteral("twice-1"));
        answerOf([&](auto done) { provider->start(attempt, std::move(done)); });
        QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 2, 10000);
        QCOMPARE(outcomes.at(0).at(0).toString(), attempt.paymentKey);
        QCOMPARE(outcomes.at(1).at(0).toString(), attempt.paymentKey);
        QCOMPARE(m_receiver->callbacks.size(), 2);
        QVERIFY(m_receiver->callbacks.at(0).accepted && m_receiver->callbacks.at(1).accepted);
    }

    void unreachableProviderFailsTheStart()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        auto provider = makeProvider(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const PaymentAttempt attempt = card(1200, QStringLiteral("unreachable-1"));
        QCOMPARE(answerOf([&](auto done) { provider->start(attempt, std::move(done)); }).state,
                 State::Failed);
        // A status question that gets no answer says nothing about the money.
        QCOMPARE(answerOf([&](auto done) { provider->status(attempt, std::move(done)); }).state,
                 State::Pending);
    }

    // The request may have arrived: a timeout leaves the attempt pending, never failed.
    void silentProviderLeavesItPending()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket*> held;
        connect(&silent, &QTcpServer::newConnection, this,
                [&] { held.append(silent.nextPendingConnection()); });
        auto provider = makeProvider(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())), secret, 300ms);
        const ProviderStatus status = answerOf([&](auto done) {
            provider->start(card(1200, QStringLiteral("silent-1")), std::move(done));
        });
        QCOMPARE(status.state, State::Pending);
        QVERIFY(!held.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpExtensionProvider)
#include "tst_httpextensionprovider.moc"
