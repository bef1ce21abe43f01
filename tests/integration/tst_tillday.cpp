// Issue 15's "done when": a till's whole day through storedesk-server, end to end. The real server
// process runs against the commercetools emulator, on SQLite and on PostgreSQL
// (STOREDESK_TEST_DATABASE): open with a counted float, a cash sale with change, a card sale on the
// simulated terminal, a cash refund, a pay-in, a pay-out that needs a manager, a safe drop, the X
// report figure by figure, a blind close short by more than the store allows (approved), the Z
// report and its reprint, and a second day whose Z number follows without a gap. Before the till
// is open, cash is refused (nothing created) and card is taken.
#include "commercestack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

using storedesk::test::CommerceStack;

namespace {

const QString annaSecret = QStringLiteral("anna-Pa55-word");
const QString maxSecret = QStringLiteral("max-Pa55-word");
const QString store = QStringLiteral("berlin-mitte");
const QString till = QStringLiteral("berlin-mitte-till-1"); // with the simulated terminal
const QString terminal = QStringLiteral("berlin-mitte-terminal-1");

// The store's limits for this test (docs/TILL.md's defaults, written out so the figures below
// read against them).
constexpr qint64 payOutApprovalAbove = 5000;
constexpr qint64 closeApprovalAbove = 500;

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject eur(qint64 cents)
{
    return {{QStringLiteral("centAmount"), cents},
            {QStringLiteral("currencyCode"), QStringLiteral("EUR")},
            {QStringLiteral("fractionDigits"), 2}};
}

qint64 cents(const QJsonValue& money)
{
    return money.toObject().value(QStringLiteral("centAmount")).toInteger();
}

// A count by denomination: {value: count, …}.
QJsonObject count(std::initializer_list<std::pair<qint64, qint64>> lines)
{
    QJsonArray array;
    for (const auto& [value, pieces] : lines)
        array.append(
            QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("count"), pieces}});
    return {{QStringLiteral("currency"), QStringLiteral("EUR")}, {QStringLiteral("lines"), array}};
}

QString text(const CommerceStack::HttpReply& reply)
{
    return QStringLiteral("HTTP %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.raw));
}

QJsonObject details(const CommerceStack::HttpReply& reply)
{
    return reply.body.value(QStringLiteral("details")).toObject();
}

} // namespace

