#include "domain/storekey.h"
#include "postgresfixture.h"
#include "storage/database.h"
#include "storage/idempotencystore.h"
#include "storage/tillstore.h"
#include "storagetesting.h"

#include <QJsonArray>
#include <QSemaphore>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <memory>
#include <vector>

using namespace storedesk;
using namespace storedesk::server;

namespace {

const QString mitte = QStringLiteral("berlin-mitte");
const QString till1 = QStringLiteral("till-1");
const QString till2 = QStringLiteral("till-2");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

TillSessionRecord draft(const QString& workstationId, qint64 floatMinorUnits = 10000)
{
    TillSessionRecord session;
    session.id = newId();
    session.storeKey = mitte;
    session.workstationId = workstationId;
    session.currency = QStringLiteral("EUR");
    session.openedBy = QStringLiteral("anna");
    session.floatMinorUnits = floatMinorUnits;
    session.floatCount =
        QJsonObject{{QStringLiteral("currency"), QStringLiteral("EUR")},
                    {QStringLiteral("lines"),
                     QJsonArray{QJsonObject{{QStringLiteral("value"), 100},
                                            {QStringLiteral("count"), floatMinorUnits / 100}}}}};
    return session;
}

TillMovementRecord movement(const QString& kind, std::optional<qint64> amount,
                            const QString& approvedBy = {})
{
    TillMovementRecord record;
    record.id = newId();
    record.kind = kind;
    record.amount = amount;
    record.reason = QStringLiteral("Tip out");
    record.username = QStringLiteral("anna");
    record.approvedBy = approvedBy;
    if (kind == QLatin1StringView("safe_drop"))
        record.bagNumber = QStringLiteral("B-17");
    return record;
}

TillStore::Closing closing(qint64 counted, const QString& approvedBy = {})
{
    TillStore::Closing close;
    close.count = QJsonObject{{QStringLiteral("currency"), QStringLiteral("EUR")}};
    close.counted = counted;
    close.closedBy = QStringLiteral("anna");
    close.approvedBy = approvedBy;
    close.differenceReason = approvedBy.isEmpty() ? QString() : QStringLiteral("miscounted");
    close.approvalAbove = 500;
    return close;
}

QJsonObject buildReport(const TillSessionRecord& closed, const TillFigures& figures)
{
    return QJsonObject{
        {QStringLiteral("number"), closed.zNumber},
        {QStringLiteral("expectedCash"), figures.expectedCash(closed.floatMinorUnits)},
        {QStringLiteral("overShort"), closed.overShort.value_or(0)}};
}

const TillStore::MovementRules rules{5000, 1};

} // namespace

class TestTillStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void formatZNumber();
    void openOnePerWorkstation();
    void openWithAKeyIsOnce();
    void expectedFloatIsTakenAtOpen();
    void twoConnectionsCannotBothOpen();
    void figuresAddUp();
    void movementsNeedAnOpenTillAndEnoughCash();
    void movementsAboveTheLimitsNeedApproval();
    void zNumbersWithoutGaps();
    void closeRefusedWhileAnAttemptIsUnfinished();
    void closeWithADifferenceNeedsApproval();
    void aClosedSessionNeverChanges();
    void concurrentClosesCloseOnce();
    void sessionsOfADay();

private:
    TillSessionRecord opened(const QString& workstationId, qint64 floatMinorUnits = 10000);
    void insertAttempt(const QString& sessionId, const QString& cartId, const QString& tender,
                       qint64 amount, const QString& state, const QString& terminal = {});
    QString claimKey();

    test::TestDatabases m_databases;
    QString m_url;
    QDateTime m_now;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<IdempotencyStore> m_idempotency;
    std::unique_ptr<TillStore> m_store;
};

void TestTillStore::initTestCase()
{
    QVERIFY(test::setUpEngine(m_databases));
}

