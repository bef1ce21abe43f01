// RefundStore and DeliveryLog: the two small stores that make refunds and webhooks safe to retry.
// One binary because each needs only a few cases on the same fresh database.
#include "postgresfixture.h"
#include "storage/database.h"
#include "storage/deliverylog.h"
#include "storage/refundstore.h"
#include "storagetesting.h"

#include <QJsonArray>
#include <QSemaphore>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <memory>
#include <vector>

using namespace storedesk;
using namespace storedesk::server;

namespace {

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Money eur(qint64 cents)
{
    return *Money::fromMinorUnits(cents, u"EUR");
}

QJsonObject planFor(const QString& lineId, qint64 quantity, qint64 cents)
{
    const QJsonObject line{{"lineItemId", lineId}, {"quantity", quantity}};
    const QJsonObject tender{{"paymentId", "p1"}, {"tender", "card"}, {"centAmount", cents}};
    return QJsonObject{{"items", QJsonArray{line}},
                       {"tenders", QJsonArray{tender}},
                       {"reason", QStringLiteral("Defekt – Umtausch")}};
}

RefundRecord refundOf(const QString& orderId, const Money& amount)
{
    RefundRecord record;
    record.id = newKey();
    record.idempotencyKey = newKey();
    record.storeKey = QStringLiteral("berlin-mitte");
    record.orderId = orderId;
    record.username = QStringLiteral("anna");
    record.workstationId = QStringLiteral("till-1");
    record.amount = amount;
    record.plan = planFor(QStringLiteral("line-1"), 1, amount.minorUnits());
    return record;
}

} // namespace

class TestRefundStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void create();
    void findByIdempotencyKeyReturnsThePlan();
    void sameKeyReturnsTheFirstRefund();
    void unfinishedRefundOfTheOrderConflicts();
    void completedRefundAllowsAnother();
    void concurrentRefundsOfOneOrder();
    void cashRefundNeedsAnOpenTill();
    void stampedWithTheTillAndItsCash();
    void deliveryLogRemembers();
    void deliveryLogIsSharedByInstances();

private:
    test::TestDatabases m_databases;
    QString m_url;
    QDateTime m_now;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RefundStore> m_refunds;
    std::unique_ptr<DeliveryLog> m_deliveries;
};

void TestRefundStore::initTestCase()
{
    QVERIFY(test::setUpEngine(m_databases));
}

void TestRefundStore::init()
{
    m_now = test::storageTestStart();
    m_database = test::freshDatabase(m_databases, &m_url);
    QVERIFY(m_database);
    m_refunds = std::make_unique<RefundStore>(*m_database, [this] { return m_now; });
    m_deliveries = std::make_unique<DeliveryLog>(*m_database, [this] { return m_now; });
}

void TestRefundStore::cleanup()
{
    m_deliveries.reset();
    m_refunds.reset();
    m_database.reset();
}

void TestRefundStore::cleanupTestCase()
{
    m_databases.tearDown();
}

void TestRefundStore::create()
{
    RefundRecord record = refundOf(QStringLiteral("order-1"), eur(1234));
    record.approvedBy = QStringLiteral("maria");
    const auto created = m_refunds->create(record);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(created->created);
    const RefundRecord& stored = created->record;
    QCOMPARE(stored.id, record.id);
    QCOMPARE(stored.idempotencyKey, record.idempotencyKey);
    QCOMPARE(stored.storeKey, QStringLiteral("berlin-mitte"));
    QCOMPARE(stored.orderId, QStringLiteral("order-1"));
    QCOMPARE(stored.username, QStringLiteral("anna"));
    QCOMPARE(stored.approvedBy, QStringLiteral("maria"));
    QCOMPARE(stored.amount, eur(1234));
    QCOMPARE(stored.plan, record.plan);
    QVERIFY(!stored.completed);
    QCOMPARE(stored.createdAt, m_now);

    // No approval needed: stays empty rather than becoming some text.
    const auto unapproved = m_refunds->create(refundOf(QStringLiteral("order-2"), eur(100)));
    QVERIFY(unapproved);
    QVERIFY(unapproved->record.approvedBy.isEmpty());
}