class TestTillDay : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;
    QByteArray m_anna; // at the till with the terminal
    QByteArray m_max;  // the manager, at the same till (reads the store's sessions)
    QJsonObject m_approval{{QStringLiteral("username"), QStringLiteral("max")},
                           {QStringLiteral("secret"), maxSecret}};
    QString m_refusedKey;   // the cash payment refused before the till was opened
    QString m_refusedCart;  // its cart
    QString m_firstSession; // the first day's session id
    QString m_firstZNumber;

    QString tillPath(const QString& tail = {}) const
    {
        return QStringLiteral("/stores/%1/workstations/%2/till").arg(store, till) + tail;
    }

    CommerceStack::HttpReply post(const QString& path, const QJsonObject& body, const QString& key)
    {
        return m_stack.call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                            m_anna, {{"Idempotency-Key", key.toLatin1()}});
    }

    CommerceStack::HttpReply pay(const QString& cartId, const QString& tender, qint64 amount,
                                 const QString& key, qint64 tendered = 0)
    {
        QJsonObject body{{QStringLiteral("tender"), tender},
                         {QStringLiteral("amount"), eur(amount)}};
        if (tendered > 0)
            body.insert(QStringLiteral("cashTendered"), eur(tendered));
        return post(QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId), body, key);
    }

    // Long-polls until the attempt is final (or 30 s have passed).
    QJsonObject waitFinal(const QString& paymentId)
    {
        QJsonObject view;
        for (int round = 0; round < 6; ++round) {
            view = m_stack
                       .call("GET", QStringLiteral("/payments/%1?waitSeconds=5").arg(paymentId), {},
                             m_anna)
                       .body;
            if (view.value(QStringLiteral("state")).toString() != QLatin1String("pending"))
                break;
        }
        return view;
    }

    // The cart's order, placed through the server; empty when it was refused.
    QJsonObject placeOrder(const QString& cartId)
    {
        const qint64 version =
            m_stack.emulatorGet(QStringLiteral("in-store/key=%1/carts/%2").arg(store, cartId))
                .value(QStringLiteral("version"))
                .toInteger();
        const auto placed = post(QStringLiteral("/stores/%1/carts/%2/order").arg(store, cartId),
                                 {{QStringLiteral("cartVersion"), version}}, newKey());
        if (placed.status != 201)
            qWarning().noquote() << text(placed);
        return placed.status == 201 ? placed.body : QJsonObject();
    }

    // Payments commercetools holds with the key a payment of this Idempotency-Key would get.
    int paymentsWithKey(const QString& idempotencyKey)
    {
        const QString where = QString::fromLatin1(
            QUrl::toPercentEncoding(QStringLiteral("key=\"storedesk-%1\"").arg(idempotencyKey)));
        return m_stack.emulatorGet(QStringLiteral("payments?where=") + where)
            .value(QStringLiteral("count"))
            .toInt();
    }

    qint64 cartPaymentCount(const QString& cartId)
    {
        return m_stack.emulatorGet(QStringLiteral("in-store/key=%1/carts/%2").arg(store, cartId))
            .value(QStringLiteral("paymentInfo"))
            .toObject()
            .value(QStringLiteral("payments"))
            .toArray()
            .size();
    }

    QJsonObject movement(const QString& kind, qint64 amount, const QString& reason,
                         const QJsonObject& extra = {})
    {
        QJsonObject body = extra;
        body.insert(QStringLiteral("kind"), kind);
        body.insert(QStringLiteral("amount"), eur(amount));
        if (!reason.isEmpty())
            body.insert(QStringLiteral("reason"), reason);
        return body;
    }

    // Opens the till with `float`; the session.
    QJsonObject open(const QJsonObject& floatCount)
    {
        const auto opened = post(tillPath(QStringLiteral("/open")),
                                 {{QStringLiteral("float"), floatCount}}, newKey());
        if (opened.status != 201)
            qWarning().noquote() << text(opened);
        return opened.status == 201 ? opened.body : QJsonObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_stack.startEmulator(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.seed(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.startDatabase(), qPrintable(m_stack.errorString()));
        QVERIFY(m_stack.addUser(QStringLiteral("anna"), annaSecret, {QStringLiteral("colleague")},
                                {store}));
        QVERIFY(m_stack.addUser(QStringLiteral("max"), maxSecret, {QStringLiteral("manager")},
                                {store}));
        QJsonObject config = CommerceStack::defaultConfig();
        QJsonArray stores = config.value(QStringLiteral("stores")).toArray();
        QJsonObject berlin = stores.first().toObject();
        QCOMPARE(berlin.value(QStringLiteral("key")).toString(), store);
        berlin.insert(QStringLiteral("till"),
                      QJsonObject{{QStringLiteral("cardNeedsOpenTill"), false},
                                  {QStringLiteral("payOutApprovalAbove"), payOutApprovalAbove},
                                  {QStringLiteral("closeApprovalAbove"), closeApprovalAbove}});
        stores.replace(0, berlin);
        config.insert(QStringLiteral("stores"), stores);
        config.insert(QStringLiteral("simulatedTerminalDelayMs"), 200);
        QVERIFY2(m_stack.startServer(CommerceStack::fullScopes(), config),
                 qPrintable(m_stack.errorString()));
        m_anna = m_stack.logIn(QStringLiteral("anna"), annaSecret, store, till);
        m_max = m_stack.logIn(QStringLiteral("max"), maxSecret, store, till);
        QVERIFY(!m_anna.isEmpty() && !m_max.isEmpty());
    }

    void cleanupTestCase()
    {
        const QByteArray log = m_stack.serverLog();
        QVERIFY2(!log.contains(maxSecret.toUtf8()), "the manager's secret reached the log");
        QCOMPARE(m_stack.stopServer(), 0);
    }

    // Before the till is opened: cash is refused with nothing created, card is taken.
    void cashNeedsAnOpenTill()
    {
        const auto status = m_stack.call("GET", tillPath(), {}, m_anna);
        QVERIFY2(status.status == 200, qPrintable(text(status)));
        QVERIFY(status.body.value(QStringLiteral("session")).isNull());
        QCOMPARE(status.body.value(QStringLiteral("hasDrawer")).toBool(), true);

        m_refusedCart = m_stack.newCart(store, 1);
        m_refusedKey = newKey();
        const auto refused = pay(m_refusedCart, QStringLiteral("cash"), 1234, m_refusedKey, 2000);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("till_not_open"));
        // Nothing was created: no commercetools Payment, nothing on the cart, nothing held.
        QCOMPARE(paymentsWithKey(m_refusedKey), 0);
        QCOMPARE(cartPaymentCount(m_refusedCart), 0);
        const auto balance = m_stack.call(
            "GET", QStringLiteral("/stores/%1/carts/%2/payments").arg(store, m_refusedCart), {},
            m_anna);
        QVERIFY2(balance.status == 200, qPrintable(text(balance)));
        QCOMPARE(balance.body.value(QStringLiteral("payments")).toArray().size(), 0);
        QCOMPARE(cents(balance.body.value(QStringLiteral("openBalance"))), 1234);
        // The answer was lost and the app asks again with the same key: the same refusal.
        const auto repeated = pay(m_refusedCart, QStringLiteral("cash"), 1234, m_refusedKey, 2000);
        QCOMPARE(repeated.status, 409);
        QCOMPARE(repeated.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("till_not_open"));
        QCOMPARE(paymentsWithKey(m_refusedKey), 0);

        // Card needs no open till here (cardNeedsOpenTill is false); this sale belongs to no
        // session, so no report below counts it.
        const QString cardCart = m_stack.newCart(store, 1);
        const auto card = pay(cardCart, QStringLiteral("card"), 1234, newKey());
        QVERIFY2(card.status == 201 || card.status == 202, qPrintable(text(card)));
        QCOMPARE(waitFinal(card.body.value(QStringLiteral("id")).toString())
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("succeeded"));
        QVERIFY(!placeOrder(cardCart).isEmpty());
    }

    void theWholeDay()
    {
        // Open: 2 × 50.00 + 5 × 10.00 + 10 × 2.00 = 170.00, counted by denomination.
        const qint64 floatTotal = 17000;
        const QJsonObject session = open(count({{5000, 2}, {1000, 5}, {200, 10}}));
        QVERIFY(!session.isEmpty());
        m_firstSession = session.value(QStringLiteral("id")).toString();
        QVERIFY(!m_firstSession.isEmpty());
        QCOMPARE(session.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(
            cents(session.value(QStringLiteral("float")).toObject().value(QStringLiteral("total"))),
            floatTotal);
        QCOMPARE(session.value(QStringLiteral("openedBy")).toString(), QStringLiteral("anna"));

        // The refused key stays refused (its answer is final); the app pays with a new key.
        const auto stillRefused =
            pay(m_refusedCart, QStringLiteral("cash"), 1234, m_refusedKey, 2000);
        QCOMPARE(stillRefused.status, 409);
        QCOMPARE(paymentsWithKey(m_refusedKey), 0);

        // A cash sale with change: 2 cups (24.68) paid with a 50.00 note; 25.32 back.
        const QString cashCart = m_stack.newCart(store, 2);
        const auto cash = pay(cashCart, QStringLiteral("cash"), 2468, newKey(), 5000);
        QVERIFY2(cash.status == 201, qPrintable(text(cash)));
        QCOMPARE(cash.body.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(cents(cash.body.value(QStringLiteral("changeDue"))), 2532);
        const QJsonObject cashOrder = placeOrder(cashCart);
        QVERIFY(!cashOrder.isEmpty());

        // A card sale on the simulated terminal: 1 cup.
        const QString cardCart = m_stack.newCart(store, 1);
        const auto card = pay(cardCart, QStringLiteral("card"), 1234, newKey());
        QVERIFY2(card.status == 201 || card.status == 202, qPrintable(text(card)));
        QCOMPARE(waitFinal(card.body.value(QStringLiteral("id")).toString())
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("succeeded"));
        const QJsonObject cardOrder = placeOrder(cardCart);
        QVERIFY(!cardOrder.isEmpty());

        // A cash refund: one cup of the cash sale goes back over the counter.
        const QJsonObject cashLine =
            cashOrder.value(QStringLiteral("lineItems")).toArray().first().toObject();
        const auto refund =
            post(QStringLiteral("/stores/%1/orders/%2/refunds")
                     .arg(store, cashOrder.value(QStringLiteral("id")).toString()),
                 {{QStringLiteral("items"),
                   QJsonArray{QJsonObject{{QStringLiteral("lineItemId"), cashLine.value("id")},
                                          {QStringLiteral("quantity"), 1}}}},
                  {QStringLiteral("reason"), QStringLiteral("damaged")}},
                 newKey());
        QVERIFY2(refund.status == 201, qPrintable(text(refund)));
        const QJsonArray refundTenders = refund.body.value(QStringLiteral("tenders")).toArray();
        QCOMPARE(refundTenders.size(), 1);
        QCOMPARE(refundTenders.first().toObject().value(QStringLiteral("tender")).toString(),
                 QStringLiteral("cash"));
        QCOMPARE(cents(refund.body.value(QStringLiteral("amount"))), 1234);

        // A pay-in of change.
        const auto payIn = post(
            tillPath(QStringLiteral("/movements")),
            movement(QStringLiteral("pay_in"), 2000, QStringLiteral("Change delivery")), newKey());
        QVERIFY2(payIn.status == 201, qPrintable(text(payIn)));
        QCOMPARE(payIn.body.value(QStringLiteral("kind")).toString(), QStringLiteral("pay_in"));
        QCOMPARE(cents(payIn.body.value(QStringLiteral("amount"))), 2000);

        // A pay-out above the store's limit: refused without a manager, and with a wrong secret;
        // the same request (same key) with the approval is done once.
        const qint64 payOutAmount = payOutApprovalAbove + 1000;
        const QString payOutKey = newKey();
        const QJsonObject payOut =
            movement(QStringLiteral("pay_out"), payOutAmount, QStringLiteral("Supplier paid"),
                     {{QStringLiteral("note"), QStringLiteral("Milk for the café")}});
        const auto unapproved = post(tillPath(QStringLiteral("/movements")), payOut, payOutKey);
        QCOMPARE(unapproved.status, 403);
        QCOMPARE(details(unapproved).value(QStringLiteral("approvalRequired")).toBool(), true);
        QCOMPARE(details(unapproved).value(QStringLiteral("reasons")).toArray(),
                 QJsonArray{QStringLiteral("amount")});
        QJsonObject wrong = payOut;
        wrong.insert(QStringLiteral("approval"),
                     QJsonObject{{QStringLiteral("username"), QStringLiteral("max")},
                                 {QStringLiteral("secret"), QStringLiteral("not-his-secret")}});
        const auto denied = post(tillPath(QStringLiteral("/movements")), wrong, payOutKey);
        QCOMPARE(denied.status, 403);
        QCOMPARE(details(denied).value(QStringLiteral("approvalDenied")).toBool(), true);
        QJsonObject approved = payOut;
        approved.insert(QStringLiteral("approval"), m_approval);
        const auto paidOut = post(tillPath(QStringLiteral("/movements")), approved, payOutKey);
        QVERIFY2(paidOut.status == 201, qPrintable(text(paidOut)));
        QCOMPARE(paidOut.body.value(QStringLiteral("approvedBy")).toString(),
                 QStringLiteral("max"));
        QCOMPARE(cents(paidOut.body.value(QStringLiteral("amount"))), payOutAmount);

        // A safe drop with the bag's number.
        const auto drop = post(tillPath(QStringLiteral("/movements")),
                               movement(QStringLiteral("safe_drop"), 10000, {},
                                        {{QStringLiteral("bagNumber"), QStringLiteral("B-0001")}}),
                               newKey());
        QVERIFY2(drop.status == 201, qPrintable(text(drop)));
        QCOMPARE(drop.body.value(QStringLiteral("bagNumber")).toString(), QStringLiteral("B-0001"));

        // The X report, figure by figure; expected cash exactly float + cash sales − cash
        // refunds + pay-ins − pay-outs − safe drops.
        const qint64 expected = floatTotal + 2468 - 1234 + 2000 - payOutAmount - 10000;
        const auto xReport = m_stack.call("GET", tillPath(QStringLiteral("/x-report")), {}, m_anna);
        QVERIFY2(xReport.status == 200, qPrintable(text(xReport)));
        const QJsonObject x = xReport.body;
        QCOMPARE(x.value(QStringLiteral("kind")).toString(), QStringLiteral("x"));
        QVERIFY(!x.contains(QStringLiteral("number")));
        QCOMPARE(x.value(QStringLiteral("sessionId")).toString(), m_firstSession);
        QCOMPARE(x.value(QStringLiteral("storeKey")).toString(), store);
        QCOMPARE(x.value(QStringLiteral("workstationId")).toString(), till);
        QCOMPARE(x.value(QStringLiteral("currency")).toString(), QStringLiteral("EUR"));
        QCOMPARE(x.value(QStringLiteral("openedBy")).toString(), QStringLiteral("anna"));
        QCOMPARE(cents(x.value(QStringLiteral("float"))), floatTotal);
        QCOMPARE(cents(x.value(QStringLiteral("cashSales"))), 2468); // the change is not kept
        QCOMPARE(x.value(QStringLiteral("cashSalesCount")).toInt(), 1);
        QCOMPARE(cents(x.value(QStringLiteral("cashRefunds"))), 1234);
        QCOMPARE(x.value(QStringLiteral("cashRefundsCount")).toInt(), 1);
        QCOMPARE(cents(x.value(QStringLiteral("payIns"))), 2000);
        QCOMPARE(x.value(QStringLiteral("payInsCount")).toInt(), 1);
        QCOMPARE(cents(x.value(QStringLiteral("payOuts"))), payOutAmount);
        QCOMPARE(x.value(QStringLiteral("payOutsCount")).toInt(), 1);
        QCOMPARE(cents(x.value(QStringLiteral("safeDrops"))), 10000);
        QCOMPARE(x.value(QStringLiteral("safeDropsCount")).toInt(), 1);
        QCOMPARE(x.value(QStringLiteral("noSalesCount")).toInt(), 0);
        QCOMPARE(cents(x.value(QStringLiteral("expectedCash"))), expected);
        QCOMPARE(expected, qint64(4234));
        // Card per terminal: the sale of this session only, not the one before it was opened.
        const QJsonArray cardTotals = x.value(QStringLiteral("cardTotals")).toArray();
        QCOMPARE(cardTotals.size(), 1);
        QCOMPARE(cardTotals.first().toObject().value(QStringLiteral("terminalId")).toString(),
                 terminal);
        QCOMPARE(cents(cardTotals.first().toObject().value(QStringLiteral("amount"))), 1234);
        QCOMPARE(cardTotals.first().toObject().value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(x.value(QStringLiteral("salesCount")).toInt(), 2);
        QCOMPARE(x.value(QStringLiteral("refundsCount")).toInt(), 1);
        QCOMPARE(x.value(QStringLiteral("firstOrderNumber")).toString(),
                 cashOrder.value(QStringLiteral("orderNumber")).toString());
        QCOMPARE(x.value(QStringLiteral("lastOrderNumber")).toString(),
                 cardOrder.value(QStringLiteral("orderNumber")).toString());
        QCOMPARE(x.value(QStringLiteral("movements")).toArray().size(), 3);
        // It changes nothing: asked again, the same figures.
        const QJsonObject again =
            m_stack.call("GET", tillPath(QStringLiteral("/x-report")), {}, m_anna).body;
        for (const char* figure : {"float", "cashSales", "cashRefunds", "payIns", "payOuts",
                                   "safeDrops", "expectedCash"})
            QCOMPARE(cents(again.value(QLatin1StringView(figure))),
                     cents(x.value(QLatin1StringView(figure))));

        // The blind close: the drawer counted short by 7.00 (35.34 instead of 42.34), more than
        // the store lets pass without a manager.
        const qint64 counted = expected - closeApprovalAbove - 200;
        QCOMPARE(counted, qint64(3534));
        const QJsonObject drawer =
            count({{2000, 1}, {1000, 1}, {500, 1}, {20, 1}, {10, 1}, {2, 2}});
        const QString closeKey = newKey();
        const auto short1 =
            post(tillPath(QStringLiteral("/close")), {{QStringLiteral("count"), drawer}}, closeKey);
        QCOMPARE(short1.status, 403);
        QCOMPARE(details(short1).value(QStringLiteral("approvalRequired")).toBool(), true);
        QCOMPARE(details(short1).value(QStringLiteral("reasons")).toArray(),
                 QJsonArray{QStringLiteral("difference")});
        QCOMPARE(cents(details(short1).value(QStringLiteral("expectedCash"))), expected);
        QCOMPARE(cents(details(short1).value(QStringLiteral("counted"))), counted);
        QCOMPARE(cents(details(short1).value(QStringLiteral("overShort"))), counted - expected);
        // Nothing closed yet.
        QCOMPARE(m_stack.call("GET", tillPath(), {}, m_anna)
                     .body.value(QStringLiteral("session"))
                     .toObject()
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("open"));

        const auto closed = post(tillPath(QStringLiteral("/close")),
                                 {{QStringLiteral("count"), drawer},
                                  {QStringLiteral("reason"), QStringLiteral("Change miscounted")},
                                  {QStringLiteral("approval"), m_approval}},
                                 closeKey);
        QVERIFY2(closed.status == 201, qPrintable(text(closed)));
        const QJsonObject z = closed.body;
        m_firstZNumber = z.value(QStringLiteral("number")).toString();
        QCOMPARE(z.value(QStringLiteral("kind")).toString(), QStringLiteral("z"));
        QCOMPARE(m_firstZNumber, QStringLiteral("berlin-mitte-berlin-mitte-till-1-Z000001"));
        QCOMPARE(z.value(QStringLiteral("sessionId")).toString(), m_firstSession);
        QCOMPARE(cents(z.value(QStringLiteral("expectedCash"))), expected);
        QCOMPARE(cents(z.value(QStringLiteral("counted"))), counted);
        QCOMPARE(cents(z.value(QStringLiteral("overShort"))), counted - expected);
        QCOMPARE(z.value(QStringLiteral("approvedBy")).toString(), QStringLiteral("max"));
        QCOMPARE(z.value(QStringLiteral("differenceReason")).toString(),
                 QStringLiteral("Change miscounted"));
        QCOMPARE(cents(z.value(QStringLiteral("count")).toObject().value(QStringLiteral("total"))),
                 counted);
        // Everything the X report has, with the same figures.
        for (const char* figure : {"float", "cashSales", "cashRefunds", "payIns", "payOuts",
                                   "safeDrops", "expectedCash"})
            QCOMPARE(cents(z.value(QLatin1StringView(figure))),
                     cents(x.value(QLatin1StringView(figure))));
        QCOMPARE(z.value(QStringLiteral("cardTotals")).toArray().size(), 1);
        QCOMPARE(z.value(QStringLiteral("salesCount")).toInt(), 2);

        // The same close asked again answers the same Z report; nothing is numbered twice.
        const auto repeatedClose =
            post(tillPath(QStringLiteral("/close")),
                 {{QStringLiteral("count"), drawer},
                  {QStringLiteral("reason"), QStringLiteral("Change miscounted")},
                  {QStringLiteral("approval"), m_approval}},
                 closeKey);
        QCOMPARE(repeatedClose.status, 201);
        QCOMPARE(repeatedClose.body.value(QStringLiteral("number")).toString(), m_firstZNumber);

        // The till is closed: cash is refused again.
        QVERIFY(m_stack.call("GET", tillPath(), {}, m_anna)
                    .body.value(QStringLiteral("session"))
                    .isNull());
        const QString lateCart = m_stack.newCart(store, 1);
        const QString lateKey = newKey();
        const auto late = pay(lateCart, QStringLiteral("cash"), 1234, lateKey, 1234);
        QCOMPARE(late.status, 409);
        QCOMPARE(late.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("till_not_open"));
        QCOMPARE(paymentsWithKey(lateKey), 0);

        // The stored Z report is what a reprint shows.
        const auto reprint = m_stack.call(
            "GET",
            QStringLiteral("/stores/%1/till-sessions/%2/z-report").arg(store, m_firstSession), {},
            m_max);
        QVERIFY2(reprint.status == 200, qPrintable(text(reprint)));
        QCOMPARE(reprint.body.value(QStringLiteral("number")).toString(), m_firstZNumber);
        QCOMPARE(cents(reprint.body.value(QStringLiteral("overShort"))), counted - expected);
        QCOMPARE(cents(reprint.body.value(QStringLiteral("expectedCash"))), expected);
    }

    // The next day: a new session, closed even, numbered right after the first.
    void theNextDayFollowsWithoutAGap()
    {
        QVERIFY(!m_firstZNumber.isEmpty());
        const QJsonObject session = open(count({{1000, 10}}));
        QVERIFY(!session.isEmpty());
        const QString second = session.value(QStringLiteral("id")).toString();
        QVERIFY(second != m_firstSession);

        const QString cartId = m_stack.newCart(store, 1);
        const auto cash = pay(cartId, QStringLiteral("cash"), 1234, newKey(), 1500);
        QVERIFY2(cash.status == 201, qPrintable(text(cash)));
        QVERIFY(!placeOrder(cartId).isEmpty());

        // 100.00 + 12.34 in the drawer, counted exactly: no approval needed.
        const auto closed = post(
            tillPath(QStringLiteral("/close")),
            {{QStringLiteral("count"), count({{1000, 11}, {200, 1}, {10, 3}, {2, 2}})}}, newKey());
        QVERIFY2(closed.status == 201, qPrintable(text(closed)));
        QCOMPARE(cents(closed.body.value(QStringLiteral("expectedCash"))), 11234);
        QCOMPARE(cents(closed.body.value(QStringLiteral("overShort"))), 0);
        QCOMPARE(cents(closed.body.value(QStringLiteral("cashSales"))), 1234);
        QCOMPARE(closed.body.value(QStringLiteral("cardTotals")).toArray().size(), 0);
        QCOMPARE(closed.body.value(QStringLiteral("number")).toString(),
                 QStringLiteral("berlin-mitte-berlin-mitte-till-1-Z000002"));

        // The manager's list of the day shows both sessions, closed, with their numbers.
        const QString date =
            QDateTime::fromString(session.value(QStringLiteral("openedAt")).toString(),
                                  Qt::ISODateWithMs)
                .toUTC()
                .date()
                .toString(Qt::ISODate);
        const auto list = m_stack.call(
            "GET", QStringLiteral("/stores/%1/till-sessions?date=%2").arg(store, date), {}, m_max);
        QVERIFY2(list.status == 200, qPrintable(text(list)));
        QStringList numbers;
        for (const QJsonValue& value : list.body.value(QStringLiteral("sessions")).toArray()) {
            const QJsonObject listed = value.toObject();
            if (listed.value(QStringLiteral("workstationId")).toString() != till)
                continue;
            QCOMPARE(listed.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
            numbers << listed.value(QStringLiteral("zNumber")).toString();
        }
        numbers.sort();
        QCOMPARE(numbers,
                 (QStringList{m_firstZNumber,
                              QStringLiteral("berlin-mitte-berlin-mitte-till-1-Z000002")}));
    }
};

QTEST_GUILESS_MAIN(TestTillDay)
#include "tst_tillday.moc"
