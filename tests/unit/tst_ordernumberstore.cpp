#include "postgresfixture.h"
#include "storage/database.h"
#include "storage/ordernumberstore.h"
#include "storagetesting.h"

#include <QSemaphore>
#include <QSet>
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
const QString altona = QStringLiteral("hamburg-altona");

QString newCart()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestOrderNumberStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void format_data();
    void format();
    void reserveFirstNumber();
    void reserveIsStablePerCart();
    void differentCartsGetDifferentNumbers();
    void sequencesArePerStore();
    void renumberGivesTheNextNumber();
    void renumberKeepsAnAttachedOrder();
    void attachOrder();
    void unknownCart();
    void survivesReopening();
    void concurrentReservationsNeverShareANumber();

private:
    test::TestDatabases m_databases;
    QString m_url;
    QDateTime m_now;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<OrderNumberStore> m_store;
};

void TestOrderNumberStore::initTestCase()
{
    QVERIFY(test::setUpEngine(m_databases));
}

void TestOrderNumberStore::init()
{
    m_now = test::storageTestStart();
    m_database = test::freshDatabase(m_databases, &m_url);
    QVERIFY(m_database);
    m_store = std::make_unique<OrderNumberStore>(*m_database, [this] { return m_now; });
}

void TestOrderNumberStore::cleanup()
{
    m_store.reset();
    m_database.reset();
}

void TestOrderNumberStore::cleanupTestCase()
{
    m_databases.tearDown();
}

void TestOrderNumberStore::format_data()
{
    QTest::addColumn<QString>("storeKey");
    QTest::addColumn<qint64>("number");
    QTest::addColumn<QString>("expected");
    QTest::newRow("first") << mitte << qint64(1) << "berlin-mitte-000001";
    QTest::newRow("six digits") << altona << qint64(123456) << "hamburg-altona-123456";
    // Past a million the number grows rather than wrapping around to a taken one.
    QTest::newRow("seven digits") << mitte << qint64(1234567) << "berlin-mitte-1234567";
}

void TestOrderNumberStore::format()
{
    QFETCH(QString, storeKey);
    QFETCH(qint64, number);
    QFETCH(QString, expected);
    QCOMPARE(OrderNumberStore::format(storeKey, number), expected);
}

void TestOrderNumberStore::reserveFirstNumber()
{
    const QString cart = newCart();
    const auto order = m_store->reserve(cart, mitte);
    QVERIFY2(order, qPrintable(order ? QString() : order.error().message));
    QCOMPARE(order->cartId, cart);
    QCOMPARE(order->storeKey, mitte);
    QCOMPARE(order->orderNumber, QStringLiteral("berlin-mitte-000001"));
    QVERIFY(order->orderId.isEmpty());
    const auto found = m_store->find(cart);
    QVERIFY(found);
    QCOMPARE(found->orderNumber, order->orderNumber);
}

void TestOrderNumberStore::reserveIsStablePerCart()
{
    // A retry after an unclear answer must look up the same number, not take the next one.
    const QString cart = newCart();
    const QString number = m_store->reserve(cart, mitte)->orderNumber;
    QCOMPARE(m_store->reserve(cart, mitte)->orderNumber, number);
    QCOMPARE(m_store->reserve(cart, mitte)->orderNumber, number);
    // Nor did the repeats use numbers up.
    QCOMPARE(m_store->reserve(newCart(), mitte)->orderNumber,
             QStringLiteral("berlin-mitte-000002"));
}

void TestOrderNumberStore::differentCartsGetDifferentNumbers()
{
    QStringList numbers;
    for (int i = 0; i < 5; ++i)
        numbers.append(m_store->reserve(newCart(), mitte)->orderNumber);
    QCOMPARE(numbers,
             QStringList({"berlin-mitte-000001", "berlin-mitte-000002", "berlin-mitte-000003",
                          "berlin-mitte-000004", "berlin-mitte-000005"}));
}

void TestOrderNumberStore::sequencesArePerStore()
{
    QCOMPARE(m_store->reserve(newCart(), mitte)->orderNumber,
             QStringLiteral("berlin-mitte-000001"));
    QCOMPARE(m_store->reserve(newCart(), mitte)->orderNumber,
             QStringLiteral("berlin-mitte-000002"));
    const auto other = m_store->reserve(newCart(), altona);
    QVERIFY(other);
    QCOMPARE(other->storeKey, altona);
    QCOMPARE(other->orderNumber, QStringLiteral("hamburg-altona-000001"));
    QCOMPARE(m_store->reserve(newCart(), mitte)->orderNumber,
             QStringLiteral("berlin-mitte-000003"));
    QCOMPARE(m_store->reserve(newCart(), altona)->orderNumber,
             QStringLiteral("hamburg-altona-000002"));
}