void TestRefundStore::cashRefundNeedsAnOpenTill()
{
    // Another workstation's till is open; this one's is not.
    QVERIFY(!test::openTillSession(*m_database, QStringLiteral("berlin-mitte"),
                                   QStringLiteral("till-2"))
                 .isEmpty());
    RefundRecord cash = refundOf(QStringLiteral("order-1"), eur(1500));
    cash.cashMinorUnits = 500; // 10.00 back to the card, 5.00 over the counter
    const auto refused = m_refunds->create(cash);
    QVERIFY2(refused, qPrintable(refused ? QString() : refused.error().message));
    QVERIFY(refused->tillNotOpen);
    QVERIFY(!refused->created);
    QCOMPARE(m_refunds->findByIdempotencyKey(cash.idempotencyKey).error().kind,
             StorageError::Kind::NotFound);

    // Nothing of it was kept: the same refund goes through once the till is open.
    const QString session = test::openTillSession(*m_database, QStringLiteral("berlin-mitte"),
                                                  QStringLiteral("till-1"));
    const auto created = m_refunds->create(cash);
    QVERIFY(created);
    QVERIFY(created->created);
    QCOMPARE(created->record.tillSessionId, session);
}

void TestRefundStore::stampedWithTheTillAndItsCash()
{
    // A refund to the card alone needs no till, and is not stamped without one.
    const auto card = m_refunds->create(refundOf(QStringLiteral("order-1"), eur(700)));
    QVERIFY(card);
    QVERIFY(card->created);
    QVERIFY(!card->tillNotOpen);
    QCOMPARE(card->record.workstationId, QStringLiteral("till-1"));
    QCOMPARE(card->record.cashMinorUnits, qint64(0));
    QVERIFY(card->record.tillSessionId.isEmpty());

    const QString session = test::openTillSession(*m_database, QStringLiteral("berlin-mitte"),
                                                  QStringLiteral("till-1"));
    RefundRecord cash = refundOf(QStringLiteral("order-2"), eur(1234));
    cash.cashMinorUnits = 1234;
    const auto created = m_refunds->create(cash);
    QVERIFY(created);
    const auto stored = m_refunds->findByIdempotencyKey(cash.idempotencyKey);
    QVERIFY(stored);
    QCOMPARE(stored->workstationId, QStringLiteral("till-1"));
    QCOMPARE(stored->tillSessionId, session);
    QCOMPARE(stored->cashMinorUnits, qint64(1234));

    // A card refund while the till is open is stamped with it as well.
    const auto cardAgain = m_refunds->create(refundOf(QStringLiteral("order-3"), eur(100)));
    QVERIFY(cardAgain);
    QCOMPARE(cardAgain->record.tillSessionId, session);
}

void TestRefundStore::findByIdempotencyKeyReturnsThePlan()
{
    // A high-precision amount and an amount past 2^53 must come back exactly.
    const Money precise = *Money::fromPreciseUnits(9007199254740993, u"EUR", 4);
    RefundRecord record = refundOf(QStringLiteral("order-1"), precise);
    // JSON numbers are doubles; the plan keeps its own small amounts.
    record.plan = planFor(QStringLiteral("line-1"), 3, 1234);
    QVERIFY(m_refunds->create(record));
    const auto found = m_refunds->findByIdempotencyKey(record.idempotencyKey);
    QVERIFY(found);
    QCOMPARE(found->id, record.id);
    QCOMPARE(found->amount, precise);
    QCOMPARE(found->plan, record.plan);
    QCOMPARE(found->plan.value("reason").toString(), QStringLiteral("Defekt – Umtausch"));
    // Idempotency keys are UUIDs; their case does not matter.
    QCOMPARE(m_refunds->findByIdempotencyKey(record.idempotencyKey.toUpper())->id, record.id);
    QCOMPARE(m_refunds->findByIdempotencyKey(newKey()).error().kind, StorageError::Kind::NotFound);
}

void TestRefundStore::sameKeyReturnsTheFirstRefund()
{
    const RefundRecord first = refundOf(QStringLiteral("order-1"), eur(500));
    QVERIFY(m_refunds->create(first)->created);

    // A retry after a crash computes its plan anew from a half-changed order; the first plan wins.
    RefundRecord retry = refundOf(QStringLiteral("order-1"), eur(300));
    retry.idempotencyKey = first.idempotencyKey.toUpper();
    retry.plan = planFor(QStringLiteral("line-2"), 2, 300);
    m_now = m_now.addSecs(60);
    const auto again = m_refunds->create(retry);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    QVERIFY(!again->created);
    QCOMPARE(again->record.id, first.id);
    QCOMPARE(again->record.amount, eur(500));
    QCOMPARE(again->record.plan, first.plan);
    QCOMPARE(again->record.createdAt, m_now.addSecs(-60));

    // Also once completed.
    QVERIFY(m_refunds->complete(first.id));
    const auto afterwards = m_refunds->create(retry);
    QVERIFY(afterwards);
    QVERIFY(!afterwards->created);
    QCOMPARE(afterwards->record.id, first.id);
    QVERIFY(afterwards->record.completed);
}

