#include "documentcases.h"
#include "domain/order.h"
#include "fixtures.h"
#include "jsonpatch.h"

#include <QTest>

#include <limits>

using namespace storedesk;
using namespace storedesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString coffee = u"d1000000-0000-4000-8000-000000000001"_s;
const QString mug = u"d1000000-0000-4000-8000-000000000002"_s;
const QString bag = u"e1000000-0000-4000-8000-000000000001"_s;

QJsonObject returnedOrder()
{
    return QJsonDocument::fromJson(readFixture(u"orders/returned-order.json"_s)).object();
}

} // namespace

class TestOrder : public QObject {
    Q_OBJECT

private slots:
    void fields();
    void returnInfo();
    void orderStates_data();
    void orderStates();
    void paymentStates_data();
    void paymentStates();
    void quantities_data();
    void quantities();
    void overReturnedLineIsNotRefundable();
    void returnedQuantitySaturates();
    void minimalOrder();
    void malformed_data();
    void malformed();
};

void TestOrder::fields()
{
    const Expected<Order> order = Order::fromJson(readFixture(u"orders/returned-order.json"_s));
    QVERIFY2(order, qPrintable(describe(order)));
    QCOMPARE(order->id, u"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"_s);
    QCOMPARE(order->version, 9);
    QCOMPARE(order->orderNumber, u"B-2026-000123"_s);
    QCOMPARE(order->customerEmail, u"kim@example.com"_s);
    QCOMPARE(order->storeKey(), StoreKey::parse(u"berlin-mitte").value());
    QCOMPARE(order->orderState, Order::State::Complete);
    QCOMPARE(order->paymentState, std::optional(Order::PaymentState::Paid));
    QCOMPARE(order->shipmentState, u"Delivered"_s);
    QCOMPARE(order->cartId, u"5d2c3a8e-6f1b-4c2d-9e0a-7b8c9d0e1f21"_s);
    QCOMPARE(order->paymentIds, QStringList{u"b2000000-0000-4000-8000-000000000001"_s});
    QCOMPARE(order->createdAt, QDateTime(QDate(2026, 11, 22), QTime(9, 30), Qt::UTC));
    QCOMPARE(order->completedAt, QDateTime(QDate(2026, 11, 22), QTime(9, 31, 10, 250), Qt::UTC));

    QCOMPARE(order->totalPrice, eur(9890));
    QCOMPARE(order->lineItems.size(), 2);
    QCOMPARE(order->lineItems.at(0).sku, u"ESP-1KG"_s);
    QCOMPARE(order->lineItems.at(0).quantity, 3);
    QCOMPARE(order->lineItems.at(1).totalPrice, eur(2400));
    QCOMPARE(order->customLineItems.size(), 1);
    QCOMPARE(order->customLineItems.at(0).slug, u"paper-bag"_s);
    QVERIFY(order->taxedPrice);
    QCOMPARE(order->taxedPrice->totalTax, std::optional(eur(875)));
    QCOMPARE(order->taxedPrice->taxPortions.size(), 2);
    QCOMPARE(order->taxedPrice->taxPortions.at(1).ratePpm, 190000);
}

void TestOrder::returnInfo()
{
    const Expected<Order> order = Order::fromJson(readFixture(u"orders/returned-order.json"_s));
    QVERIFY2(order, qPrintable(describe(order)));
    QCOMPARE(order->returnInfo.size(), 2);
    const ReturnInfo& first = order->returnInfo.at(0);
    QCOMPARE(first.returnTrackingId, u"RT-0001"_s);
    QCOMPARE(first.returnDate, QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC));
    QCOMPARE(first.items.size(), 1);
    const ReturnItem& item = first.items.at(0);
    QCOMPARE(item.id, u"r1"_s);
    QCOMPARE(item.quantity, 1);
    QCOMPARE(item.lineItemId, coffee);
    QVERIFY(item.customLineItemId.isEmpty());
    QCOMPARE(item.type, u"LineItemReturnItem"_s);
    QCOMPARE(item.shipmentState, u"Returned"_s);
    QCOMPARE(item.paymentState, u"Refunded"_s);
    QCOMPARE(item.comment, u"broken seal"_s);

    const ReturnItem& custom = order->returnInfo.at(1).items.at(2);
    QCOMPARE(custom.customLineItemId, bag);
    QVERIFY(custom.lineItemId.isEmpty());
    QCOMPARE(custom.type, u"CustomLineItemReturnItem"_s);
}

