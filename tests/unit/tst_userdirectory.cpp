#include "postgresfixture.h"
#include "storage/database.h"
#include "storage/passwordhash.h"
#include "storage/userdirectory.h"
#include "storagetesting.h"

#include <QMutex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <ctime>
#include <memory>

using namespace storedesk;
using namespace storedesk::server;

namespace {

const QString storeA = QStringLiteral("berlin-mitte");
const QString storeB = QStringLiteral("hamburg-altona");

NewUser colleague(const QString& username)
{
    return NewUser{username, QStringLiteral("Anna Schmidt"), {Role::Colleague}, {storeA}};
}

} // namespace

class TestUserDirectory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void addFindAndList();
    void duplicateUsernamesDifferOnlyInCase();
    void invalidInput_data();
    void invalidInput();
    void removeDeletesTheUserAndTheirRows();
    void setSecretReplacesTheSecret();
    void secretsAreStoredOnlyHashed();
    void authenticateAcceptsTheRightSecret();
    void authenticateHashesOffTheEventLoop();
    void unknownUserLooksLikeAWrongSecret();
    void delayScheduleDoublesUpToTheCap();
    void failuresDelayTheNameAfterTheFreeOnes();
    void unknownNameIsDelayedLikeAKnownOne();
    void successResetsTheCount();
    void delayIsSharedBetweenInstances();
    void setSecretLiftsTheDelay();
    void manyFailuresFromOneAddressDelayIt();
    void forgottenFailuresArePurged();
    void oldIterationCountIsRaisedAtLogin();
    void migrationIsIdempotent();
    void concurrentMigration();

private:
    StorageResult<User> authenticate(UserDirectory& directory, const QString& username,
                                     const QString& secret, const QString& address = {});
    StorageResult<User> authenticate(const QString& username, const QString& secret,
                                     const QString& address = {})
    {
        return authenticate(*m_directory, username, secret, address);
    }
    int storedFailureRows();
    void addAnna(const QString& secret = QStringLiteral("2468"));
    QStringList allStoredText(const QString& table);

    test::TestDatabases m_databases;
    QString m_url;
    QDateTime m_now;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UserDirectory> m_directory;
};

void TestUserDirectory::initTestCase()
{
    QVERIFY(test::setUpEngine(m_databases));
}

void TestUserDirectory::init()
{
    m_now = test::storageTestStart();
    m_database = test::freshDatabase(m_databases, &m_url);
    QVERIFY(m_database);
    m_directory = std::make_unique<UserDirectory>(*m_database, [this] { return m_now; });
}

void TestUserDirectory::cleanup()
{
    m_directory.reset();
    m_database.reset();
}

void TestUserDirectory::cleanupTestCase()
{
    m_databases.tearDown();
}

StorageResult<User> TestUserDirectory::authenticate(UserDirectory& directory,
                                                    const QString& username, const QString& secret,
                                                    const QString& address)
{
    QFuture<StorageResult<User>> future = directory.authenticate(username, secret, address);
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 60'000))
        return StorageError{StorageError::Kind::Unavailable, QStringLiteral("timed out"), {}};
    return future.result();
}

void TestUserDirectory::addAnna(const QString& secret)
{
    const StorageResult<User> added = m_directory->add(colleague(QStringLiteral("anna")), secret);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
}

