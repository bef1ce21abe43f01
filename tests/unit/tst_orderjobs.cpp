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

// The answer of POST …/refunds as storedesk-server gives it (refundroutes.cpp), shared with
// tst_receipt.
QJsonObject refundView()
{
    return QJsonDocument::fromJson(readFixture(u"refunds/refund-view.json"_s)).object();
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

    void refundResultFromTheServersAnswer()
    {
        const Expected<RefundResult> result = RefundResult::fromJson(bytes(refundView()));
        QVERIFY2(result, qPrintable(describe(result)));
        QCOMPARE(result->id, u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s);
        QCOMPARE(result->state, u"succeeded"_s);
        QCOMPARE(result->amount, eur(2500));
        QCOMPARE(result->reason, u"damaged"_s); // the code: labels are the app's business
        QCOMPARE(result->approvedBy, u"max"_s);
        QCOMPARE(result->items.size(), 2);
        QCOMPARE(result->items.at(0).lineItemId, coffee);
        QCOMPARE(result->items.at(0).quantity, 1);
        QCOMPARE(result->items.at(0).amount, std::optional(eur(2490)));
        QVERIFY(!result->items.at(0).custom);
        QVERIFY(result->items.at(1).custom);
        QCOMPARE(result->tenders.size(), 2);
        QCOMPARE(result->tenders.at(1).tender, u"cash"_s);
        QCOMPARE(result->tenders.at(1).amount, eur(500));
        QCOMPARE(result->tenders.at(1).state, u"pending"_s);
        QVERIFY(!result->createdAt.isValid());

        QJsonObject dated = refundView();
        dated.insert(u"createdAt"_s, u"2026-11-24T12:00:00.000Z"_s);
        const Expected<RefundResult> withDate = RefundResult::fromJson(bytes(dated));
        QVERIFY2(withDate, qPrintable(describe(withDate)));
        QCOMPARE(withDate->createdAt, QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC));

        // The minimal RefundView of the contract: no reason, approval, items' amounts.
        QJsonObject minimal = without(without(refundView(), u"approvedBy"_s), u"reason"_s);
        minimal = without(minimal, u"items[0].amount"_s);
        const Expected<RefundResult> small = RefundResult::fromJson(bytes(minimal));
        QVERIFY2(small, qPrintable(describe(small)));
        QVERIFY(small->approvedBy.isEmpty());
        QVERIFY(small->reason.isEmpty());
        QVERIFY(!small->items.at(0).amount);
        QCOMPARE(small->items.at(1).amount, std::optional(eur(10)));
    }

    void refundResultMalformed_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("no id") << without(refundView(), u"id"_s) << u"id"_s;
        QTest::newRow("no amount") << without(refundView(), u"amount"_s) << u"amount"_s;
        QTest::newRow("negative quantity")
            << withValue(refundView(), u"items[1].quantity"_s, -1) << u"items[1].quantity"_s;
        QTest::newRow("tender in another currency")
            << withValue(refundView(), u"tenders[0].amount.currencyCode"_s, u"USD"_s)
            << u"tenders[0].amount.currencyCode"_s;
        QTest::newRow("item in another currency")
            << withValue(refundView(), u"items[0].amount.currencyCode"_s, u"USD"_s)
            << u"items[0].amount.currencyCode"_s;
        QTest::newRow("tenders not an array")
            << withValue(refundView(), u"tenders"_s, u"card"_s) << u"tenders"_s;
        QTest::newRow("createdAt not a date")
            << withValue(refundView(), u"createdAt"_s, u"yesterday"_s) << u"createdAt"_s;
    }

    void refundResultMalformed()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, path);
        const Expected<RefundResult> result = RefundResult::fromJson(bytes(json));
        QVERIFY(!result);
        QCOMPARE(result.error().path, path);
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
