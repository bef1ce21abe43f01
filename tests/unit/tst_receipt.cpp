#include "api/orderjobs.h"
#include "documentcases.h"
#include "domain/order.h"
#include "domain/payment.h"
#include "fixtures.h"
#include "jsonpatch.h"
#include "receipt/receipt.h"

#include <QJsonDocument>
#include <QTest>

using namespace storedesk;
using namespace storedesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString coffee = u"d1000000-0000-4000-8000-000000000001"_s;
const QString mug = u"d1000000-0000-4000-8000-000000000002"_s;
const QString bag = u"e1000000-0000-4000-8000-000000000001"_s;

QJsonObject money(qint64 cents)
{
    return eur(cents).toJson();
}

QJsonObject orderJson()
{
    return QJsonDocument::fromJson(readFixture(u"orders/returned-order.json"_s)).object();
}

Order order(const QJsonObject& json = orderJson())
{
    const Expected<Order> parsed = Order::fromJson(toBytes(json));
    if (!parsed)
        qFatal("order fixture: %s", qPrintable(parsed.error().toString()));
    return *parsed;
}

QJsonObject transaction(const QString& type, const QString& state, qint64 cents)
{
    return {{u"id"_s, type + state + QString::number(cents)},
            {u"type"_s, type},
            {u"state"_s, state},
            {u"amount"_s, money(cents)}};
}

// A payment as storedesk-server writes it (paymentcoordinator.cpp): method = tender, name {en}.
Payment payment(const QString& id, const QString& tender, const QJsonArray& transactions)
{
    const QJsonObject json{
        {u"id"_s, id},
        {u"version"_s, 3},
        {u"amountPlanned"_s, money(100)},
        {u"paymentMethodInfo"_s, QJsonObject{{u"method"_s, tender},
                                             {u"paymentInterface"_s, tender},
                                             {u"name"_s, QJsonObject{{u"en"_s, tender}}}}},
        {u"transactions"_s, transactions}};
    const Expected<Payment> parsed = Payment::fromJson(toBytes(json));
    if (!parsed)
        qFatal("payment: %s", qPrintable(parsed.error().toString()));
    return *parsed;
}

Payment cardFixture()
{
    const Expected<Payment> parsed =
        Payment::fromJson(readFixture(u"payments/card-payment.json"_s));
    if (!parsed)
        qFatal("payment fixture: %s", qPrintable(parsed.error().toString()));
    return *parsed;
}

ReceiptContext berlin()
{
    ReceiptContext context;
    context.storeName = u"StoreDesk Berlin Mitte"_s;
    context.storeKey = u"berlin-mitte"_s;
    context.languages = {u"de"_s, u"en"_s};
    context.workstationId = u"berlin-mitte-till-1"_s;
    context.colleague = u"Anna Schmidt"_s;
    return context;
}

// The answer of POST …/refunds as storedesk-server gives it (refundroutes.cpp), shared with
// tst_orderjobs.
QJsonObject refundView()
{
    return QJsonDocument::fromJson(readFixture(u"refunds/refund-view.json"_s)).object();
}

api::RefundResult refund(const QJsonObject& json = refundView())
{
    const Expected<api::RefundResult> parsed = api::RefundResult::fromJson(toBytes(json));
    if (!parsed)
        qFatal("refund: %s", qPrintable(parsed.error().toString()));
    return *parsed;
}

} // namespace

class TestReceipt : public QObject {
    Q_OBJECT

private slots:
    void saleHeader();
    void orderWithoutNumberShowsItsId();
    void saleLinesInTheStoreLanguage();
    void namesFallBackWithoutStoreLanguages();
    void htmlInANameIsKeptLiterally();
    void giftLinesAreMarked();
    void taxPortions();
    void taxesNotCalculated();
    void totalTaxFromGrossMinusNet();
    void tendersAreTheSuccessfulCharges();
    void changeGivenGoesToItsCashPayment();
    void paymentsWithoutASuccessfulChargeAreLeftOut();
    void tenderLabels_data();
    void tenderLabels();
    void refundReceipt();
    void refundReceiptWithoutReasonOrAmounts();
    void refundReasonIsItsLabel_data();
    void refundReasonIsItsLabel();
    void refundWithoutDateIsDatedNow();
};