void TestRefundStore::unfinishedRefundOfTheOrderConflicts()
{
    const RefundRecord first = refundOf(QStringLiteral("order-1"), eur(500));
    QVERIFY(m_refunds->create(first)->created);
    const RefundRecord second = refundOf(QStringLiteral("order-1"), eur(200));
    const auto refused = m_refunds->create(second);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, StorageError::Kind::Conflict);
    QCOMPARE(m_refunds->findByIdempotencyKey(second.idempotencyKey).error().kind,
             StorageError::Kind::NotFound);
    // Another order is not held up.
    QVERIFY(m_refunds->create(refundOf(QStringLiteral("order-2"), eur(200)))->created);
}

void TestRefundStore::completedRefundAllowsAnother()
{
    const RefundRecord first = refundOf(QStringLiteral("order-1"), eur(500));
    QVERIFY(m_refunds->create(first)->created);
    QVERIFY(m_refunds->complete(first.id));
    QVERIFY(m_refunds->findByIdempotencyKey(first.idempotencyKey)->completed);
    const RefundRecord second = refundOf(QStringLiteral("order-1"), eur(200));
    const auto created = m_refunds->create(second);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(created->created);
    QVERIFY(!created->record.completed);
    // And the new one holds up a third until it is complete in turn.
    QCOMPARE(m_refunds->create(refundOf(QStringLiteral("order-1"), eur(100))).error().kind,
             StorageError::Kind::Conflict);
}

void TestRefundStore::concurrentRefundsOfOneOrder()
{
    // Two colleagues on two server instances refund the same orders at the same moment, with
    // different Idempotency-Keys: per order exactly one refund may be created.
    constexpr int orderCount = 30;
    constexpr int instances = 2;
    QStringList orders;
    for (int i = 0; i < orderCount; ++i)
        orders.append(QStringLiteral("order-") + newKey());

    QSemaphore ready;
    QSemaphore go;
    std::atomic<int> failures{0};
    // Per instance, per order: 1 created, 0 Conflict, -1 anything else.
    std::vector<std::vector<int>> outcomes(instances);
    QList<QThread*> threads;
    for (int instance = 0; instance < instances; ++instance) {
        threads.append(QThread::create([&, instance] {
            std::unique_ptr<Database> database = test::openDatabase(m_url);
            if (!database) {
                ++failures;
                ready.release();
                return;
            }
            RefundStore refunds(*database);
            ready.release();
            go.acquire();
            for (const QString& order : std::as_const(orders)) {
                const auto created = refunds.create(refundOf(order, eur(100)));
                if (!created && created.error().kind != StorageError::Kind::Conflict)
                    qWarning() << created.error().message;
                outcomes[instance].push_back(
                    created ? (created->created ? 1 : -1)
                            : (created.error().kind == StorageError::Kind::Conflict ? 0 : -1));
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
    for (int i = 0; i < orderCount; ++i) {
        QCOMPARE(outcomes[0][i] >= 0 && outcomes[1][i] >= 0, true);
        QCOMPARE(outcomes[0][i] + outcomes[1][i], 1);
    }
}

void TestRefundStore::deliveryLogRemembers()
{
    const QString psp = QStringLiteral("psp");
    const QString terminal = QStringLiteral("terminal");
    const auto first = m_deliveries->remember(psp, QStringLiteral("d-1"));
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    QVERIFY(*first);
    QCOMPARE(*m_deliveries->remember(psp, QStringLiteral("d-1")), false);
    QCOMPARE(*m_deliveries->remember(psp, QStringLiteral("d-1")), false);
    // The same id from another source is another delivery, and vice versa.
    QCOMPARE(*m_deliveries->remember(terminal, QStringLiteral("d-1")), true);
    QCOMPARE(*m_deliveries->remember(psp, QStringLiteral("d-2")), true);
    QCOMPARE(*m_deliveries->remember(terminal, QStringLiteral("d-1")), false);
    QCOMPARE(*m_deliveries->remember(terminal, QStringLiteral("d-2")), true);
}

void TestRefundStore::deliveryLogIsSharedByInstances()
{
    // A replay is recognised on another instance and after a restart.
    QVERIFY(*m_deliveries->remember(QStringLiteral("psp"), QStringLiteral("d-1")));
    std::unique_ptr<Database> other = test::openDatabase(m_url);
    QVERIFY(other);
    DeliveryLog otherLog(*other);
    QCOMPARE(*otherLog.remember(QStringLiteral("psp"), QStringLiteral("d-1")), false);
    QCOMPARE(*otherLog.remember(QStringLiteral("psp"), QStringLiteral("d-3")), true);
    QCOMPARE(*m_deliveries->remember(QStringLiteral("psp"), QStringLiteral("d-3")), false);
}

QTEST_GUILESS_MAIN(TestRefundStore)
#include "tst_refundstore.moc"