void TestOrder::orderStates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Order::State>("state");
    QTest::newRow("Open") << u"Open"_s << Order::State::Open;
    QTest::newRow("Confirmed") << u"Confirmed"_s << Order::State::Confirmed;
    QTest::newRow("Complete") << u"Complete"_s << Order::State::Complete;
    QTest::newRow("Cancelled") << u"Cancelled"_s << Order::State::Cancelled;
}

void TestOrder::orderStates()
{
    QFETCH(QString, name);
    QFETCH(Order::State, state);
    const Expected<Order> order =
        Order::fromJson(toBytes(withValue(returnedOrder(), u"orderState"_s, name)));
    QVERIFY2(order, qPrintable(describe(order)));
    QCOMPARE(order->orderState, state);
}

void TestOrder::paymentStates_data()
{
    QTest::addColumn<QJsonValue>("name");
    QTest::addColumn<std::optional<Order::PaymentState>>("state");
    using P = Order::PaymentState;
    QTest::newRow("BalanceDue") << QJsonValue(u"BalanceDue"_s) << std::optional(P::BalanceDue);
    QTest::newRow("Failed") << QJsonValue(u"Failed"_s) << std::optional(P::Failed);
    QTest::newRow("Pending") << QJsonValue(u"Pending"_s) << std::optional(P::Pending);
    QTest::newRow("CreditOwed") << QJsonValue(u"CreditOwed"_s) << std::optional(P::CreditOwed);
    QTest::newRow("Paid") << QJsonValue(u"Paid"_s) << std::optional(P::Paid);
    QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << std::optional<P>();
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << std::optional<P>();
}

void TestOrder::paymentStates()
{
    QFETCH(QJsonValue, name);
    QFETCH(std::optional<Order::PaymentState>, state);
    const Expected<Order> order =
        Order::fromJson(toBytes(withValue(returnedOrder(), u"paymentState"_s, name)));
    QVERIFY2(order, qPrintable(describe(order)));
    QCOMPARE(order->paymentState, state);
}

void TestOrder::quantities_data()
{
    QTest::addColumn<QString>("lineId");
    QTest::addColumn<qint64>("returned");
    QTest::addColumn<qint64>("refundable");
    // Two returns of one unit each out of three.
    QTest::newRow("coffee, returned twice") << coffee << qint64(2) << qint64(1);
    QTest::newRow("mug, fully returned") << mug << qint64(2) << qint64(0);
    QTest::newRow("custom line") << bag << qint64(1) << qint64(1);
    QTest::newRow("unknown line") << u"no-such-line"_s << qint64(0) << qint64(0);
    QTest::newRow("empty id") << QString() << qint64(0) << qint64(0);
}

void TestOrder::quantities()
{
    QFETCH(QString, lineId);
    QFETCH(qint64, returned);
    QFETCH(qint64, refundable);
    const Expected<Order> order = Order::fromJson(readFixture(u"orders/returned-order.json"_s));
    QVERIFY2(order, qPrintable(describe(order)));
    QCOMPARE(order->returnedQuantity(lineId), returned);
    QCOMPARE(order->refundableQuantity(lineId), refundable);
}

void TestOrder::overReturnedLineIsNotRefundable()
{
    const QJsonObject json = withValue(returnedOrder(), u"returnInfo[1].items[1].quantity"_s, 5);
    const Expected<Order> order = Order::fromJson(toBytes(json));
    QVERIFY2(order, qPrintable(describe(order)));
    QCOMPARE(order->returnedQuantity(mug), 5);
    QCOMPARE(order->refundableQuantity(mug), 0);

    // Without any return info everything is refundable.
    const Expected<Order> fresh =
        Order::fromJson(toBytes(without(returnedOrder(), u"returnInfo"_s)));
    QVERIFY2(fresh, qPrintable(describe(fresh)));
    QCOMPARE(fresh->refundableQuantity(coffee), 3);
    QCOMPARE(fresh->refundableQuantity(bag), 2);
}

void TestOrder::returnedQuantitySaturates()
{
    const qint64 huge = std::numeric_limits<qint64>::max() - 1;
    QJsonObject json = withValue(returnedOrder(), u"returnInfo[0].items[0].quantity"_s, huge);
    json = withValue(json, u"returnInfo[1].items[0].quantity"_s, huge);
    const Expected<Order> order = Order::fromJson(toBytes(json));
    QVERIFY2(order, qPrintable(describe(order)));
    QCOMPARE(order->returnedQuantity(coffee), std::numeric_limits<qint64>::max());
    QCOMPARE(order->refundableQuantity(coffee), 0);
}

