// What the customer display shows (core/flows/customerview), driven by a real Checkout and
// RefundSession against a scripted fake of the server's routes: the states of a sale (cart, card
// at the terminal, change after cash, thank-you with the order number, welcome for the next
// customer) and of a refund, and nothing the colleague types (a manager's approval) ever shows.

#include "api/apiclient.h"
#include "fakenetwork.h"
#include "fakerefunds.h"
#include "fixtures.h"
#include "flows/checkout.h"
#include "flows/customerview.h"
#include "flows/refundsession.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace storedesk;
using namespace storedesk::flows;
using storedesk::test::FakeAnswer;
using storedesk::test::FakeNetwork;
namespace fake = storedesk::test::fake;

using State = CustomerView::State;

namespace {

const QString store = QStringLiteral("berlin-mitte");
const QString cartId = QStringLiteral("0b6d3d36-6bb4-4b0f-9a51-1f6e5b9b0c11");
const QString paymentId = QStringLiteral("6937f373-aaca-4c19-bc2b-963b6cf587db");
const QString balanceRoute = QStringLiteral("/stores/berlin-mitte/carts/[^/]+/payments");
const QString cartRoute = QStringLiteral("/stores/berlin-mitte/carts/[^/]+");
const QString orderRoute = QStringLiteral("/stores/berlin-mitte/carts/[^/]+/order");
const QString statusRoute = QStringLiteral("/payments/[^/]+");

Money eur(qint64 cents)
{
    return *Money::fromMinorUnits(cents, u"EUR");
}

// A cart of two lines named in German and English: 2 × espresso 4,98 €, 1 × mug 7,50 €.
Cart twoLineCart()
{
    Cart cart;
    cart.id = cartId;
    LineItem espresso;
    espresso.id = QStringLiteral("l1");
    espresso.name = LocalizedString({{QStringLiteral("de"), QStringLiteral("Espresso")},
                                     {QStringLiteral("en"), QStringLiteral("Espresso beans")}});
    espresso.quantity = 2;
    espresso.totalPrice = eur(498);
    LineItem mug;
    mug.id = QStringLiteral("l2");
    mug.name = LocalizedString({{QStringLiteral("de"), QStringLiteral("Tasse")},
                                {QStringLiteral("en"), QStringLiteral("Mug")}});
    mug.quantity = 1;
    mug.totalPrice = eur(750);
    cart.lineItems = {espresso, mug};
    cart.totalPrice = eur(1248);
    return cart;
}

QJsonObject money(qint64 cents)
{
    return {{QStringLiteral("centAmount"), cents},
            {QStringLiteral("currencyCode"), QStringLiteral("EUR")}};
}

} // namespace

