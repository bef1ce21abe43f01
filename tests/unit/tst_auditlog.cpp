#include "postgresfixture.h"
#include "storage/auditlog.h"
#include "storage/database.h"
#include "storagetesting.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

#include <limits>
#include <memory>

using namespace storedesk;
using namespace storedesk::server;

namespace {

StoreKey store(const QString& text)
{
    return *StoreKey::parse(text);
}

const StoreKey berlin = store(QStringLiteral("berlin-mitte"));
const StoreKey hamburg = store(QStringLiteral("hamburg-altona"));

Money euros(qint64 cents)
{
    return *Money::fromMinorUnits(cents, u"EUR");
}

AuditEntry entry(const QString& action, const StoreKey& storeKey = berlin)
{
    AuditEntry e;
    e.action = action;
    e.username = QStringLiteral("anna");
    e.storeKey = storeKey;
    e.workstationId = QStringLiteral("till-3");
    e.correlationId = QStringLiteral("9b2f1c1e-3f0a-4c53-9d1b-1f2a3b4c5d6e");
    return e;
}

QStringList actionsOf(const QList<AuditEntry>& entries)
{
    QStringList actions;
    for (const AuditEntry& e : entries)
        actions.append(e.action);
    return actions;
}

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void recordAndQuery();
    void orderedByTimeThenId();
    void rangeIsHalfOpen();
    void fromAfterToIsAnError();
    void storeFilter();
    void limit();
    void amountsAreExact_data();
    void amountsAreExact();
    void detailsRoundTrip();
    void detailsSizeLimit();
    void invalidEntries_data();
    void invalidEntries();
    void idsAreUniqueAcrossInstances();

private:
    AuditEntry record(const AuditEntry& e);

    test::TestDatabases m_databases;
    QString m_url;
    QDateTime m_now;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AuditLog> m_log;
};

void TestAuditLog::initTestCase()
{
    QVERIFY(test::setUpEngine(m_databases));
}

void TestAuditLog::init()
{
    m_now = test::storageTestStart();
    m_database = test::freshDatabase(m_databases, &m_url);
    QVERIFY(m_database);
    m_log = std::make_unique<AuditLog>(*m_database, [this] { return m_now; });
}

void TestAuditLog::cleanup()
{
    m_log.reset();
    m_database.reset();
}

void TestAuditLog::cleanupTestCase()
{
    m_databases.tearDown();
}

AuditEntry TestAuditLog::record(const AuditEntry& e)
{
    const StorageResult<AuditEntry> stored = m_log->record(e);
    if (!stored) {
        qWarning() << stored.error().message;
        return {};
    }
    return *stored;
}

void TestAuditLog::recordAndQuery()
{
    AuditEntry attempt = entry(QStringLiteral("payment.attempt"));
    attempt.amount = euros(1999);
    attempt.details = QJsonObject{{QStringLiteral("tender"), QStringLiteral("card")}};
    // What the caller says about the time does not count: the server's clock does.
    attempt.at = m_now.addYears(-3);
    const AuditEntry stored = record(attempt);
    QVERIFY(stored.id > 0);
    QCOMPARE(stored.at, m_now);

    const auto entries = m_log->query(m_now.addSecs(-1), m_now.addSecs(1));
    QVERIFY2(entries, qPrintable(entries ? QString() : entries.error().message));
    QCOMPARE(entries->size(), 1);
    const AuditEntry& read = entries->at(0);
    QCOMPARE(read.id, stored.id);
    QCOMPARE(read.at, m_now);
    QCOMPARE(read.action, QStringLiteral("payment.attempt"));
    QCOMPARE(read.username, QStringLiteral("anna"));
    QCOMPARE(read.storeKey, berlin);
    QCOMPARE(read.workstationId, QStringLiteral("till-3"));
    QCOMPARE(read.correlationId, attempt.correlationId);
    QVERIFY(read.amount.has_value());
    QVERIFY(*read.amount == euros(1999));
    QCOMPARE(read.details, attempt.details);

    // Optional parts stay empty.
    AuditEntry login;
    login.action = QStringLiteral("login.failed");
    login.username = QStringLiteral("Unknown Person");
    QVERIFY(m_log->record(login));
    const auto both = m_log->query(m_now, m_now.addSecs(1));
    QCOMPARE(both->size(), 2);
    const AuditEntry& failed = both->at(1);
    QVERIFY(failed.storeKey.isEmpty());
    QVERIFY(failed.workstationId.isEmpty());
    QVERIFY(failed.correlationId.isEmpty());
    QVERIFY(!failed.amount.has_value());
    QVERIFY(failed.details.isEmpty());
}