void TestOrderNumberStore::renumberGivesTheNextNumber()
{
    const QString first = newCart();
    const QString second = newCart();
    QCOMPARE(m_store->reserve(first, mitte)->orderNumber, QStringLiteral("berlin-mitte-000001"));
    QCOMPARE(m_store->reserve(second, mitte)->orderNumber, QStringLiteral("berlin-mitte-000002"));
    const auto renumbered = m_store->renumber(first);
    QVERIFY2(renumbered, qPrintable(renumbered ? QString() : renumbered.error().message));
    QCOMPARE(renumbered->cartId, first);
    QCOMPARE(renumbered->orderNumber, QStringLiteral("berlin-mitte-000003"));
    QCOMPARE(m_store->find(first)->orderNumber, QStringLiteral("berlin-mitte-000003"));
    QCOMPARE(m_store->reserve(first, mitte)->orderNumber, QStringLiteral("berlin-mitte-000003"));
    QCOMPARE(m_store->find(second)->orderNumber, QStringLiteral("berlin-mitte-000002"));
    QCOMPARE(m_store->reserve(newCart(), mitte)->orderNumber,
             QStringLiteral("berlin-mitte-000004"));
}

void TestOrderNumberStore::renumberKeepsAnAttachedOrder()
{
    // Once commercetools has the order, its number is the order's: renumbering must not change it.
    const QString cart = newCart();
    QVERIFY(m_store->reserve(cart, mitte));
    QVERIFY(m_store->attachOrder(cart, QStringLiteral("order-1")));
    const auto renumbered = m_store->renumber(cart);
    QVERIFY(renumbered);
    QCOMPARE(renumbered->orderNumber, QStringLiteral("berlin-mitte-000001"));
    QCOMPARE(renumbered->orderId, QStringLiteral("order-1"));
}

void TestOrderNumberStore::attachOrder()
{
    const QString cart = newCart();
    const QString other = newCart();
    QVERIFY(m_store->reserve(cart, mitte));
    QVERIFY(m_store->reserve(other, mitte));
    QVERIFY(m_store->attachOrder(cart, QStringLiteral("8f0c1e1a-order")));
    QCOMPARE(m_store->find(cart)->orderId, QStringLiteral("8f0c1e1a-order"));
    QCOMPARE(m_store->reserve(cart, mitte)->orderId, QStringLiteral("8f0c1e1a-order"));
    QVERIFY(m_store->find(other)->orderId.isEmpty());
}

void TestOrderNumberStore::unknownCart()
{
    QCOMPARE(m_store->find(newCart()).error().kind, StorageError::Kind::NotFound);
    QCOMPARE(m_store->renumber(newCart()).error().kind, StorageError::Kind::NotFound);
    // A failed renumber takes no number.
    QCOMPARE(m_store->reserve(newCart(), mitte)->orderNumber,
             QStringLiteral("berlin-mitte-000001"));
}

void TestOrderNumberStore::survivesReopening()
{
    const QString cart = newCart();
    QVERIFY(m_store->reserve(cart, mitte));
    m_store.reset();
    m_database.reset();
    m_database = test::openDatabase(m_url);
    QVERIFY(m_database);
    m_store = std::make_unique<OrderNumberStore>(*m_database, [this] { return m_now; });
    QCOMPARE(m_store->reserve(cart, mitte)->orderNumber, QStringLiteral("berlin-mitte-000001"));
    QCOMPARE(m_store->reserve(newCart(), mitte)->orderNumber,
             QStringLiteral("berlin-mitte-000002"));
}

void TestOrderNumberStore::concurrentReservationsNeverShareANumber()
{
    // Two server instances, each with its own connection on its own thread, check out the same
    // carts at the same moment (a retry landing on the other instance). Each cart must end up with
    // one number that both instances see, and no number may belong to two carts.
    constexpr int cartCount = 60;
    constexpr int instances = 2;
    QStringList carts;
    for (int i = 0; i < cartCount; ++i)
        carts.append(newCart());

    QSemaphore ready;
    QSemaphore go;
    std::atomic<int> failures{0};
    // Per instance, per cart: the number it was given. Each thread writes only its own list.
    std::vector<QStringList> numbers(instances);
    QList<QThread*> threads;
    for (int instance = 0; instance < instances; ++instance) {
        threads.append(QThread::create([&, instance] {
            std::unique_ptr<Database> database = test::openDatabase(m_url);
            if (!database) {
                ++failures;
                ready.release();
                return;
            }
            OrderNumberStore store(*database);
            ready.release();
            go.acquire();
            for (const QString& cart : std::as_const(carts)) {
                // Two stores, so both counters are contended too.
                const auto order = store.reserve(cart, cart < QStringLiteral("8") ? mitte : altona);
                if (!order) {
                    qWarning() << order.error().message;
                    ++failures;
                }
                numbers[instance].append(order ? order->orderNumber : QString());
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

    QSet<QString> seen;
    for (int i = 0; i < cartCount; ++i) {
        QVERIFY(!numbers[0].at(i).isEmpty());
        QCOMPARE(numbers[1].at(i), numbers[0].at(i));
        QCOMPARE(m_store->find(carts.at(i))->orderNumber, numbers[0].at(i));
        QVERIFY2(!seen.contains(numbers[0].at(i)), qPrintable(numbers[0].at(i)));
        seen.insert(numbers[0].at(i));
    }
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT order_number) FROM "
                                      "cart_orders")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), cartCount);
    QCOMPARE(query.value(1).toInt(), cartCount);
}

QTEST_GUILESS_MAIN(TestOrderNumberStore)
#include "tst_ordernumberstore.moc"
