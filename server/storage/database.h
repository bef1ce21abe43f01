#pragma once

#include "databaseurl.h"
#include "storageerror.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

namespace storedesk::server {

// Tells the storage classes what time it is (UTC); tests pass one they can move.
using Clock = std::function<QDateTime()>;
inline QDateTime systemClock()
{
    return QDateTime::currentDateTimeUtc();
}

// One connection to the server's database (SQLite or PostgreSQL) with its schema up to date.
// Like every QSqlDatabase, it may be used only on the thread that opened it; the storage classes
// built on it (UserDirectory, SessionStore) live on that thread too. Several Database objects, in
// one process or in several server processes, may share one database.
class Database {
public:
    // Every table stores time as BIGINT milliseconds since the epoch (UTC), the one timestamp
    // type SQLite and PostgreSQL agree on.
    static qint64 toMillis(const QDateTime& time) { return time.toMSecsSinceEpoch(); }
    static QDateTime fromMillis(qint64 millis)
    {
        return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC);
    }

    // What a nullable TEXT column gets: NULL for an empty string.
    static QVariant textOrNull(const QString& text)
    {
        return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
    }

    // How long a statement may wait, so that no request hangs on the database: a lock or a
    // statement beyond these limits fails (the API answers 503 database_unavailable) instead.
    struct Limits {
        int sqliteBusyTimeoutMs = 2000;        // SQLite: waiting for another writer's lock
        int postgresStatementTimeoutMs = 5000; // PostgreSQL: statement_timeout
        int postgresLockTimeoutMs = 2000;      // PostgreSQL: lock_timeout (row and advisory locks)
    };

    // Connects and migrates the schema to latestSchemaVersion(). Safe when several processes do it
    // at the same moment: the migration runs in one transaction under a database-wide lock.
    static StorageResult<std::unique_ptr<Database>> open(const DatabaseUrl& url);
    static StorageResult<std::unique_ptr<Database>> open(const DatabaseUrl& url,
                                                         const Limits& limits);

    // Closes the connection and opens it again (after the database went away), without
    // migrating: the schema was migrated by open().
    StorageResult<void> reconnect();
    // A cheap statement that proves the connection works (SELECT 1).
    StorageResult<void> ping() const;
    // Whether a statement failed since the last call (then the connection may be gone).
    bool takeFailure() { return std::exchange(m_failed, false); }

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    DatabaseUrl::Driver driver() const { return m_driver; }
    // Redacted: safe for logs.
    QString description() const { return m_description; }
    QSqlDatabase connection() const { return m_connection; }

    static int latestSchemaVersion();
    // The version recorded in schema_version, or an error when it cannot be read.
    StorageResult<int> schemaVersion() const;

    // Prepares sql, binds values to its '?' placeholders in order and runs it. On failure the
    // driver's text is logged and the error's message says what was being done ("reading user").
    StorageResult<QSqlQuery> run(const QString& sql, const QVariantList& values,
                                 const QString& what) const;

    // run() for a statement on a hot path: prepared once per connection and kept, so a request
    // pays for binding and stepping only (re-preparing was a third of a balance request's work).
    // The query returned is the kept one, valid until the same sql runs again or the connection
    // is closed: read all of it, then finish() it, so SQLite's read snapshot is not held
    // between requests.
    StorageResult<QSqlQuery*> runPrepared(const QString& sql, const QVariantList& values,
                                          const QString& what) const;

    // Inside a Transaction: other transactions that serialize on the same name, in this or another
    // server instance, wait until this one ends. SQLite needs nothing: BEGIN IMMEDIATE already
    // lets one writer in at a time.
    StorageResult<void> serialize(const QString& name, const QString& what) const;

    // A write transaction: SQLite takes its write lock at the start (BEGIN IMMEDIATE), so two
    // writers queue on the busy timeout instead of failing halfway; rolled back on destruction
    // unless committed.
    class Transaction {
    public:
        explicit Transaction(Database& database);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;

        // Whether BEGIN worked; when not, nothing else should be run in it.
        const StorageResult<void>& started() const { return m_started; }
        StorageResult<void> commit();

    private:
        Database& m_database;
        StorageResult<void> m_started;
        bool m_open = false;
    };

private:
    Database(DatabaseUrl::Driver driver, QString connectionName, QString description);

    StorageResult<void> connect();
    StorageResult<void> configureSqlite(const DatabaseUrl& url);
    StorageResult<void> migrate();
    StorageError failure(const QSqlError& error, const QString& what) const;

    DatabaseUrl::Driver m_driver;
    QString m_connectionName;
    QString m_description;
    std::optional<DatabaseUrl> m_url;
    Limits m_limits;
    QSqlDatabase m_connection;
    // runPrepared()'s statements by their sql; emptied before the connection closes.
    static constexpr qsizetype MaxPrepared = 64;
    mutable std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_prepared;
    mutable bool m_failed = false;
};

} // namespace storedesk::server
