#include "postgresfixture.h"
#include "storage/database.h"
#include "storage/idempotencystore.h"
#include "storagetesting.h"

#include <QCryptographicHash>
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

const QString payment = QStringLiteral("payment");
const QString anna = QStringLiteral("anna");

StoreKey store(const QString& text = QStringLiteral("berlin-mitte"))
{
    return *StoreKey::parse(text);
}

QString newKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString hashOf(const QByteArray& request)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(request, QCryptographicHash::Sha256).toHex());
}

const QString requestA =
    hashOf("POST /stores/berlin-mitte/carts/c1/payments {\"tender\":\"cash\"}");
const QString requestB =
    hashOf("POST /stores/berlin-mitte/carts/c1/payments {\"tender\":\"card\"}");

} // namespace

class TestIdempotencyStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void claimNew();
    void sameRequestIsExistingWhileInProgress();
    void sameRequestReplaysTheCompletedAnswer();
    void keyIsCaseInsensitive();
    void reusedKey_data();
    void reusedKey();
    void invalidInput_data();
    void invalidInput();
    void attachResource();
    void recordResponseOnlyWhileInProgress();
    void completeTwiceIsRefused();
    void unknownKey();
    void bodyIsReplayedByteForByte();
    void concurrentClaimsHaveOneWinner();
    void survivesReopening();
    void inProgressSince();
    void purgeKeepsRecentRecords();
    void upgradesAVersionOneDatabase();

private:
    StorageResult<IdempotencyStore::Claim> claim(const QString& key, const QString& hash = requestA,
                                                 const QString& user = anna);

    test::TestDatabases m_databases;
    QString m_url;
    QDateTime m_now;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<IdempotencyStore> m_store;
};

void TestIdempotencyStore::initTestCase()
{
    QVERIFY(test::setUpEngine(m_databases));
}

void TestIdempotencyStore::init()
{
    m_now = test::storageTestStart();
    m_database = test::freshDatabase(m_databases, &m_url);
    QVERIFY(m_database);
    m_store = std::make_unique<IdempotencyStore>(*m_database, [this] { return m_now; });
}

void TestIdempotencyStore::cleanup()
{
    m_store.reset();
    m_database.reset();
}

void TestIdempotencyStore::cleanupTestCase()
{
    m_databases.tearDown();
}

StorageResult<IdempotencyStore::Claim>
TestIdempotencyStore::claim(const QString& key, const QString& hash, const QString& user)
{
    return m_store->claim(key, payment, hash, user, store());
}

void TestIdempotencyStore::claimNew()
{
    const QString key = newKey();
    const auto claimed = claim(key);
    QVERIFY2(claimed, qPrintable(claimed ? QString() : claimed.error().message));
    QCOMPARE(claimed->kind, IdempotencyStore::Claim::Kind::New);
    QCOMPARE(claimed->record.key, key);
    QCOMPARE(claimed->record.state, IdempotencyRecord::State::InProgress);
    QVERIFY(!claimed->record.hasResponse());
    QCOMPARE(claimed->record.createdAt, m_now);

    const StorageResult<IdempotencyRecord> found = m_store->find(key);
    QVERIFY(found);
    QCOMPARE(found->scope, payment);
    QCOMPARE(found->requestHash, requestA);
    QCOMPARE(found->username, anna);
    QCOMPARE(found->storeKey, store());
    QCOMPARE(found->state, IdempotencyRecord::State::InProgress);
    QVERIFY(found->resourceId.isEmpty());
    QCOMPARE(found->createdAt, m_now);
    QCOMPARE(found->updatedAt, m_now);
}