void TestReceipt::saleHeader()
{
    ReceiptContext context = berlin();
    context.reprint = true;
    const Receipt receipt = Receipt::forSale(order(), {}, context);
    QCOMPARE(receipt.kind, Receipt::Kind::Sale);
    QCOMPARE(receipt.storeName, u"StoreDesk Berlin Mitte"_s);
    QCOMPARE(receipt.storeKey, u"berlin-mitte"_s);
    QCOMPARE(receipt.orderNumber, u"B-2026-000123"_s);
    QCOMPARE(receipt.dateTime, QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    QCOMPARE(receipt.workstationId, u"berlin-mitte-till-1"_s);
    QCOMPARE(receipt.colleague, u"Anna Schmidt"_s);
    QVERIFY(receipt.reprint);
    QCOMPARE(receipt.total, eur(9890));
    QVERIFY(receipt.refundedLines.isEmpty());
}

void TestReceipt::orderWithoutNumberShowsItsId()
{
    const Receipt receipt =
        Receipt::forSale(order(without(orderJson(), u"orderNumber"_s)), {}, berlin());
    QCOMPARE(receipt.orderNumber, u"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"_s);
}

void TestReceipt::saleLinesInTheStoreLanguage()
{
    const Receipt receipt = Receipt::forSale(order(), {}, berlin());
    QCOMPARE(receipt.lines.size(), 3); // two product lines, one custom line
    const Receipt::Line& espresso = receipt.lines.at(0);
    QCOMPARE(espresso.name, u"Espressobohnen 1 kg"_s); // German, the store's first language
    QCOMPARE(espresso.sku, u"ESP-1KG"_s);
    QCOMPARE(espresso.quantity, 3);
    QCOMPARE(espresso.unitPrice, eur(2490));
    QCOMPARE(espresso.lineTotal, eur(7470));
    QVERIFY(!espresso.gift);
    QCOMPARE(receipt.lines.at(1).name, u"Mug, white"_s); // no German name: English
    QCOMPARE(receipt.lines.at(1).lineTotal, eur(2400));
    const Receipt::Line& paperBag = receipt.lines.at(2);
    QCOMPARE(paperBag.name, u"Paper bag"_s);
    QVERIFY(paperBag.sku.isEmpty());
    QCOMPARE(paperBag.quantity, 2);
    QCOMPARE(paperBag.unitPrice, eur(10));
    QCOMPARE(paperBag.lineTotal, eur(20));
}

void TestReceipt::namesFallBackWithoutStoreLanguages()
{
    ReceiptContext context = berlin();
    context.languages.clear();
    const Receipt receipt = Receipt::forSale(order(), {}, context);
    QCOMPARE(receipt.lines.at(0).name, u"Espresso beans 1 kg"_s);
    context.languages = {u"fr"_s, u"de"_s};
    QCOMPARE(Receipt::forSale(order(), {}, context).lines.at(0).name, u"Espressobohnen 1 kg"_s);
}

void TestReceipt::htmlInANameIsKeptLiterally()
{
    const QString name = u"<b>Bold</b> &amp; <img src=x onerror=alert(1)> Mug"_s;
    const QJsonObject json =
        withValue(orderJson(), u"lineItems[1].name"_s, QJsonObject{{u"en"_s, name}});
    const Receipt receipt = Receipt::forSale(order(json), {}, berlin());
    QCOMPARE(receipt.lines.at(1).name, name);
}

void TestReceipt::giftLinesAreMarked()
{
    const QJsonObject json =
        withValue(orderJson(), u"lineItems[1].lineItemMode"_s, u"GiftLineItem"_s);
    const Receipt receipt = Receipt::forSale(order(json), {}, berlin());
    QVERIFY(receipt.lines.at(1).gift);
    QVERIFY(!receipt.lines.at(0).gift);
}

void TestReceipt::taxPortions()
{
    const Receipt receipt = Receipt::forSale(order(), {}, berlin());
    QVERIFY(receipt.taxesCalculated);
    QCOMPARE(receipt.taxes.size(), 2);
    QCOMPARE(receipt.taxes.at(0).name, u"7% MwSt"_s);
    QCOMPARE(receipt.taxes.at(0).ratePpm, 70000);
    QCOMPARE(receipt.taxes.at(0).amount, eur(489));
    QCOMPARE(receipt.taxes.at(1).name, u"19% MwSt"_s);
    QCOMPARE(receipt.taxes.at(1).ratePpm, 190000);
    QCOMPARE(receipt.taxes.at(1).amount, eur(386));
    QCOMPARE(receipt.totalNet, std::optional(eur(9015)));
    QCOMPARE(receipt.totalTax, std::optional(eur(875)));
}

void TestReceipt::taxesNotCalculated()
{
    const Receipt receipt =
        Receipt::forSale(order(without(orderJson(), u"taxedPrice"_s)), {}, berlin());
    QVERIFY(!receipt.taxesCalculated);
    QVERIFY(receipt.taxes.isEmpty());
    QVERIFY(!receipt.totalNet);
    QVERIFY(!receipt.totalTax);
    QCOMPARE(receipt.total, eur(9890));
}

void TestReceipt::totalTaxFromGrossMinusNet()
{
    const Receipt receipt =
        Receipt::forSale(order(without(orderJson(), u"taxedPrice.totalTax"_s)), {}, berlin());
    QCOMPARE(receipt.totalTax, std::optional(eur(875)));
}

void TestReceipt::tendersAreTheSuccessfulCharges()
{
    // The card fixture charged 50.00 + 48.90 successfully; a failed 1.00 charge, an
    // authorization, refunds and a chargeback are not what was paid.
    const Receipt receipt = Receipt::forSale(order(), {cardFixture()}, berlin());
    QCOMPARE(receipt.tenders.size(), 1);
    const Receipt::Tender& card = receipt.tenders.at(0);
    QCOMPARE(card.method, u"card"_s); // the fixture says "CARD"
    QCOMPARE(card.label, u"Card"_s);
    QCOMPARE(card.amount, eur(9890));
    QVERIFY(!card.change);
    QVERIFY(!card.tendered);
    QVERIFY(card.state.isEmpty());
}

void TestReceipt::changeGivenGoesToItsCashPayment()
{
    const Payment cashA =
        payment(u"cash-a"_s, u"cash"_s, QJsonArray{transaction(u"Charge"_s, u"Success"_s, 4000)});
    const Payment cashB =
        payment(u"cash-b"_s, u"cash"_s, QJsonArray{transaction(u"Charge"_s, u"Success"_s, 890)});
    const Payment card =
        payment(u"card-1"_s, u"card"_s, QJsonArray{transaction(u"Charge"_s, u"Success"_s, 5000)});
    const QList<ChangeGiven> change{{u"cash-b"_s, eur(110), eur(1000)},
                                    {u"unknown"_s, eur(999), std::nullopt}};
    const Receipt receipt = Receipt::forSale(order(), {cashA, card, cashB}, berlin(), change);
    QCOMPARE(receipt.tenders.size(), 3);
    QCOMPARE(receipt.tenders.at(0).label, u"Cash"_s);
    QCOMPARE(receipt.tenders.at(0).amount, eur(4000));
    QVERIFY(!receipt.tenders.at(0).change);
    QCOMPARE(receipt.tenders.at(1).label, u"Card"_s);
    QVERIFY(!receipt.tenders.at(1).change);
    QCOMPARE(receipt.tenders.at(2).method, u"cash"_s);
    QCOMPARE(receipt.tenders.at(2).amount, eur(890));
    QCOMPARE(receipt.tenders.at(2).change, std::optional(eur(110)));
    QCOMPARE(receipt.tenders.at(2).tendered, std::optional(eur(1000)));
}

void TestReceipt::paymentsWithoutASuccessfulChargeAreLeftOut()
{
    const Payment declined =
        payment(u"declined"_s, u"card"_s, QJsonArray{transaction(u"Charge"_s, u"Failure"_s, 9890)});
    const Payment pending =
        payment(u"pending"_s, u"card"_s, QJsonArray{transaction(u"Charge"_s, u"Pending"_s, 9890)});
    const Payment authorizedOnly =
        payment(u"authorized"_s, u"card"_s,
                QJsonArray{transaction(u"Authorization"_s, u"Success"_s, 9890)});
    const Payment empty = payment(u"empty"_s, u"cash"_s, QJsonArray{});
    const Payment paid = payment(u"paid"_s, u"cash"_s,
                                 QJsonArray{transaction(u"Charge"_s, u"Failure"_s, 9890),
                                            transaction(u"Charge"_s, u"Success"_s, 9890)});
    const Receipt receipt =
        Receipt::forSale(order(), {declined, pending, authorizedOnly, empty, paid}, berlin(),
                         {{u"declined"_s, eur(10), std::nullopt}});
    QCOMPARE(receipt.tenders.size(), 1);
    QCOMPARE(receipt.tenders.at(0).amount, eur(9890));
    QCOMPARE(receipt.tenders.at(0).label, u"Cash"_s);
}

void TestReceipt::tenderLabels_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("label");
    QTest::newRow("cash") << u"cash"_s << u"cash"_s << u"Cash"_s;
    QTest::newRow("CARD") << u"CARD"_s << u"Karte"_s << u"Card"_s;
    QTest::newRow("own name") << u"voucher"_s << u"Gift voucher"_s << u"Gift voucher"_s;
    QTest::newRow("no name") << u"voucher"_s << QString() << u"voucher"_s;
    QTest::newRow("nothing") << QString() << QString() << u"Other"_s;
}