int TestUserDirectory::storedFailureRows()
{
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM login_failures")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QStringList TestUserDirectory::allStoredText(const QString& table)
{
    QStringList values;
    QSqlQuery query(m_database->connection());
    if (!query.exec(QStringLiteral("SELECT * FROM ") + table))
        return {QStringLiteral("query failed")};
    while (query.next()) {
        for (int column = 0; column < query.record().count(); ++column)
            values.append(query.value(column).toString());
    }
    return values;
}

void TestUserDirectory::addFindAndList()
{
    const StorageResult<User> anna =
        m_directory->add(colleague(QStringLiteral("Anna")), QStringLiteral("2468"));
    QVERIFY2(anna, qPrintable(anna ? QString() : anna.error().message));
    QVERIFY(!anna->id.isEmpty());
    QCOMPARE(anna->username, QStringLiteral("Anna"));
    QCOMPARE(anna->displayName, QStringLiteral("Anna Schmidt"));
    QCOMPARE(anna->roles, QList<Role>{Role::Colleague});
    QCOMPARE(anna->stores.size(), 1);
    QCOMPARE(anna->stores.constFirst().toString(), storeA);
    QVERIFY(!anna->delayedUntil.isValid());

    NewUser boss{QStringLiteral("boss"),
                 QStringLiteral("  Bea Boss  "),
                 {Role::Manager, Role::Colleague, Role::Manager},
                 {storeB, storeA, storeB}};
    const StorageResult<User> added = m_directory->add(boss, QStringLiteral("correct horse"));
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
    QCOMPARE(added->displayName, QStringLiteral("Bea Boss"));
    QCOMPARE(added->roles, (QList<Role>{Role::Colleague, Role::Manager}));
    QCOMPARE(added->stores.size(), 2);
    QCOMPARE(added->stores.at(0).toString(), storeA);
    QCOMPARE(added->stores.at(1).toString(), storeB);
    QVERIFY(added->hasRole(Role::Manager));
    QVERIFY(added->mayWorkIn(*StoreKey::parse(storeB)));

    const StorageResult<User> found = m_directory->find(QStringLiteral("ANNA"));
    QVERIFY(found);
    QCOMPARE(found->id, anna->id);
    QCOMPARE(m_directory->findById(anna->id)->username, QStringLiteral("Anna"));

    const StorageResult<QList<User>> all = m_directory->list();
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(0).username, QStringLiteral("Anna"));
    QCOMPARE(all->at(1).username, QStringLiteral("boss"));
    QCOMPARE(all->at(1).roles, added->roles);
    QCOMPARE(all->at(1).stores, added->stores);

    QCOMPARE(m_directory->find(QStringLiteral("nobody")).error().kind,
             StorageError::Kind::NotFound);
}

void TestUserDirectory::duplicateUsernamesDifferOnlyInCase()
{
    addAnna();
    const StorageResult<User> again =
        m_directory->add(colleague(QStringLiteral("ANNA")), QStringLiteral("1357"));
    QVERIFY(!again);
    QCOMPARE(again.error().kind, StorageError::Kind::Conflict);
    QVERIFY2(again.error().message.contains(QStringLiteral("taken")),
             qPrintable(again.error().message));
    QCOMPARE(m_directory->list()->size(), 1);
}

void TestUserDirectory::invalidInput_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<Role>>("roles");
    QTest::addColumn<QStringList>("stores");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("mentions");

    const QList<Role> roles{Role::Colleague};
    const QStringList stores{storeA};
    const QString name = QStringLiteral("Anna");
    const QString pin = QStringLiteral("2468");
    QTest::newRow("empty username")
        << QString() << name << roles << stores << pin << QStringLiteral("username");
    QTest::newRow("one character")
        << QStringLiteral("a") << name << roles << stores << pin << QStringLiteral("username");
    QTest::newRow("65 characters") << QString(65, QLatin1Char('a')) << name << roles << stores
                                   << pin << QStringLiteral("username");
    QTest::newRow("space") << QStringLiteral("anna s") << name << roles << stores << pin
                           << QStringLiteral("username");
    QTest::newRow("non-ASCII") << QStringLiteral("j\u00fcrgen") << name << roles << stores << pin
                               << QStringLiteral("username");
    QTest::newRow("leading dot") << QStringLiteral(".anna") << name << roles << stores << pin
                                 << QStringLiteral("username");
    QTest::newRow("empty name") << QStringLiteral("anna") << QStringLiteral("   ") << roles
                                << stores << pin << QStringLiteral("display name");
    QTest::newRow("control in name") << QStringLiteral("anna") << QStringLiteral("An\tna") << roles
                                     << stores << pin << QStringLiteral("control");
    QTest::newRow("no role") << QStringLiteral("anna") << name << QList<Role>{} << stores << pin
                             << QStringLiteral("role");
    QTest::newRow("no store") << QStringLiteral("anna") << name << roles << QStringList{} << pin
                              << QStringLiteral("store");
    QTest::newRow("bad store key")
        << QStringLiteral("anna") << name << roles << QStringList{storeA, QStringLiteral("ber lin")}
        << pin << QStringLiteral("not a valid store key");
    QTest::newRow("one-character store key")
        << QStringLiteral("anna") << name << roles << QStringList{QStringLiteral("x")} << pin
        << QStringLiteral("store key");
    QTest::newRow("empty secret") << QStringLiteral("anna") << name << roles << stores << QString()
                                  << QStringLiteral("empty");
    QTest::newRow("short secret") << QStringLiteral("anna") << name << roles << stores
                                  << QStringLiteral("123") << QStringLiteral("shorter");
}