void TestOrder::minimalOrder()
{
    const QByteArray json = R"({
        "id": "o1", "version": 1, "orderState": "Open", "lineItems": [],
        "totalPrice": {"currencyCode": "JPY", "centAmount": 500}
    })";
    const Expected<Order> order = Order::fromJson(json);
    QVERIFY2(order, qPrintable(describe(order)));
    QVERIFY(!order->paymentState);
    QVERIFY(!order->store);
    QVERIFY(!order->storeKey());
    QVERIFY(order->cartId.isEmpty());
    QVERIFY(!order->completedAt.isValid());
    QCOMPARE(order->totalPrice.fractionDigits(), 0);
}

void TestOrder::malformed_data()
{
    addDefectColumns();
    using K = Error::Kind;
    const auto row = addDefect;
    row("unknown orderState", u"orderState"_s, u"Shipped"_s, u"orderState"_s, K::InvalidValue);
    row("lowercase orderState", u"orderState"_s, u"open"_s, u"orderState"_s, K::InvalidValue);
    row("orderState a number", u"orderState"_s, 1, u"orderState"_s, K::InvalidValue);
    row("no orderState", u"orderState"_s, removed, u"orderState"_s, K::MissingValue);
    row("unknown paymentState", u"paymentState"_s, u"Refunded"_s, u"paymentState"_s,
        K::InvalidValue);
    row("no id", u"id"_s, removed, u"id"_s, K::MissingValue);
    row("no version", u"version"_s, removed, u"version"_s, K::MissingValue);
    row("no totalPrice", u"totalPrice"_s, removed, u"totalPrice"_s, K::MissingValue);
    row("orderNumber a number", u"orderNumber"_s, 123, u"orderNumber"_s, K::InvalidValue);
    row("line in USD", u"lineItems[1].totalPrice.currencyCode"_s, u"USD"_s,
        u"lineItems[1].totalPrice.currencyCode"_s, K::CurrencyMismatch);
    row("custom line in USD", u"customLineItems[0].money.currencyCode"_s, u"USD"_s,
        u"customLineItems[0].money.currencyCode"_s, K::CurrencyMismatch);
    row("tax portion in USD", u"taxedPrice.taxPortions[0].amount.currencyCode"_s, u"USD"_s,
        u"taxedPrice.taxPortions[0].amount.currencyCode"_s, K::CurrencyMismatch);
    row("negative line quantity", u"lineItems[0].quantity"_s, -3, u"lineItems[0].quantity"_s,
        K::InvalidValue);
    row("negative return quantity", u"returnInfo[0].items[0].quantity"_s, -1,
        u"returnInfo[0].items[0].quantity"_s, K::InvalidValue);
    row("return quantity a string", u"returnInfo[1].items[2].quantity"_s, u"1"_s,
        u"returnInfo[1].items[2].quantity"_s, K::InvalidValue);
    row("return item names no line", u"returnInfo[1].items[0].lineItemId"_s, removed,
        u"returnInfo[1].items[0].lineItemId"_s, K::MissingValue);
    row("return item names two lines", u"returnInfo[1].items[0].customLineItemId"_s, bag,
        u"returnInfo[1].items[0].lineItemId"_s, K::InvalidValue);
    row("returnDate not a date", u"returnInfo[0].returnDate"_s, u"tomorrow"_s,
        u"returnInfo[0].returnDate"_s, K::InvalidValue);
    row("returnInfo an object", u"returnInfo"_s, QJsonObject(), u"returnInfo"_s, K::InvalidValue);
    row("return items not objects", u"returnInfo[0].items[0]"_s, 1, u"returnInfo[0].items[0]"_s,
        K::InvalidValue);
    row("cart reference to a payment", u"cart.typeId"_s, u"payment"_s, u"cart.typeId"_s,
        K::InvalidValue);
    row("cart reference without id", u"cart.id"_s, removed, u"cart.id"_s, K::MissingValue);
    row("store key breaks the rule", u"store.key"_s, u"Berlin Mitte"_s, u"store.key"_s,
        K::InvalidValue);
    row("completedAt not a date", u"completedAt"_s, u"2026-11-22 25:00"_s, u"completedAt"_s,
        K::InvalidValue);
}

void TestOrder::malformed()
{
    verifyDefect<Order>(returnedOrder());
}

QTEST_GUILESS_MAIN(TestOrder)
#include "tst_order.moc"