void TestTillStore::init()
{
    m_now = test::storageTestStart();
    m_database = test::freshDatabase(m_databases, &m_url);
    QVERIFY(m_database);
    m_idempotency = std::make_unique<IdempotencyStore>(*m_database, [this] { return m_now; });
    m_store = std::make_unique<TillStore>(*m_database, *m_idempotency, [this] { return m_now; });
}

void TestTillStore::cleanup()
{
    m_store.reset();
    m_idempotency.reset();
    m_database.reset();
}

TillSessionRecord TestTillStore::opened(const QString& workstationId, qint64 floatMinorUnits)
{
    const auto opening = m_store->open(draft(workstationId, floatMinorUnits), {});
    if (!opening || opening->outcome != TillStore::Outcome::Done) {
        qWarning() << "not opened" << (opening ? int(opening->outcome) : -1);
        return {};
    }
    return opening->session;
}

void TestTillStore::insertAttempt(const QString& sessionId, const QString& cartId,
                                  const QString& tender, qint64 amount, const QString& state,
                                  const QString& terminal)
{
    const auto inserted = m_database->run(
        QStringLiteral("INSERT INTO payment_attempts (payment_key, idempotency_key, cart_id, "
                       "store_key, workstation_id, terminal_id, tender, provider, username, "
                       "amount_minor_units, amount_currency, amount_fraction_digits, state, "
                       "synced, created_at, updated_at, till_session_id) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'anna', ?, 'EUR', 2, ?, 1, ?, ?, ?)"),
        {newId(), newId(), cartId, mitte, till1, Database::textOrNull(terminal), tender, tender,
         amount, state, Database::toMillis(m_now), Database::toMillis(m_now), sessionId},
        QStringLiteral("inserting an attempt"));
    QVERIFY(inserted);
}

QString TestTillStore::claimKey()
{
    const QString key = newId();
    const auto claim = m_idempotency->claim(key, QStringLiteral("till.test"), QString(64, u'a'),
                                            QStringLiteral("anna"), *StoreKey::parse(mitte));
    return claim ? key : QString();
}

void TestTillStore::formatZNumber()
{
    QCOMPARE(TillStore::formatZNumber(mitte, till1, 1),
             QStringLiteral("berlin-mitte-till-1-Z000001"));
    QCOMPARE(TillStore::formatZNumber(mitte, till2, 1234567),
             QStringLiteral("berlin-mitte-till-2-Z1234567"));
}

void TestTillStore::openOnePerWorkstation()
{
    const TillSessionRecord first = opened(till1);
    QVERIFY(!first.id.isEmpty());
    QCOMPARE(first.openedAt, m_now);

    const auto current = m_store->current(mitte, till1);
    QVERIFY(current && *current);
    QCOMPARE((*current)->id, first.id);
    QCOMPARE((*current)->floatMinorUnits, 10000);
    QCOMPARE((*current)->floatCount, first.floatCount);
    QVERIFY((*current)->open);

    const auto second = m_store->open(draft(till1), {});
    QVERIFY(second);
    QCOMPARE(second->outcome, TillStore::Outcome::AlreadyOpen);
    QCOMPARE(second->session.id, first.id);

    QVERIFY(!opened(till2).id.isEmpty()); // another workstation has its own drawer
    const auto none = m_store->current(mitte, QStringLiteral("till-3"));
    QVERIFY(none && !*none);
}

void TestTillStore::openWithAKeyIsOnce()
{
    const QString key = claimKey();
    QVERIFY(!key.isEmpty());
    const auto first = m_store->open(draft(till1), key);
    QVERIFY(first);
    QCOMPARE(first->outcome, TillStore::Outcome::Done);
    // The same key again (its answer lost): the same session, not "already open".
    const auto again = m_store->open(draft(till1), key);
    QVERIFY(again);
    QCOMPARE(again->outcome, TillStore::Outcome::Repeated);
    QCOMPARE(again->session.id, first->session.id);
    QCOMPARE(m_idempotency->find(key)->resourceId, first->session.id);
}