void TestUserDirectory::invalidInput()
{
    QFETCH(QString, username);
    QFETCH(QString, name);
    QFETCH(QList<Role>, roles);
    QFETCH(QStringList, stores);
    QFETCH(QString, secret);
    QFETCH(QString, mentions);
    const StorageResult<User> added =
        m_directory->add(NewUser{username, name, roles, stores}, secret);
    QVERIFY(!added);
    QCOMPARE(added.error().kind, StorageError::Kind::InvalidInput);
    QVERIFY2(added.error().message.contains(mentions), qPrintable(added.error().message));
    QVERIFY(m_directory->list()->isEmpty());
}

void TestUserDirectory::removeDeletesTheUserAndTheirRows()
{
    addAnna();
    QVERIFY(m_directory->remove(QStringLiteral("ANNA")));
    QCOMPARE(m_directory->find(QStringLiteral("anna")).error().kind, StorageError::Kind::NotFound);
    QCOMPARE(m_directory->remove(QStringLiteral("anna")).error().kind,
             StorageError::Kind::NotFound);
    QVERIFY(allStoredText(QStringLiteral("user_roles")).isEmpty());
    QVERIFY(allStoredText(QStringLiteral("user_stores")).isEmpty());
    // The name is free again, for a new user with a new id.
    addAnna();
}

void TestUserDirectory::setSecretReplacesTheSecret()
{
    addAnna(QStringLiteral("2468"));
    QVERIFY(m_directory->setSecret(QStringLiteral("Anna"), QStringLiteral("new secret")));
    QCOMPARE(authenticate(QStringLiteral("anna"), QStringLiteral("2468")).error().kind,
             StorageError::Kind::BadCredentials);
    QVERIFY(authenticate(QStringLiteral("anna"), QStringLiteral("new secret")));
    QCOMPARE(m_directory->setSecret(QStringLiteral("nobody"), QStringLiteral("1234")).error().kind,
             StorageError::Kind::NotFound);
    QCOMPARE(m_directory->setSecret(QStringLiteral("anna"), QStringLiteral("12")).error().kind,
             StorageError::Kind::InvalidInput);
}

void TestUserDirectory::secretsAreStoredOnlyHashed()
{
    addAnna(QStringLiteral("pin-97531"));
    const QStringList stored = allStoredText(QStringLiteral("users"));
    QVERIFY(!stored.isEmpty());
    for (const QString& value : stored)
        QVERIFY2(!value.contains(QStringLiteral("97531")), qPrintable(value));
    QVERIFY(std::any_of(stored.cbegin(), stored.cend(), [](const QString& value) {
        return value.startsWith(QStringLiteral("pbkdf2-sha256$"));
    }));
}

