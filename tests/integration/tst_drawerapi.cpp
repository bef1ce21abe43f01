// The audit of cash drawer openings (docs/HARDWARE.md) end to end: the real storedesk-server with
// the commercetools emulator on SQLite. An opening is answered 201 and is a drawer.opened row of
// GET /audit; a repeated key records once; a bad reason, another workstation's colleague and no
// token are refused and record nothing.

#include "commercestack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrl>
#include <QUuid>

using storedesk::test::CommerceStack;

namespace {

const QString store = QStringLiteral("berlin-mitte");
const QString till1 = QStringLiteral("berlin-mitte-till-1");
const QString till2 = QStringLiteral("berlin-mitte-till-2");
const QString annaSecret = QStringLiteral("anna-Pa55-word");
const QString maxSecret = QStringLiteral("max-Pa55-word");

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString openingsPath(const QString& workstation)
{
    return QStringLiteral("/stores/%1/workstations/%2/drawer-openings").arg(store, workstation);
}

QJsonObject opening(const QString& reason, const QString& reference)
{
    return {{QStringLiteral("reason"), reason}, {QStringLiteral("reference"), reference}};
}

} // namespace

class TestDrawerApi : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;
    QByteArray m_anna1; // anna at till 1
    QByteArray m_anna2; // anna at till 2
    QByteArray m_max;   // a manager's setup session (no workstation)

    CommerceStack::HttpReply post(const QString& path, const QJsonObject& body,
                                  const QByteArray& token, const QString& key)
    {
        QList<std::pair<QByteArray, QByteArray>> headers;
        if (!key.isEmpty())
            headers.append({"Idempotency-Key", key.toLatin1()});
        return m_stack.call("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token,
                            headers);
    }

    // The drawer.opened rows of the last hour whose reference is `reference`.
    QList<QJsonObject> openingsAudited(const QString& reference)
    {
        const QString period =
            QStringLiteral("/audit?from=%1&to=%2")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(
                         QDateTime::currentDateTimeUtc().addSecs(-3600).toString(
                             Qt::ISODateWithMs))),
                     QString::fromLatin1(QUrl::toPercentEncoding(
                         QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODateWithMs))));
        const auto reply = m_stack.call("GET", period, {}, m_max);
        if (reply.status != 200)
            qWarning() << reply.raw;
        QList<QJsonObject> rows;
        for (const QJsonValue& value : reply.body.value(QStringLiteral("results")).toArray()) {
            const QJsonObject entry = value.toObject();
            if (entry.value(QStringLiteral("action")).toString() ==
                    QLatin1StringView("drawer.opened") &&
                entry.value(QStringLiteral("details"))
                        .toObject()
                        .value(QStringLiteral("reference"))
                        .toString() == reference)
                rows << entry;
        }
        return rows;
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
        QVERIFY2(m_stack.startServer(CommerceStack::fullScopes()),
                 qPrintable(m_stack.errorString()));
        m_anna1 = m_stack.logIn(QStringLiteral("anna"), annaSecret, store, till1);
        m_anna2 = m_stack.logIn(QStringLiteral("anna"), annaSecret, store, till2);
        m_max = m_stack.logIn(QStringLiteral("max"), maxSecret);
        QVERIFY(!m_anna1.isEmpty() && !m_anna2.isEmpty() && !m_max.isEmpty());
    }

    void cleanupTestCase() { QCOMPARE(m_stack.stopServer(), 0); }

    void anOpeningIsAudited()
    {
        const QString reference = newKey();
        const auto reply = post(openingsPath(till1),
                                opening(QStringLiteral("cash-sale"), reference), m_anna1, newKey());
        QCOMPARE(reply.status, 201);
        QVERIFY(!reply.body.value(QStringLiteral("id")).toString().isEmpty());
        QVERIFY(QDateTime::fromString(reply.body.value(QStringLiteral("at")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        QCOMPARE(reply.body.value(QStringLiteral("reason")).toString(), u"cash-sale");
        QCOMPARE(reply.body.value(QStringLiteral("reference")).toString(), reference);

        const QList<QJsonObject> rows = openingsAudited(reference);
        QCOMPARE(rows.size(), 1);
        const QJsonObject& row = rows.first();
        QCOMPARE(row.value(QStringLiteral("username")).toString(), u"anna");
        QCOMPARE(row.value(QStringLiteral("storeKey")).toString(), store);
        QCOMPARE(row.value(QStringLiteral("workstationId")).toString(), till1);
        QVERIFY(!row.value(QStringLiteral("correlationId")).toString().isEmpty());
        QCOMPARE(row.value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
                 u"cash-sale");
    }

    void everyReasonIsTaken()
    {
        for (const char* reason :
             {"cash-refund", "pay-in", "pay-out", "safe-drop", "no-sale", "test"}) {
            const QString reference = newKey();
            QCOMPARE(post(openingsPath(till1), opening(QString::fromLatin1(reason), reference),
                          m_anna1, newKey())
                         .status,
                     201);
            QCOMPARE(openingsAudited(reference).size(), 1);
        }
    }

    void aRepeatedKeyRecordsOnce()
    {
        const QString reference = newKey();
        const QString key = newKey();
        const QJsonObject body = opening(QStringLiteral("no-sale"), reference);
        const auto first = post(openingsPath(till1), body, m_anna1, key);
        QCOMPARE(first.status, 201);
        const auto again = post(openingsPath(till1), body, m_anna1, key);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.body, first.body);
        QCOMPARE(openingsAudited(reference).size(), 1);
        // The same key for another opening is not this one.
        QCOMPARE(post(openingsPath(till1), opening(QStringLiteral("test"), reference), m_anna1, key)
                     .status,
                 422);
        QCOMPARE(openingsAudited(reference).size(), 1);
    }

    void aBadRequestRecordsNothing()
    {
        const QString reference = newKey();
        for (const QJsonObject& body :
             {opening(QStringLiteral("cash_sale"), reference),
              opening(QStringLiteral("card-sale"), reference),
              QJsonObject{{QStringLiteral("reference"), reference}},
              QJsonObject{{QStringLiteral("reason"), 3}, {QStringLiteral("reference"), reference}},
              opening(QStringLiteral("test"), reference + QString(200, QLatin1Char('x')))}) {
            const auto reply = post(openingsPath(till1), body, m_anna1, newKey());
            QCOMPARE(reply.status, 400);
            QCOMPARE(reply.body.value(QStringLiteral("code")).toString(), u"invalid_input");
        }
        // Without an Idempotency-Key.
        QCOMPARE(post(openingsPath(till1), opening(QStringLiteral("test"), reference), m_anna1, {})
                     .status,
                 400);
        QCOMPARE(openingsAudited(reference).size(), 0);
    }

    void onlyAtItsWorkstation()
    {
        const QString reference = newKey();
        // anna logged in at till 2 may not report till 1's drawer; no token is 401.
        QCOMPARE(post(openingsPath(till1), opening(QStringLiteral("no-sale"), reference), m_anna2,
                      newKey())
                     .status,
                 403);
        QCOMPARE(
            post(openingsPath(till1), opening(QStringLiteral("no-sale"), reference), {}, newKey())
                .status,
            401);
        QCOMPARE(post(openingsPath(QStringLiteral("no-such-till")),
                      opening(QStringLiteral("no-sale"), reference), m_anna1, newKey())
                     .status,
                 404);
        QCOMPARE(openingsAudited(reference).size(), 0);
        // A manager of the store may.
        QCOMPARE(
            post(openingsPath(till1), opening(QStringLiteral("test"), reference), m_max, newKey())
                .status,
            201);
        QCOMPARE(openingsAudited(reference).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDrawerApi)
#include "tst_drawerapi.moc"
