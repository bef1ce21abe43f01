// Money moving through storedesk-server, end to end: payments with cash, the simulated terminal
// and the payment extension (the test PSP), split tender and checkout, refunds with approval,
// signed callbacks and webhooks, and a server killed mid-payment. The real server process runs
// against the commercetools emulator; every test reads what commercetools holds afterwards.
// Runs on SQLite and on PostgreSQL (STOREDESK_TEST_DATABASE).
#include "commercestack.h"
#include "testpsp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

using storedesk::test::CommerceStack;
using storedesk::test::TestPsp;

namespace {

const QString annaSecret = QStringLiteral("anna-Pa55-word");
const QString maxSecret = QStringLiteral("max-Pa55-word");
const QByteArray pspSecret = "psp-shared-secret-of-at-least-32-bytes!";
const QByteArray webhookSecret = "webhook-secret-of-at-least-32-bytes-long";
const QString store = QStringLiteral("berlin-mitte");

// JSON written with single quotes, which reads better inside C++ strings.
QByteArray json(const char* text)
{
    return QByteArray(text).replace('\'', '"');
}

// GET /audit for the last hour (and the next minute, for clock steps).
QString auditPeriod()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return QStringLiteral("/audit?from=%1&to=%2")
        .arg(QString::fromLatin1(
                 QUrl::toPercentEncoding(now.addSecs(-3600).toString(Qt::ISODateWithMs))),
             QString::fromLatin1(
                 QUrl::toPercentEncoding(now.addSecs(60).toString(Qt::ISODateWithMs))));
}

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

QByteArray sign(const QByteArray& body, const QByteArray& secret)
{
    return QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

QString text(const CommerceStack::HttpReply& reply)
{
    return QStringLiteral("HTTP %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.raw));
}

QJsonObject workstation(const QString& id, const QJsonObject& terminal = {})
{
    QJsonObject object{{QStringLiteral("id"), id}, {QStringLiteral("name"), id}};
    if (!terminal.isEmpty())
        object.insert(QStringLiteral("terminal"), terminal);
    return object;
}

QJsonObject httpTerminal(const QString& id, const QUrl& url)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("kind"), QStringLiteral("http")},
            {QStringLiteral("providerUrl"), url.toString()},
            {QStringLiteral("signingKeyEnv"), QStringLiteral("STOREDESK_TEST_PSP_SECRET")}};
}

} // namespace

