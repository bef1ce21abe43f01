// How many calls storedesk-server makes to commercetools to create an order and to refund one
// (issue 13 goal 5), counted by the fault proxy between the server and the (strict) emulator:
// an order is the cart and the creation (2), a refund with one tender the order with its Payments
// expanded, the return info and the Refund transaction (3). An update on a resource someone
// changed since the server read it (commercetools answers 409 ConcurrentModification, forced here
// by the proxy) costs one re-read and one retry, and still makes exactly one refund.
#include "commercestack.h"
#include "faultproxy.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using storedesk::test::CommerceStack;
using storedesk::test::FaultProxy;
using Fault = FaultProxy::Fault;

namespace {

const QString annaSecret = QStringLiteral("anna-Pa55-word");
const QString store = QStringLiteral("berlin-mitte");

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString text(const CommerceStack::HttpReply& reply)
{
    return QStringLiteral("HTTP %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.raw));
}

// The calls, as "METHOD /path?query" without the project key, each matched by one pattern.
bool callsAre(const QStringList& calls, const QStringList& patterns)
{
    if (calls.size() != patterns.size())
        return false;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QRegularExpression pattern(QRegularExpression::anchoredPattern(patterns.at(i)));
        if (!pattern.match(calls.at(i)).hasMatch())
            return false;
    }
    return true;
}

} // namespace