void TestUserDirectory::authenticateAcceptsTheRightSecret()
{
    addAnna();
    const StorageResult<User> user = authenticate(QStringLiteral("ANNA"), QStringLiteral("2468"));
    QVERIFY2(user, qPrintable(user ? QString() : user.error().message));
    QCOMPARE(user->username, QStringLiteral("anna"));
    QCOMPARE(user->roles, QList<Role>{Role::Colleague});
}

void TestUserDirectory::authenticateHashesOffTheEventLoop()
{
    addAnna();
    bool timerFired = false;
    QTimer::singleShot(0, this, [&timerFired] { timerFired = true; });
    QFuture<StorageResult<User>> future =
        m_directory->authenticate(QStringLiteral("anna"), QStringLiteral("2468"));
    // The result is delivered through this thread's event loop, so it cannot be there yet…
    QVERIFY(!future.isFinished());
    // …and the loop keeps running (the timer fires) while a worker hashes.
    QTRY_VERIFY_WITH_TIMEOUT(timerFired, 5'000);
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 60'000);
    QVERIFY(future.result());
}

void TestUserDirectory::unknownUserLooksLikeAWrongSecret()
{
    addAnna();
    // The work each answer cost, as the process's CPU time (all threads): a hash is ~100 000
    // HMAC rounds, everything else is tiny. Wall time would also count waiting for a busy machine's
    // cores, and made this test fail under load.
    const auto cpuMs = [] {
        return std::clock() * 1000 / CLOCKS_PER_SEC;
    };
    qint64 start = cpuMs();
    const StorageResult<User> wrong = authenticate(QStringLiteral("anna"), QStringLiteral("1357"));
    const qint64 wrongMs = cpuMs() - start;
    start = cpuMs();
    const StorageResult<User> unknown =
        authenticate(QStringLiteral("nobody"), QStringLiteral("1357"));
    const qint64 unknownMs = cpuMs() - start;
    start = cpuMs();
    const StorageResult<User> invalid =
        authenticate(QStringLiteral("not a name!"), QStringLiteral("1357"));
    const qint64 invalidMs = cpuMs() - start;

    QVERIFY(!wrong);
    QVERIFY(!unknown);
    QVERIFY(!invalid);
    QCOMPARE(wrong.error().kind, StorageError::Kind::BadCredentials);
    QCOMPARE(unknown.error().kind, StorageError::Kind::BadCredentials);
    QCOMPARE(invalid.error().kind, StorageError::Kind::BadCredentials);
    QCOMPARE(unknown.error().message, wrong.error().message);
    QCOMPARE(invalid.error().message, wrong.error().message);
    // An unknown name pays for a full hash too (generous bounds: this is not a benchmark).
    qInfo("CPU time: wrong secret %lld ms, unknown user %lld ms, invalid name %lld ms", wrongMs,
          unknownMs, invalidMs);
    QVERIFY2(unknownMs * 4 >= wrongMs, "an unknown user was answered much faster");
    QVERIFY2(invalidMs * 4 >= wrongMs, "an invalid name was answered much faster");
}

void TestUserDirectory::delayScheduleDoublesUpToTheCap()
{
    using std::chrono::seconds;
    const auto delay = [](int failures) {
        return UserDirectory::delayAfter(failures, UserDirectory::FreeFailures,
                                         UserDirectory::MaxDelay);
    };
    for (int failures = 0; failures <= UserDirectory::FreeFailures; ++failures)
        QCOMPARE(delay(failures), seconds(0));
    QCOMPARE(delay(4), seconds(2));
    QCOMPARE(delay(5), seconds(4));
    QCOMPARE(delay(6), seconds(8));
    QCOMPARE(delay(11), seconds(256));
    QCOMPARE(delay(12), seconds(300));
    QCOMPARE(delay(1000), seconds(300));
}

void TestUserDirectory::failuresDelayTheNameAfterTheFreeOnes()
{
    addAnna();
    // Failures 1 to 4 answer BadCredentials; the fourth starts a delay of 2 s.
    for (int attempt = 1; attempt <= UserDirectory::FreeFailures + 1; ++attempt)
        QCOMPARE(authenticate(QStringLiteral("anna"), QStringLiteral("0000")).error().kind,
                 StorageError::Kind::BadCredentials);
    // During the delay the right secret is not even checked.
    const StorageResult<User> right = authenticate(QStringLiteral("anna"), QStringLiteral("2468"));
    QCOMPARE(right.error().kind, StorageError::Kind::Locked);
    QCOMPARE(right.error().retryAt, m_now.addSecs(2));
    QVERIFY2(right.error().message.contains(QStringLiteral("2 seconds")),
             qPrintable(right.error().message));
    QCOMPARE(m_directory->find(QStringLiteral("anna"))->delayedUntil, m_now.addSecs(2));
    // Attempts during a delay do not prolong it.
    m_now = m_now.addMSecs(1500);
    const StorageResult<User> stillDelayed =
        authenticate(QStringLiteral("anna"), QStringLiteral("0000"));
    QCOMPARE(stillDelayed.error().kind, StorageError::Kind::Locked);
    QCOMPARE(stillDelayed.error().retryAt, m_now.addMSecs(500));

    // Each further failure doubles the delay.
    m_now = m_now.addMSecs(500);
    QCOMPARE(authenticate(QStringLiteral("anna"), QStringLiteral("0000")).error().kind,
             StorageError::Kind::BadCredentials);
    QCOMPARE(authenticate(QStringLiteral("anna"), QStringLiteral("2468")).error().retryAt,
             m_now.addSecs(4));

    // Once the delay has passed, the right secret logs in and the count starts afresh.
    m_now = m_now.addSecs(4);
    QVERIFY(authenticate(QStringLiteral("anna"), QStringLiteral("2468")));
    QVERIFY(!m_directory->find(QStringLiteral("anna"))->delayedUntil.isValid());
    for (int attempt = 1; attempt <= UserDirectory::FreeFailures; ++attempt)
        QCOMPARE(authenticate(QStringLiteral("anna"), QStringLiteral("0000")).error().kind,
                 StorageError::Kind::BadCredentials);
    QVERIFY(authenticate(QStringLiteral("anna"), QStringLiteral("2468")));
}

void TestUserDirectory::unknownNameIsDelayedLikeAKnownOne()
{
    addAnna();
    // The same sequence for a name that exists and one that does not: the same answers.
    const auto run = [this](const QString& username) {
        const QDateTime start = m_now;
        QStringList answers;
        for (int attempt = 1; attempt <= 8; ++attempt) {
            const StorageResult<User> result = authenticate(username, QStringLiteral("0000"));
            answers << QStringLiteral("%1 %2 %3 %4")
                           .arg(int(result.error().kind))
                           .arg(result.error().message)
                           .arg(result.error().retryAt.isValid()
                                    ? m_now.msecsTo(result.error().retryAt)
                                    : -1)
                           .arg(start.msecsTo(m_now));
            m_now = m_now.addSecs(1);
        }
        return answers;
    };
    const QStringList known = run(QStringLiteral("anna"));
    m_now = test::storageTestStart();
    const QStringList unknown = run(QStringLiteral("nobody"));
    QCOMPARE(unknown, known);
    QVERIFY2(
        known.filter(QString::number(int(StorageError::Kind::Locked)) + QLatin1Char(' ')).size() >=
            2,
        qPrintable(known.join(QLatin1Char('\n'))));
}

void TestUserDirectory::successResetsTheCount()
{
    addAnna();
    for (int round = 0; round < 3; ++round) {
        for (int attempt = 1; attempt <= UserDirectory::FreeFailures; ++attempt)
            QCOMPARE(authenticate(QStringLiteral("anna"), QStringLiteral("0000")).error().kind,
                     StorageError::Kind::BadCredentials);
        QVERIFY(authenticate(QStringLiteral("anna"), QStringLiteral("2468")));
    }
}

void TestUserDirectory::delayIsSharedBetweenInstances()
{
    addAnna();
    // A second server instance on the same database.
    std::unique_ptr<Database> otherDatabase = test::openDatabase(m_url);
    QVERIFY(otherDatabase);
    UserDirectory other(*otherDatabase, [this] { return m_now; });

    // Failures counted on both instances add up, for a known and for an unknown name.
    for (const QString& name : {QStringLiteral("anna"), QStringLiteral("nobody")}) {
        for (int attempt = 1; attempt <= UserDirectory::FreeFailures + 1; ++attempt) {
            UserDirectory& directory = attempt % 2 ? *m_directory : other;
            QCOMPARE(authenticate(directory, name, QStringLiteral("0000")).error().kind,
                     StorageError::Kind::BadCredentials);
        }
        QCOMPARE(authenticate(other, name, QStringLiteral("2468")).error().kind,
                 StorageError::Kind::Locked);
        QCOMPARE(authenticate(name, QStringLiteral("2468")).error().kind,
                 StorageError::Kind::Locked);
    }
    QVERIFY(other.list()->constFirst().delayedUntil.isValid());

    // A restart (a new connection and directory) does not forget the delay either.
    m_directory.reset();
    m_database = test::openDatabase(m_url);
    m_directory = std::make_unique<UserDirectory>(*m_database, [this] { return m_now; });
    QCOMPARE(authenticate(QStringLiteral("anna"), QStringLiteral("2468")).error().kind,
             StorageError::Kind::Locked);
}

void TestUserDirectory::setSecretLiftsTheDelay()
{
    addAnna();
    for (int attempt = 1; attempt <= UserDirectory::FreeFailures + 1; ++attempt)
        authenticate(QStringLiteral("anna"), QStringLiteral("0000"));
    QVERIFY(m_directory->find(QStringLiteral("anna"))->delayedUntil.isValid());
    QVERIFY(m_directory->setSecret(QStringLiteral("anna"), QStringLiteral("8642")));
    QVERIFY(!m_directory->find(QStringLiteral("anna"))->delayedUntil.isValid());
    QVERIFY(authenticate(QStringLiteral("anna"), QStringLiteral("8642")));
}

void TestUserDirectory::manyFailuresFromOneAddressDelayIt()
{
    addAnna();
    const QString address = QStringLiteral("192.0.2.7");
    // One failure for each of many names: no name is delayed, but the address is.
    for (int attempt = 1; attempt <= UserDirectory::AddressFreeFailures + 1; ++attempt)
        QCOMPARE(
            authenticate(QStringLiteral("guess%1").arg(attempt), QStringLiteral("0000"), address)
                .error()
                .kind,
            StorageError::Kind::BadCredentials);
    const StorageResult<User> fromThere =
        authenticate(QStringLiteral("anna"), QStringLiteral("2468"), address);
    QCOMPARE(fromThere.error().kind, StorageError::Kind::Locked);
    QCOMPARE(fromThere.error().retryAt, m_now.addSecs(2));
    // Not counted against anna: from elsewhere she logs in.
    QVERIFY(
        authenticate(QStringLiteral("anna"), QStringLiteral("2468"), QStringLiteral("192.0.2.8")));
    // After the delay, a login from that address works and forgets its failures.
    m_now = m_now.addSecs(2);
    QVERIFY(authenticate(QStringLiteral("anna"), QStringLiteral("2468"), address));
    QCOMPARE(authenticate(QStringLiteral("guess1"), QStringLiteral("0000"), address).error().kind,
             StorageError::Kind::BadCredentials);
}

void TestUserDirectory::forgottenFailuresArePurged()
{
    addAnna();
    for (int name = 0; name < 5; ++name)
        authenticate(QStringLiteral("ghost%1").arg(name), QStringLiteral("0000"));
    QCOMPARE(storedFailureRows(), 5);
    // Kept while remembered…
    m_now = m_now.addSecs(30 * 60);
    authenticate(QStringLiteral("anna"), QStringLiteral("0000"));
    QCOMPARE(storedFailureRows(), 6);
    // …and purged once the last failure is older than FailureMemory.
    m_now = m_now.addSecs(std::chrono::seconds(UserDirectory::FailureMemory).count() - 30 * 60 + 1);
    QVERIFY(authenticate(QStringLiteral("anna"), QStringLiteral("2468")));
    QCOMPARE(storedFailureRows(), 0);
}

void TestUserDirectory::oldIterationCountIsRaisedAtLogin()
{
    addAnna();
    PasswordHash::Parsed old;
    old.iterations = 1000;
    old.salt = QByteArray("an old salt 1234");
    old.key = PasswordHash::derive("2468", old.salt, old.iterations);
    QSqlQuery update(m_database->connection());
    update.prepare(QStringLiteral("UPDATE users SET secret_hash = ?"));
    update.addBindValue(PasswordHash::encode(old));
    QVERIFY(update.exec());

    QVERIFY(authenticate(QStringLiteral("anna"), QStringLiteral("2468")));
    QSqlQuery select(m_database->connection());
    QVERIFY(select.exec(QStringLiteral("SELECT secret_hash FROM users")));
    QVERIFY(select.next());
    const auto upgraded = PasswordHash::parse(select.value(0).toString());
    QVERIFY(upgraded);
    QCOMPARE(upgraded->iterations, PasswordHash::DefaultIterations);
    QVERIFY(authenticate(QStringLiteral("anna"), QStringLiteral("2468")));
}

void TestUserDirectory::migrationIsIdempotent()
{
    QCOMPARE(*m_database->schemaVersion(), Database::latestSchemaVersion());
    addAnna();
    // Opening again migrates nothing and keeps the data.
    std::unique_ptr<Database> again = test::openDatabase(m_url);
    QVERIFY(again);
    QCOMPARE(*again->schemaVersion(), Database::latestSchemaVersion());
    QSqlQuery query(again->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT version) FROM "
                                      "schema_version")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), Database::latestSchemaVersion());
    QCOMPARE(query.value(1).toInt(), Database::latestSchemaVersion());
    QVERIFY(UserDirectory(*again).find(QStringLiteral("anna")));
}