void TestIdempotencyStore::sameRequestIsExistingWhileInProgress()
{
    const QString key = newKey();
    QCOMPARE(claim(key)->kind, IdempotencyStore::Claim::Kind::New);
    // A retry before anything is recorded: the caller learns the work is under way.
    auto again = claim(key);
    QVERIFY(again);
    QCOMPARE(again->kind, IdempotencyStore::Claim::Kind::Existing);
    QCOMPARE(again->record.state, IdempotencyRecord::State::InProgress);
    QVERIFY(!again->record.hasResponse());

    const QByteArray pending = R"({"id":"p1","state":"pending"})";
    m_now = m_now.addSecs(2);
    QVERIFY(m_store->attachResource(key, QStringLiteral("p1")));
    QVERIFY(m_store->recordResponse(key, 202, pending));
    again = claim(key);
    QVERIFY(again);
    QCOMPARE(again->kind, IdempotencyStore::Claim::Kind::Existing);
    QCOMPARE(again->record.state, IdempotencyRecord::State::InProgress);
    QCOMPARE(again->record.resourceId, QStringLiteral("p1"));
    QCOMPARE(again->record.responseStatus, 202);
    QCOMPARE(again->record.responseBody, pending);
    QCOMPARE(again->record.updatedAt, m_now);
    QCOMPARE(again->record.createdAt, m_now.addSecs(-2));
}

void TestIdempotencyStore::sameRequestReplaysTheCompletedAnswer()
{
    const QString key = newKey();
    QVERIFY(claim(key));
    const QByteArray done = R"({"id":"p1","state":"succeeded"})";
    QVERIFY(m_store->complete(key, 201, done));
    const auto again = claim(key);
    QVERIFY(again);
    QCOMPARE(again->kind, IdempotencyStore::Claim::Kind::Existing);
    QCOMPARE(again->record.state, IdempotencyRecord::State::Completed);
    QCOMPARE(again->record.responseStatus, 201);
    QCOMPARE(again->record.responseBody, done);
}

void TestIdempotencyStore::keyIsCaseInsensitive()
{
    const QString key = newKey();
    QVERIFY(claim(key.toUpper()));
    const auto again = claim(key);
    QVERIFY(again);
    QCOMPARE(again->kind, IdempotencyStore::Claim::Kind::Existing);
    QCOMPARE(again->record.key, key);
    QVERIFY(m_store->find(key.toUpper()));
    // The hash is hex: its case does not matter either, nor the user name's.
    QCOMPARE(claim(key, requestA.toUpper(), QStringLiteral("ANNA"))->kind,
             IdempotencyStore::Claim::Kind::Existing);
}

void TestIdempotencyStore::reusedKey_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("hash");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("storeKey");
    QTest::newRow("different request") << payment << requestB << anna << "berlin-mitte";
    QTest::newRow("different user") << payment << requestA << "ben"
                                    << "berlin-mitte";
    QTest::newRow("different scope") << "refund" << requestA << anna << "berlin-mitte";
    QTest::newRow("different store") << payment << requestA << anna << "hamburg-altona";
    QTest::newRow("no store") << payment << requestA << anna << "";
}

void TestIdempotencyStore::reusedKey()
{
    QFETCH(QString, scope);
    QFETCH(QString, hash);
    QFETCH(QString, user);
    QFETCH(QString, storeKey);
    const QString key = newKey();
    QVERIFY(claim(key));
    const auto reused =
        m_store->claim(key, scope, hash, user, storeKey.isEmpty() ? StoreKey() : store(storeKey));
    QVERIFY(!reused);
    QCOMPARE(reused.error().kind, StorageError::Kind::IdempotencyKeyReused);
    // Also once completed, and the first record is untouched.
    QVERIFY(m_store->complete(key, 201, "{}"));
    QCOMPARE(
        m_store->claim(key, scope, hash, user, storeKey.isEmpty() ? StoreKey() : store(storeKey))
            .error()
            .kind,
        StorageError::Kind::IdempotencyKeyReused);
    QCOMPARE(m_store->find(key)->requestHash, requestA);
}

void TestIdempotencyStore::invalidInput_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("hash");
    QTest::addColumn<QString>("user");
    const QString uuid = newKey();
    QTest::newRow("empty key") << "" << payment << requestA << anna;
    QTest::newRow("not a uuid") << "order-17" << payment << requestA << anna;
    QTest::newRow("braces") << "{" + uuid + "}" << payment << requestA << anna;
    QTest::newRow("nil uuid") << "00000000-0000-0000-0000-000000000000" << payment << requestA
                              << anna;
    QTest::newRow("uuid with junk") << uuid.left(35) + "x" << payment << requestA << anna;
    QTest::newRow("empty scope") << uuid << "" << requestA << anna;
    QTest::newRow("scope with space") << uuid << "pay ment" << requestA << anna;
    QTest::newRow("short hash") << uuid << payment << requestA.left(63) << anna;
    QTest::newRow("hash not hex") << uuid << payment << QString(64, u'g') << anna;
    QTest::newRow("no user") << uuid << payment << requestA << "";
}

