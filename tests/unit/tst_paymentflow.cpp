// PaymentFlow on its own, against a scripted fake of the server's payment routes
// (tests/support/fakenetwork): lost answers, 404/409/422, cancel before the payment id is known,
// resuming an attempt that was never acknowledged, and records of another server.

#include "api/apiclient.h"
#include "fakenetwork.h"
#include "flows/paymentflow.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace storedesk;
using namespace storedesk::flows;
using storedesk::test::FakeAnswer;
using storedesk::test::FakeNetwork;
namespace fake = storedesk::test::fake;

namespace {

const QString store = QStringLiteral("berlin-mitte");
const QString till = QStringLiteral("till-1");
const QString cart = QStringLiteral("0b6d3d36-6bb4-4b0f-9a51-1f6e5b9b0c11");
const QString paymentId = QStringLiteral("6937f373-aaca-4c19-bc2b-963b6cf587db");
const QString startRoute = QStringLiteral("/stores/berlin-mitte/carts/[^/]+/payments");
const QString statusRoute = QStringLiteral("/payments/") + paymentId;
const QString cancelRoute = statusRoute + QStringLiteral("/cancel");
const QString lookupRoute =
    QStringLiteral("/stores/berlin-mitte/workstations/till-1/payment-attempts/[^/]+");

} // namespace

class TestPaymentFlow : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    FakeNetwork* m_network = nullptr;
    api::ApiClient* m_client = nullptr;
    PendingPayments* m_records = nullptr;

    PendingPayment attempt(const QString& tender = QStringLiteral("card")) const
    {
        PendingPayment payment = PendingPayment::create(
            store, till, cart,
            api::PaymentRequest{tender, *Money::fromMinorUnits(1000, u"EUR"), {}});
        payment.serverUrl = m_client->serverUrl().toString();
        return payment;
    }

    PaymentFlow* flowFor(const PendingPayment& payment)
    {
        auto* flow = new PaymentFlow(m_client, m_records, payment, m_client);
        flow->setRetryDelays(10, 20);
        return flow;
    }

    static bool finishes(PaymentFlow* flow)
    {
        if (flow->isFinal())
            return true;
        QSignalSpy finished(flow, &PaymentFlow::finished);
        return finished.wait(10000);
    }

