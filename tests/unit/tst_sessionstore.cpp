#include "postgresfixture.h"
#include "storage/database.h"
#include "storage/sessionstore.h"
#include "storage/userdirectory.h"
#include "storagetesting.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <memory>

using namespace storedesk;
using namespace storedesk::server;

namespace {

const QString storeA = QStringLiteral("berlin-mitte");
const QString storeB = QStringLiteral("hamburg-altona");
const QString till = QStringLiteral("till-3");

StoreKey key(const QString& text)
{
    return *StoreKey::parse(text);
}

QString sha256Hex(const QString& text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toLatin1(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestSessionStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void issueAndResolve();
    void managerMayOmitStoreAndWorkstation();
    void issueRules_data();
    void issueRules();
    void defaultTimeToLiveIsTwelveHours();
    void expiresAfterItsTimeToLive();
    void revokeEndsOneSession();
    void unknownTokens_data();
    void unknownTokens();
    void tokensAreStoredOnlyHashed();
    void userKeyResolvesToTheSession();
    void revokeAllForUser();
    void removedUserHasNoSessions();
    void userWhoLostTheStoreIsRevoked();
    void purgeDeletesLongDeadSessions();
    void anotherInstanceSeesTheSession();

private:
    IssuedSession issue(const User& user, const QString& store = storeA,
                        const QString& workstation = till);

    test::TestDatabases m_databases;
    QString m_url;
    QDateTime m_now;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UserDirectory> m_users;
    std::unique_ptr<SessionStore> m_sessions;
    User m_anna;
    User m_boss;
};

void TestSessionStore::initTestCase()
{
    QVERIFY(test::setUpEngine(m_databases));
}

void TestSessionStore::init()
{
    m_now = test::storageTestStart();
    m_database = test::freshDatabase(m_databases, &m_url);
    QVERIFY(m_database);
    const Clock clock = [this] {
        return m_now;
    };
    m_users = std::make_unique<UserDirectory>(*m_database, clock);
    m_sessions = std::make_unique<SessionStore>(*m_database, *m_users, clock);

    auto anna = m_users->add(
        NewUser{QStringLiteral("anna"), QStringLiteral("Anna"), {Role::Colleague}, {storeA}},
        QStringLiteral("2468"));
    QVERIFY2(anna, qPrintable(anna ? QString() : anna.error().message));
    m_anna = *anna;
    auto boss = m_users->add(NewUser{QStringLiteral("boss"),
                                     QStringLiteral("Bea"),
                                     {Role::Colleague, Role::Manager},
                                     {storeA, storeB}},
                             QStringLiteral("1357"));
    QVERIFY(boss);
    m_boss = *boss;
}

void TestSessionStore::cleanup()
{
    m_sessions.reset();
    m_users.reset();
    m_database.reset();
}

void TestSessionStore::cleanupTestCase()
{
    m_databases.tearDown();
}

IssuedSession TestSessionStore::issue(const User& user, const QString& store,
                                      const QString& workstation)
{
    StorageResult<IssuedSession> issued =
        m_sessions->issue(user, store.isEmpty() ? StoreKey() : key(store), workstation);
    if (!issued) {
        qWarning() << issued.error().message;
        return {};
    }
    return *issued;
}

void TestSessionStore::issueAndResolve()
{
    const IssuedSession issued = issue(m_anna);
    QCOMPARE(issued.accessToken.size(), 43);
    QCOMPARE(issued.userKey.size(), 43);
    QVERIFY(issued.accessToken != issued.userKey);
    QVERIFY(!issued.accessToken.contains(QLatin1Char('=')));
    QCOMPARE(issued.session.createdAt, m_now);
    QCOMPARE(issued.session.expiresAt, m_now.addSecs(12 * 3600));

    const StorageResult<Session> session = m_sessions->resolve(issued.accessToken);
    QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
    QCOMPARE(session->user.id, m_anna.id);
    QCOMPARE(session->user.username, QStringLiteral("anna"));
    QCOMPARE(session->user.roles, QList<Role>{Role::Colleague});
    QCOMPARE(session->storeKey.toString(), storeA);
    QCOMPARE(session->workstationId, till);
    QCOMPARE(session->createdAt, m_now);
    QCOMPARE(session->expiresAt, issued.session.expiresAt);

    // Every login is a session of its own.
    QVERIFY(issue(m_anna).accessToken != issued.accessToken);
}

void TestSessionStore::managerMayOmitStoreAndWorkstation()
{
    const IssuedSession issued = issue(m_boss, QString(), QString());
    QVERIFY(!issued.accessToken.isEmpty());
    const StorageResult<Session> session = m_sessions->resolve(issued.accessToken);
    QVERIFY(session);
    QVERIFY(session->storeKey.isEmpty());
    QVERIFY(session->workstationId.isEmpty());
    QVERIFY(session->user.hasRole(Role::Manager));

    const StorageResult<Session> withStore = m_sessions->resolve(issue(m_boss, storeB).accessToken);
    QVERIFY(withStore);
    QCOMPARE(withStore->storeKey.toString(), storeB);
}

void TestSessionStore::issueRules_data()
{
    QTest::addColumn<bool>("manager");
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("workstation");
    QTest::addColumn<StorageError::Kind>("kind");

    QTest::newRow("colleague without store")
        << false << QString() << till << StorageError::Kind::InvalidInput;
    QTest::newRow("colleague without workstation")
        << false << storeA << QString() << StorageError::Kind::InvalidInput;
    QTest::newRow("colleague in another store")
        << false << storeB << till << StorageError::Kind::Forbidden;
    QTest::newRow("manager in a store not theirs")
        << true << QStringLiteral("munich") << QString() << StorageError::Kind::Forbidden;
    QTest::newRow("workstation without store")
        << true << QString() << till << StorageError::Kind::InvalidInput;
    QTest::newRow("workstation with a space")
        << false << storeA << QStringLiteral("till 3") << StorageError::Kind::InvalidInput;
    QTest::newRow("workstation too long")
        << false << storeA << QString(129, QLatin1Char('w')) << StorageError::Kind::InvalidInput;
}

void TestSessionStore::issueRules()
{
    QFETCH(bool, manager);
    QFETCH(QString, store);
    QFETCH(QString, workstation);
    QFETCH(StorageError::Kind, kind);
    const StorageResult<IssuedSession> issued = m_sessions->issue(
        manager ? m_boss : m_anna, store.isEmpty() ? StoreKey() : key(store), workstation);
    QVERIFY(!issued);
    QCOMPARE(issued.error().kind, kind);
    QVERIFY(!issued.error().message.isEmpty());
}

void TestSessionStore::defaultTimeToLiveIsTwelveHours()
{
    QCOMPARE(SessionStore::DefaultTimeToLive, std::chrono::seconds(12 * 3600));
    QCOMPARE(m_sessions->timeToLive(), SessionStore::DefaultTimeToLive);
}

void TestSessionStore::expiresAfterItsTimeToLive()
{
    SessionStore shortLived(
        *m_database, *m_users, [this] { return m_now; }, std::chrono::hours(1));
    const StorageResult<IssuedSession> issued = shortLived.issue(m_anna, key(storeA), till);
    QVERIFY(issued);
    QCOMPARE(issued->session.expiresAt, m_now.addSecs(3600));

    m_now = m_now.addSecs(3599);
    QVERIFY(shortLived.resolve(issued->accessToken));
    m_now = m_now.addSecs(1);
    const StorageResult<Session> expired = shortLived.resolve(issued->accessToken);
    QVERIFY(!expired);
    QCOMPARE(expired.error().kind, StorageError::Kind::TokenExpired);
    QCOMPARE(shortLived.resolveUserKey(issued->userKey).error().kind,
             StorageError::Kind::TokenExpired);
}

void TestSessionStore::revokeEndsOneSession()
{
    const IssuedSession first = issue(m_anna);
    const IssuedSession second = issue(m_anna);
    QVERIFY(m_sessions->revoke(first.accessToken));
    QCOMPARE(m_sessions->resolve(first.accessToken).error().kind, StorageError::Kind::TokenRevoked);
    QVERIFY(m_sessions->resolve(second.accessToken));
    // Logging out twice is harmless; an unknown token is said to be unknown.
    QVERIFY(m_sessions->revoke(first.accessToken));
    QCOMPARE(m_sessions->revoke(QString(43, QLatin1Char('A'))).error().kind,
             StorageError::Kind::TokenUnknown);
    QCOMPARE(m_sessions->revoke(QStringLiteral("garbage")).error().kind,
             StorageError::Kind::TokenUnknown);
}

void TestSessionStore::unknownTokens_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("empty") << QString();
    QTest::newRow("garbage") << QStringLiteral("not a token");
    QTest::newRow("right shape, never issued") << QString(43, QLatin1Char('x'));
    QTest::newRow("too long") << QString(44, QLatin1Char('x'));
    QTest::newRow("SQL") << QStringLiteral("' OR '1'='1");
}

void TestSessionStore::unknownTokens()
{
    QFETCH(QString, token);
    issue(m_anna);
    const StorageResult<Session> session = m_sessions->resolve(token);
    QVERIFY(!session);
    QCOMPARE(session.error().kind, StorageError::Kind::TokenUnknown);
    QCOMPARE(m_sessions->resolveUserKey(token).error().kind, StorageError::Kind::TokenUnknown);
}

void TestSessionStore::tokensAreStoredOnlyHashed()
{
    const IssuedSession issued = issue(m_anna);
    const QByteArray rawToken =
        QByteArray::fromBase64(issued.accessToken.toLatin1(), QByteArray::Base64UrlEncoding);
    const QByteArray rawUserKey =
        QByteArray::fromBase64(issued.userKey.toLatin1(), QByteArray::Base64UrlEncoding);
    QCOMPARE(rawToken.size(), SessionStore::TokenBytes);

    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT * FROM sessions")));
    int rows = 0;
    QStringList columns;
    while (query.next()) {
        ++rows;
        for (int column = 0; column < query.record().count(); ++column) {
            const QString value = query.value(column).toString();
            columns.append(query.record().fieldName(column));
            // Neither value, nor its bytes in hex, nor a large piece of it.
            for (const QString& secret :
                 {issued.accessToken, issued.userKey, QString::fromLatin1(rawToken.toHex()),
                  QString::fromLatin1(rawUserKey.toHex()), issued.accessToken.left(16),
                  issued.userKey.left(16)})
                QVERIFY2(!value.contains(secret, Qt::CaseInsensitive),
                         qPrintable(query.record().fieldName(column)));
        }
    }
    QCOMPARE(rows, 1);

    QVERIFY(query.exec(QStringLiteral("SELECT token_hash, user_key_hash FROM sessions")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), sha256Hex(issued.accessToken));
    QCOMPARE(query.value(1).toString(), sha256Hex(issued.userKey));
}

void TestSessionStore::userKeyResolvesToTheSession()
{
    const IssuedSession issued = issue(m_anna);
    const StorageResult<Session> session = m_sessions->resolveUserKey(issued.userKey);
    QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
    QCOMPARE(session->user.id, m_anna.id);
    QCOMPARE(session->storeKey.toString(), storeA);
    QCOMPARE(session->workstationId, till);
    // The two are not interchangeable.
    QCOMPARE(m_sessions->resolveUserKey(issued.accessToken).error().kind,
             StorageError::Kind::TokenUnknown);
    QCOMPARE(m_sessions->resolve(issued.userKey).error().kind, StorageError::Kind::TokenUnknown);
    // Logging out ends the user key with the token.
    QVERIFY(m_sessions->revoke(issued.accessToken));
    QCOMPARE(m_sessions->resolveUserKey(issued.userKey).error().kind,
             StorageError::Kind::TokenRevoked);
}

void TestSessionStore::revokeAllForUser()
{
    const IssuedSession first = issue(m_anna);
    const IssuedSession second = issue(m_anna);
    const IssuedSession boss = issue(m_boss);
    const StorageResult<int> ended = m_sessions->revokeAllForUser(QStringLiteral("ANNA"));
    QVERIFY(ended);
    QCOMPARE(*ended, 2);
    QCOMPARE(m_sessions->resolve(first.accessToken).error().kind, StorageError::Kind::TokenRevoked);
    QCOMPARE(m_sessions->resolve(second.accessToken).error().kind,
             StorageError::Kind::TokenRevoked);
    QVERIFY(m_sessions->resolve(boss.accessToken));
    QCOMPARE(*m_sessions->revokeAllForUser(QStringLiteral("anna")), 0);
    QCOMPARE(m_sessions->revokeAllForUser(QStringLiteral("nobody")).error().kind,
             StorageError::Kind::NotFound);
}

void TestSessionStore::removedUserHasNoSessions()
{
    const IssuedSession issued = issue(m_anna);
    QVERIFY(m_users->remove(QStringLiteral("anna")));
    QCOMPARE(m_sessions->resolve(issued.accessToken).error().kind,
             StorageError::Kind::TokenUnknown);
    QCOMPARE(m_sessions->resolveUserKey(issued.userKey).error().kind,
             StorageError::Kind::TokenUnknown);
    // A new user with the old name does not inherit the session.
    QVERIFY(m_users->add(
        NewUser{QStringLiteral("anna"), QStringLiteral("Anna"), {Role::Colleague}, {storeA}},
        QStringLiteral("2468")));
    QCOMPARE(m_sessions->resolve(issued.accessToken).error().kind,
             StorageError::Kind::TokenUnknown);
}

void TestSessionStore::userWhoLostTheStoreIsRevoked()
{
    const IssuedSession issued = issue(m_boss, storeB, QString());
    QSqlQuery query(m_database->connection());
    query.prepare(QStringLiteral("DELETE FROM user_stores WHERE store_key = ?"));
    query.addBindValue(storeB);
    QVERIFY(query.exec());
    QCOMPARE(m_sessions->resolve(issued.accessToken).error().kind,
             StorageError::Kind::TokenRevoked);
}

void TestSessionStore::purgeDeletesLongDeadSessions()
{
    const IssuedSession expiring = issue(m_anna);
    const IssuedSession revoked = issue(m_anna);
    QVERIFY(m_sessions->revoke(revoked.accessToken));

    // Within the retention they are still known as expired or revoked.
    m_now = m_now.addDays(1);
    const IssuedSession fresh = issue(m_anna);
    QCOMPARE(*m_sessions->purge(), 0);
    QCOMPARE(m_sessions->resolve(expiring.accessToken).error().kind,
             StorageError::Kind::TokenExpired);

    m_now = m_now.addDays(7);
    QCOMPARE(*m_sessions->purge(), 2);
    QCOMPARE(m_sessions->resolve(expiring.accessToken).error().kind,
             StorageError::Kind::TokenUnknown);
    QCOMPARE(m_sessions->resolve(revoked.accessToken).error().kind,
             StorageError::Kind::TokenUnknown);
    // The newer one expired too, but not long enough ago.
    QCOMPARE(m_sessions->resolve(fresh.accessToken).error().kind, StorageError::Kind::TokenExpired);
    QCOMPARE(*m_sessions->purge(std::chrono::hours(0)), 1);
}

void TestSessionStore::anotherInstanceSeesTheSession()
{
    const IssuedSession issued = issue(m_anna);
    std::unique_ptr<Database> other = test::openDatabase(m_url);
    QVERIFY(other);
    UserDirectory otherUsers(*other, [this] { return m_now; });
    SessionStore otherSessions(*other, otherUsers, [this] { return m_now; });
    const StorageResult<Session> session = otherSessions.resolve(issued.accessToken);
    QVERIFY(session);
    QCOMPARE(session->user.id, m_anna.id);
    // A logout on one instance is seen by the other.
    QVERIFY(otherSessions.revoke(issued.accessToken));
    QCOMPARE(m_sessions->resolve(issued.accessToken).error().kind,
             StorageError::Kind::TokenRevoked);
}

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
