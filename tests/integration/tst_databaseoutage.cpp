// The server and its own database on a bad day, end to end with the real server process:
// PostgreSQL stopped and started again under traffic, a SQLite write lock held by another
// process, and payment claims whose first request is still running or died with its server.
// Runs on SQLite and on PostgreSQL (STOREDESK_TEST_DATABASE); each test says which it needs.
#include "commercestack.h"
#include "domain/money.h"
#include "routes/idempotentrequest.h"
#include "storage/database.h"
#include "storage/databaseurl.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSysInfo>
#include <QTest>
#include <QUuid>

using storedesk::test::CommerceStack;
using namespace storedesk;
using namespace storedesk::server;

namespace {

const QString annaSecret = QStringLiteral("anna-Pa55-word");
const QString store = QStringLiteral("berlin-mitte");
const QString till = QStringLiteral("berlin-mitte-till-2"); // cash only

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

QString text(const CommerceStack::HttpReply& reply)
{
    return QStringLiteral("HTTP %1: %2").arg(reply.status).arg(QString::fromUtf8(reply.raw));
}

} // namespace

class TestDatabaseOutage : public QObject {
    Q_OBJECT

private:
    CommerceStack m_stack;
    QByteArray m_till;

    bool onPostgresql() const { return CommerceStack::databaseKind() == u"postgresql"; }

    void startServer()
    {
        QVERIFY2(m_stack.startServer(), qPrintable(m_stack.errorString()));
        m_till = m_stack.logIn(QStringLiteral("anna"), annaSecret, store, till);
        QVERIFY(!m_till.isEmpty());
    }