void TestTillStore::expectedFloatIsTakenAtOpen()
{
    QVERIFY(m_store->expectedFloat(mitte, till1) && !*m_store->expectedFloat(mitte, till1));
    QVERIFY(m_store->setExpectedFloat(mitte, till1, 15000, QStringLiteral("EUR"),
                                      QStringLiteral("max")));
    QVERIFY(m_store->setExpectedFloat(mitte, till1, 20000, QStringLiteral("EUR"),
                                      QStringLiteral("max")));
    QCOMPARE(**m_store->expectedFloat(mitte, till1), 20000);
    QCOMPARE(opened(till1).expectedFloat, std::optional<qint64>(20000));
    QCOMPARE(opened(till2).expectedFloat, std::nullopt);
}

void TestTillStore::twoConnectionsCannotBothOpen()
{
    // Two server instances (two connections) open the same workstations at the same moment:
    // for each workstation exactly one opens it.
    constexpr int workstations = 20;
    constexpr int instances = 2;
    QSemaphore ready;
    QSemaphore go;
    std::atomic<int> failures{0};
    std::vector<QList<int>> outcomes(instances);
    QList<QThread*> threads;
    for (int instance = 0; instance < instances; ++instance) {
        threads.append(QThread::create([&, instance] {
            std::unique_ptr<Database> database = test::openDatabase(m_url);
            if (!database) {
                ++failures;
                ready.release();
                return;
            }
            IdempotencyStore idempotency(*database);
            TillStore store(*database, idempotency);
            ready.release();
            go.acquire();
            for (int i = 0; i < workstations; ++i) {
                const auto opening = store.open(draft(QStringLiteral("ws-%1").arg(i)), {});
                if (!opening) {
                    qWarning() << opening.error().message;
                    ++failures;
                }
                outcomes[instance].append(opening ? int(opening->outcome) : -1);
            }
        }));
        threads.constLast()->start();
    }
    ready.acquire(instances);
    go.release(instances);
    for (QThread* thread : std::as_const(threads)) {
        QVERIFY(thread->wait(120000));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    for (int i = 0; i < workstations; ++i) {
        const QList<int> pair{outcomes[0].at(i), outcomes[1].at(i)};
        QCOMPARE(pair.count(int(TillStore::Outcome::Done)), 1);
        QCOMPARE(pair.count(int(TillStore::Outcome::AlreadyOpen)), 1);
    }
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM till_sessions WHERE state = 'open'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), workstations);
}

