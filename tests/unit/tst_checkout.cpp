// Checkout on its own, against a scripted fake of the server's payment routes: records left by an
// earlier run (stale, foreign, of another server, never acknowledged) never hold the till for
// good, and an unresolved attempt is reported to the server's audit trail until it has it.

#include "api/apiclient.h"
#include "fakenetwork.h"
#include "flows/checkout.h"

#include <QJsonDocument>
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
const QString balanceRoute = QStringLiteral("/stores/berlin-mitte/carts/[^/]+/payments");
const QString statusRoute = QStringLiteral("/payments/[^/]+");
const QString lookupRoute =
    QStringLiteral("/stores/berlin-mitte/workstations/till-1/payment-attempts/[^/]+");
const QString reportRoute =
    QStringLiteral("/stores/berlin-mitte/workstations/till-1/unresolved-payments");
const QString checkedRoute = reportRoute + QStringLiteral("/[^/]+/checked");

} // namespace

class TestCheckout : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    FakeNetwork* m_network = nullptr;
    api::ApiClient* m_client = nullptr;
    Checkout* m_checkout = nullptr;

    PendingPayments records() const
    {
        return PendingPayments(m_folder.filePath(QStringLiteral("pending")));
    }

    PendingPayment recorded(const QString& workstation = till) const
    {
        PendingPayment payment = PendingPayment::create(
            store, workstation, cart,
            api::PaymentRequest{QStringLiteral("card"), *Money::fromMinorUnits(1000, u"EUR"), {}});
        payment.serverUrl = m_client->serverUrl().toString();
        payment.colleague = QStringLiteral("anna");
        return payment;
    }

    void openCheckout()
    {
        m_checkout = new Checkout(m_client, records(), m_client);
        m_checkout->unresolved()->setRetryMs(50);
        m_checkout->setPlace(store, till);
        m_checkout->open(cart);
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
        m_network->script("GET", balanceRoute,
                          {FakeAnswer::json(200, fake::balance(cart, 2500, 0))});
        m_network->script("POST", balanceRoute,
                          {FakeAnswer::json(202, fake::paymentView(paymentId, "pending"))});
        m_network->script("GET", statusRoute, {FakeAnswer::silence()});
    }

    void cleanup()
    {
        delete m_client;
        delete m_network;
        QDir(m_folder.filePath(QStringLiteral("pending"))).removeRecursively();
    }

    void aStaleRecordFreesTheTillAndIsReportedUntilTheServerHasIt()
    {
        PendingPayment stale = recorded();
        stale.paymentId = paymentId;
        QVERIFY(records().save(stale));
        m_network->script("GET", statusRoute,
                          {FakeAnswer::error(404, QStringLiteral("not_found"))});
        m_network->script("POST", reportRoute,
                          {FakeAnswer::error(503, QStringLiteral("upstream_unavailable")),
                           FakeAnswer::json(201, {{QStringLiteral("recorded"), true}})});
        openCheckout();
        QTRY_COMPARE_WITH_TIMEOUT(m_checkout->payment()->stage(), PaymentFlow::Stage::Unresolved,
                                  5000);
        QVERIFY(!m_checkout->isPaying()); // the till is free
        QCOMPARE(m_checkout->unresolved()->list().size(), 1);
        QCOMPARE(m_checkout->unresolved()->list().first().colleague, QStringLiteral("anna"));
        // The report is retried quietly until the server records it, then not sent again.
        QTRY_VERIFY_WITH_TIMEOUT(m_checkout->unresolved()->list().first().reported, 5000);
        QCOMPARE(m_network->count("POST", reportRoute), 2);
        const QJsonObject report =
            QJsonDocument::fromJson(m_network->requests().last().body).object();
        QCOMPARE(report.value(QStringLiteral("paymentId")).toString(), paymentId);
        QCOMPARE(report.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("unknown_to_server"));
        m_checkout->unresolved()->report();
        QTest::qWait(100);
        QCOMPARE(m_network->count("POST", reportRoute), 2);

        // A new payment can be taken on the same cart.
        QVERIFY(m_checkout->pay(
            api::PaymentRequest{QStringLiteral("card"), *Money::fromMinorUnits(2500, u"EUR"), {}}));
        QVERIFY(m_checkout->isPaying());
    }

    void aCheckedEntryIsRecordedThenRemoved()
    {
        PendingPayment stale = recorded();
        stale.unresolvedReason = QStringLiteral("unknown_to_server");
        stale.unresolvedAt = QDateTime::currentDateTimeUtc();
        stale.reported = true;
        QVERIFY(records().save(stale));
        m_network->script("POST", checkedRoute,
                          {FakeAnswer::error(403, QStringLiteral("forbidden")),
                           FakeAnswer{204, {}, 0, false, false, {}}});
        openCheckout();
        QVERIFY(!m_checkout->isPaying()); // an unresolved entry does not hold the cart
        QSignalSpy failed(m_checkout->unresolved(), &UnresolvedPayments::checkFailed);
        m_checkout->unresolved()->markChecked(stale.idempotencyKey);
        QVERIFY(failed.wait());
        QCOMPARE(m_checkout->unresolved()->list().size(), 1); // kept when not recorded
        QSignalSpy changed(m_checkout->unresolved(), &UnresolvedPayments::changed);
        m_checkout->unresolved()->markChecked(stale.idempotencyKey);
        QVERIFY(changed.wait());
        QVERIFY(m_checkout->unresolved()->list().isEmpty());
    }

    void anotherWorkstationsRecordIsNotResumed()
    {
        QVERIFY(records().save(recorded(QStringLiteral("till-2"))));
        openCheckout();
        QVERIFY(!m_checkout->payment());
        QVERIFY(!m_checkout->isPaying());
        QCOMPARE(m_network->count("GET", QStringLiteral(".*/payment-attempts/.*")), 0);
        QCOMPARE(records().at(store, QStringLiteral("till-2")).size(), 1); // left alone
    }

    void aRecordOfAnotherServerFreesTheTill()
    {
        PendingPayment other = recorded();
        other.serverUrl = QStringLiteral("https://old-server.example");
        QVERIFY(records().save(other));
        m_network->script("POST", reportRoute,
                          {FakeAnswer::json(201, {{QStringLiteral("recorded"), true}})});
        openCheckout();
        QCOMPARE(m_checkout->payment()->stage(), PaymentFlow::Stage::Unresolved);
        QVERIFY(!m_checkout->isPaying());
        QCOMPARE(m_network->count("GET", lookupRoute), 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_checkout->unresolved()->list().first().reported, 5000);
    }

    void anUnacknowledgedRecordWaitsForTheColleague()
    {
        const PendingPayment unsent = recorded();
        QVERIFY(records().save(unsent));
        m_network->script("GET", lookupRoute,
                          {FakeAnswer::error(404, QStringLiteral("attempt_unknown"))});
        openCheckout();
        QTRY_COMPARE_WITH_TIMEOUT(m_checkout->payment()->stage(), PaymentFlow::Stage::NeedsDecision,
                                  5000);
        QVERIFY(m_checkout->isPaying());
        QCOMPARE(m_network->count("POST", balanceRoute), 0);
        QSignalSpy finished(m_checkout, &Checkout::paymentFinished);
        m_checkout->discardPayment();
        QCOMPARE(finished.size(), 1);
        QVERIFY(!m_checkout->isPaying());
        QVERIFY(records().at(store, till).isEmpty());
        QCOMPARE(m_network->count("POST", balanceRoute), 0);
    }

    // The cart workspace reads the cart through the balance route and offers that balance:
    // opening the cart then asks the server nothing more. Taken once: a refresh asks again.
    void anOfferedBalanceOpensTheCartWithoutAnotherRequest()
    {
        const Expected<api::CartBalance> offered = api::CartBalance::fromJson(
            QJsonDocument(fake::balance(cart, 2500, 1000)).toJson(QJsonDocument::Compact));
        QVERIFY(offered);
        m_checkout = new Checkout(m_client, records(), m_client);
        m_checkout->setPlace(store, till);
        QSignalSpy changed(m_checkout, &Checkout::balanceChanged);
        m_checkout->offerBalance(*offered);
        m_checkout->open(cart);
        QCOMPARE(changed.size(), 1);
        QVERIFY(m_checkout->balance());
        QCOMPARE(m_checkout->balance()->openBalance.minorUnits(), 1500);
        QCOMPARE(m_network->count("GET", balanceRoute), 0);

        m_checkout->refreshBalance();
        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(m_network->count("GET", balanceRoute), 1);
        QCOMPARE(m_checkout->balance()->openBalance.minorUnits(), 2500);

        // A balance offered for another cart is not this one's.
        m_checkout->offerBalance(*offered);
        m_checkout->open(QStringLiteral("5c0e4c3a-1d4e-4f7b-8a1e-2b3c4d5e6f70"));
        QTRY_COMPARE(m_network->count("GET", balanceRoute), 2);
    }
};

QTEST_GUILESS_MAIN(TestCheckout)
#include "tst_checkout.moc"