class TestRefundOrderCalls : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;
    FaultProxy m_proxy;
    QByteArray m_till;
    QStringList m_calls; // what the last operation sent to commercetools

    // Runs `operation` and keeps the calls it made (the project key taken out of the paths).
    template <typename Operation>
    auto counted(Operation operation)
    {
        const qsizetype before = m_proxy.log().size();
        auto result = operation();
        m_calls = m_proxy.log().mid(before);
        const QString project = QLatin1Char('/') + m_stack.projectKey();
        for (QString& call : m_calls)
            call.replace(QStringLiteral(" ") + project + QLatin1Char('/'), QStringLiteral(" /"));
        return result;
    }

    QString calls() const { return m_calls.join(QStringLiteral("\n")); }

    // Pays in cash and waits until commercetools holds the successful Charge: the server may
    // finish booking it after answering, and those calls must not count for what comes next.
    bool payCash(const QString& cartId, qint64 cents)
    {
        const QString key = newKey();
        if (sendCash(cartId, cents, key).status != 201)
            return false;
        const QString where = QString::fromLatin1(
            QUrl::toPercentEncoding(QStringLiteral("key=\"storedesk-%1\"").arg(key)));
        const auto charged = [&] {
            for (const QJsonValue& payment :
                 m_stack.emulatorGet(QStringLiteral("payments?where=") + where)
                     .value(QStringLiteral("results"))
                     .toArray()) {
                for (const QJsonValue& t :
                     payment.toObject().value(QStringLiteral("transactions")).toArray()) {
                    if (t.toObject().value(QStringLiteral("type")) == QStringLiteral("Charge") &&
                        t.toObject().value(QStringLiteral("state")) == QStringLiteral("Success"))
                        return true;
                }
            }
            return false;
        };
        QDeadlineTimer deadline(10000);
        while (!charged()) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(50);
        }
        return true;
    }

    CommerceStack::HttpReply sendCash(const QString& cartId, qint64 cents, const QString& key)
    {
        const QJsonObject body{
            {QStringLiteral("tender"), QStringLiteral("cash")},
            {QStringLiteral("amount"),
             QJsonObject{{QStringLiteral("centAmount"), cents},
                         {QStringLiteral("currencyCode"), QStringLiteral("EUR")}}}};
        return m_stack.call("POST",
                            QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId),
                            QJsonDocument(body).toJson(QJsonDocument::Compact), m_till,
                            {{"Idempotency-Key", key.toLatin1()}});
    }

    CommerceStack::HttpReply order(const QString& cartId, const QString& key)
    {
        const qint64 version =
            m_stack.emulatorGet(QStringLiteral("in-store/key=%1/carts/%2").arg(store, cartId))
                .value(QStringLiteral("version"))
                .toInteger();
        return m_stack.call("POST", QStringLiteral("/stores/%1/carts/%2/order").arg(store, cartId),
                            QJsonDocument(QJsonObject{{QStringLiteral("cartVersion"), version}})
                                .toJson(QJsonDocument::Compact),
                            m_till, {{"Idempotency-Key", key.toLatin1()}});
    }

    CommerceStack::HttpReply refund(const QJsonObject& placed, qint64 quantity, const QString& key)
    {
        const QJsonObject body{{QStringLiteral("items"),
                                QJsonArray{QJsonObject{{QStringLiteral("lineItemId"),
                                                        placed.value(QStringLiteral("lineItems"))
                                                            .toArray()
                                                            .first()
                                                            .toObject()
                                                            .value(QStringLiteral("id"))},
                                                       {QStringLiteral("quantity"), quantity}}}},
                               {QStringLiteral("reason"), QStringLiteral("damaged")}};
        return m_stack.call("POST",
                            QStringLiteral("/stores/%1/orders/%2/refunds")
                                .arg(store, placed.value(QStringLiteral("id")).toString()),
                            QJsonDocument(body).toJson(QJsonDocument::Compact), m_till,
                            {{"Idempotency-Key", key.toLatin1()}});
    }

    // A cash-paid order of `units` cups (12.34 each), made through the server.
    QJsonObject paidOrder(int units)
    {
        const QString cartId = m_stack.newCart(store, units);
        if (cartId.isEmpty() || !payCash(cartId, 1234 * units))
            return {};
        const auto placed = order(cartId, newKey());
        return placed.status == 201 ? placed.body : QJsonObject();
    }

    // What commercetools holds: the order's return infos, the Payment's Refund transactions.
    int returnInfos(const QString& orderId)
    {
        return m_stack.emulatorGet(QStringLiteral("orders/") + orderId)
            .value(QStringLiteral("returnInfo"))
            .toArray()
            .size();
    }
    int refundTransactions(const QString& paymentId)
    {
        int refunds = 0;
        for (const QJsonValue& t : m_stack.emulatorGet(QStringLiteral("payments/") + paymentId)
                                       .value(QStringLiteral("transactions"))
                                       .toArray())
            refunds += t.toObject().value(QStringLiteral("type")) == QStringLiteral("Refund");
        return refunds;
    }
    static QString paymentOf(const QJsonObject& order)
    {
        return order.value(QStringLiteral("paymentInfo"))
            .toObject()
            .value(QStringLiteral("payments"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_stack.startEmulator(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.seed(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.startDatabase(), qPrintable(m_stack.errorString()));
        QVERIFY(m_stack.addUser(QStringLiteral("anna"), annaSecret, {QStringLiteral("colleague")},
                                {store}));
        // Every API call of the server goes through the proxy (its token requests go straight).
        QVERIFY(m_proxy.start(m_stack.emulatorUrl()));
        m_stack.setServerVariable(QStringLiteral("CTP_API_URL"), m_proxy.url().toString());
        // Cash is taken only into an open till (docs/TILL.md): the stack opens them.
        m_stack.setOpensTills(true);
        QVERIFY2(m_stack.startServer(), qPrintable(m_stack.errorString()));
        m_till = m_stack.logIn(QStringLiteral("anna"), annaSecret, store,
                               QStringLiteral("berlin-mitte-till-1"));
        QVERIFY(!m_till.isEmpty());
    }

    void cleanupTestCase() { QCOMPARE(m_stack.stopServer(), 0); }

    void anOrderIsTwoCalls()
    {
        // The seed holds berlin-mitte-000001 and -000002: the first order moves past them
        // (DuplicateField, a lookup, the next number); counted is an order after that.
        QVERIFY(!paidOrder(1).isEmpty());
        const QString cartId = m_stack.newCart(store, 1);
        QVERIFY(!cartId.isEmpty());
        QVERIFY(payCash(cartId, 1234));
        const QString key = newKey();
        const auto placed = counted([&] { return order(cartId, key); });
        QVERIFY2(placed.status == 201, qPrintable(text(placed)));
        QVERIFY2(callsAre(m_calls,
                          {QStringLiteral("GET /in-store/key=berlin-mitte/carts/%1").arg(cartId),
                           QStringLiteral("POST /in-store/key=berlin-mitte/orders")}),
                 qPrintable(calls()));
        // Asked again with the same key: the stored answer, no call at all.
        const auto repeated = counted([&] { return order(cartId, key); });
        QCOMPARE(repeated.status, 201);
        QCOMPARE(repeated.body.value(QStringLiteral("id")),
                 placed.body.value(QStringLiteral("id")));
        QVERIFY2(m_calls.isEmpty(), qPrintable(calls()));
    }

    void aRefundIsThreeCalls()
    {
        const QJsonObject placed = paidOrder(3);
        QVERIFY(!placed.isEmpty());
        const QString orderId = placed.value(QStringLiteral("id")).toString();
        const QString paymentId = paymentOf(placed);
        const auto refunded = counted([&] { return refund(placed, 1, newKey()); });
        QVERIFY2(refunded.status == 201, qPrintable(text(refunded)));
        QVERIFY2(callsAre(m_calls,
                          {QStringLiteral("GET /in-store/key=berlin-mitte/orders/%1\\?expand=.+")
                               .arg(orderId),
                           QStringLiteral("POST /in-store/key=berlin-mitte/orders/%1").arg(orderId),
                           QStringLiteral("POST /payments/%1").arg(paymentId)}),
                 qPrintable(calls()));
        QCOMPARE(returnInfos(orderId), 1);
        QCOMPARE(refundTransactions(paymentId), 1);
    }

    void aConflictIsOneReadAndOneRetry_data()
    {
        QTest::addColumn<QString>("changed"); // what changes between the read and the update
        QTest::newRow("order") << QStringLiteral("order");
        QTest::newRow("payment") << QStringLiteral("payment");
    }

    void aConflictIsOneReadAndOneRetry()
    {
        QFETCH(QString, changed);
        const QJsonObject placed = paidOrder(3);
        QVERIFY(!placed.isEmpty());
        const QString orderId = placed.value(QStringLiteral("id")).toString();
        const QString paymentId = paymentOf(placed);
        const QString orderPath =
            QStringLiteral("/in-store/key=berlin-mitte/orders/%1").arg(orderId);
        const QString paymentPath = QStringLiteral("/payments/%1").arg(paymentId);
        const QString conflicted = changed == QStringLiteral("order") ? orderPath : paymentPath;
        m_proxy.setFilter("POST", QRegularExpression(QRegularExpression::escape(conflicted) +
                                                     QStringLiteral("$")));
        const int conflicts = m_proxy.injected(Fault::AnswerConflict);
        m_proxy.script({Fault::AnswerConflict});

        const auto refunded = counted([&] { return refund(placed, 1, newKey()); });
        m_proxy.setFilter({}, QRegularExpression());
        QVERIFY2(refunded.status == 201, qPrintable(text(refunded)));
        QCOMPARE(m_proxy.injected(Fault::AnswerConflict), conflicts + 1);
        const QString get = QStringLiteral("GET ") + QRegularExpression::escape(conflicted);
        const QString post = QStringLiteral("POST ") + QRegularExpression::escape(conflicted);
        const QStringList expected =
            changed == QStringLiteral("order")
                ? QStringList{QStringLiteral("GET %1\\?expand=.+").arg(orderPath), post, get, post,
                              QStringLiteral("POST ") + paymentPath}
                : QStringList{QStringLiteral("GET %1\\?expand=.+").arg(orderPath),
                              QStringLiteral("POST ") + orderPath, post, get, post};
        QVERIFY2(callsAre(m_calls, expected), qPrintable(calls()));
        // Exactly one refund, whatever the retry.
        QCOMPARE(returnInfos(orderId), 1);
        QCOMPARE(refundTransactions(paymentId), 1);
    }

    // commercetools cannot be reached for the return info after the refund was planned: the
    // till gets 502, the plan stays; another refund of the order waits for it, and the repeat
    // with the same key finishes that plan in the same three calls — one refund in all.
    void aRepeatFinishesThePlannedRefund()
    {
        const QJsonObject placed = paidOrder(2);
        QVERIFY(!placed.isEmpty());
        const QString orderId = placed.value(QStringLiteral("id")).toString();
        const QString paymentId = paymentOf(placed);
        m_proxy.setFilter("POST", QRegularExpression(QStringLiteral("/orders/%1$").arg(orderId)));
        m_proxy.script({Fault::ResetBeforeForward, Fault::ResetBeforeForward,
                        Fault::ResetBeforeForward}); // every try of CtClient
        const QString key = newKey();
        const auto cut = refund(placed, 1, key);
        m_proxy.setFilter({}, QRegularExpression());
        QVERIFY2(cut.status == 502, qPrintable(text(cut)));
        QCOMPARE(returnInfos(orderId), 0);
        QCOMPARE(refundTransactions(paymentId), 0);
        QCOMPARE(refund(placed, 1, newKey()).status, 409); // the unfinished one comes first

        const auto finished = counted([&] { return refund(placed, 1, key); });
        QVERIFY2(finished.status == 201, qPrintable(text(finished)));
        QVERIFY2(callsAre(m_calls,
                          {QStringLiteral("GET /in-store/key=berlin-mitte/orders/%1\\?expand=.+")
                               .arg(orderId),
                           QStringLiteral("POST /in-store/key=berlin-mitte/orders/%1").arg(orderId),
                           QStringLiteral("POST /payments/%1").arg(paymentId)}),
                 qPrintable(calls()));
        QCOMPARE(returnInfos(orderId), 1);
        QCOMPARE(refundTransactions(paymentId), 1);
    }

    // The Refund transaction is booked but its answer is lost: the server's retry meets the new
    // version, reads the Payment again, finds its transaction and books nothing more.
    void aLostAnswerIsNotASecondRefund()
    {
        const QJsonObject placed = paidOrder(2);
        QVERIFY(!placed.isEmpty());
        const QString orderId = placed.value(QStringLiteral("id")).toString();
        const QString paymentId = paymentOf(placed);
        m_proxy.setFilter("POST",
                          QRegularExpression(QStringLiteral("/payments/%1$").arg(paymentId)));
        m_proxy.script({Fault::DropAnswer});
        const QString key = newKey();
        const auto refunded = counted([&] { return refund(placed, 1, key); });
        m_proxy.setFilter({}, QRegularExpression());
        QVERIFY2(refunded.status == 201, qPrintable(text(refunded) + QLatin1Char('\n') + calls()));
        QCOMPARE(refundTransactions(paymentId), 1);
        QCOMPARE(returnInfos(orderId), 1);
        const auto again = refund(placed, 1, key);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body.value(QStringLiteral("id")), refunded.body.value(QStringLiteral("id")));
        QCOMPARE(refundTransactions(paymentId), 1);
    }
};

QTEST_GUILESS_MAIN(TestRefundOrderCalls)
#include "tst_refundordercalls.moc"