void TestUserDirectory::concurrentMigration()
{
    // Several server instances starting at once on one new, empty database.
    const Expected<QString> url = m_databases.freshUrl();
    QVERIFY(url);
    const Expected<DatabaseUrl> parsed = DatabaseUrl::parse(*url);
    QVERIFY(parsed);
    constexpr int instances = 4;
    QStringList errors;
    QList<int> versions(instances, -1);
    QMutex mutex;
    QList<QThread*> threads;
    for (int i = 0; i < instances; ++i) {
        threads.append(QThread::create([&, i] {
            StorageResult<std::unique_ptr<Database>> database = Database::open(*parsed);
            const QMutexLocker lock(&mutex);
            if (!database) {
                errors.append(database.error().message);
                return;
            }
            versions[i] = *(*database)->schemaVersion();
        }));
    }
    for (QThread* thread : std::as_const(threads))
        thread->start();
    for (QThread* thread : std::as_const(threads)) {
        QVERIFY(thread->wait(60'000));
        delete thread;
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(versions, QList<int>(instances, Database::latestSchemaVersion()));

    StorageResult<std::unique_ptr<Database>> reopened = Database::open(*parsed);
    QVERIFY(reopened);
    QSqlQuery query((*reopened)->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM schema_version")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), Database::latestSchemaVersion());
}

QTEST_GUILESS_MAIN(TestUserDirectory)
#include "tst_userdirectory.moc"