void TestTillStore::figuresAddUp()
{
    const TillSessionRecord session = opened(till1, 10000);
    const QString cartA = newId();
    const QString cartB = newId();
    const QString cartC = newId();
    insertAttempt(session.id, cartA, QStringLiteral("cash"), 2500, QStringLiteral("succeeded"));
    insertAttempt(session.id, cartC, QStringLiteral("cash"), 999, QStringLiteral("failed"));
    insertAttempt(session.id, cartB, QStringLiteral("card"), 4000, QStringLiteral("succeeded"),
                  QStringLiteral("t-1"));
    insertAttempt(session.id, cartB, QStringLiteral("cash"), 100, QStringLiteral("succeeded"));
    insertAttempt(newId(), newId(), QStringLiteral("cash"), 7777, QStringLiteral("succeeded"));
    // Order numbers in the order the carts were ordered.
    for (const auto& [cart, number, at] :
         {std::tuple(cartB, QStringLiteral("berlin-mitte-000008"), 1),
          std::tuple(cartA, QStringLiteral("berlin-mitte-000009"), 2),
          std::tuple(cartC, QStringLiteral("berlin-mitte-000010"), 3)})
        QVERIFY(m_database->run(QStringLiteral("INSERT INTO cart_orders (cart_id, store_key, "
                                               "order_number, created_at) VALUES (?, ?, ?, ?)"),
                                {cart, mitte, number, at}, QStringLiteral("ordering")));
    for (const auto& [cash, state] : {std::pair(qint64(500), QStringLiteral("completed")),
                                      std::pair(qint64(0), QStringLiteral("completed")),
                                      std::pair(qint64(300), QStringLiteral("in_progress"))})
        QVERIFY(m_database->run(
            QStringLiteral("INSERT INTO refunds (id, idempotency_key, store_key, order_id, "
                           "username, amount_minor_units, amount_currency, "
                           "amount_fraction_digits, plan, state, created_at, updated_at, "
                           "workstation_id, till_session_id, cash_minor_units) VALUES (?, ?, ?, "
                           "?, 'anna', 500, 'EUR', 2, '{}', ?, 0, 0, ?, ?, ?)"),
            {newId(), newId(), mitte, newId(), state, till1, session.id, cash},
            QStringLiteral("refunding")));
    for (const auto& record :
         {movement(QStringLiteral("pay_in"), 1000), movement(QStringLiteral("pay_out"), 300),
          movement(QStringLiteral("safe_drop"), 2000), movement(QStringLiteral("no_sale"), {})}) {
        const auto added = m_store->addMovement(mitte, till1, record, rules, {});
        QVERIFY(added);
        QCOMPARE(added->outcome, TillStore::Outcome::Done);
        m_now = m_now.addSecs(60);
    }

    const auto figures = m_store->figures(session.id);
    QVERIFY(figures);
    QCOMPARE(figures->cashSales, 2600);
    QCOMPARE(figures->cashSalesCount, 2);
    QCOMPARE(figures->cardTotals.size(), 1);
    QCOMPARE(figures->cardTotals.first().terminalId, QStringLiteral("t-1"));
    QCOMPARE(figures->cardTotals.first().amount, 4000);
    QCOMPARE(figures->cardTotals.first().count, 1);
    QCOMPARE(figures->cashRefunds, 500);
    QCOMPARE(figures->cashRefundsCount, 1);
    QCOMPARE(figures->refundsCount, 2);
    QCOMPARE(figures->payIns, 1000);
    QCOMPARE(figures->payOuts, 300);
    QCOMPARE(figures->safeDrops, 2000);
    QCOMPARE(figures->payInsCount, 1);
    QCOMPARE(figures->payOutsCount, 1);
    QCOMPARE(figures->safeDropsCount, 1);
    QCOMPARE(figures->noSalesCount, 1);
    QCOMPARE(figures->salesCount, 2);
    QCOMPARE(figures->firstOrderNumber, QStringLiteral("berlin-mitte-000008"));
    QCOMPARE(figures->lastOrderNumber, QStringLiteral("berlin-mitte-000009"));
    QCOMPARE(figures->movements.size(), 4);
    QCOMPARE(figures->movements.at(2).bagNumber, QStringLiteral("B-17"));
    QCOMPARE(figures->expectedCash(session.floatMinorUnits),
             10000 + 2600 - 500 + 1000 - 300 - 2000);
}

void TestTillStore::movementsNeedAnOpenTillAndEnoughCash()
{
    const auto closed =
        m_store->addMovement(mitte, till1, movement(QStringLiteral("pay_in"), 100), rules, {});
    QVERIFY(closed);
    QCOMPARE(closed->outcome, TillStore::Outcome::NotOpen);

    QVERIFY(!opened(till1, 3000).id.isEmpty());
    const auto tooMuch =
        m_store->addMovement(mitte, till1, movement(QStringLiteral("safe_drop"), 3001), rules, {});
    QVERIFY(tooMuch);
    QCOMPARE(tooMuch->outcome, TillStore::Outcome::InsufficientCash);
    QCOMPARE(tooMuch->expectedCash, 3000);
    const auto all =
        m_store->addMovement(mitte, till1, movement(QStringLiteral("safe_drop"), 3000), rules, {});
    QVERIFY(all);
    QCOMPARE(all->outcome, TillStore::Outcome::Done);
    const auto empty =
        m_store->addMovement(mitte, till1, movement(QStringLiteral("pay_out"), 1), rules, {});
    QCOMPARE(empty->outcome, TillStore::Outcome::InsufficientCash);
    QCOMPARE(empty->expectedCash, 0);
    QCOMPARE(m_store->figures(all->session.id)->movements.size(), 1);
}