void TestIdempotencyStore::invalidInput()
{
    QFETCH(QString, key);
    QFETCH(QString, scope);
    QFETCH(QString, hash);
    QFETCH(QString, user);
    const auto claimed = m_store->claim(key, scope, hash, user, store());
    QVERIFY(!claimed);
    QCOMPARE(claimed.error().kind, StorageError::Kind::InvalidInput);
    if (!key.isEmpty() && !IdempotencyStore::isValidKey(key)) {
        QCOMPARE(m_store->find(key).error().kind, StorageError::Kind::InvalidInput);
        QCOMPARE(m_store->complete(key, 200, "{}").error().kind, StorageError::Kind::InvalidInput);
    }
}

void TestIdempotencyStore::attachResource()
{
    const QString key = newKey();
    QVERIFY(claim(key));
    QVERIFY(m_store->attachResource(key, QStringLiteral("payment-1")));
    // Again with the same id: a resumed attempt may attach what it found.
    QVERIFY(m_store->attachResource(key, QStringLiteral("payment-1")));
    QCOMPARE(m_store->attachResource(key, QStringLiteral("payment-2")).error().kind,
             StorageError::Kind::Conflict);
    QCOMPARE(m_store->find(key)->resourceId, QStringLiteral("payment-1"));
    QCOMPARE(m_store->attachResource(key, QString()).error().kind,
             StorageError::Kind::InvalidInput);
    QVERIFY(m_store->complete(key, 201, "{}"));
    QCOMPARE(m_store->attachResource(key, QStringLiteral("payment-1")).error().kind,
             StorageError::Kind::Conflict);
}

void TestIdempotencyStore::recordResponseOnlyWhileInProgress()
{
    const QString key = newKey();
    QVERIFY(claim(key));
    QVERIFY(m_store->recordResponse(key, 202, R"({"state":"pending"})"));
    QVERIFY(m_store->recordResponse(key, 202, R"({"state":"pending","message":"Insert card"})"));
    QCOMPARE(m_store->find(key)->responseBody,
             QByteArray(R"({"state":"pending","message":"Insert card"})"));
    QCOMPARE(m_store->recordResponse(key, 99, "{}").error().kind, StorageError::Kind::InvalidInput);
    QCOMPARE(m_store->recordResponse(key, 202, QByteArray("\xff\xfe", 2)).error().kind,
             StorageError::Kind::InvalidInput);
    QCOMPARE(m_store->recordResponse(key, 202, QByteArray("a\0b", 3)).error().kind,
             StorageError::Kind::InvalidInput);
    QVERIFY(m_store->complete(key, 201, R"({"state":"succeeded"})"));
    QCOMPARE(m_store->recordResponse(key, 202, R"({"state":"pending"})").error().kind,
             StorageError::Kind::Conflict);
    QCOMPARE(m_store->find(key)->responseBody, QByteArray(R"({"state":"succeeded"})"));
}

void TestIdempotencyStore::completeTwiceIsRefused()
{
    const QString key = newKey();
    QVERIFY(claim(key));
    QVERIFY(m_store->complete(key, 402, R"({"code":"payment_declined"})"));
    const auto again = m_store->complete(key, 201, R"({"state":"succeeded"})");
    QVERIFY(!again);
    QCOMPARE(again.error().kind, StorageError::Kind::Conflict);
    const auto record = m_store->find(key);
    QCOMPARE(record->state, IdempotencyRecord::State::Completed);
    QCOMPARE(record->responseStatus, 402);
    QCOMPARE(record->responseBody, QByteArray(R"({"code":"payment_declined"})"));
}