void TestAuditLog::orderedByTimeThenId()
{
    // Written out of time order (as two instances with slightly different clocks might).
    m_now = QDateTime(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    const AuditEntry late = record(entry(QStringLiteral("order.created")));
    m_now = QDateTime(QDate(2024, 5, 1), QTime(8, 30), Qt::UTC);
    const AuditEntry early1 = record(entry(QStringLiteral("payment.attempt")));
    const AuditEntry early2 = record(entry(QStringLiteral("payment.succeeded")));
    QVERIFY(late.id < early1.id);
    QVERIFY(early1.id < early2.id);

    const auto entries = m_log->query(QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC),
                                      QDateTime(QDate(2024, 5, 2), QTime(0, 0), Qt::UTC));
    QVERIFY(entries);
    QCOMPARE(actionsOf(*entries),
             (QStringList{QStringLiteral("payment.attempt"), QStringLiteral("payment.succeeded"),
                          QStringLiteral("order.created")}));
}

void TestAuditLog::rangeIsHalfOpen()
{
    const QDateTime start = m_now;
    record(entry(QStringLiteral("a")));
    m_now = m_now.addMSecs(1);
    record(entry(QStringLiteral("b")));
    m_now = m_now.addMSecs(1);
    record(entry(QStringLiteral("c")));

    QCOMPARE(actionsOf(*m_log->query(start, start.addMSecs(2))),
             (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    QCOMPARE(actionsOf(*m_log->query(start.addMSecs(1), start.addMSecs(3))),
             (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
    // from == to is an empty range, not an error.
    QVERIFY(m_log->query(start, start)->isEmpty());
}

void TestAuditLog::fromAfterToIsAnError()
{
    const auto entries = m_log->query(m_now, m_now.addMSecs(-1));
    QVERIFY(!entries);
    QCOMPARE(entries.error().kind, StorageError::Kind::InvalidInput);
    QCOMPARE(m_log->query(QDateTime(), m_now).error().kind, StorageError::Kind::InvalidInput);
}

void TestAuditLog::storeFilter()
{
    record(entry(QStringLiteral("berlin.1"), berlin));
    record(entry(QStringLiteral("hamburg.1"), hamburg));
    record(entry(QStringLiteral("none.1"), StoreKey()));
    record(entry(QStringLiteral("berlin.2"), berlin));
    const QDateTime end = m_now.addSecs(1);

    QCOMPARE(m_log->query(m_now, end)->size(), 4);
    QCOMPARE(actionsOf(*m_log->query(m_now, end, {berlin})),
             (QStringList{QStringLiteral("berlin.1"), QStringLiteral("berlin.2")}));
    QCOMPARE(actionsOf(*m_log->query(m_now, end, {hamburg, berlin, hamburg})),
             (QStringList{QStringLiteral("berlin.1"), QStringLiteral("hamburg.1"),
                          QStringLiteral("berlin.2")}));
    QVERIFY(m_log->query(m_now, end, {store(QStringLiteral("munich"))})->isEmpty());
    QVERIFY(m_log->query(m_now, end, {StoreKey()})->isEmpty());
}

void TestAuditLog::limit()
{
    for (int i = 0; i < 5; ++i)
        record(entry(QStringLiteral("e%1").arg(i)));
    const QDateTime end = m_now.addSecs(1);
    QCOMPARE(actionsOf(*m_log->query(m_now, end, {}, 2)),
             (QStringList{QStringLiteral("e0"), QStringLiteral("e1")}));
    QCOMPARE(m_log->query(m_now, end, {}, 1000)->size(), 5);
    QCOMPARE(m_log->query(m_now, end, {}, 0).error().kind, StorageError::Kind::InvalidInput);
    QCOMPARE(m_log->query(m_now, end, {}, 1001).error().kind, StorageError::Kind::InvalidInput);
}

void TestAuditLog::amountsAreExact_data()
{
    QTest::addColumn<qint64>("units");
    QTest::addColumn<QString>("currency");
    QTest::addColumn<int>("fractionDigits");
    QTest::newRow("int64 max") << std::numeric_limits<qint64>::max() << "EUR" << 2;
    QTest::newRow("int64 min") << std::numeric_limits<qint64>::min() << "EUR" << 2;
    QTest::newRow("refund") << qint64(-1999) << "EUR" << 2;
    QTest::newRow("zero yen") << qint64(0) << "JPY" << 0;
    QTest::newRow("high precision") << qint64(123456789012345) << "EUR" << 9;
    QTest::newRow("dinar") << qint64(1001) << "KWD" << 3;
}

void TestAuditLog::amountsAreExact()
{
    QFETCH(qint64, units);
    QFETCH(QString, currency);
    QFETCH(int, fractionDigits);
    const Expected<Money> amount = Money::fromPreciseUnits(units, currency, fractionDigits);
    QVERIFY(amount);
    AuditEntry e = entry(QStringLiteral("refund.created"));
    e.amount = *amount;
    QVERIFY(record(e).id > 0);
    const auto entries = m_log->query(m_now, m_now.addSecs(1));
    QCOMPARE(entries->size(), 1);
    const std::optional<Money> read = entries->at(0).amount;
    QVERIFY(read.has_value());
    QCOMPARE(read->minorUnits(), units);
    QCOMPARE(read->currencyCode(), currency);
    QCOMPARE(read->fractionDigits(), fractionDigits);

    // Stored as integers, not as a floating-point number that would round 2^63 - 1.
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT amount_minor_units FROM audit_log")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toLongLong(), units);
}

void TestAuditLog::detailsRoundTrip()
{
    AuditEntry e = entry(QStringLiteral("refund.approved"));
    e.details = QJsonObject{
        {QStringLiteral("approver"), QStringLiteral("boss")},
        {QStringLiteral("reason"), QStringLiteral("Ware beschädigt – \"Kühlschrank\"")},
        {QStringLiteral("lines"),
         QJsonArray{QJsonObject{{QStringLiteral("lineItemId"), QStringLiteral("li-1")},
                                {QStringLiteral("quantity"), 2}}}},
        {QStringLiteral("aboveThreshold"), true},
        {QStringLiteral("note"), QJsonValue::Null},
    };
    record(e);
    const auto entries = m_log->query(m_now, m_now.addSecs(1));
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->at(0).details, e.details);
}

void TestAuditLog::detailsSizeLimit()
{
    // {"x":"…"} is 8 bytes plus the text: exactly 8 KB passes, one byte more does not.
    AuditEntry e = entry(QStringLiteral("payment.attempt"));
    e.details = QJsonObject{{QStringLiteral("x"), QString(AuditLog::MaxDetailsBytes - 8, u'a')}};
    QVERIFY(m_log->record(e));
    e.details = QJsonObject{{QStringLiteral("x"), QString(AuditLog::MaxDetailsBytes - 7, u'a')}};
    const auto tooBig = m_log->record(e);
    QVERIFY(!tooBig);
    QCOMPARE(tooBig.error().kind, StorageError::Kind::InvalidInput);
    // The size is counted in UTF-8 bytes, not characters.
    e.details = QJsonObject{{QStringLiteral("x"), QString(AuditLog::MaxDetailsBytes / 2, u'ü')}};
    QCOMPARE(m_log->record(e).error().kind, StorageError::Kind::InvalidInput);
    QCOMPARE(m_log->query(m_now, m_now.addSecs(1))->size(), 1);
}

void TestAuditLog::invalidEntries_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("workstation");
    QTest::addColumn<QString>("correlation");
    QTest::addColumn<bool>("invalidAmount");
    QTest::newRow("no action") << ""
                               << "anna"
                               << ""
                               << "" << false;
    QTest::newRow("action upper case") << "Payment.Attempt"
                                       << "anna"
                                       << ""
                                       << "" << false;
    QTest::newRow("action too long") << QString(65, u'a') << "anna"
                                     << ""
                                     << "" << false;
    QTest::newRow("no user") << "login.failed"
                             << ""
                             << ""
                             << "" << false;
    QTest::newRow("user with newline") << "login.failed"
                                       << "anna\nadmin ok"
                                       << ""
                                       << "" << false;
    QTest::newRow("workstation with space") << "a"
                                            << "anna"
                                            << "till 3"
                                            << "" << false;
    QTest::newRow("correlation too long") << "a"
                                          << "anna"
                                          << "" << QString(129, u'c') << false;
    QTest::newRow("amount without currency") << "a"
                                             << "anna"
                                             << ""
                                             << "" << true;
}

void TestAuditLog::invalidEntries()
{
    QFETCH(QString, action);
    QFETCH(QString, username);
    QFETCH(QString, workstation);
    QFETCH(QString, correlation);
    QFETCH(bool, invalidAmount);
    AuditEntry e;
    e.action = action;
    e.username = username;
    e.workstationId = workstation;
    e.correlationId = correlation;
    if (invalidAmount)
        e.amount = Money();
    const auto stored = m_log->record(e);
    QVERIFY(!stored);
    QCOMPARE(stored.error().kind, StorageError::Kind::InvalidInput);
    QVERIFY(m_log->query(m_now.addDays(-1), m_now.addDays(1))->isEmpty());
}

void TestAuditLog::idsAreUniqueAcrossInstances()
{
    std::unique_ptr<Database> other = test::openDatabase(m_url);
    QVERIFY(other);
    AuditLog otherLog(*other, [this] { return m_now; });
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        ids.append(record(entry(QStringLiteral("here"))).id);
        const auto there = otherLog.record(entry(QStringLiteral("there")));
        QVERIFY(there);
        ids.append(there->id);
    }
    for (int i = 1; i < ids.size(); ++i)
        QCOMPARE(ids[i], ids[i - 1] + 1);
    QCOMPARE(otherLog.query(m_now, m_now.addSecs(1))->size(), 6);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