void TestTillStore::movementsAboveTheLimitsNeedApproval()
{
    QVERIFY(!opened(till1, 100000).id.isEmpty());
    const auto atLimit = m_store->addMovement(
        mitte, till1, movement(QStringLiteral("pay_out"), 5000, QStringLiteral("max")), rules, {});
    QCOMPARE(atLimit->outcome, TillStore::Outcome::Done);
    QVERIFY(atLimit->movement.approvedBy.isEmpty()); // not needed, so not recorded

    const auto above =
        m_store->addMovement(mitte, till1, movement(QStringLiteral("pay_out"), 5001), rules, {});
    QCOMPARE(above->outcome, TillStore::Outcome::NeedsApproval);
    QCOMPARE(above->approvalReasons, QStringList{QStringLiteral("amount")});
    const auto approved = m_store->addMovement(
        mitte, till1, movement(QStringLiteral("pay_out"), 5001, QStringLiteral("max")), rules, {});
    QCOMPARE(approved->outcome, TillStore::Outcome::Done);
    QCOMPARE(approved->movement.approvedBy, QStringLiteral("max"));

    // rules: the first no sale of a session is free, every later one needs a manager.
    QCOMPARE(m_store->addMovement(mitte, till1, movement(QStringLiteral("no_sale"), {}), rules, {})
                 ->outcome,
             TillStore::Outcome::Done);
    const auto second =
        m_store->addMovement(mitte, till1, movement(QStringLiteral("no_sale"), {}), rules, {});
    QCOMPARE(second->outcome, TillStore::Outcome::NeedsApproval);
    QCOMPARE(second->approvalReasons, QStringList{QStringLiteral("no_sale_count")});

    // A key's movement is made once.
    const QString key = claimKey();
    const auto first =
        m_store->addMovement(mitte, till1, movement(QStringLiteral("pay_in"), 10), rules, key);
    QCOMPARE(first->outcome, TillStore::Outcome::Done);
    const auto again =
        m_store->addMovement(mitte, till1, movement(QStringLiteral("pay_in"), 10), rules, key);
    QCOMPARE(again->outcome, TillStore::Outcome::Repeated);
    QCOMPARE(again->movement.id, first->movement.id);
    QCOMPARE(m_store->figures(first->session.id)->payInsCount, 1);
}

void TestTillStore::zNumbersWithoutGaps()
{
    for (int day = 0; day < 3; ++day) {
        for (const QString& workstation : {till1, till2}) {
            QVERIFY(!opened(workstation).id.isEmpty());
            const auto closed = m_store->close(mitte, workstation, closing(10000), buildReport, {});
            QVERIFY(closed);
            QCOMPARE(closed->outcome, TillStore::Outcome::Done);
            QCOMPARE(closed->session.zReport.value(QStringLiteral("number")).toString(),
                     closed->session.zNumber);
        }
        // till-1 closes a second time; first refused for its difference, which takes no number.
        QVERIFY(!opened(till1).id.isEmpty());
        QCOMPARE(m_store->close(mitte, till1, closing(9000), buildReport, {})->outcome,
                 TillStore::Outcome::NeedsApproval);
        QCOMPARE(m_store->close(mitte, till1, closing(10000), buildReport, {})->outcome,
                 TillStore::Outcome::Done);
    }
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT workstation_id, z_number FROM till_sessions "
                                      "WHERE state = 'closed' ORDER BY workstation_id, z_number")));
    QStringList one, two;
    while (query.next())
        (query.value(0).toString() == till1 ? one : two) << query.value(1).toString();
    QCOMPARE(one.size(), 6);
    QCOMPARE(two.size(), 3);
    for (int i = 0; i < one.size(); ++i)
        QCOMPARE(one.at(i), TillStore::formatZNumber(mitte, till1, i + 1));
    for (int i = 0; i < two.size(); ++i)
        QCOMPARE(two.at(i), TillStore::formatZNumber(mitte, till2, i + 1));
}