void TestIdempotencyStore::unknownKey()
{
    const QString key = newKey();
    QCOMPARE(m_store->find(key).error().kind, StorageError::Kind::NotFound);
    QCOMPARE(m_store->attachResource(key, QStringLiteral("p")).error().kind,
             StorageError::Kind::NotFound);
    QCOMPARE(m_store->recordResponse(key, 202, "{}").error().kind, StorageError::Kind::NotFound);
    QCOMPARE(m_store->complete(key, 201, "{}").error().kind, StorageError::Kind::NotFound);
}

void TestIdempotencyStore::bodyIsReplayedByteForByte()
{
    const QString key = newKey();
    QVERIFY(claim(key));
    // Non-ASCII text, escapes, and an empty body (204) must come back exactly.
    const QByteArray body = "{\"message\":\"Zahlung abgelehnt – Karte prüfen\",\"n\":\"a\\\"b\"}\n";
    QVERIFY(m_store->recordResponse(key, 202, body));
    QCOMPARE(m_store->find(key)->responseBody, body);
    QVERIFY(m_store->complete(key, 204, QByteArray()));
    const auto record = m_store->find(key);
    QCOMPARE(record->responseStatus, 204);
    QVERIFY(record->responseBody.isEmpty());
    QVERIFY(record->hasResponse());
}

void TestIdempotencyStore::concurrentClaimsHaveOneWinner()
{
    // Two server instances, each with its own connection on its own thread (a QSqlDatabase
    // belongs to the thread that opened it), claim the same keys at the same moment.
    constexpr int keyCount = 40;
    constexpr int instances = 2;
    QStringList keys;
    for (int i = 0; i < keyCount; ++i)
        keys.append(newKey());

    QSemaphore ready;
    QSemaphore go;
    std::atomic<int> failures{0};
    // Per instance, per key: 1 New, 0 Existing, -1 error. Each thread writes only its own list.
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
            IdempotencyStore store(*database);
            ready.release();
            go.acquire();
            for (const QString& key : std::as_const(keys)) {
                const auto claimed =
                    store.claim(key, payment, requestA, anna, *StoreKey::parse(u"berlin-mitte"));
                if (!claimed)
                    qWarning() << claimed.error().message;
                outcomes[instance].push_back(!claimed ? -1
                                             : claimed->kind == IdempotencyStore::Claim::Kind::New
                                                 ? 1
                                                 : 0);
            }
        }));
        threads.constLast()->start();
    }
    ready.acquire(instances);
    go.release(instances);
    for (QThread* thread : std::as_const(threads)) {
        QVERIFY(thread->wait(60000));
        delete thread;
    }
    QCOMPARE(failures.load(), 0);
    for (int i = 0; i < keyCount; ++i) {
        QCOMPARE(outcomes[0][i] >= 0 && outcomes[1][i] >= 0, true);
        QCOMPARE(outcomes[0][i] + outcomes[1][i], 1);
    }
}

void TestIdempotencyStore::survivesReopening()
{
    const QString key = newKey();
    QVERIFY(claim(key));
    QVERIFY(m_store->attachResource(key, QStringLiteral("payment-9")));
    QVERIFY(m_store->complete(key, 201, R"({"id":"payment-9"})"));
    m_store.reset();
    m_database.reset();

    m_database = test::openDatabase(m_url);
    QVERIFY(m_database);
    m_store = std::make_unique<IdempotencyStore>(*m_database, [this] { return m_now; });
    const auto again = claim(key);
    QVERIFY(again);
    QCOMPARE(again->kind, IdempotencyStore::Claim::Kind::Existing);
    QCOMPARE(again->record.resourceId, QStringLiteral("payment-9"));
    QCOMPARE(again->record.responseBody, QByteArray(R"({"id":"payment-9"})"));
    QCOMPARE(claim(key, requestB).error().kind, StorageError::Kind::IdempotencyKeyReused);
}