void TestReceipt::tenderLabels()
{
    QFETCH(QString, method);
    QFETCH(QString, name);
    QFETCH(QString, label);
    QCOMPARE(Receipt::tenderLabel(method, name), label);
}

void TestReceipt::refundReceipt()
{
    QJsonObject view = refundView();
    view.insert(u"createdAt"_s, u"2026-11-24T12:00:00.000Z"_s);
    const Receipt receipt = Receipt::forRefund(order(), refund(view), berlin());
    QCOMPARE(receipt.kind, Receipt::Kind::Refund);
    QCOMPARE(receipt.orderNumber, u"B-2026-000123"_s);
    QCOMPARE(receipt.refundId, u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s);
    QCOMPARE(receipt.dateTime, QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC));
    QCOMPARE(receipt.colleague, u"Anna Schmidt"_s);
    QVERIFY(receipt.lines.isEmpty()); // the sale's lines are not the refund's
    QCOMPARE(receipt.refundedLines.size(), 2);
    QCOMPARE(receipt.refundedLines.at(0).name, u"Espressobohnen 1 kg"_s);
    QCOMPARE(receipt.refundedLines.at(0).sku, u"ESP-1KG"_s);
    QCOMPARE(receipt.refundedLines.at(0).quantity, 1);
    QCOMPARE(receipt.refundedLines.at(0).amount, std::optional(eur(2490)));
    QCOMPARE(receipt.refundedLines.at(1).name, u"Paper bag"_s); // a custom line
    QVERIFY(receipt.refundedLines.at(1).sku.isEmpty());
    QCOMPARE(receipt.refundTotal, eur(2500));
    QCOMPARE(receipt.reason, u"Damaged or faulty"_s); // the label of the code "damaged"
    QCOMPARE(receipt.approvedBy, u"max"_s);
    QCOMPARE(receipt.tenders.size(), 2);
    QCOMPARE(receipt.tenders.at(0).label, u"Card"_s);
    QCOMPARE(receipt.tenders.at(0).amount, eur(2000));
    QCOMPARE(receipt.tenders.at(0).state, u"succeeded"_s);
    QCOMPARE(receipt.tenders.at(1).label, u"Cash"_s);
    QCOMPARE(receipt.tenders.at(1).state, u"pending"_s);
}