void TestTillStore::closeRefusedWhileAnAttemptIsUnfinished()
{
    const TillSessionRecord session = opened(till1);
    insertAttempt(session.id, newId(), QStringLiteral("card"), 1000, QStringLiteral("pending"),
                  QStringLiteral("t-1"));
    const auto busy = m_store->close(mitte, till1, closing(10000), buildReport, {});
    QVERIFY(busy);
    QCOMPARE(busy->outcome, TillStore::Outcome::Busy);
    QVERIFY(m_store->current(mitte, till1).value().has_value());

    QVERIFY(m_database->run(QStringLiteral("UPDATE payment_attempts SET state = 'failed'"), {},
                            QStringLiteral("finishing")));
    const auto closed = m_store->close(mitte, till1, closing(10000), buildReport, {});
    QCOMPARE(closed->outcome, TillStore::Outcome::Done);
    QCOMPARE(closed->session.zNumber, TillStore::formatZNumber(mitte, till1, 1));
}

void TestTillStore::closeWithADifferenceNeedsApproval()
{
    const TillSessionRecord session = opened(till1);
    QCOMPARE(m_store->close(mitte, till2, closing(10000), buildReport, {})->outcome,
             TillStore::Outcome::NotOpen);
    // The limit is 5.00: 5.01 short needs a manager, 5.00 over does not.
    const auto short501 = m_store->close(mitte, till1, closing(9499), buildReport, {});
    QVERIFY(short501);
    QCOMPARE(short501->outcome, TillStore::Outcome::NeedsApproval);
    QCOMPARE(short501->expectedCash, 10000);
    QCOMPARE(short501->overShort, -501);
    QVERIFY(m_store->current(mitte, till1).value().has_value());

    const auto approved =
        m_store->close(mitte, till1, closing(9499, QStringLiteral("max")), buildReport, {});
    QCOMPARE(approved->outcome, TillStore::Outcome::Done);
    const auto stored = m_store->session(session.id);
    QVERIFY(stored);
    QVERIFY(!stored->open);
    QCOMPARE(stored->overShort, std::optional<qint64>(-501));
    QCOMPARE(stored->counted, std::optional<qint64>(9499));
    QCOMPARE(stored->approvedBy, QStringLiteral("max"));
    QCOMPARE(stored->differenceReason, QStringLiteral("miscounted"));
    QCOMPARE(stored->closedAt, m_now);
    QCOMPARE(stored->zReport.value(QStringLiteral("overShort")).toInteger(), -501);

    QVERIFY(!opened(till1).id.isEmpty());
    const auto within500 = m_store->close(mitte, till1, closing(10500), buildReport, {});
    QCOMPARE(within500->outcome, TillStore::Outcome::Done);
    QVERIFY(within500->session.approvedBy.isEmpty());
}

void TestTillStore::aClosedSessionNeverChanges()
{
    const TillSessionRecord session = opened(till1);
    const QString key = claimKey();
    const auto closed = m_store->close(mitte, till1, closing(10000), buildReport, key);
    QCOMPARE(closed->outcome, TillStore::Outcome::Done);
    const auto before = m_store->session(session.id);
    QVERIFY(before);

    m_now = m_now.addSecs(3600);
    // The same close asked again (its answer lost with a crash): the stored Z report, no new
    // number.
    const auto again = m_store->close(mitte, till1, closing(12345), buildReport, key);
    QCOMPARE(again->outcome, TillStore::Outcome::Repeated);
    QCOMPARE(again->session.zReport, before->zReport);
    // Another close, a movement: there is no open session to change.
    QCOMPARE(m_store->close(mitte, till1, closing(10000), buildReport, {})->outcome,
             TillStore::Outcome::NotOpen);
    QCOMPARE(m_store->addMovement(mitte, till1, movement(QStringLiteral("pay_in"), 5), rules, {})
                 ->outcome,
             TillStore::Outcome::NotOpen);
    // A new session is a new row; the closed one is as it was.
    QVERIFY(!opened(till1).id.isEmpty());
    QVERIFY(m_store->addMovement(mitte, till1, movement(QStringLiteral("pay_in"), 5), rules, {}));
    const auto after = m_store->session(session.id);
    QCOMPARE(after->zReport, before->zReport);
    QCOMPARE(after->closedAt, before->closedAt);
    QCOMPARE(after->zNumber, before->zNumber);
    QCOMPARE(m_store->figures(session.id)->movements.size(), 0);
}