void TestIdempotencyStore::inProgressSince()
{
    const QDateTime start = m_now;
    const QString first = newKey();
    QVERIFY(claim(first));
    m_now = m_now.addSecs(60);
    const QString second = newKey();
    QVERIFY(claim(second));
    const QString done = newKey();
    QVERIFY(claim(done));
    QVERIFY(m_store->complete(done, 201, "{}"));
    m_now = m_now.addSecs(60);
    const QString recent = newKey();
    QVERIFY(claim(recent));
    // An interim answer does not make an attempt younger.
    QVERIFY(m_store->recordResponse(first, 202, "{}"));

    auto stuck = m_store->inProgressSince(start.addSecs(61));
    QVERIFY(stuck);
    QCOMPARE(stuck->size(), 2);
    QCOMPARE(stuck->at(0).key, first);
    QCOMPARE(stuck->at(1).key, second);
    QCOMPARE(stuck->at(0).responseStatus, 202);
    QCOMPARE(m_store->inProgressSince(start.addSecs(61), 1)->size(), 1);
    QCOMPARE(m_store->inProgressSince(start)->size(), 0);
    QCOMPARE(m_store->inProgressSince(start, 0).error().kind, StorageError::Kind::InvalidInput);
    QCOMPARE(m_store->inProgressSince(QDateTime()).error().kind, StorageError::Kind::InvalidInput);
}

void TestIdempotencyStore::purgeKeepsRecentRecords()
{
    const QString old = newKey();
    QVERIFY(claim(old));
    QVERIFY(m_store->complete(old, 201, "{}"));
    const QString stuck = newKey();
    QVERIFY(claim(stuck));

    // Even a retention of zero keeps anything younger than 24 h.
    m_now = m_now.addSecs(23 * 3600);
    QCOMPARE(*m_store->purge(std::chrono::seconds(0)), 0);
    const QString younger = newKey();
    QVERIFY(claim(younger));
    QVERIFY(m_store->complete(younger, 201, "{}"));

    // The default keeps 48 h.
    m_now = m_now.addSecs(2 * 3600); // 25 h after the first
    QCOMPARE(*m_store->purge(), 0);
    QCOMPARE(*m_store->purge(std::chrono::hours(1)), 1);
    QCOMPARE(m_store->find(old).error().kind, StorageError::Kind::NotFound);
    QVERIFY(m_store->find(younger));
    // An unfinished attempt waits for recovery, however old.
    m_now = m_now.addDays(30);
    QCOMPARE(*m_store->purge(), 1);
    QVERIFY(m_store->find(stuck));
    // A purged key may be used afresh.
    QCOMPARE(claim(old, requestB)->kind, IdempotencyStore::Claim::Kind::New);
}

void TestIdempotencyStore::upgradesAVersionOneDatabase()
{
    // Back to what a server of part 1 left: schema version 1, with a session table in use.
    {
        QSqlQuery query(m_database->connection());
        for (const char* sql :
             {"DROP TABLE till_movements", "DROP TABLE till_sessions",
              "DROP TABLE z_report_sequences", "DROP TABLE till_expected_floats",
              "DROP TABLE idempotency_records", "DROP TABLE audit_log",
              "DROP TABLE audit_log_sequence", "DROP TABLE payment_attempts",
              "DROP TABLE order_number_sequences", "DROP TABLE cart_orders", "DROP TABLE refunds",
              "DROP TABLE inbound_deliveries", "DROP TABLE server_instances",
              "DROP TABLE login_failures", "DELETE FROM schema_version WHERE version >= 2",
              "INSERT INTO users (id, username, username_key, display_name, "
              "secret_hash, created_at, secret_changed_at) "
              "VALUES ('u1', 'anna', 'anna', 'Anna', 'x', 0, 0)"})
            QVERIFY2(query.exec(QString::fromLatin1(sql)), sql);
    }
    m_store.reset();
    m_database.reset();
    m_database = test::openDatabase(m_url);
    QVERIFY(m_database);
    QCOMPARE(*m_database->schemaVersion(), Database::latestSchemaVersion());
    m_store = std::make_unique<IdempotencyStore>(*m_database, [this] { return m_now; });
    QCOMPARE(claim(newKey())->kind, IdempotencyStore::Claim::Kind::New);
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM users")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestIdempotencyStore)
#include "tst_idempotencystore.moc"
