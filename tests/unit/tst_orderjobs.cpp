#include "api/orderjobs.h"
#include "documentcases.h"
#include "fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace storedesk;
using namespace storedesk::api;
using namespace storedesk::test;
using namespace Qt::StringLiterals;

namespace {

const QString coffee = u"d1000000-0000-4000-8000-000000000001"_s;
const QString mug = u"d1000000-0000-4000-8000-000000000002"_s;
const QString bag = u"e1000000-0000-4000-8000-000000000001"_s;

QJsonObject eurJson(qint64 cents)
{
    return {{u"type"_s, u"centPrecision"_s},
            {u"centAmount"_s, cents},
            {u"currencyCode"_s, u"EUR"_s},
            {u"fractionDigits"_s, 2}};
}

QJsonObject refundable(const QString& lineId, qint64 quantity, const QJsonObject& amount)
{
    return {{u"lineItemId"_s, lineId}, {u"quantity"_s, quantity}, {u"amount"_s, amount}};
}

// GET /stores/berlin-mitte/orders/B-2026-000123 as the server answers it for the fixture order.
QJsonObject lookupDocument()
{
    const QJsonObject order =
        QJsonDocument::fromJson(readFixture(u"orders/returned-order.json"_s)).object();
    const QJsonObject payment =
        QJsonDocument::fromJson(readFixture(u"payments/card-payment.json"_s)).object();
    return {{u"order"_s, order},
            {u"refundable"_s,
             QJsonArray{refundable(coffee, 1, eurJson(2490)), refundable(mug, 0, eurJson(0)),
                        refundable(bag, 1, eurJson(10))}},
            {u"payments"_s, QJsonArray{payment}}};
}

QByteArray bytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

// The order lookup's and the refund's documents as the app reads them, and the refund request as
// it sends it.
class TestOrderJobs : public QObject {
    Q_OBJECT

private slots:
    void lookupReadsOrderRefundableAndPayments()
    {
        const Expected<OrderLookup> lookup = OrderLookup::fromJson(bytes(lookupDocument()));
        QVERIFY2(lookup, qPrintable(describe(lookup)));
        QCOMPARE(lookup->order.orderNumber, u"B-2026-000123"_s);
        QCOMPARE(lookup->refundable.size(), 3);
        QCOMPARE(lookup->refundableLine(coffee)->quantity, 1);
        QCOMPARE(lookup->refundableLine(coffee)->amount, *Money::fromMinorUnits(2490, u"EUR"));
        QCOMPARE(lookup->refundableLine(mug)->quantity, 0);
        QCOMPARE(lookup->refundableLine(bag)->amount, *Money::fromMinorUnits(10, u"EUR"));
        QCOMPARE(lookup->refundableLine(u"no-such-line"_s), nullptr);
        QCOMPARE(lookup->payments.size(), 1);
        QVERIFY(!lookup->payments.first().id.isEmpty());
    }

    void lookupRefusesBrokenDocuments_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("path");
        QJsonObject noRefundable = lookupDocument();
        noRefundable.remove(u"refundable"_s);
        QTest::newRow("no refundable") << bytes(noRefundable) << u"refundable"_s;
        QJsonObject negative = lookupDocument();
        negative.insert(u"refundable"_s, QJsonArray{refundable(coffee, -1, eurJson(0))});
        QTest::newRow("negative quantity") << bytes(negative) << u"refundable[0].quantity"_s;
        QJsonObject dollars = lookupDocument();
        QJsonObject usd = eurJson(100);
        usd.insert(u"currencyCode"_s, u"USD"_s);
        dollars.insert(u"refundable"_s, QJsonArray{refundable(coffee, 1, usd)});
        QTest::newRow("other currency") << bytes(dollars) << u"refundable[0].amount"_s;
        QJsonObject noOrder = lookupDocument();
        noOrder.remove(u"order"_s);
        QTest::newRow("no order") << bytes(noOrder) << u"order"_s;
    }

    void lookupRefusesBrokenDocuments()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, path);
        const Expected<OrderLookup> lookup = OrderLookup::fromJson(document);
        QVERIFY(!lookup);
        QCOMPARE(lookup.error().path, path);
    }

    void refundResultReadsTenders()
    {
        const QJsonObject document{
            {u"id"_s, u"7d0c2a8e-1b7d-4c1e-9a8f-3d2e1b0c9a87"_s},
            {u"state"_s, u"succeeded"_s},
            {u"orderId"_s, u"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"_s},
            {u"orderNumber"_s, u"B-2026-000123"_s},
            {u"amount"_s, eurJson(3702)},
            {u"reason"_s, u"damaged"_s},
            {u"items"_s, QJsonArray{QJsonObject{{u"lineItemId"_s, coffee},
                                                {u"custom"_s, false},
                                                {u"quantity"_s, 3},
                                                {u"amount"_s, eurJson(3702)}}}},
            {u"tenders"_s, QJsonArray{QJsonObject{{u"paymentId"_s, u"p1"_s},
                                                  {u"tender"_s, u"card"_s},
                                                  {u"amount"_s, eurJson(1766)},
                                                  {u"state"_s, u"succeeded"_s}},
                                      QJsonObject{{u"tender"_s, u"cash"_s},
                                                  {u"amount"_s, eurJson(1936)},
                                                  {u"state"_s, u"succeeded"_s}}}},
            {u"approvedBy"_s, u"max"_s}};
        const Expected<RefundResult> result = RefundResult::fromJson(bytes(document));
        QVERIFY2(result, qPrintable(describe(result)));
        QCOMPARE(result->amount, *Money::fromMinorUnits(3702, u"EUR"));
        QCOMPARE(result->orderNumber, u"B-2026-000123"_s);
        QCOMPARE(result->approvedBy, u"max"_s);
        QCOMPARE(result->items.size(), 1);
        QCOMPARE(result->items.first().quantity, 3);
        QCOMPARE(result->tenders.size(), 2);
        QCOMPARE(result->tenders.at(0).tender, u"card"_s);
        QCOMPARE(result->tenders.at(0).paymentId, u"p1"_s);
        QCOMPARE(result->tenders.at(1).amount, *Money::fromMinorUnits(1936, u"EUR"));
        QVERIFY(result->tenders.at(1).paymentId.isEmpty());

        QJsonObject noTenders = document;
        noTenders.remove(u"tenders"_s);
        QVERIFY(!RefundResult::fromJson(bytes(noTenders)));
    }

    void requestBodyCarriesTheApprovalOnlyWhenGiven()
    {
        RefundRequest request;
        request.orderId = u"o1"_s;
        request.items = {{coffee, 2}, {bag, 1}};
        request.reason = u"damaged"_s;
        const QJsonObject plain = request.toJson();
        QCOMPARE(plain.value(u"reason"_s).toString(), u"damaged"_s);
        QCOMPARE(plain.value(u"items"_s).toArray().size(), 2);
        QCOMPARE(plain.value(u"items"_s).toArray().at(0).toObject().value(u"quantity"_s).toInt(),
                 2);
        QVERIFY(!plain.contains(u"approval"_s));
        QVERIFY(!plain.contains(u"orderId"_s)); // it is in the path

        request.approval = RefundRequest::Approval{u"max"_s, u"max12345"_s};
        const QJsonObject approved = request.toJson();
        QCOMPARE(approved.value(u"approval"_s).toObject().value(u"username"_s).toString(),
                 u"max"_s);
        QCOMPARE(approved.value(u"approval"_s).toObject().value(u"secret"_s).toString(),
                 u"max12345"_s);
    }
};

QTEST_GUILESS_MAIN(TestOrderJobs)
#include "tst_orderjobs.moc"
