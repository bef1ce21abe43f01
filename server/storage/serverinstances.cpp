#include "serverinstances.h"

#include "base/logging.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSysInfo>

#include <cerrno>
#include <csignal>

namespace storedesk::server {

namespace {

QString thisHost()
{
    return QSysInfo::machineHostName();
}

// Whether a process with this id exists on this host (signal 0 only checks).
bool processExists(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

} // namespace

ServerInstances::ServerInstances(Database& database, QString instanceId, Clock clock)
    : m_database(database)
    , m_instanceId(std::move(instanceId))
    , m_clock(std::move(clock))
{
}

StorageResult<void> ServerInstances::heartbeat()
{
    const qint64 now = Database::toMillis(m_clock());
    auto updated =
        m_database.run(QStringLiteral("UPDATE server_instances SET heartbeat_at = ? WHERE id = ?"),
                       {now, m_instanceId}, QStringLiteral("writing this instance's heartbeat"));
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() > 0)
        return {};
    auto inserted = m_database.run(
        QStringLiteral("INSERT INTO server_instances (id, host, pid, started_at, heartbeat_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
        {m_instanceId, thisHost(), QCoreApplication::applicationPid(), now, now},
        QStringLiteral("recording this server instance"));
    if (!inserted)
        return inserted.error();
    // Rows of instances gone for a day only take space.
    if (auto forgotten = m_database.run(
            QStringLiteral("DELETE FROM server_instances WHERE heartbeat_at < ?"),
            {now - qint64(24) * 3600 * 1000}, QStringLiteral("forgetting instances"));
        !forgotten)
        return forgotten.error();
    return {};
}

StorageResult<bool> ServerInstances::isAlive(const QString& instanceId) const
{
    if (instanceId.isEmpty())
        return false;
    if (instanceId == m_instanceId)
        return true;
    auto query = m_database.run(
        QStringLiteral("SELECT host, pid, heartbeat_at FROM server_instances WHERE id = ?"),
        {instanceId}, QStringLiteral("reading a server instance"));
    if (!query)
        return query.error();
    if (!query->next())
        return false;
    const QString host = query->value(0).toString();
    const qint64 pid = query->value(1).toLongLong();
    const QDateTime heartbeat = Database::fromMillis(query->value(2).toLongLong());
    if (host == thisHost() && pid != QCoreApplication::applicationPid() && !processExists(pid))
        return false;
    return heartbeat.msecsTo(m_clock()) <
           std::chrono::duration_cast<std::chrono::milliseconds>(StaleAfter).count();
}

StorageResult<int> ServerInstances::settleAbandonedClaims()
{
    auto query = m_database.run(
        QStringLiteral("SELECT r.key, r.instance_id FROM idempotency_records r"
                       " WHERE r.scope = ? AND r.state = ? AND r.response_status IS NULL"
                       " AND NOT EXISTS (SELECT 1 FROM payment_attempts a"
                       " WHERE a.idempotency_key = r.key)"),
        {QStringLiteral("payment"), QStringLiteral("in_progress")},
        QStringLiteral("looking for abandoned payment claims"));
    if (!query)
        return query.error();
    QList<std::pair<QString, QString>> claims;
    while (query->next())
        claims.append({query->value(0).toString(), query->value(1).toString()});
    int settled = 0;
    for (const auto& [key, instance] : std::as_const(claims)) {
        const StorageResult<bool> alive = isAlive(instance);
        if (!alive)
            return alive.error();
        if (*alive)
            continue;
        // Conditional, so a claim that got its attempt or answer meanwhile stays.
        auto deleted = m_database.run(
            QStringLiteral("DELETE FROM idempotency_records WHERE key = ? AND state = ?"
                           " AND response_status IS NULL AND NOT EXISTS (SELECT 1 FROM"
                           " payment_attempts a WHERE a.idempotency_key = ?)"),
            {key, QStringLiteral("in_progress"), key},
            QStringLiteral("settling an abandoned payment claim"));
        if (!deleted)
            return deleted.error();
        if (deleted->numRowsAffected() > 0) {
            qCInfo(lcServerDb).noquote()
                << "settled payment claim" << key << "of a server instance that is gone;"
                << "no attempt was recorded, so nothing was charged";
            ++settled;
        }
    }
    return settled;
}

} // namespace storedesk::server