void TestTillStore::concurrentClosesCloseOnce()
{
    // Two instances close the same workstations at once: each session is closed once, with one
    // Z number, and the numbers have no gaps.
    constexpr int workstations = 10;
    for (int i = 0; i < workstations; ++i)
        QVERIFY(!opened(QStringLiteral("ws-%1").arg(i)).id.isEmpty());
    constexpr int instances = 2;
    QSemaphore ready;
    QSemaphore go;
    std::atomic<int> failures{0};
    std::vector<QList<int>> outcomes(instances);
    QList<QThread*> threads;
    for (int instance = 0; instance < instances; ++instance) {
        threads.append(QThread::create([&, instance] {
            std::unique_ptr<Database> database = test::openDatabase(m_url);
            if (!database) {
                ++failures;
                ready.release();
                return;
            }
            IdempotencyStore idempotency(*database);
            TillStore store(*database, idempotency);
            ready.release();
            go.acquire();
            for (int i = 0; i < workstations; ++i) {
                const auto closed = store.close(mitte, QStringLiteral("ws-%1").arg(i),
                                                closing(10000), buildReport, {});
                if (!closed) {
                    qWarning() << closed.error().message;
                    ++failures;
                }
                outcomes[instance].append(closed ? int(closed->outcome) : -1);
            }
        }));
        threads.constLast()->start();
    }
    ready.acquire(instances);
    go.release(instances);
    for (QThread* thread : std::as_const(threads)) {
        QVERIFY(thread->wait(120000));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    for (int i = 0; i < workstations; ++i) {
        const QList<int> pair{outcomes[0].at(i), outcomes[1].at(i)};
        QCOMPARE(pair.count(int(TillStore::Outcome::Done)), 1);
        QCOMPARE(pair.count(int(TillStore::Outcome::NotOpen)), 1);
        QVERIFY(!m_store->current(mitte, QStringLiteral("ws-%1").arg(i)).value().has_value());
    }
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), MAX(last_number) FROM "
                                      "z_report_sequences")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), workstations);
    QCOMPARE(query.value(1).toInt(), 1);
}

void TestTillStore::sessionsOfADay()
{
    const TillSessionRecord first = opened(till1);
    m_now = m_now.addDays(1);
    const TillSessionRecord nextDay = opened(till2);
    const QDateTime day = test::storageTestStart();
    const QDateTime midnight(day.date(), QTime(0, 0), Qt::UTC);
    const auto today = m_store->sessionsOpened(mitte, midnight, midnight.addDays(1));
    QVERIFY(today);
    QCOMPARE(today->size(), 1);
    QCOMPARE(today->first().id, first.id);
    const auto tomorrow = m_store->sessionsOpened(mitte, midnight.addDays(1), midnight.addDays(2));
    QCOMPARE(tomorrow->size(), 1);
    QCOMPARE(tomorrow->first().id, nextDay.id);
    QCOMPARE(
        m_store->sessionsOpened(QStringLiteral("hamburg"), midnight, midnight.addDays(2))->size(),
        0);
}

QTEST_GUILESS_MAIN(TestTillStore)
#include "tst_tillstore.moc"