class TestPayments : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;
    TestPsp m_psp{pspSecret};
    TestPsp m_silentPsp{pspSecret}; // never calls back
    QJsonObject m_config;
    QByteArray m_cardTill;   // anna at a till with the simulated terminal
    QByteArray m_pspTill;    // anna at a till whose terminal is the test PSP
    QByteArray m_silentTill; // anna at a till whose PSP's callbacks get lost
    QByteArray m_cashTill;   // anna at a till without a terminal
    QByteArray m_closedTill; // anna at a till with a terminal whose till is not open
    QByteArray m_cardOnly;   // anna at a workstation without a cash drawer
    QByteArray m_hamburg;    // henrik at a closed till of a store where card needs it open
    QByteArray m_max;

    // A fresh cart in the store: `units` espresso cups at 12.34 EUR.
    QString newCart(int units) { return m_stack.newCart(store, units); }

    CommerceStack::HttpReply pay(const QByteArray& token, const QString& cartId,
                                 const QString& tender, qint64 amount, const QString& key,
                                 qint64 tendered = 0)
    {
        QJsonObject body{{QStringLiteral("tender"), tender},
                         {QStringLiteral("amount"), eur(amount)}};
        if (tendered > 0)
            body.insert(QStringLiteral("cashTendered"), eur(tendered));
        return m_stack.call("POST",
                            QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId),
                            QJsonDocument(body).toJson(QJsonDocument::Compact), token,
                            {{"Idempotency-Key", key.toLatin1()}});
    }

    // GET …/carts/{cartId}/payments: what is paid, pending and open.
    QJsonObject balance(const QString& cartId)
    {
        const auto reply =
            m_stack.call("GET", QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId),
                         {}, m_cardTill);
        if (reply.status != 200)
            qWarning().noquote() << reply.raw;
        return reply.body;
    }

    // Long-polls until the attempt is final (or 30 s have passed).
    QJsonObject waitFinal(const QByteArray& token, const QString& paymentId)
    {
        QJsonObject view;
        for (int round = 0; round < 6; ++round) {
            view = m_stack
                       .call("GET", QStringLiteral("/payments/%1?waitSeconds=5").arg(paymentId), {},
                             token)
                       .body;
            if (view.value(QStringLiteral("state")).toString() != QLatin1String("pending"))
                break;
        }
        return view;
    }

    // The Charge transaction's state in commercetools, once our server has written it.
    QString chargeState(const QString& paymentId)
    {
        QString state;
        for (int round = 0; round < 50; ++round) {
            const QJsonArray transactions =
                m_stack.emulatorGet(QStringLiteral("payments/") + paymentId)
                    .value(QStringLiteral("transactions"))
                    .toArray();
            state = transactions.isEmpty()
                        ? QString()
                        : transactions.first().toObject().value(QStringLiteral("state")).toString();
            if (state != QLatin1String("Pending"))
                break;
            QTest::qWait(100);
        }
        return state;
    }

    int paymentsWithKey(const QString& idempotencyKey)
    {
        const QString where = QString::fromLatin1(
            QUrl::toPercentEncoding(QStringLiteral("key=\"storedesk-%1\"").arg(idempotencyKey)));
        return m_stack.emulatorGet(QStringLiteral("payments?where=") + where)
            .value(QStringLiteral("count"))
            .toInt();
    }

    QStringList cartPayments(const QString& cartId)
    {
        QStringList ids;
        const QJsonArray payments =
            m_stack.emulatorGet(QStringLiteral("in-store/key=%1/carts/%2").arg(store, cartId))
                .value(QStringLiteral("paymentInfo"))
                .toObject()
                .value(QStringLiteral("payments"))
                .toArray();
        for (const QJsonValue& payment : payments)
            ids << payment.toObject().value(QStringLiteral("id")).toString();
        return ids;
    }

    qint64 cartVersion(const QString& cartId)
    {
        return m_stack.emulatorGet(QStringLiteral("in-store/key=%1/carts/%2").arg(store, cartId))
            .value(QStringLiteral("version"))
            .toInteger();
    }

    CommerceStack::HttpReply order(const QString& cartId, const QString& key)
    {
        return m_stack.call(
            "POST", QStringLiteral("/stores/%1/carts/%2/order").arg(store, cartId),
            QJsonDocument(QJsonObject{{QStringLiteral("cartVersion"), cartVersion(cartId)}})
                .toJson(QJsonDocument::Compact),
            m_cardTill, {{"Idempotency-Key", key.toLatin1()}});
    }

    int ordersOfCart(const QString& cartId)
    {
        int count = 0;
        const QJsonArray orders = m_stack.emulatorGet(QStringLiteral("orders?limit=500"))
                                      .value(QStringLiteral("results"))
                                      .toArray();
        for (const QJsonValue& order : orders) {
            if (order.toObject()
                    .value(QStringLiteral("cart"))
                    .toObject()
                    .value(QStringLiteral("id")) == cartId)
                ++count;
        }
        return count;
    }

    // A paid order of `units` cups: card (simulated terminal) for cardCents, cash for the rest.
    QJsonObject paidOrder(int units, qint64 cardCents)
    {
        const QString cartId = newCart(units);
        const qint64 total = 1234 * units;
        if (cardCents > 0) {
            const auto card = pay(m_cardTill, cartId, QStringLiteral("card"), cardCents, newKey());
            const QJsonObject final =
                waitFinal(m_cardTill, card.body.value(QStringLiteral("id")).toString());
            if (final.value(QStringLiteral("state")) != QStringLiteral("succeeded"))
                return {};
        }
        if (total - cardCents > 0) {
            const auto cash =
                pay(m_cardTill, cartId, QStringLiteral("cash"), total - cardCents, newKey());
            if (cash.status != 201)
                return {};
        }
        const auto placed = order(cartId, newKey());
        return placed.status == 201 ? placed.body : QJsonObject();
    }

    CommerceStack::HttpReply refund(const QString& orderId, const QJsonArray& items,
                                    const QString& key, const QJsonObject& approval = {})
    {
        QJsonObject body{{QStringLiteral("items"), items},
                         {QStringLiteral("reason"), QStringLiteral("damaged")}};
        if (!approval.isEmpty())
            body.insert(QStringLiteral("approval"), approval);
        return m_stack.call("POST",
                            QStringLiteral("/stores/%1/orders/%2/refunds").arg(store, orderId),
                            QJsonDocument(body).toJson(QJsonDocument::Compact), m_cardTill,
                            {{"Idempotency-Key", key.toLatin1()}});
    }

    static QJsonArray line(const QJsonObject& order, qint64 quantity)
    {
        return {QJsonObject{{QStringLiteral("lineItemId"), order.value(QStringLiteral("lineItems"))
                                                               .toArray()
                                                               .first()
                                                               .toObject()
                                                               .value(QStringLiteral("id"))},
                            {QStringLiteral("quantity"), quantity}}};
    }

    void startServer()
    {
        QVERIFY2(m_stack.startServer(CommerceStack::fullScopes(), m_config),
                 qPrintable(m_stack.errorString()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_psp.start({QStringLiteral("--callback-delay-ms"), QStringLiteral("300")}),
                 "the test PSP did not start");
        QVERIFY2(m_silentPsp.start({QStringLiteral("--no-callbacks"),
                                    QStringLiteral("--callback-delay-ms"), QStringLiteral("300")}),
                 "the silent test PSP did not start");
        QVERIFY2(m_stack.startEmulator(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.seed(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.startDatabase(), qPrintable(m_stack.errorString()));
        QVERIFY(m_stack.addUser(QStringLiteral("anna"), annaSecret, {QStringLiteral("colleague")},
                                {store}));
        QVERIFY(m_stack.addUser(QStringLiteral("max"), maxSecret, {QStringLiteral("manager")},
                                {store}));
        QVERIFY(m_stack.addUser(QStringLiteral("otto"), QStringLiteral("otto-Pa55-word"),
                                {QStringLiteral("colleague")}, {store}));

        m_config = CommerceStack::defaultConfig();
        QJsonArray stores = m_config.value(QStringLiteral("stores")).toArray();
        QJsonObject berlin = stores.first().toObject();
        QCOMPARE(berlin.value(QStringLiteral("key")).toString(), store);
        QJsonArray locations = berlin.value(QStringLiteral("locations")).toArray();
        QJsonObject floor = locations.first().toObject();
        QJsonArray workstations = floor.value(QStringLiteral("workstations")).toArray();
        workstations.append(workstation(QStringLiteral("psp-till"),
                                        httpTerminal(QStringLiteral("psp-terminal"), m_psp.url())));
        workstations.append(
            workstation(QStringLiteral("silent-till"),
                        httpTerminal(QStringLiteral("silent-terminal"), m_silentPsp.url())));
        const QJsonObject simulated{{QStringLiteral("kind"), QStringLiteral("simulated")}};
        QJsonObject closedTerminal = simulated;
        closedTerminal.insert(QStringLiteral("id"), QStringLiteral("closed-terminal"));
        workstations.append(workstation(QStringLiteral("closed-till"), closedTerminal));
        // Cash is taken into open tills (docs/TILL.md): the stack opens them, but this one's.
        m_stack.setOpensTills(true);
        m_stack.keepTillClosed(QStringLiteral("closed-till"));
        QJsonObject cardOnlyTerminal = simulated;
        cardOnlyTerminal.insert(QStringLiteral("id"), QStringLiteral("card-only-terminal"));
        QJsonObject cardOnly = workstation(QStringLiteral("card-only"), cardOnlyTerminal);
        cardOnly.insert(QStringLiteral("cashDrawer"), false);
        workstations.append(cardOnly);
        floor.insert(QStringLiteral("workstations"), workstations);
        locations.replace(0, floor);
        berlin.insert(QStringLiteral("locations"), locations);
        berlin.insert(QStringLiteral("refundApprovalAbove"), 5000);
        stores.replace(0, berlin);
        // Hamburg takes card only into an open till; its first till is left closed.
        QJsonObject hamburg = stores.at(1).toObject();
        QCOMPARE(hamburg.value(QStringLiteral("key")).toString(), QStringLiteral("hamburg-hafen"));
        hamburg.insert(QStringLiteral("till"),
                       QJsonObject{{QStringLiteral("cardNeedsOpenTill"), true}});
        stores.replace(1, hamburg);
        m_stack.keepTillClosed(QStringLiteral("hamburg-hafen-till-1"));
        QVERIFY(m_stack.addUser(QStringLiteral("henrik"), annaSecret, {QStringLiteral("colleague")},
                                {QStringLiteral("hamburg-hafen")}));
        m_config.insert(QStringLiteral("stores"), stores);
        m_config.insert(QStringLiteral("paymentStatusAfterSeconds"), 2);
        m_config.insert(QStringLiteral("recoveryIntervalSeconds"), 1);
        m_config.insert(QStringLiteral("simulatedTerminalDelayMs"), 1500);
        m_stack.setServerVariable(QStringLiteral("STOREDESK_TEST_PSP_SECRET"),
                                  QString::fromLatin1(pspSecret));
        m_stack.setServerVariable(QStringLiteral("STOREDESK_WEBHOOK_SECRET"),
                                  QString::fromLatin1(webhookSecret));
        startServer();

        m_cardTill = m_stack.logIn(QStringLiteral("anna"), annaSecret, store,
                                   QStringLiteral("berlin-mitte-till-1"));
        m_cashTill = m_stack.logIn(QStringLiteral("otto"), QStringLiteral("otto-Pa55-word"), store,
                                   QStringLiteral("berlin-mitte-till-2"));
        m_pspTill =
            m_stack.logIn(QStringLiteral("anna"), annaSecret, store, QStringLiteral("psp-till"));
        m_silentTill =
            m_stack.logIn(QStringLiteral("anna"), annaSecret, store, QStringLiteral("silent-till"));
        m_closedTill =
            m_stack.logIn(QStringLiteral("anna"), annaSecret, store, QStringLiteral("closed-till"));
        m_cardOnly =
            m_stack.logIn(QStringLiteral("anna"), annaSecret, store, QStringLiteral("card-only"));
        m_hamburg =
            m_stack.logIn(QStringLiteral("henrik"), annaSecret, QStringLiteral("hamburg-hafen"),
                          QStringLiteral("hamburg-hafen-till-1"));
        m_max = m_stack.logIn(QStringLiteral("max"), maxSecret);
        QVERIFY(!m_cardTill.isEmpty() && !m_cashTill.isEmpty() && !m_pspTill.isEmpty() &&
                !m_silentTill.isEmpty() && !m_closedTill.isEmpty() && !m_cardOnly.isEmpty() &&
                !m_hamburg.isEmpty() && !m_max.isEmpty());
    }

    void cleanupTestCase()
    {
        const QByteArray log = m_stack.serverLog();
        QVERIFY2(!log.contains(pspSecret), "the PSP's shared secret reached the log");
        QVERIFY2(!log.contains(webhookSecret), "the webhook secret reached the log");
        QVERIFY2(!log.contains(maxSecret.toUtf8()), "a manager's secret reached the log");
        QCOMPARE(m_stack.stopServer(), 0);
    }

    void sessionNamesTheWorkstationsTenders()
    {
        const auto tenders = [this](const QString& workstationId) {
            const auto session =
                m_stack.callJson("POST", QStringLiteral("/session"),
                                 {{QStringLiteral("username"), QStringLiteral("anna")},
                                  {QStringLiteral("secret"), annaSecret},
                                  {QStringLiteral("storeKey"), store},
                                  {QStringLiteral("workstationId"), workstationId}});
            return session.body.value(QStringLiteral("workstation"))
                .toObject()
                .value(QStringLiteral("tenders"))
                .toVariant()
                .toStringList();
        };
        QCOMPARE(tenders(QStringLiteral("psp-till")),
                 (QStringList{QStringLiteral("cash"), QStringLiteral("card")}));
        QCOMPARE(tenders(QStringLiteral("berlin-mitte-till-2")),
                 QStringList{QStringLiteral("cash")});
        // Without a cash drawer there is no cash tender.
        QCOMPARE(tenders(QStringLiteral("card-only")), QStringList{QStringLiteral("card")});
    }

    // docs/TILL.md: cash is taken only into an open till. Refused with nothing created, and
    // refused again for the same key (the app makes a new key once the till is open); card is
    // taken at the same workstation.
    void cashNeedsAnOpenTill()
    {
        const QString cartId = newCart(1);
        const QString key = newKey();
        for (int ask = 0; ask < 2; ++ask) {
            const auto refused = pay(m_closedTill, cartId, QStringLiteral("cash"), 1234, key, 2000);
            QVERIFY2(refused.status == 409, qPrintable(text(refused)));
            QCOMPARE(refused.body.value(QStringLiteral("code")).toString(),
                     QStringLiteral("till_not_open"));
        }
        QCOMPARE(paymentsWithKey(key), 0);
        QVERIFY(cartPayments(cartId).isEmpty());
        const QJsonObject before = balance(cartId);
        QVERIFY(before.value(QStringLiteral("payments")).toArray().isEmpty());
        QCOMPARE(cents(before.value(QStringLiteral("openBalance"))), 1234);

        const auto card = pay(m_closedTill, cartId, QStringLiteral("card"), 1234, newKey());
        QVERIFY2(card.status == 202 || card.status == 201, qPrintable(text(card)));
        const QString paymentId = card.body.value(QStringLiteral("id")).toString();
        QCOMPARE(waitFinal(m_closedTill, paymentId).value(QStringLiteral("state")).toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(cartPayments(cartId), QStringList{paymentId});
    }

    // A workstation without a drawer does not take cash at all; where the store says so, card
    // too needs an open till.
    void drawerAndStoreRules()
    {
        const QString cartId = newCart(1);
        const QString key = newKey();
        const auto noCash = pay(m_cardOnly, cartId, QStringLiteral("cash"), 1234, key);
        QVERIFY2(noCash.status == 400, qPrintable(text(noCash)));
        QCOMPARE(noCash.body.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("tenders"))
                     .toArray(),
                 QJsonArray{QStringLiteral("card")});
        QCOMPARE(paymentsWithKey(key), 0);
        const auto card = pay(m_cardOnly, cartId, QStringLiteral("card"), 1234, newKey());
        QVERIFY2(card.status == 202 || card.status == 201, qPrintable(text(card)));

        const QString hamburgCart = m_stack.newCart(QStringLiteral("hamburg-hafen"), 1);
        const QString hamburgKey = newKey();
        const auto refused = m_stack.call(
            "POST", QStringLiteral("/stores/hamburg-hafen/carts/%1/payments").arg(hamburgCart),
            QJsonDocument(QJsonObject{{QStringLiteral("tender"), QStringLiteral("card")},
                                      {QStringLiteral("amount"), eur(1234)}})
                .toJson(QJsonDocument::Compact),
            m_hamburg, {{"Idempotency-Key", hamburgKey.toLatin1()}});
        QVERIFY2(refused.status == 409, qPrintable(text(refused)));
        QCOMPARE(refused.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("till_not_open"));
        QCOMPARE(paymentsWithKey(hamburgKey), 0);
    }

    void cashGivesChangeAndRepeatsAreOnePayment()
    {
        const QString cartId = newCart(1);
        const QString key = newKey();
        const auto first = pay(m_cashTill, cartId, QStringLiteral("cash"), 1234, key, 2000);
        QVERIFY2(first.status == 201, qPrintable(text(first)));
        QCOMPARE(first.body.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(cents(first.body.value(QStringLiteral("changeDue"))), 766);
        const QString paymentId = first.body.value(QStringLiteral("id")).toString();
        QCOMPARE(first.body.value(QStringLiteral("payment"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 paymentId);
        QCOMPARE(chargeState(paymentId), QStringLiteral("Success"));
        QCOMPARE(cartPayments(cartId), QStringList{paymentId});

        // The answer was lost; the app sends the same request again.
        const auto repeat = pay(m_cashTill, cartId, QStringLiteral("cash"), 1234, key, 2000);
        QCOMPARE(repeat.status, 201);
        QCOMPARE(repeat.body.value(QStringLiteral("id")).toString(), paymentId);
        QCOMPARE(paymentsWithKey(key), 1);
        QCOMPARE(cartPayments(cartId).size(), 1);

        // Cash in the drawer cannot be called back: a cancel reports it taken.
        const auto cancel = m_stack.call(
            "POST", QStringLiteral("/payments/%1/cancel").arg(paymentId), {}, m_cashTill);
        QCOMPARE(cancel.status, 200);
        QCOMPARE(cancel.body.value(QStringLiteral("state")).toString(),
                 QStringLiteral("succeeded"));

        const auto reused = pay(m_cashTill, cartId, QStringLiteral("cash"), 1000, key, 2000);
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("idempotency_key_reused"));
    }

    void badPaymentsChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero") << json("{'tender':'cash','amount':{'centAmount':0,'currencyCode':'"
                                      "EUR','fractionDigits':2}}")
                              << "more than 0";
        QTest::newRow("negative") << json("{'tender':'cash','amount':{'centAmount':-5,'"
                                          "currencyCode':'EUR','fractionDigits':2}}")
                                  << "";
        QTest::newRow("other currency") << json("{'tender':'cash','amount':{'centAmount':100,'"
                                                "currencyCode':'USD','fractionDigits':2}}")
                                        << "EUR";
        QTest::newRow("unknown currency") << json("{'tender':'cash','amount':{'centAmount':100,'"
                                                  "currencyCode':'XQZ','fractionDigits':2}}")
                                          << "";
        QTest::newRow("overflow")
            << json("{'tender':'cash','amount':{'centAmount':9223372036854775808,'currencyCode':'"
                    "EUR','fractionDigits':2}}")
            << "";
        QTest::newRow("above balance") << json("{'tender':'cash','amount':{'centAmount':1235,'"
                                               "currencyCode':'EUR','fractionDigits':2}}")
                                       << "open balance";
        QTest::newRow("unknown tender") << json("{'tender':'bitcoin','amount':{'centAmount':100,'"
                                                "currencyCode':'EUR','fractionDigits':2}}")
                                        << "bitcoin";
        QTest::newRow("card without terminal")
            << json("{'tender':'card','amount':{'centAmount':100,'currencyCode':'EUR','"
                    "fractionDigits':2}}")
            << "cash";
        QTest::newRow("tendered too little")
            << json("{'tender':'cash','amount':{'centAmount':500,'currencyCode':'EUR','"
                    "fractionDigits':2},'cashTendered':{'centAmount':400,'currencyCode':'EUR','"
                    "fractionDigits':2}}")
            << "at least";
        QTest::newRow("wrong type") << json("{'tender':7,'amount':{'centAmount':100,'currencyCode':"
                                            "'EUR','fractionDigits':2}}")
                                    << "tender";
        QTest::newRow("malformed") << json("{'tender':'cash',") << "";
    }

    void badPaymentsChangeNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const QString cartId = newCart(1);
        const auto reply =
            m_stack.call("POST", QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId),
                         body, m_cashTill, {{"Idempotency-Key", newKey().toLatin1()}});
        QVERIFY2(reply.status == 400, qPrintable(text(reply)));
        QCOMPARE(reply.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("invalid_input"));
        QVERIFY2(reply.body.value(QStringLiteral("message")).toString().contains(message),
                 qPrintable(text(reply)));
        QVERIFY(cartPayments(cartId).isEmpty());
    }

    void paymentsNeedAKeyAndTheirStore()
    {
        const QString cartId = newCart(1);
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("tender"), QStringLiteral("cash")},
                                      {QStringLiteral("amount"), eur(100)}})
                .toJson(QJsonDocument::Compact);
        const auto keyless =
            m_stack.call("POST", QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId),
                         body, m_cashTill);
        QCOMPARE(keyless.status, 400);
        QVERIFY(keyless.body.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("Idempotency-Key")));
        // A cart of another store does not exist for this store's colleague.
        const QString hamburgCart = m_stack.seededCart(QStringLiteral("hamburg-hafen-simple"))
                                        .value(QStringLiteral("id"))
                                        .toString();
        const auto foreign = m_stack.call(
            "POST", QStringLiteral("/stores/%1/carts/%2/payments").arg(store, hamburgCart), body,
            m_cashTill, {{"Idempotency-Key", newKey().toLatin1()}});
        QCOMPARE(foreign.status, 404);
        // A manager's setup session is at no workstation: no money moves there.
        for (const QString& action : {QStringLiteral("payments"), QStringLiteral("order")}) {
            const auto refused = m_stack.call(
                "POST", QStringLiteral("/stores/%1/carts/%2/%3").arg(store, cartId, action), body,
                m_max, {{"Idempotency-Key", newKey().toLatin1()}});
            QVERIFY2(refused.status == 403, qPrintable(text(refused)));
        }
        QVERIFY(cartPayments(cartId).isEmpty());
    }

    void terminalOutcomes_data()
    {
        QTest::addColumn<QString>("till");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<bool>("cancel");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("charge");
        for (const QString& till : {QStringLiteral("simulated"), QStringLiteral("extension")}) {
            const QByteArray t = till.toLatin1();
            QTest::newRow(t + " approves") << till << qint64(1000) << false << "succeeded"
                                           << "Success";
            QTest::newRow(t + " declines") << till << qint64(1091) << false << "failed"
                                           << "Failure";
            QTest::newRow(t + " cancelled") << till << qint64(1092) << true << "cancelled"
                                            << "Failure";
            QTest::newRow(t + " approval wins the cancel")
                << till << qint64(1093) << true << "succeeded"
                << "Success";
            QTest::newRow(t + " unreachable") << till << qint64(1094) << false << "failed"
                                              << "Failure";
        }
    }

    void terminalOutcomes()
    {
        QFETCH(QString, till);
        QFETCH(qint64, amount);
        QFETCH(bool, cancel);
        QFETCH(QString, state);
        QFETCH(QString, charge);
        const QByteArray token = till == QLatin1String("simulated") ? m_cardTill : m_pspTill;
        const QString cartId = newCart(1);
        const auto started = pay(token, cartId, QStringLiteral("card"), amount, newKey());
        QVERIFY2(started.status == 202 || started.status == 201, qPrintable(text(started)));
        const QString paymentId = started.body.value(QStringLiteral("id")).toString();
        QJsonObject final;
        if (cancel) {
            const auto cancelled = m_stack.call(
                "POST", QStringLiteral("/payments/%1/cancel").arg(paymentId), {}, token);
            QVERIFY2(cancelled.status == 200, qPrintable(text(cancelled)));
            final = cancelled.body;
            if (final.value(QStringLiteral("state")) == QStringLiteral("pending"))
                final = waitFinal(token, paymentId);
        } else {
            final = waitFinal(token, paymentId);
        }
        QCOMPARE(final.value(QStringLiteral("state")).toString(), state);
        if (state == QLatin1String("failed"))
            QVERIFY(!final.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(chargeState(paymentId), charge);
        QCOMPARE(cartPayments(cartId), QStringList{paymentId});
    }

    // The PSP's callbacks never arrive: once the attempt is overdue the server asks for its status.
    void lostCallbackIsResolvedByAskingTheStatus()
    {
        const QString cartId = newCart(1);
        const auto started = pay(m_silentTill, cartId, QStringLiteral("card"), 1000, newKey());
        QVERIFY2(started.status == 202, qPrintable(text(started)));
        const QString paymentId = started.body.value(QStringLiteral("id")).toString();
        const QJsonObject final = waitFinal(m_silentTill, paymentId);
        QCOMPARE(final.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(chargeState(paymentId), QStringLiteral("Success"));
    }

    void longPollReturnsWhenTheStateChanges()
    {
        const QString cartId = newCart(1);
        const auto started = pay(m_cardTill, cartId, QStringLiteral("card"), 1000, newKey());
        QCOMPARE(started.status, 202);
        const QString paymentId = started.body.value(QStringLiteral("id")).toString();
        QElapsedTimer waited;
        waited.start();
        const auto polled = m_stack.call(
            "GET", QStringLiteral("/payments/%1?waitSeconds=20").arg(paymentId), {}, m_cardTill);
        QCOMPARE(polled.status, 200);
        QCOMPARE(polled.body.value(QStringLiteral("state")).toString(),
                 QStringLiteral("succeeded"));
        QVERIFY2(waited.elapsed() < 15000, "the long poll did not end with the outcome");
        QCOMPARE(m_stack
                     .call("GET", QStringLiteral("/payments/%1?waitSeconds=31").arg(paymentId), {},
                           m_cardTill)
                     .status,
                 400);
        // Another store's colleague cannot see it.
        QVERIFY(m_stack.addUser(QStringLiteral("hanna"), QStringLiteral("hanna-Pa55"),
                                {QStringLiteral("colleague")}, {QStringLiteral("hamburg-hafen")}));
        const QByteArray hanna =
            m_stack.logIn(QStringLiteral("hanna"), QStringLiteral("hanna-Pa55"),
                          QStringLiteral("hamburg-hafen"), QStringLiteral("hamburg-hafen-till-1"));
        QCOMPARE(m_stack.call("GET", QStringLiteral("/payments/") + paymentId, {}, hanna).status,
                 404);
    }

    // The request reaches the server but the client never reads the answer; the retry with the
    // same key finds the one attempt the first request made.
    void droppedResponseMakesOnePayment()
    {
        const QString cartId = newCart(2);
        const QString key = newKey();
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("tender"), QStringLiteral("card")},
                                      {QStringLiteral("amount"), eur(2000)}})
                .toJson(QJsonDocument::Compact);
        QTcpSocket socket;
        socket.connectToHost(m_stack.serverUrl().host(), quint16(m_stack.serverUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /stores/" + store.toLatin1() + "/carts/" + cartId.toLatin1() +
                     "/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Authorization: Bearer " +
                     m_cardTill + "\r\nIdempotency-Key: " + key.toLatin1() +
                     "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(socket.waitForBytesWritten(5000));
        socket.abort();

        CommerceStack::HttpReply retry;
        for (int round = 0; round < 100; ++round) {
            retry = pay(m_cardTill, cartId, QStringLiteral("card"), 2000, key);
            if (retry.status != 409)
                break;
            QTest::qWait(100);
        }
        QVERIFY2(retry.status == 202 || retry.status == 201, qPrintable(text(retry)));
        const QJsonObject final =
            waitFinal(m_cardTill, retry.body.value(QStringLiteral("id")).toString());
        QCOMPARE(final.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(paymentsWithKey(key), 1);
        QCOMPARE(cartPayments(cartId).size(), 1);
    }

    void splitTenderMakesExactlyOneOrder()
    {
        const QString cartId = newCart(2); // 24.68
        const auto early = order(cartId, newKey());
        QCOMPARE(early.status, 409);
        const auto card = pay(m_cardTill, cartId, QStringLiteral("card"), 1000, newKey());
        QCOMPARE(card.status, 202);
        // While the card is pending the rest cannot be more than what is not taken.
        QCOMPARE(pay(m_cardTill, cartId, QStringLiteral("cash"), 1469, newKey()).status, 400);
        // What the till shows meanwhile: 10.00 pending, 14.68 open.
        const QJsonObject during = balance(cartId);
        QCOMPARE(cents(during.value(QStringLiteral("pending"))), 1000);
        QCOMPARE(cents(during.value(QStringLiteral("paid"))), 0);
        QCOMPARE(cents(during.value(QStringLiteral("openBalance"))), 1468);
        QCOMPARE(waitFinal(m_cardTill, card.body.value(QStringLiteral("id")).toString())
                     .value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("succeeded"));
        const auto cash = pay(m_cardTill, cartId, QStringLiteral("cash"), 1468, newKey(), 1500);
        QVERIFY2(cash.status == 201, qPrintable(text(cash)));
        QCOMPARE(cents(cash.body.value(QStringLiteral("changeDue"))), 32);

        const QJsonObject after = balance(cartId);
        QCOMPARE(cents(after.value(QStringLiteral("paid"))), 2468);
        QCOMPARE(cents(after.value(QStringLiteral("pending"))), 0);
        QCOMPARE(cents(after.value(QStringLiteral("openBalance"))), 0);
        QCOMPARE(after.value(QStringLiteral("payments")).toArray().size(), 2);
        // Another store's colleague cannot see it.
        QCOMPARE(m_stack
                     .call("GET",
                           QStringLiteral("/stores/hamburg-hafen/carts/%1/payments").arg(cartId),
                           {}, m_cardTill)
                     .status,
                 403);

        const QString key = newKey();
        const auto placed = order(cartId, key);
        QVERIFY2(placed.status == 201, qPrintable(text(placed)));
        const QString number = placed.body.value(QStringLiteral("orderNumber")).toString();
        QVERIFY2(number.startsWith(store + QLatin1Char('-')), qPrintable(number));
        QCOMPARE(cents(placed.body.value(QStringLiteral("totalPrice"))), 2468);
        // The seed already has berlin-mitte-000001 and -000002: the server must skip them.
        QVERIFY(number != QStringLiteral("berlin-mitte-000001") &&
                number != QStringLiteral("berlin-mitte-000002"));
        QCOMPARE(placed.body.value(QStringLiteral("paymentInfo"))
                     .toObject()
                     .value(QStringLiteral("payments"))
                     .toArray()
                     .size(),
                 2);

        const auto repeated = order(cartId, key);
        QCOMPARE(repeated.status, 201);
        QCOMPARE(repeated.body.value(QStringLiteral("id")),
                 placed.body.value(QStringLiteral("id")));
        const auto anotherKey = order(cartId, newKey());
        QCOMPARE(anotherKey.status, 201);
        QCOMPARE(anotherKey.body.value(QStringLiteral("id")),
                 placed.body.value(QStringLiteral("id")));
        QCOMPARE(ordersOfCart(cartId), 1);
        // Paid in full: nothing more can be taken.
        QCOMPARE(pay(m_cardTill, cartId, QStringLiteral("cash"), 1, newKey()).status, 400);
    }

    // commercetools says the cart is ordered already (an earlier try made its order, under a
    // number the server does not hold, and the answer was lost): that order is the answer — not
    // a refusal that keeps the till from closing the sale.
    void aCartOrderedAlreadyAnswersItsOrder()
    {
        const QString cartId = newCart(1);
        const auto cash = pay(m_cardTill, cartId, QStringLiteral("cash"), 1234, newKey());
        QVERIFY2(cash.status == 201, qPrintable(text(cash)));
        const QJsonObject made = m_stack.emulatorPost(
            QStringLiteral("in-store/key=%1/orders").arg(store),
            {{QStringLiteral("cart"),
              QJsonObject{{QStringLiteral("typeId"), QStringLiteral("cart")},
                          {QStringLiteral("id"), cartId}}},
             {QStringLiteral("version"), cartVersion(cartId)},
             {QStringLiteral("orderNumber"), QStringLiteral("elsewhere-") + newKey()}});
        QVERIFY2(!made.value(QStringLiteral("id")).toString().isEmpty(),
                 QJsonDocument(made).toJson());

        const auto placed = order(cartId, newKey());
        QVERIFY2(placed.status == 201, qPrintable(text(placed)));
        QCOMPARE(placed.body.value(QStringLiteral("id")), made.value(QStringLiteral("id")));
        QCOMPARE(ordersOfCart(cartId), 1);
    }

    void refunds()
    {
        // 4 cups = 49.36: 30.00 on the card, 19.36 in cash.
        const QJsonObject placed = paidOrder(4, 3000);
        QVERIFY(!placed.isEmpty());
        const QString orderId = placed.value(QStringLiteral("id")).toString();

        // Partial: one cup goes back to the card first.
        const QString key = newKey();
        const auto partial = refund(orderId, line(placed, 1), key);
        QVERIFY2(partial.status == 201, qPrintable(text(partial)));
        QCOMPARE(cents(partial.body.value(QStringLiteral("amount"))), 1234);
        QJsonArray tenders = partial.body.value(QStringLiteral("tenders")).toArray();
        QCOMPARE(tenders.size(), 1);
        QCOMPARE(tenders.first().toObject().value(QStringLiteral("tender")).toString(),
                 QStringLiteral("card"));
        const auto repeated = refund(orderId, line(placed, 1), key);
        QCOMPARE(repeated.status, 201);
        QCOMPARE(repeated.body.value(QStringLiteral("id")),
                 partial.body.value(QStringLiteral("id")));

        // Beyond what is left: refused, nothing written.
        const auto tooMany = refund(orderId, line(placed, 4), newKey());
        QCOMPARE(tooMany.status, 400);
        QCOMPARE(tooMany.body.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("refundable"))
                     .toInt(),
                 3);

        // Three more cups (37.02) need approval: above 50.00? No, but a refund of 37.02 is
        // below the threshold; make the threshold matter with the whole rest below.
        const auto rest = refund(orderId, line(placed, 3), newKey());
        QVERIFY2(rest.status == 201, qPrintable(text(rest)));
        QCOMPARE(cents(rest.body.value(QStringLiteral("amount"))), 3702);
        tenders = rest.body.value(QStringLiteral("tenders")).toArray();
        QCOMPARE(tenders.size(), 2); // what the card had left (17.66), then cash (19.36)
        QCOMPARE(tenders.at(0).toObject().value(QStringLiteral("tender")).toString(),
                 QStringLiteral("card"));
        QCOMPARE(cents(tenders.at(0).toObject().value(QStringLiteral("amount"))), 3000 - 1234);
        QCOMPARE(tenders.at(1).toObject().value(QStringLiteral("tender")).toString(),
                 QStringLiteral("cash"));
        QCOMPARE(cents(tenders.at(1).toObject().value(QStringLiteral("amount"))), 1936);

        const QJsonObject inCommercetools =
            m_stack.emulatorGet(QStringLiteral("orders/") + orderId);
        QCOMPARE(inCommercetools.value(QStringLiteral("returnInfo")).toArray().size(), 2);
        const auto full = refund(orderId, line(placed, 1), newKey());
        QCOMPARE(full.status, 400); // everything is refunded

        // The order lookup shows both payments with their refunds, and nothing left to refund.
        const auto lookup =
            m_stack.call("GET",
                         QStringLiteral("/stores/%1/orders/%2")
                             .arg(store, placed.value(QStringLiteral("orderNumber")).toString()),
                         {}, m_cardTill);
        QVERIFY2(lookup.status == 200, qPrintable(text(lookup)));
        const QJsonArray payments = lookup.body.value(QStringLiteral("payments")).toArray();
        QCOMPARE(payments.size(), 2);
        // The order itself keeps references only: the expanded payments moved beside it.
        const QJsonArray references = lookup.body.value(QStringLiteral("order"))
                                          .toObject()
                                          .value(QStringLiteral("paymentInfo"))
                                          .toObject()
                                          .value(QStringLiteral("payments"))
                                          .toArray();
        QCOMPARE(references.size(), 2);
        for (const QJsonValue& reference : references) {
            QCOMPARE(reference.toObject().value(QStringLiteral("typeId")).toString(),
                     QStringLiteral("payment"));
            QVERIFY(!reference.toObject().contains(QStringLiteral("obj")));
        }
        QStringList methods;
        for (const QJsonValue& payment : payments) {
            methods << payment.toObject()
                           .value(QStringLiteral("paymentMethodInfo"))
                           .toObject()
                           .value(QStringLiteral("method"))
                           .toString();
            qint64 refunded = 0;
            for (const QJsonValue& t :
                 payment.toObject().value(QStringLiteral("transactions")).toArray()) {
                if (t.toObject().value(QStringLiteral("type")) == QStringLiteral("Refund"))
                    refunded += cents(t.toObject().value(QStringLiteral("amount")));
            }
            QCOMPARE(refunded, cents(payment.toObject().value(QStringLiteral("amountPlanned"))));
        }
        methods.sort();
        QCOMPARE(methods, (QStringList{QStringLiteral("card"), QStringLiteral("cash")}));
        QCOMPARE(lookup.body.value(QStringLiteral("refundable"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("quantity"))
                     .toInt(),
                 0);
    }

    // A refund that hands back cash needs the till of the workstation it is made at to be
    // open: refused before anything is written to commercetools. Card shares need none.
    void cashRefundNeedsAnOpenTill()
    {
        const QJsonObject placed = paidOrder(2, 1234); // 12.34 on the card, 12.34 in cash
        QVERIFY(!placed.isEmpty());
        const QString orderId = placed.value(QStringLiteral("id")).toString();
        const auto refundAt = [&](const QByteArray& token, qint64 quantity, const QString& key) {
            return m_stack.call(
                "POST", QStringLiteral("/stores/%1/orders/%2/refunds").arg(store, orderId),
                QJsonDocument(QJsonObject{{QStringLiteral("items"), line(placed, quantity)},
                                          {QStringLiteral("reason"), QStringLiteral("damaged")}})
                    .toJson(QJsonDocument::Compact),
                token, {{"Idempotency-Key", key.toLatin1()}});
        };
        const QJsonObject before = m_stack.emulatorGet(QStringLiteral("orders/") + orderId);

        // Both cups: the card's 12.34 and 12.34 in cash. Refused, with nothing written.
        const QString key = newKey();
        const auto refused = refundAt(m_closedTill, 2, key);
        QVERIFY2(refused.status == 409, qPrintable(text(refused)));
        QCOMPARE(refused.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("till_not_open"));
        const QJsonObject after = m_stack.emulatorGet(QStringLiteral("orders/") + orderId);
        QCOMPARE(after.value(QStringLiteral("version")), before.value(QStringLiteral("version")));
        QVERIFY(after.value(QStringLiteral("returnInfo")).toArray().isEmpty());
        for (const QJsonValue& reference : after.value(QStringLiteral("paymentInfo"))
                                               .toObject()
                                               .value(QStringLiteral("payments"))
                                               .toArray()) {
            const QJsonObject payment =
                m_stack.emulatorGet(QStringLiteral("payments/") +
                                    reference.toObject().value(QStringLiteral("id")).toString());
            QCOMPARE(payment.value(QStringLiteral("transactions")).toArray().size(), 1);
        }

        // One cup goes back to the card alone: no till needed.
        const auto toCard = refundAt(m_closedTill, 1, newKey());
        QVERIFY2(toCard.status == 201, qPrintable(text(toCard)));
        QCOMPARE(toCard.body.value(QStringLiteral("tenders")).toArray().size(), 1);
        QCOMPARE(toCard.body.value(QStringLiteral("tenders"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("tender"))
                     .toString(),
                 QStringLiteral("card"));
        // The cash cup at a till that is open.
        const auto cash = refundAt(m_cardTill, 1, newKey());
        QVERIFY2(cash.status == 201, qPrintable(text(cash)));
        QCOMPARE(cents(cash.body.value(QStringLiteral("tenders"))
                           .toArray()
                           .first()
                           .toObject()
                           .value(QStringLiteral("amount"))),
                 1234);
    }

    void refundsAboveTheThresholdNeedAManager()
    {
        const QJsonObject placed = paidOrder(5, 0); // 61.70, cash
        QVERIFY(!placed.isEmpty());
        const QString orderId = placed.value(QStringLiteral("id")).toString();
        const QString key = newKey();
        const auto required = refund(orderId, line(placed, 5), key);
        QCOMPARE(required.status, 403);
        QVERIFY(required.body.value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("approvalRequired"))
                    .toBool());

        const auto denied = refund(orderId, line(placed, 5), key,
                                   {{QStringLiteral("username"), QStringLiteral("max")},
                                    {QStringLiteral("secret"), QStringLiteral("wrong-secret")}});
        QCOMPARE(denied.status, 403);
        QVERIFY(denied.body.value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("approvalDenied"))
                    .toBool());
        const auto colleague = refund(orderId, line(placed, 5), key,
                                      {{QStringLiteral("username"), QStringLiteral("anna")},
                                       {QStringLiteral("secret"), annaSecret}});
        QCOMPARE(colleague.status, 403);
        QVERIFY(m_stack.emulatorGet(QStringLiteral("orders/") + orderId)
                    .value(QStringLiteral("returnInfo"))
                    .toArray()
                    .isEmpty());

        const auto approved = refund(orderId, line(placed, 5), key,
                                     {{QStringLiteral("username"), QStringLiteral("max")},
                                      {QStringLiteral("secret"), maxSecret}});
        QVERIFY2(approved.status == 201, qPrintable(text(approved)));
        QCOMPARE(approved.body.value(QStringLiteral("approvedBy")).toString(),
                 QStringLiteral("max"));
        QCOMPARE(cents(approved.body.value(QStringLiteral("amount"))), 6170);

        const auto audit = m_stack.call("GET", auditPeriod(), {}, m_max);
        QCOMPARE(audit.status, 200);
        QStringList actions;
        for (const QJsonValue& entry : audit.body.value(QStringLiteral("results")).toArray())
            actions << entry.toObject().value(QStringLiteral("action")).toString();
        for (const QString& action :
             {QStringLiteral("payment.started"), QStringLiteral("payment.succeeded"),
              QStringLiteral("payment.failed"), QStringLiteral("payment.cancelled"),
              QStringLiteral("payment.cancel_requested"), QStringLiteral("order.created"),
              QStringLiteral("refund.created"), QStringLiteral("refund.approved"),
              QStringLiteral("refund.approval_denied")})
            QVERIFY2(actions.contains(action), qPrintable(action));
    }

    void providerCallbacksAreVerified()
    {
        const QString cartId = newCart(1);
        const auto started =
            pay(m_pspTill, cartId, QStringLiteral("card"), 1092, newKey()); // never answers
        QCOMPARE(started.status, 202);
        const QString paymentKey = started.body.value(QStringLiteral("key")).toString();
        const QString paymentId = started.body.value(QStringLiteral("id")).toString();
        const QString path = QStringLiteral("/callbacks/payments/%1/psp-terminal").arg(store);
        const QByteArray approved =
            QJsonDocument(QJsonObject{{QStringLiteral("reference"), paymentKey},
                                      {QStringLiteral("state"), QStringLiteral("succeeded")}})
                .toJson(QJsonDocument::Compact);
        const auto forged = m_stack.call("POST", path, approved, {},
                                         {{"X-Signature", sign(approved, "not-the-secret")}});
        QCOMPARE(forged.status, 401);
        QCOMPARE(m_stack.call("POST", path, approved).status, 401);
        QCOMPARE(m_stack.call("GET", QStringLiteral("/payments/") + paymentId, {}, m_pspTill)
                     .body.value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("pending"));

        // Signed correctly, but by another terminal's provider: ignored.
        const QString otherTerminal =
            QStringLiteral("/callbacks/payments/%1/silent-terminal").arg(store);
        QCOMPARE(m_stack
                     .call("POST", otherTerminal, approved, {},
                           {{"X-Signature", sign(approved, pspSecret)}})
                     .status,
                 200);
        QTest::qWait(300);
        QCOMPARE(m_stack.call("GET", QStringLiteral("/payments/") + paymentId, {}, m_pspTill)
                     .body.value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("pending"));

        const QByteArray declined =
            QJsonDocument(QJsonObject{{QStringLiteral("reference"), paymentKey},
                                      {QStringLiteral("state"), QStringLiteral("failed")}})
                .toJson(QJsonDocument::Compact);
        QCOMPARE(
            m_stack.call("POST", path, declined, {}, {{"X-Signature", sign(declined, pspSecret)}})
                .status,
            200);
        QCOMPARE(waitFinal(m_pspTill, paymentId).value(QStringLiteral("state")).toString(),
                 QStringLiteral("failed"));
        // Replayed, and a contradicting later delivery: the first final state stands.
        QCOMPARE(
            m_stack.call("POST", path, declined, {}, {{"X-Signature", sign(declined, pspSecret)}})
                .status,
            200);
        QCOMPARE(
            m_stack.call("POST", path, approved, {}, {{"X-Signature", sign(approved, pspSecret)}})
                .status,
            200);
        QTest::qWait(300);
        QCOMPARE(m_stack.call("GET", QStringLiteral("/payments/") + paymentId, {}, m_pspTill)
                     .body.value(QStringLiteral("state"))
                     .toString(),
                 QStringLiteral("failed"));
        QCOMPARE(chargeState(paymentId), QStringLiteral("Failure"));
    }

    void webhooksAreVerified()
    {
        const QString id = newKey();
        const auto delivery = [&](const QDateTime& at) {
            return QJsonDocument(
                       QJsonObject{{QStringLiteral("id"), id},
                                   {QStringLiteral("type"), QStringLiteral("PaymentProcessed")},
                                   {QStringLiteral("occurredAt"), at.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("storeKey"), store}})
                .toJson(QJsonDocument::Compact);
        };
        const QByteArray body = delivery(QDateTime::currentDateTimeUtc());
        const auto send = [&](const QByteArray& bytes, const QByteArray& signature) {
            return m_stack.call("POST", QStringLiteral("/webhooks/instore"), bytes, {},
                                {{"X-Signature", signature}});
        };
        QCOMPARE(send(body, sign(body, "forged-secret")).status, 401);
        QCOMPARE(send(body, sign(body, webhookSecret)).status, 204);
        QCOMPARE(send(body, sign(body, webhookSecret)).status, 204); // replay: taken once
        const QByteArray stale = delivery(QDateTime::currentDateTimeUtc().addSecs(-3600));
        QCOMPARE(send(stale, sign(stale, webhookSecret)).status, 401);

        const auto audit = m_stack.call("GET", auditPeriod(), {}, m_max);
        int taken = 0;
        for (const QJsonValue& entry : audit.body.value(QStringLiteral("results")).toArray()) {
            const QJsonObject object = entry.toObject();
            if (object.value(QStringLiteral("action")) == QStringLiteral("instore.webhook") &&
                object.value(QStringLiteral("details")).toObject().value(QStringLiteral("id")) ==
                    id)
                ++taken;
        }
        QCOMPARE(taken, 1);
    }

    // Two instances on one database: a repeat that the load balancer sends to the other instance
    // finds the same attempt, and a long poll there sees an outcome the first instance applied.
    void twoInstancesShareTheAttempts()
    {
        QVERIFY2(m_stack.startSecondServer(m_config), qPrintable(m_stack.errorString()));
        const QString cartId = newCart(1);
        const QString key = newKey();
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("tender"), QStringLiteral("card")},
                                      {QStringLiteral("amount"), eur(1234)}})
                .toJson(QJsonDocument::Compact);
        const QString path = QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId);
        const QList<std::pair<QByteArray, QByteArray>> headers{{"Idempotency-Key", key.toLatin1()}};
        const auto first = m_stack.call("POST", path, body, m_cardTill, headers);
        QVERIFY2(first.status == 202, qPrintable(text(first)));
        const QString paymentId = first.body.value(QStringLiteral("id")).toString();
        const auto second = m_stack.callSecond("POST", path, body, m_cardTill, headers);
        QVERIFY2(second.status == 202 || second.status == 201, qPrintable(text(second)));
        QCOMPARE(second.body.value(QStringLiteral("id")).toString(), paymentId);

        const auto polled = m_stack.callSecond(
            "GET", QStringLiteral("/payments/%1?waitSeconds=20").arg(paymentId), {}, m_cardTill);
        QCOMPARE(polled.body.value(QStringLiteral("state")).toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(paymentsWithKey(key), 1);
        QCOMPARE(cartPayments(cartId).size(), 1);
        // Nothing is left to pay, whichever instance is asked.
        QCOMPARE(m_stack
                     .callSecond("POST", path,
                                 QJsonDocument(
                                     QJsonObject{{QStringLiteral("tender"), QStringLiteral("cash")},
                                                 {QStringLiteral("amount"), eur(1)}})
                                     .toJson(QJsonDocument::Compact),
                                 m_cardTill, {{"Idempotency-Key", newKey().toLatin1()}})
                     .status,
                 400);
    }

    // Killed between asking the terminal and hearing back: the restarted server asks the
    // terminal about that very attempt and charges nothing a second time.
    void serverKilledMidPaymentResolvesOnRestart()
    {
        const QString cartId = newCart(1);
        const QString key = newKey();
        const auto started = pay(m_cardTill, cartId, QStringLiteral("card"), 1234, key);
        QCOMPARE(started.status, 202);
        const QString paymentId = started.body.value(QStringLiteral("id")).toString();
        m_stack.killServer();
        startServer();
        const QJsonObject final = waitFinal(m_cardTill, paymentId);
        QCOMPARE(final.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(chargeState(paymentId), QStringLiteral("Success"));
        QCOMPARE(paymentsWithKey(key), 1);
        const QJsonArray transactions = m_stack.emulatorGet(QStringLiteral("payments/") + paymentId)
                                            .value(QStringLiteral("transactions"))
                                            .toArray();
        QCOMPARE(transactions.size(), 1);
        // The app repeats its request after the restart: still that one payment.
        const auto repeated = pay(m_cardTill, cartId, QStringLiteral("card"), 1234, key);
        QCOMPARE(repeated.body.value(QStringLiteral("id")).toString(), paymentId);
        QCOMPARE(repeated.body.value(QStringLiteral("state")).toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(cartPayments(cartId).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPayments)
#include "tst_payments.moc"