class TestCustomerView : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_folder;
    FakeNetwork* m_network = nullptr;
    api::ApiClient* m_client = nullptr;
    Checkout* m_checkout = nullptr;
    CustomerView* m_view = nullptr;

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
                          {FakeAnswer::json(200, fake::balance(cartId, 1248, 0))});
        m_network->script("GET", statusRoute, {FakeAnswer::silence()});
        m_checkout = new Checkout(
            m_client, PendingPayments(m_folder.filePath(QStringLiteral("pending"))), m_client);
        m_checkout->setPlace(store, QStringLiteral("till-1"));
        m_view = new CustomerView(m_client);
        m_view->setStoreName(QStringLiteral("Berlin Mitte"));
        m_view->setStoreLanguages({QStringLiteral("de"), QStringLiteral("en")});
        m_view->watch(m_checkout);
    }

    void cleanup()
    {
        delete m_client;
        delete m_network;
        QDir(m_folder.filePath(QStringLiteral("pending"))).removeRecursively();
    }

    void aSaleGoesFromCartThroughCardAndChangeToThankYouAndIdle()
    {
        QCOMPARE(m_view->state(), State::Idle);
        m_view->showCart(twoLineCart());
        QCOMPARE(m_view->state(), State::Cart);
        QCOMPARE(m_view->lines().size(), 2);
        QCOMPARE(m_view->lines().at(1).name, QStringLiteral("Tasse")); // the store's language
        QCOMPARE(m_view->lines().at(0).quantity, 2);
        QCOMPARE(m_view->lines().at(0).total, eur(498));
        QCOMPARE(*m_view->total(), eur(1248));

        QSignalSpy changed(m_view, &CustomerView::changed);
        m_checkout->open(cartId);
        QVERIFY(changed.wait());
        QCOMPARE(*m_view->paid(), eur(0));
        QCOMPARE(*m_view->openBalance(), eur(1248));

        // A card payment of 5,00 € waits at the terminal, then is declined: back to the cart.
        m_network->script(
            "POST", balanceRoute,
            {FakeAnswer::json(202, fake::paymentView(paymentId, "pending", "card", 500))});
        QVERIFY(m_checkout->pay(api::PaymentRequest{QStringLiteral("card"), eur(500), {}}));
        QCOMPARE(m_view->state(), State::CardPayment);
        m_network->script(
            "GET", statusRoute,
            {FakeAnswer::json(200, fake::paymentView(paymentId, "failed", "card", 500))});
        QSignalSpy finished(m_checkout, &Checkout::paymentFinished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_view->state(), State::Cart);

        // Cash in full: 20 € handed over for 12,48 €, 7,52 € back; the order follows by itself.
        QJsonObject cash = fake::paymentView(QStringLiteral("c4"), "succeeded", "cash", 1248);
        cash.insert(QStringLiteral("cashTendered"), money(2000));
        cash.insert(QStringLiteral("changeDue"), money(752));
        m_network->script("POST", balanceRoute, {FakeAnswer::json(201, cash)});
        m_network->script("GET", balanceRoute,
                          {FakeAnswer::json(200, fake::balance(cartId, 1248, 1248))});
        m_network->script(
            "GET", cartRoute,
            {FakeAnswer::json(200, QJsonDocument::fromJson(
                                       test::readFixture(QStringLiteral("carts/seed-cart-1.json")))
                                       .object())});
        m_network->script(
            "POST", orderRoute,
            {FakeAnswer::json(201,
                              QJsonDocument::fromJson(
                                  test::readFixture(QStringLiteral("orders/returned-order.json")))
                                  .object(),
                              200)});
        QVERIFY(m_checkout->pay(api::PaymentRequest{QStringLiteral("cash"), eur(1248), eur(2000)}));
        QCOMPARE(m_view->state(), State::Cart); // cash asks nothing of the customer
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_view->state(), State::Change);
        QCOMPARE(*m_view->changeDue(), eur(752));

        QSignalSpy placed(m_checkout, &Checkout::orderPlaced);
        QVERIFY(placed.wait(5000));
        QCOMPARE(m_view->state(), State::ThankYou);
        QCOMPARE(m_view->orderNumber(), QStringLiteral("B-2026-000123"));
        QCOMPARE(*m_view->changeDue(), eur(752)); // still to hand back
        // The sale's cart shown again after its order keeps the thank-you.
        m_view->showCart(twoLineCart());
        QCOMPARE(m_view->state(), State::ThankYou);

        m_view->clear(); // next customer
        QCOMPARE(m_view->state(), State::Idle);
        QVERIFY(m_view->lines().isEmpty());
        QVERIFY(!m_view->changeDue());
        QVERIFY(m_view->orderNumber().isEmpty());
    }

    void aRefundShowsItsAmountAndTendersButNeverTheApproval()
    {
        m_network->script("GET", fake::orderLookupRoute,
                          {FakeAnswer::json(200, fake::orderLookup())});
        m_network->script("POST", fake::refundRoute,
                          {fake::approvalDemand(false), FakeAnswer::json(201, fake::refundView())});
        auto* session = new RefundSession(m_client, store, m_client);
        m_view->watch(session);
        m_view->showCart(twoLineCart());
        QSignalSpy changed(m_view, &CustomerView::changed);

        session->lookUp(fake::refundOrderNumber);
        QTRY_COMPARE(session->stage(), RefundSession::Stage::Editing);
        QVERIFY(session->setQuantity(fake::refundCoffeeLine, 1));
        session->setReason(QStringLiteral("damaged"));
        session->refund();
        QTRY_COMPARE(session->stage(), RefundSession::Stage::AwaitingApproval);
        // A manager types their secret: the customer sees none of it, nor that it was asked.
        session->approve(QStringLiteral("mia"), QStringLiteral("4711"));
        QTRY_COMPARE_WITH_TIMEOUT(session->stage(), RefundSession::Stage::Refunded, 5000);
        // Nothing changed on the display until the refund was done; then once.
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_view->state(), State::Refund);
        const api::RefundResult& result = *session->result();
        QCOMPARE(*m_view->refundAmount(), result.amount);
        QCOMPARE(m_view->refundTenders().size(), result.tenders.size());
        QVERIFY(!m_view->refundTenders().isEmpty());
        QVERIFY(m_view->lines().isEmpty()); // the last customer's cart is gone
        QVERIFY(m_view->orderNumber().isEmpty());
        m_view->clear();
        QCOMPARE(m_view->state(), State::Idle);
    }
};

QTEST_GUILESS_MAIN(TestCustomerView)
#include "tst_customerview.moc"