private slots:
    void init()
    {
        m_network = new FakeNetwork(this);
        m_client = new api::ApiClient(this);
        m_client->setNetwork(m_network);
        m_client->setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        m_client->setAccessToken("token");
        m_client->setDefaultTimeout(std::chrono::milliseconds(300));
        m_records = new PendingPayments(m_folder.filePath(QStringLiteral("pending")));
    }

    void cleanup()
    {
        delete m_client;
        delete m_network;
        delete m_records;
        QDir(m_folder.filePath(QStringLiteral("pending"))).removeRecursively();
    }

    void aLostAnswerIsResolvedWithTheSameKey()
    {
        m_network->script("POST", startRoute,
                          {FakeAnswer::silence(),
                           FakeAnswer::json(202, fake::paymentView(paymentId, "pending"))});
        m_network->script("GET", statusRoute,
                          {FakeAnswer::broken(),
                           FakeAnswer::json(200, fake::paymentView(paymentId, "succeeded"))});
        PaymentFlow* flow = flowFor(attempt());
        flow->start();
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Succeeded);
        QCOMPARE(m_network->count("POST", startRoute), 2);
        QCOMPARE(m_network->requests().at(0).idempotencyKey, flow->attempt().idempotencyKey);
        QCOMPARE(m_network->requests().at(1).idempotencyKey, flow->attempt().idempotencyKey);
        QVERIFY(m_records->at(store, till).isEmpty());
    }

    void anAcknowledgedAttemptTheServerForgotEndsUnresolved()
    {
        m_network->script("POST", startRoute,
                          {FakeAnswer::json(202, fake::paymentView(paymentId, "pending"))});
        m_network->script("GET", statusRoute,
                          {FakeAnswer::error(404, QStringLiteral("not_found"))});
        PaymentFlow* flow = flowFor(attempt());
        flow->start();
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Unresolved);
        QVERIFY(!flow->message().isEmpty());
        QCOMPARE(m_network->count("GET", statusRoute), 1); // not asked forever
        // The till is free (nothing in progress) and the attempt stays listed for a manager.
        QVERIFY(m_records->at(store, till).isEmpty());
        const QList<PendingPayment> unresolved = m_records->unresolvedAt(store, till);
        QCOMPARE(unresolved.size(), 1);
        QCOMPARE(unresolved.first().unresolvedReason, QStringLiteral("unknown_to_server"));
        QCOMPARE(unresolved.first().paymentId, paymentId);
    }

    void attemptInProgressIsAskedAgainAfterRetryAfter()
    {
        FakeAnswer inProgress = FakeAnswer::error(409, QStringLiteral("attempt_in_progress"));
        inProgress.headers = {{"Retry-After", "1"}};
        m_network->script(
            "POST", startRoute,
            {inProgress, FakeAnswer::json(201, fake::paymentView(paymentId, "succeeded"))});
        PaymentFlow* flow = flowFor(attempt());
        QElapsedTimer clock;
        clock.start();
        flow->start();
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Succeeded); // never a refusal
        QCOMPARE(m_network->count("POST", startRoute), 2);
        // The retry waited for the server's Retry-After, not the flow's own 10 ms.
        QVERIFY2(clock.elapsed() >= 900, QByteArray::number(clock.elapsed()));
    }

    void aReusedKeyIsRefused()
    {
        m_network->script("POST", startRoute,
                          {FakeAnswer::error(422, QStringLiteral("idempotency_key_reused"))});
        PaymentFlow* flow = flowFor(attempt());
        flow->start();
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Refused);
        QCOMPARE(m_network->count("POST", startRoute), 1);
        QVERIFY(m_records->at(store, till).isEmpty());
        QVERIFY(m_records->unresolvedAt(store, till).isEmpty());
    }

    // Cash into a closed till (docs/TILL.md): a definite refusal, never asked about again, that
    // the screen recognises to offer opening the till; paying after that is a new attempt.
    void cashIntoAClosedTillIsRefused()
    {
        m_network->script("POST", startRoute,
                          {FakeAnswer::error(409, QStringLiteral("till_not_open"))});
        PaymentFlow* flow = flowFor(attempt(QStringLiteral("cash")));
        flow->start();
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Refused);
        QVERIFY(flow->isRefusedForClosedTill());
        QVERIFY(flow->refusal());
        QCOMPARE(flow->message(), api::ApiError::tillMessage(*flow->refusal()));
        QCOMPARE(m_network->count("POST", startRoute), 1);
        QVERIFY(m_records->at(store, till).isEmpty());
        QVERIFY(m_records->unresolvedAt(store, till).isEmpty());
    }

    void aResumedAttemptRefusedForAClosedTillEnds()
    {
        m_network->script("GET", lookupRoute,
                          {FakeAnswer::error(409, QStringLiteral("till_not_open"))});
        PaymentFlow* flow = flowFor(attempt(QStringLiteral("cash")));
        flow->resume();
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Refused);
        QVERIFY(flow->isRefusedForClosedTill());
        QCOMPARE(m_network->count("POST", startRoute), 0);
    }

    void anotherRefusalIsNoClosedTill()
    {
        m_network->script("POST", startRoute,
                          {FakeAnswer::error(404, QStringLiteral("not_found"))});
        PaymentFlow* flow = flowFor(attempt());
        flow->start();
        QVERIFY(finishes(flow));
        QVERIFY(flow->refusal());
        QVERIFY(!flow->isRefusedForClosedTill());
    }

    void aMissingCartIsRefused()
    {
        m_network->script("POST", startRoute,
                          {FakeAnswer::error(404, QStringLiteral("not_found"))});
        PaymentFlow* flow = flowFor(attempt());
        flow->start();
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Refused);
        QVERIFY(m_records->unresolvedAt(store, till).isEmpty());
    }

    void aCancelBeforeThePaymentIdIsKnownIsSentOnceItIs()
    {
        m_network->script("POST", startRoute,
                          {FakeAnswer::json(202, fake::paymentView(paymentId, "pending"), 100)});
        m_network->script("GET", statusRoute, {FakeAnswer::silence()});
        m_network->script("POST", cancelRoute,
                          {FakeAnswer::json(200, fake::paymentView(paymentId, "cancelled"))});
        PaymentFlow* flow = flowFor(attempt());
        flow->start();
        flow->cancel();
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Cancelling);
        QCOMPARE(m_network->count("POST", cancelRoute), 0); // no id yet: nothing to cancel
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Cancelled);
        QCOMPARE(m_network->count("POST", cancelRoute), 1);
        QVERIFY(m_records->at(store, till).isEmpty());
    }

    void aResumedAttemptTheServerHasIsFollowedNotResent()
    {
        m_network->script("GET", lookupRoute,
                          {FakeAnswer::json(200, fake::paymentView(paymentId, "pending"))});
        m_network->script("GET", statusRoute,
                          {FakeAnswer::json(200, fake::paymentView(paymentId, "succeeded"))});
        PaymentFlow* flow = flowFor(attempt());
        flow->resume();
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Checking);
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Succeeded);
        QCOMPARE(m_network->count("POST", startRoute), 0);
    }

    void aResumedAttemptTheServerNeverSawWaitsForTheColleague_data()
    {
        QTest::addColumn<bool>("take");
        QTest::newRow("take now") << true;
        QTest::newRow("discard") << false;
    }

    void aResumedAttemptTheServerNeverSawWaitsForTheColleague()
    {
        QFETCH(bool, take);
        FakeAnswer inProgress = FakeAnswer::error(409, QStringLiteral("attempt_in_progress"));
        inProgress.headers = {{"Retry-After", "1"}};
        m_network->script("GET", lookupRoute,
                          {FakeAnswer::broken(), inProgress,
                           FakeAnswer::error(404, QStringLiteral("attempt_unknown"))});
        m_network->script(
            "POST", startRoute,
            {FakeAnswer::json(201, fake::paymentView(paymentId, "succeeded", "cash"))});
        const PendingPayment recorded = attempt(QStringLiteral("cash"));
        QVERIFY(m_records->save(recorded));
        PaymentFlow* flow = flowFor(recorded);
        QSignalSpy stages(flow, &PaymentFlow::stageChanged);
        flow->resume();
        QTRY_COMPARE_WITH_TIMEOUT(flow->stage(), PaymentFlow::Stage::NeedsDecision, 10000);
        QVERIFY(!flow->isFinal());
        QCOMPARE(m_network->count("GET", lookupRoute), 3);
        QCOMPARE(m_network->count("POST", startRoute), 0); // never by itself
        if (take) {
            flow->takeNow();
            QVERIFY(finishes(flow));
            QCOMPARE(flow->stage(), PaymentFlow::Stage::Succeeded);
            QCOMPARE(m_network->count("POST", startRoute), 1);
            QCOMPARE(m_network->requests().last().idempotencyKey, recorded.idempotencyKey);
        } else {
            flow->discard();
            QCOMPARE(flow->stage(), PaymentFlow::Stage::Discarded);
            QCOMPARE(m_network->count("POST", startRoute), 0);
        }
        QVERIFY(m_records->at(store, till).isEmpty());
        QVERIFY(m_records->unresolvedAt(store, till).isEmpty());
    }

    void aResumedAttemptWhoseFirstRequestWasRefusedEnds()
    {
        m_network->script("GET", lookupRoute,
                          {FakeAnswer::error(400, QStringLiteral("invalid_input"))});
        PaymentFlow* flow = flowFor(attempt());
        flow->resume();
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Refused);
        QCOMPARE(m_network->count("POST", startRoute), 0);
    }

    void anAttemptOfAnotherServerEndsUnresolvedWithoutAsking()
    {
        PendingPayment recorded = attempt();
        recorded.serverUrl = QStringLiteral("https://old-server.example");
        recorded.paymentId = paymentId;
        PaymentFlow* flow = flowFor(recorded);
        flow->resume();
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Unresolved);
        QVERIFY(m_network->requests().isEmpty());
        QCOMPARE(m_records->unresolvedAt(store, till).size(), 1);
        QCOMPARE(m_records->unresolvedAt(store, till).first().unresolvedReason,
                 QStringLiteral("other_server"));
    }

    void aLongSilenceSaysTheCustomerMayHaveBeenCharged()
    {
        m_network->script("POST", startRoute,
                          {FakeAnswer::json(202, fake::paymentView(paymentId, "pending"))});
        m_network->script("GET", statusRoute, {FakeAnswer::broken()});
        PaymentFlow* flow = flowFor(attempt());
        flow->setUncertainAfter(200);
        QSignalSpy uncertainty(flow, &PaymentFlow::uncertaintyChanged);
        flow->start();
        QTRY_VERIFY_WITH_TIMEOUT(flow->isOutcomeUncertain(), 10000);
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Reconnecting);
        // The app keeps asking; the outcome that arrives later replaces the warning.
        m_network->script("GET", statusRoute,
                          {FakeAnswer::json(200, fake::paymentView(paymentId, "succeeded"))});
        QVERIFY(finishes(flow));
        QCOMPARE(flow->stage(), PaymentFlow::Stage::Succeeded);
        QVERIFY(!flow->isOutcomeUncertain());
        QCOMPARE(uncertainty.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestPaymentFlow)
#include "tst_paymentflow.moc"