    CommerceStack::HttpReply pay(const QString& cartId, qint64 amount, const QString& key)
    {
        const QJsonObject body{{QStringLiteral("tender"), QStringLiteral("cash")},
                               {QStringLiteral("amount"), eur(amount)}};
        return m_stack.call("POST",
                            QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId),
                            QJsonDocument(body).toJson(QJsonDocument::Compact), m_till,
                            {{"Idempotency-Key", key.toLatin1()}});
    }

    CommerceStack::HttpReply balance(const QString& cartId)
    {
        return m_stack.call(
            "GET", QStringLiteral("/stores/%1/carts/%2/payments").arg(store, cartId), {}, m_till);
    }

    // commercetools Payments made for this Idempotency-Key (the server's key is derived from it).
    int paymentsWithKey(const QString& idempotencyKey)
    {
        const QString where = QString::fromLatin1(
            QUrl::toPercentEncoding(QStringLiteral("key=\"storedesk-%1\"").arg(idempotencyKey)));
        return m_stack.emulatorGet(QStringLiteral("payments?where=") + where)
            .value(QStringLiteral("count"))
            .toInt();
    }

    // The server's database, opened by the test (a second client, as an operator's would be).
    std::unique_ptr<Database> openDatabase()
    {
        const Expected<DatabaseUrl> url = DatabaseUrl::parse(m_stack.databaseUrl());
        if (!url)
            return nullptr;
        StorageResult<std::unique_ptr<Database>> opened = Database::open(*url);
        return opened ? std::move(opened).value() : nullptr;
    }

    // Writes what a payment request leaves after claiming its key and before recording the
    // attempt: an in-progress claim by `instanceId`, made `ageSeconds` ago, and that instance's
    // row with this host, `pid` and a heartbeat `heartbeatAgeSeconds` old.
    void writeClaim(Database& database, const QString& key, const QString& cartId, qint64 cents,
                    const QString& instanceId, qint64 pid, int ageSeconds, int heartbeatAgeSeconds)
    {
        const QJsonObject canonical{
            {QStringLiteral("storeKey"), store},
            {QStringLiteral("cartId"), cartId},
            {QStringLiteral("tender"), QStringLiteral("cash")},
            {QStringLiteral("amount"), Money::fromJson(eur(cents))->toJson()}};
        const qint64 now = Database::toMillis(QDateTime::currentDateTimeUtc());
        QVERIFY(database
                    .run(QStringLiteral("INSERT INTO server_instances (id, host, pid, started_at, "
                                        "heartbeat_at) VALUES (?, ?, ?, ?, ?)"),
                         {instanceId, QSysInfo::machineHostName(), pid, now - 3600 * 1000,
                          now - heartbeatAgeSeconds * 1000},
                         QStringLiteral("test"))
                    .hasValue());
        QVERIFY(database
                    .run(QStringLiteral("INSERT INTO idempotency_records (key, scope, "
                                        "request_hash, username, store_key, state, created_at, "
                                        "updated_at, instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                        "?, ?)"),
                         {key, QStringLiteral("payment"), idempotent::requestHash(canonical),
                          QStringLiteral("anna"), store, QStringLiteral("in_progress"),
                          now - ageSeconds * 1000, now - ageSeconds * 1000, instanceId},
                         QStringLiteral("test"))
                    .hasValue());
    }

    bool claimExists(Database& database, const QString& key)
    {
        auto query = database.run(QStringLiteral("SELECT 1 FROM idempotency_records WHERE key = ?"),
                                  {key}, QStringLiteral("test"));
        return query && query->next();
    }

    // A process id that no longer exists on this host.
    static qint64 deadPid()
    {
        QProcess process;
        process.start(QStringLiteral("true"), {});
        process.waitForFinished();
        return process.processId() > 0 ? process.processId() : 999999;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_stack.startEmulator(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.seed(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.startDatabase(), qPrintable(m_stack.errorString()));
        QVERIFY2(m_stack.addUser(QStringLiteral("anna"), annaSecret, {QStringLiteral("colleague")},
                                 {store}),
                 qPrintable(m_stack.errorString()));
        // Cash is taken only into an open till (docs/TILL.md): the stack opens them.
        m_stack.setOpensTills(true);
        startServer();
    }

    void healthReportsTheDatabase()
    {
        const auto health = m_stack.call("GET", QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(health.body.value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
    }

    // A repeat of a payment whose first request is still being set up (its key claimed by a
    // live instance, no attempt recorded yet) answers 409 attempt_in_progress with Retry-After,
    // however old the claim — never a second attempt, never a 5xx.
    void repeatWhileTheFirstRequestRuns()
    {
        const std::unique_ptr<Database> database = openDatabase();
        QVERIFY(database);
        const QString cartId = m_stack.newCart(store, 1);
        QVERIFY(!cartId.isEmpty());
        const QString key = newKey();
        // This test process stands in for the live instance: its pid exists, its heartbeat is
        // fresh. The claim is older than the 30 s after which the server used to go ahead.
        writeClaim(*database, key, cartId, 1234, newKey(), QCoreApplication::applicationPid(), 60,
                   0);
        const auto repeat = pay(cartId, 1234, key);
        QCOMPARE(repeat.status, 409);
        QCOMPARE(repeat.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("attempt_in_progress"));
        bool isNumber = false;
        QVERIFY(repeat.retryAfter.toInt(&isNumber) > 0 && isNumber);
        QCOMPARE(paymentsWithKey(key), 0);
    }

    // A claim whose instance was killed (its process is gone) moved no money: a repeat does the
    // payment, once.
    void repeatAfterTheClaimantDied()
    {
        const std::unique_ptr<Database> database = openDatabase();
        QVERIFY(database);
        const QString cartId = m_stack.newCart(store, 1);
        const QString key = newKey();
        writeClaim(*database, key, cartId, 1234, newKey(), deadPid(), 2, 2);
        const auto repeat = pay(cartId, 1234, key);
        QVERIFY2(repeat.status == 201, qPrintable(text(repeat)));
        QCOMPARE(repeat.body.value(QStringLiteral("state")).toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(pay(cartId, 1234, key).status, 201);
        QCOMPARE(paymentsWithKey(key), 1);
    }

    // At start-up the server settles claims of instances that are gone, at once (not after 30 s);
    // a claim of a live instance stays.
    void startUpSettlesClaimsOfDeadInstances()
    {
        const std::unique_ptr<Database> database = openDatabase();
        QVERIFY(database);
        const QString dead = newKey();
        const QString live = newKey();
        const QString cartId = m_stack.newCart(store, 1);
        writeClaim(*database, dead, cartId, 100, newKey(), deadPid(), 1, 1);
        writeClaim(*database, live, cartId, 200, newKey(), QCoreApplication::applicationPid(), 1,
                   0);
        m_stack.killServer();
        startServer();
        QTRY_VERIFY_WITH_TIMEOUT(!claimExists(*database, dead), 10000);
        QVERIFY(claimExists(*database, live));
        QCOMPARE(pay(cartId, 100, dead).status, 201);
    }

    // Another process holds SQLite's write lock for 5 s: /health, a cart lookup and a balance
    // (reads) answer at once; a write fails fast with 503 database_unavailable instead of
    // stalling; afterwards the same request succeeds.
    void sqliteWriteLockHeldElsewhere()
    {
        if (onPostgresql())
            QSKIP("SQLite only");
        const QString cartId = m_stack.newCart(store, 1);
        QCOMPARE(balance(cartId).status, 200); // the session is known before the lock
        QProcess locker;
        // -bail: a BEGIN that fails ends sqlite3 instead of carrying on without the lock.
        locker.start(QStringLiteral("sqlite3"), {QStringLiteral("-bail"), m_stack.sqliteFile()});
        QVERIFY2(locker.waitForStarted(), "the sqlite3 command is missing (Debian: sqlite3)");
        // sqlite3 buffers its standard output on a pipe; a file it closes says when the lock
        // is held.
        const QString marker = m_stack.sqliteFile() + QStringLiteral(".locked");
        locker.write(".timeout 5000\nBEGIN IMMEDIATE;\n.output " + marker.toUtf8() +
                     "\nSELECT 'locked';\n.output stdout\n");
        const auto markerSays = [&marker] {
            QFile file(marker);
            return file.open(QIODevice::ReadOnly) && file.readAll().contains("locked");
        };
        QTRY_VERIFY_WITH_TIMEOUT(markerSays() || locker.state() != QProcess::Running, 5000);
        QVERIFY2(locker.state() == QProcess::Running, locker.readAllStandardError().constData());
        QElapsedTimer held;
        held.start();

        // The issue asks for 100 ms; generous bounds here, far below the 10 s stall of before.
        QElapsedTimer timer;
        timer.start();
        const auto health = m_stack.call("GET", QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        timer.restart();
        const auto cart = m_stack.call(
            "GET", QStringLiteral("/stores/%1/carts/%2").arg(store, cartId), {}, m_till);
        QCOMPARE(cart.status, 200);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        timer.restart();
        QCOMPARE(balance(cartId).status, 200);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));

        const QString key = newKey();
        timer.restart();
        const auto refused = pay(cartId, 1234, key);
        QVERIFY2(refused.status == 503, qPrintable(text(refused)));
        QCOMPARE(refused.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("database_unavailable"));
        QVERIFY(!refused.retryAfter.isEmpty());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(paymentsWithKey(key), 0);

        QTRY_VERIFY_WITH_TIMEOUT(held.elapsed() >= 5000, 10000);
        locker.write("COMMIT;\n.quit\n");
        locker.closeWriteChannel();
        QVERIFY(locker.waitForFinished(5000));

        const auto paid = pay(cartId, 1234, key);
        QVERIFY2(paid.status == 201, qPrintable(text(paid)));
        QCOMPARE(paymentsWithKey(key), 1);
    }

    // PostgreSQL stops under traffic: requests fail fast with 503 database_unavailable and
    // /health says degraded; when it is back the same server serves again, and every payment
    // exists exactly once.
    void postgresqlStopsAndComesBack()
    {
        if (!onPostgresql())
            QSKIP("PostgreSQL only");
        const QString cartId = m_stack.newCart(store, 3);
        const QString before = newKey();
        QCOMPARE(pay(cartId, 1234, before).status, 201);

        m_stack.postgres()->pause();
        const QString during = newKey();
        // Traffic while the lanes notice: every answer is an ordinary one or a clear 503.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto health = m_stack.call("GET", QStringLiteral("/health"));
                const auto paying = pay(cartId, 1234, during);
                if (paying.status != 503 && paying.status != 200)
                    qWarning().noquote() << "during the outage:" << text(paying);
                return health.status == 503 && paying.status == 503;
            }(),
            20000);
        const auto health = m_stack.call("GET", QStringLiteral("/health"));
        QCOMPARE(health.body.value(QStringLiteral("status")).toString(),
                 QStringLiteral("degraded"));
        QCOMPARE(health.body.value(QStringLiteral("database")).toString(),
                 QStringLiteral("unavailable"));
        QElapsedTimer timer;
        timer.start();
        const auto refused = pay(cartId, 1234, during);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("database_unavailable"));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(paymentsWithKey(during), 0);

        QVERIFY2(m_stack.postgres()->resume(), qPrintable(m_stack.postgres()->errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(m_stack.call("GET", QStringLiteral("/health")).status, 200,
                                  20000);
        const auto paid = pay(cartId, 1234, during);
        QVERIFY2(paid.status == 201, qPrintable(text(paid)));
        QCOMPARE(pay(cartId, 1234, before).status, 201);
        QCOMPARE(paymentsWithKey(before), 1);
        QCOMPARE(paymentsWithKey(during), 1);
        const auto after = balance(cartId);
        QCOMPARE(after.status, 200);
        QCOMPARE(after.body.value(QStringLiteral("payments")).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestDatabaseOutage)
#include "tst_databaseoutage.moc"
