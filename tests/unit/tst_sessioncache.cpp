// The server's cache of resolved access tokens (server/storage/sessioncache): how long it keeps a
// caller, and that a lookup which read the sessions table before a logout cannot put the
// logged-out token back.
#include "storage/sessioncache.h"

#include <QTest>

using namespace storedesk::server;

namespace {

const QByteArray anna = "anna-token";
const QByteArray claire = "claire-token";
const QDateTime now = QDateTime(QDate(2026, 12, 5), QTime(9, 0), Qt::UTC);
const QDateTime inTwelveHours = now.addSecs(12 * 3600);

Caller caller(const QString& username)
{
    Caller result;
    result.username = username;
    result.roles = {QStringLiteral("colleague")};
    result.storeKey = QStringLiteral("berlin-mitte");
    result.workstationId = QStringLiteral("berlin-mitte-till-1");
    return result;
}

} // namespace

class TestSessionCache : public QObject {
    Q_OBJECT

private slots:
    void keepsACallerForItsTimeToLive()
    {
        SessionCache cache;
        cache.insert(anna, caller(QStringLiteral("anna")), inTwelveHours, now, cache.removals());
        const qint64 ttl = SessionCache::TimeToLive.count();
        QCOMPARE(cache.find(anna, now.addSecs(ttl - 1))->username, QStringLiteral("anna"));
        QVERIFY(!cache.find(anna, now.addSecs(ttl)));
        QVERIFY(!cache.find(claire, now));
    }

    void neverKeepsACallerPastTheSessionsExpiry()
    {
        SessionCache cache;
        cache.insert(anna, caller(QStringLiteral("anna")), now.addSecs(3), now, cache.removals());
        QVERIFY(cache.find(anna, now.addSecs(2)));
        QVERIFY(!cache.find(anna, now.addSecs(3)));
        // An already expired session is not kept at all.
        cache.insert(claire, caller(QStringLiteral("claire")), now, now, cache.removals());
        QVERIFY(!cache.find(claire, now.addSecs(-1)));
    }

    void aRemovedTokenIsGoneAtOnce()
    {
        SessionCache cache;
        cache.insert(anna, caller(QStringLiteral("anna")), inTwelveHours, now, cache.removals());
        cache.insert(claire, caller(QStringLiteral("claire")), inTwelveHours, now,
                     cache.removals());
        cache.remove(anna);
        QVERIFY(!cache.find(anna, now));
        QCOMPARE(cache.find(claire, now)->username, QStringLiteral("claire"));
    }

    // A lookup notes removals() and reads the sessions table; meanwhile the token is logged out.
    // What that lookup read is stale: it answers its own request but is not kept.
    void aLookupThatStartedBeforeARemovalIsNotKept()
    {
        SessionCache cache;
        const quint64 beforeLookup = cache.removals();
        cache.remove(anna);
        cache.insert(anna, caller(QStringLiteral("anna")), inTwelveHours, now, beforeLookup);
        QVERIFY(!cache.find(anna, now));
        // A lookup that starts after the removal is kept again.
        cache.insert(anna, caller(QStringLiteral("anna")), inTwelveHours, now, cache.removals());
        QVERIFY(cache.find(anna, now));
    }

    void aFullCacheDropsExpiredEntriesFirst()
    {
        SessionCache cache;
        cache.insert(anna, caller(QStringLiteral("anna")), now.addSecs(1), now, cache.removals());
        for (qsizetype i = 1; i < SessionCache::MaxEntries; ++i)
            cache.insert("token-" + QByteArray::number(i), caller(QStringLiteral("x")),
                         inTwelveHours, now, cache.removals());
        const QDateTime later = now.addSecs(2);
        cache.insert(claire, caller(QStringLiteral("claire")), inTwelveHours, later,
                     cache.removals());
        QVERIFY(cache.find(claire, later));
        QVERIFY(cache.find("token-1", later));
    }
};

QTEST_GUILESS_MAIN(TestSessionCache)
#include "tst_sessioncache.moc"
