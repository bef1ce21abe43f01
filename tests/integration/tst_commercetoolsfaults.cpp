// Calls to commercetools whose answers get lost: the fault proxy sits between storedesk-server
// and the (strict) commercetools emulator and drops or resets the answers of order and payment
// creations after forwarding them. The server must end with exactly the one order per cart and
// the one Payment per attempt that it meant to make, and answer the till as if nothing happened
// (issue 12 item 8: Qt's silent re-send had made a second order, then refused the till).
#include "commercestack.h"
#include "faultproxy.h"

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

} // namespace

class TestCommercetoolsFaults : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;
    FaultProxy m_proxy;
    QByteArray m_till;

    CommerceStack::HttpReply payCash(const QString& cartId, qint64 cents, const QString& key)
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

    QJsonArray ordersOfCart(const QString& cartId)
    {
        const QString where = QString::fromLatin1(
            QUrl::toPercentEncoding(QStringLiteral("cart(id=\"%1\")").arg(cartId)));
        return m_stack.emulatorGet(QStringLiteral("orders?where=") + where)
            .value(QStringLiteral("results"))
            .toArray();
    }

    int paymentsWithKey(const QString& idempotencyKey)
    {
        const QString where = QString::fromLatin1(
            QUrl::toPercentEncoding(QStringLiteral("key=\"storedesk-%1\"").arg(idempotencyKey)));
        return m_stack.emulatorGet(QStringLiteral("payments?where=") + where)
            .value(QStringLiteral("count"))
            .toInt();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_stack.startEmulator(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.seed(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.startDatabase(), qPrintable(m_stack.errorString()));
        QVERIFY(m_stack.addUser(QStringLiteral("anna"), annaSecret, {QStringLiteral("colleague")},
                                {store}));
        // The server's API calls go through the proxy; its token requests go straight.
        QVERIFY(m_proxy.start(m_stack.emulatorUrl()));
        m_proxy.setFilter("POST",
                          QRegularExpression(QStringLiteral("^/[^/?]+/(in-store/key=[^/?]+/)?"
                                                            "(orders|payments)/?(\\?.*)?$")));
        m_stack.setServerVariable(QStringLiteral("CTP_API_URL"), m_proxy.url().toString());
        // Cash is taken only into an open till (docs/TILL.md): the stack opens them.
        m_stack.setOpensTills(true);
        QVERIFY2(m_stack.startServer(), qPrintable(m_stack.errorString()));
        m_till = m_stack.logIn(QStringLiteral("anna"), annaSecret, store,
                               QStringLiteral("berlin-mitte-till-1"));
        QVERIFY(!m_till.isEmpty());
    }

    void cleanupTestCase() { QCOMPARE(m_stack.stopServer(), 0); }

    void lostAnswers_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::newRow("answer dropped") << Fault::DropAnswer;
        QTest::newRow("reset after forwarding") << Fault::ResetAfterForward;
    }

    // The Payment and the order are made by requests whose answers never arrive: the server
    // adopts what commercetools made (the Payment by its key, the order by its number and cart)
    // and answers the till once — one Payment, one order, and the number the server reserved.
    void lostAnswers()
    {
        QFETCH(Fault, fault);
        for (int round = 0; round < 3; ++round) {
            const QString cartId = m_stack.newCart(store, 1);
            QVERIFY(!cartId.isEmpty());

            const int paymentFaults = m_proxy.injected(fault);
            m_proxy.script({fault});
            const QString paymentKey = newKey();
            const auto paid = payCash(cartId, 1234, paymentKey);
            QVERIFY2(paid.status == 201, qPrintable(text(paid)));
            QCOMPARE(m_proxy.injected(fault), paymentFaults + 1);
            QCOMPARE(paymentsWithKey(paymentKey), 1);

            const int orderFaults = m_proxy.injected(fault);
            m_proxy.script({fault});
            const auto placed = order(cartId, newKey());
            QVERIFY2(placed.status == 201, qPrintable(text(placed)));
            QCOMPARE(m_proxy.injected(fault), orderFaults + 1);
            const QJsonArray orders = ordersOfCart(cartId);
            QCOMPARE(orders.size(), 1);
            QCOMPARE(placed.body.value(QStringLiteral("id")),
                     orders.first().toObject().value(QStringLiteral("id")));
            // The till asks again (another key): still that one order.
            const auto again = order(cartId, newKey());
            QCOMPARE(again.status, 201);
            QCOMPARE(again.body.value(QStringLiteral("id")),
                     placed.body.value(QStringLiteral("id")));
        }
    }
};

QTEST_GUILESS_MAIN(TestCommercetoolsFaults)
#include "tst_commercetoolsfaults.moc"