void TestReceipt::refundWithoutDateIsDatedNow()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Receipt receipt = Receipt::forRefund(order(), refund(), berlin());
    QVERIFY(receipt.dateTime >= before.addSecs(-1));
    QVERIFY(receipt.dateTime <= QDateTime::currentDateTimeUtc().addSecs(1));
}

void TestReceipt::refundReceiptWithoutReasonOrAmounts()
{
    // The minimal RefundView of the contract: no reason, approval, items' amounts.
    QJsonObject minimal = without(without(refundView(), u"approvedBy"_s), u"reason"_s);
    minimal = without(minimal, u"items[0].amount"_s);
    const Receipt receipt = Receipt::forRefund(order(), refund(minimal), berlin());
    QVERIFY(receipt.reason.isEmpty());
    QVERIFY(receipt.approvedBy.isEmpty());
    QCOMPARE(receipt.refundedLines.size(), 2);
    QVERIFY(!receipt.refundedLines.at(0).amount);
    QCOMPARE(receipt.refundedLines.at(1).amount, std::optional(eur(10)));
    QCOMPARE(receipt.refundTotal, eur(2500));
}

void TestReceipt::refundReasonIsItsLabel_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("printed");
    QTest::newRow("damaged") << u"damaged"_s << u"Damaged or faulty"_s;
    QTest::newRow("changed mind") << u"changed-mind"_s << u"Changed mind"_s;
    // A code this app does not know (a newer server, another client): printed as it came.
    QTest::newRow("unknown code") << u"lost-in-transit"_s << u"lost-in-transit"_s;
    QTest::newRow("markup") << u"<b>x</b>"_s << u"<b>x</b>"_s;
}

void TestReceipt::refundReasonIsItsLabel()
{
    QFETCH(QString, code);
    QFETCH(QString, printed);
    const Receipt receipt =
        Receipt::forRefund(order(), refund(withValue(refundView(), u"reason"_s, code)), berlin());
    QCOMPARE(receipt.reason, printed);
}

QTEST_GUILESS_MAIN(TestReceipt)
#include "tst_receipt.moc"
