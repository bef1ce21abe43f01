#include "database.h"

#include "base/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>

#include <atomic>

namespace storedesk::server {

namespace {

// One step of the schema. Add a step by appending one with the next version; never change a step
// that has been released, because databases out there already ran it. Keep to SQL that SQLite
// and PostgreSQL both accept: TEXT, INTEGER/BIGINT, times as BIGINT milliseconds (UTC).
struct Migration {
    int version;
    QString description;
    QStringList statements;
};

const QList<Migration>& migrations()
{
    static const QList<Migration> steps{
        {1,
         QStringLiteral("users, their roles and stores, sessions"),
         {
             // id is random, so a removed and re-added username never inherits old sessions.
             // username keeps what the operator typed; username_key is its lower-case form, which
             // makes names unique regardless of case.
             QStringLiteral("CREATE TABLE users ("
                            " id TEXT NOT NULL PRIMARY KEY,"
                            " username TEXT NOT NULL,"
                            " username_key TEXT NOT NULL UNIQUE,"
                            " display_name TEXT NOT NULL,"
                            " secret_hash TEXT NOT NULL,"
                            " failed_attempts INTEGER NOT NULL DEFAULT 0,"
                            " locked_until BIGINT,"
                            " created_at BIGINT NOT NULL,"
                            " secret_changed_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE user_roles ("
                            " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                            " role TEXT NOT NULL CHECK (role IN ('colleague', 'manager')),"
                            " PRIMARY KEY (user_id, role))"),
             QStringLiteral("CREATE TABLE user_stores ("
                            " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                            " store_key TEXT NOT NULL,"
                            " PRIMARY KEY (user_id, store_key))"),
             // Only SHA-256 digests of the access token and the user key are kept (hex): a copy
             // of the database does not let anyone act as a logged-in user.
             QStringLiteral("CREATE TABLE sessions ("
                            " token_hash TEXT NOT NULL PRIMARY KEY,"
                            " user_key_hash TEXT NOT NULL UNIQUE,"
                            " user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
                            " store_key TEXT,"
                            " workstation_id TEXT,"
                            " created_at BIGINT NOT NULL,"
                            " expires_at BIGINT NOT NULL,"
                            " revoked_at BIGINT)"),
             QStringLiteral("CREATE INDEX sessions_user_id ON sessions (user_id)"),
             QStringLiteral("CREATE INDEX sessions_expires_at ON sessions (expires_at)"),
         }},
        {2,
         QStringLiteral("idempotency records, audit log"),
         {
             // key (a lower-case UUID) is the primary key on purpose: claiming a key is one
             // INSERT … ON CONFLICT DO NOTHING, so two server instances racing for it cannot both
             // win. state is 'in_progress' or 'completed'; response_body is the JSON to replay.
             QStringLiteral("CREATE TABLE idempotency_records ("
                            " key TEXT NOT NULL PRIMARY KEY,"
                            " scope TEXT NOT NULL,"
                            " request_hash TEXT NOT NULL,"
                            " username TEXT NOT NULL,"
                            " store_key TEXT,"
                            " state TEXT NOT NULL CHECK (state IN ('in_progress', 'completed')),"
                            " resource_id TEXT,"
                            " response_status INTEGER,"
                            " response_body TEXT,"
                            " created_at BIGINT NOT NULL,"
                            " updated_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX idempotency_records_state_created_at"
                            " ON idempotency_records (state, created_at)"),
             QStringLiteral("CREATE INDEX idempotency_records_updated_at"
                            " ON idempotency_records (updated_at)"),
             // SQLite and PostgreSQL share no syntax for a generated key (INTEGER PRIMARY KEY
             // vs. IDENTITY), so AuditLog takes ids from this one-row counter in the same
             // transaction as the entry; the row lock orders concurrent writers.
             QStringLiteral("CREATE TABLE audit_log_sequence ("
                            " id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),"
                            " last_id BIGINT NOT NULL)"),
             QStringLiteral("INSERT INTO audit_log_sequence (id, last_id) VALUES (1, 0)"),
             // Append-only. Money as minor units (BIGINT), currency code and fraction digits:
             // never a floating-point column. details is a JSON object as text, at most 8 KB.
             QStringLiteral("CREATE TABLE audit_log ("
                            " id BIGINT NOT NULL PRIMARY KEY,"
                            " at BIGINT NOT NULL,"
                            " action TEXT NOT NULL,"
                            " username TEXT NOT NULL,"
                            " store_key TEXT,"
                            " workstation_id TEXT,"
                            " amount_minor_units BIGINT,"
                            " amount_currency TEXT,"
                            " amount_fraction_digits INTEGER,"
                            " correlation_id TEXT,"
                            " details TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX audit_log_at ON audit_log (at, id)"),
             QStringLiteral("CREATE INDEX audit_log_store_key_at ON audit_log (store_key, at, id)"),
         }},
        {3,
         QStringLiteral("payment attempts, order numbers, refunds, inbound deliveries"),
         {
             // One row per attempt to take one tender; what recovery needs to ask the provider
             // about that very attempt after a crash. state: creating (commercetools Payment not
             // yet attached; no provider asked), pending, succeeded, failed, cancelled. synced: the
             // final state has been written to the commercetools Payment.
             QStringLiteral("CREATE TABLE payment_attempts ("
                            " payment_key TEXT NOT NULL PRIMARY KEY,"
                            " idempotency_key TEXT NOT NULL UNIQUE,"
                            " payment_id TEXT UNIQUE,"
                            " cart_id TEXT NOT NULL,"
                            " store_key TEXT NOT NULL,"
                            " workstation_id TEXT NOT NULL,"
                            " terminal_id TEXT,"
                            " tender TEXT NOT NULL,"
                            " provider TEXT NOT NULL,"
                            " username TEXT NOT NULL,"
                            " correlation_id TEXT,"
                            " amount_minor_units BIGINT NOT NULL,"
                            " amount_currency TEXT NOT NULL,"
                            " amount_fraction_digits INTEGER NOT NULL,"
                            " cash_tendered_minor_units BIGINT,"
                            " state TEXT NOT NULL CHECK (state IN ('creating', 'pending',"
                            " 'succeeded', 'failed', 'cancelled')),"
                            " provider_reference TEXT,"
                            " message TEXT,"
                            " change_due_minor_units BIGINT,"
                            " synced INTEGER NOT NULL,"
                            " started_at BIGINT,"
                            " cancel_requested_at BIGINT,"
                            " created_at BIGINT NOT NULL,"
                            " updated_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX payment_attempts_cart_id ON payment_attempts (cart_id)"),
             QStringLiteral(
                 "CREATE INDEX payment_attempts_state ON payment_attempts (state, synced)"),
             // Order numbers are the store key and a per-store counter; cart_id as the primary
             // key makes "one order per cart" hold across server instances.
             QStringLiteral("CREATE TABLE order_number_sequences ("
                            " store_key TEXT NOT NULL PRIMARY KEY,"
                            " last_number BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE cart_orders ("
                            " cart_id TEXT NOT NULL PRIMARY KEY,"
                            " store_key TEXT NOT NULL,"
                            " order_number TEXT NOT NULL UNIQUE,"
                            " order_id TEXT,"
                            " created_at BIGINT NOT NULL)"),
             // A refund's plan (lines, amount, tenders) is fixed before anything is written to
             // commercetools, so a retry after a crash finishes the same refund instead of
             // computing another one from a half-changed order.
             QStringLiteral("CREATE TABLE refunds ("
                            " id TEXT NOT NULL PRIMARY KEY,"
                            " idempotency_key TEXT NOT NULL UNIQUE,"
                            " store_key TEXT NOT NULL,"
                            " order_id TEXT NOT NULL,"
                            " username TEXT NOT NULL,"
                            " approved_by TEXT,"
                            " amount_minor_units BIGINT NOT NULL,"
                            " amount_currency TEXT NOT NULL,"
                            " amount_fraction_digits INTEGER NOT NULL,"
                            " plan TEXT NOT NULL,"
                            " state TEXT NOT NULL CHECK (state IN ('in_progress', 'completed')),"
                            " created_at BIGINT NOT NULL,"
                            " updated_at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX refunds_order_id ON refunds (order_id)"),
             // Signed deliveries already taken (webhooks): a replay is recognised by its id.
             QStringLiteral("CREATE TABLE inbound_deliveries ("
                            " source TEXT NOT NULL,"
                            " delivery_id TEXT NOT NULL,"
                            " received_at BIGINT NOT NULL,"
                            " PRIMARY KEY (source, delivery_id))"),
         }},
        {4,
         QStringLiteral("server instances and their heartbeat; the instance behind each claim"),
         {
             // Each running server instance has a row it refreshes every few seconds
             // (heartbeat_at); host and pid let an instance on the same host tell at once that
             // a previous one was killed (see IdempotencyStore::settleAbandonedClaims).
             QStringLiteral("CREATE TABLE server_instances ("
                            " id TEXT NOT NULL PRIMARY KEY,"
                            " host TEXT NOT NULL,"
                            " pid BIGINT NOT NULL,"
                            " started_at BIGINT NOT NULL,"
                            " heartbeat_at BIGINT NOT NULL)"),
             QStringLiteral("ALTER TABLE idempotency_records ADD COLUMN instance_id TEXT"),
         }},
        {5,
         QStringLiteral("failed logins per user name, known or not"),
         {
             // Replaces users.failed_attempts and users.locked_until (no longer used): counting
             // only known names told an attacker which names exist. Keyed by the lower-case name
             // whether or not such a user exists; rows are forgotten a while after the last
             // failure (UserDirectory purges them), so the table stays small.
             QStringLiteral("CREATE TABLE login_failures ("
                            " username_key TEXT NOT NULL PRIMARY KEY,"
                            " failures INTEGER NOT NULL,"
                            " last_failure_at BIGINT NOT NULL,"
                            " delayed_until BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX login_failures_last_failure_at"
                            " ON login_failures (last_failure_at)"),
         }},
        {6,
         QStringLiteral("till sessions, their movements, Z report numbers; the till of payments"
                        " and refunds"),
         {
             // One row per till session of a workstation's drawer. The partial unique index is
             // what makes "at most one open session per workstation" hold across server instances.
             // float_count and count are TillCount JSON; z_report is the Z report as answered,
             // written once in the transaction that closes the session and never changed.
             QStringLiteral("CREATE TABLE till_sessions ("
                            " id TEXT NOT NULL PRIMARY KEY,"
                            " store_key TEXT NOT NULL,"
                            " workstation_id TEXT NOT NULL,"
                            " state TEXT NOT NULL CHECK (state IN ('open', 'closed')),"
                            " currency TEXT NOT NULL,"
                            " opened_at BIGINT NOT NULL,"
                            " opened_by TEXT NOT NULL,"
                            " float_minor_units BIGINT NOT NULL,"
                            " float_count TEXT NOT NULL,"
                            " expected_float_minor_units BIGINT,"
                            " closed_at BIGINT,"
                            " closed_by TEXT,"
                            " counted_minor_units BIGINT,"
                            " count TEXT,"
                            " over_short_minor_units BIGINT,"
                            " approved_by TEXT,"
                            " difference_reason TEXT,"
                            " z_number TEXT UNIQUE,"
                            " z_report TEXT)"),
             QStringLiteral("CREATE UNIQUE INDEX till_sessions_one_open"
                            " ON till_sessions (store_key, workstation_id) WHERE state = 'open'"),
             QStringLiteral("CREATE INDEX till_sessions_store_opened_at"
                            " ON till_sessions (store_key, opened_at)"),
             // Pay-ins, pay-outs, safe drops and no-sales; append-only. amount is empty for a no
             // sale; bag_number only for a safe drop.
             QStringLiteral("CREATE TABLE till_movements ("
                            " id TEXT NOT NULL PRIMARY KEY,"
                            " session_id TEXT NOT NULL REFERENCES till_sessions (id),"
                            " kind TEXT NOT NULL CHECK (kind IN ('pay_in', 'pay_out',"
                            " 'safe_drop', 'no_sale')),"
                            " amount_minor_units BIGINT,"
                            " reason TEXT NOT NULL,"
                            " note TEXT,"
                            " bag_number TEXT,"
                            " username TEXT NOT NULL,"
                            " approved_by TEXT,"
                            " at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX till_movements_session_id ON till_movements (session_id,"
                            " at)"),
             // Z numbers count per workstation without gaps: taken in the closing transaction.
             QStringLiteral("CREATE TABLE z_report_sequences ("
                            " store_key TEXT NOT NULL,"
                            " workstation_id TEXT NOT NULL,"
                            " last_number BIGINT NOT NULL,"
                            " PRIMARY KEY (store_key, workstation_id))"),
             // What a manager expects the float of a workstation's drawer to be.
             QStringLiteral("CREATE TABLE till_expected_floats ("
                            " store_key TEXT NOT NULL,"
                            " workstation_id TEXT NOT NULL,"
                            " amount_minor_units BIGINT NOT NULL,"
                            " currency TEXT NOT NULL,"
                            " set_by TEXT NOT NULL,"
                            " set_at BIGINT NOT NULL,"
                            " PRIMARY KEY (store_key, workstation_id))"),
             // The till session open when a payment attempt or a refund was made (empty: none
             // was, e.g. a card payment on a workstation without a drawer). A refund keeps its
             // workstation and the cash it hands back, so the till's report need not read plans.
             QStringLiteral("ALTER TABLE payment_attempts ADD COLUMN till_session_id TEXT"),
             QStringLiteral("CREATE INDEX payment_attempts_till_session_id"
                            " ON payment_attempts (till_session_id)"),
             QStringLiteral("ALTER TABLE refunds ADD COLUMN workstation_id TEXT"),
             QStringLiteral("ALTER TABLE refunds ADD COLUMN till_session_id TEXT"),
             QStringLiteral("ALTER TABLE refunds ADD COLUMN cash_minor_units BIGINT"),
             QStringLiteral("CREATE INDEX refunds_till_session_id ON refunds (till_session_id)"),
         }},
    };
    return steps;
}

// pg_advisory_xact_lock key that serialises migrations of server instances sharing a database
// ("SDSCHEMA" in ASCII, so it is recognisable in pg_locks).
constexpr qint64 migrationLockKey = 0x5344534348454D41;

} // namespace

Database::Database(DatabaseUrl::Driver driver, QString connectionName, QString description)
    : m_driver(driver)
    , m_connectionName(std::move(connectionName))
    , m_description(std::move(description))
{
}

Database::~Database()
{
    m_prepared.clear();
    m_connection.close();
    // removeDatabase() complains while any QSqlDatabase copy of the connection is alive.
    m_connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

int Database::latestSchemaVersion()
{
    return migrations().constLast().version;
}

StorageResult<std::unique_ptr<Database>> Database::open(const DatabaseUrl& url)
{
    return open(url, Limits());
}

StorageResult<std::unique_ptr<Database>> Database::open(const DatabaseUrl& url,
                                                        const Limits& limits)
{
    static std::atomic<int> connectionCount{0};
    const bool sqlite = url.driver() == DatabaseUrl::Driver::Sqlite;
    const QString driverName = sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driverName))
        return StorageError{
            StorageError::Kind::Unavailable,
            QStringLiteral("the Qt SQL driver %1 is not installed (Debian: "
                           "libqt6sql6-%2)")
                .arg(driverName, sqlite ? QStringLiteral("sqlite") : QStringLiteral("psql")),
            {}};

    std::unique_ptr<Database> database(new Database(
        url.driver(), QStringLiteral("storedesk-%1").arg(++connectionCount), url.toString()));
    database->m_url = url;
    database->m_limits = limits;
    QSqlDatabase& connection = database->m_connection;
    connection = QSqlDatabase::addDatabase(driverName, database->m_connectionName);
    if (sqlite) {
        if (url.isInMemory()) {
            connection.setDatabaseName(QStringLiteral(":memory:"));
        } else {
            const QFileInfo file(url.filePath());
            if (!file.dir().exists())
                return StorageError{StorageError::Kind::Unavailable,
                                    QStringLiteral("the folder %1 for the database does not exist")
                                        .arg(QDir::toNativeSeparators(file.absolutePath())),
                                    {}};
            // The file holds password hashes: readable by the server's account only.
            if (!file.exists()) {
                QFile create(file.absoluteFilePath());
                if (create.open(QIODevice::WriteOnly))
                    create.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            }
            connection.setDatabaseName(file.absoluteFilePath());
        }
        // Bounded: a lock another process holds longer fails the statement (503) instead of
        // stalling the request.
        connection.setConnectOptions(
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(limits.sqliteBusyTimeoutMs));
    } else {
        connection.setHostName(url.host());
        connection.setPort(url.port());
        connection.setUserName(url.userName());
        connection.setPassword(url.password());
        connection.setDatabaseName(url.databaseName());
        connection.setConnectOptions(url.connectOptions());
    }
    if (auto connected = database->connect(); !connected)
        return connected.error();
    if (auto migrated = database->migrate(); !migrated)
        return migrated.error();
    return database;
}

StorageResult<void> Database::connect()
{
    if (!m_connection.open())
        return failure(m_connection.lastError(),
                       QStringLiteral("connecting to %1").arg(m_description));
    if (m_driver == DatabaseUrl::Driver::Sqlite)
        return configureSqlite(*m_url);
    // "relation … already exists, skipping" and similar notices would land on stderr. The
    // timeouts make a slow statement or a held lock fail instead of holding a request.
    const QStringList settings{
        QStringLiteral("SET client_min_messages TO WARNING"),
        QStringLiteral("SET statement_timeout TO %1").arg(m_limits.postgresStatementTimeoutMs),
        QStringLiteral("SET lock_timeout TO %1").arg(m_limits.postgresLockTimeoutMs),
    };
    for (const QString& setting : settings) {
        if (auto done = run(setting, {}, QStringLiteral("configuring the connection")); !done)
            return done.error();
    }
    return {};
}

StorageResult<void> Database::reconnect()
{
    m_prepared.clear(); // prepared on the connection that is going away
    m_connection.close();
    return connect();
}

StorageResult<void> Database::ping() const
{
    auto pinged = run(QStringLiteral("SELECT 1"), {}, QStringLiteral("checking the connection"));
    if (!pinged)
        return pinged.error();
    return {};
}

StorageResult<void> Database::configureSqlite(const DatabaseUrl& url)
{
    // SQLite leaves foreign keys off unless each connection asks.
    if (auto keys = run(QStringLiteral("PRAGMA foreign_keys = ON"), {},
                        QStringLiteral("enabling foreign keys"));
        !keys)
        return keys.error();
    if (url.isInMemory())
        return {};
    // WAL lets readers go on while a writer commits, which the HTTP server's many short
    // requests need; it is a property of the file and stays set.
    auto wal = run(QStringLiteral("PRAGMA journal_mode = WAL"), {},
                   QStringLiteral("switching to write-ahead logging"));
    if (!wal)
        return wal.error();
    if (!wal->next() ||
        wal->value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCWarning(lcServer) << "SQLite did not switch" << m_description
                            << "to write-ahead logging; concurrent requests will wait longer";
    return {};
}

StorageResult<void> Database::migrate()
{
    Transaction transaction(*this);
    if (!transaction.started())
        return transaction.started().error();
    if (m_driver == DatabaseUrl::Driver::Postgresql) {
        // Transaction-scoped, so it is released by COMMIT, ROLLBACK or a dropped connection.
        if (auto locked =
                run(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(migrationLockKey), {},
                    QStringLiteral("waiting for the schema migration lock"));
            !locked)
            return locked.error();
    }
    if (auto created = run(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                          " version INTEGER NOT NULL PRIMARY KEY,"
                                          " description TEXT NOT NULL,"
                                          " applied_at BIGINT NOT NULL)"),
                           {}, QStringLiteral("creating the schema_version table"));
        !created)
        return created.error();
    const StorageResult<int> current = schemaVersion();
    if (!current)
        return current.error();
    const int latest = latestSchemaVersion();
    if (*current > latest)
        return StorageError{StorageError::Kind::Unavailable,
                            QStringLiteral("the database %1 has schema version %2, newer than "
                                           "this server knows (%3); upgrade the server")
                                .arg(m_description)
                                .arg(*current)
                                .arg(latest),
                            {}};
    if (*current == latest)
        return {};

    for (const Migration& step : migrations()) {
        if (step.version <= *current)
            continue;
        for (const QString& statement : step.statements) {
            if (auto done =
                    run(statement, {},
                        QStringLiteral("migrating the schema to version %1").arg(step.version));
                !done)
                return done.error();
        }
        if (auto recorded =
                run(QStringLiteral("INSERT INTO schema_version (version, "
                                   "description, applied_at) VALUES (?, ?, ?)"),
                    {step.version, step.description, toMillis(QDateTime::currentDateTimeUtc())},
                    QStringLiteral("recording schema version %1").arg(step.version));
            !recorded)
            return recorded.error();
    }
    if (auto committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcServer).noquote() << "database" << m_description << "migrated from schema version"
                               << *current << "to" << latest;
    return {};
}

StorageResult<int> Database::schemaVersion() const
{
    auto query = run(QStringLiteral("SELECT MAX(version) FROM schema_version"), {},
                     QStringLiteral("reading the schema version"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toInt() : 0;
}

StorageResult<QSqlQuery> Database::run(const QString& sql, const QVariantList& values,
                                       const QString& what) const
{
    QSqlQuery query(m_connection);
    query.setForwardOnly(true);
    bool ok = false;
    if (values.isEmpty()) {
        // Not prepared: PostgreSQL cannot PREPARE statements such as BEGIN, SET or CREATE.
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        if (ok) {
            for (const QVariant& value : values)
                query.addBindValue(value);
            ok = query.exec();
        }
    }
    if (!ok)
        return failure(query.lastError(), what);
    return StorageResult<QSqlQuery>(std::move(query));
}

StorageResult<QSqlQuery*> Database::runPrepared(const QString& sql, const QVariantList& values,
                                                const QString& what) const
{
    auto kept = m_prepared.find(sql);
    if (kept == m_prepared.end()) {
        if (qsizetype(m_prepared.size()) >= MaxPrepared)
            m_prepared.clear();
        auto query = std::make_unique<QSqlQuery>(m_connection);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return failure(query->lastError(), what);
        kept = m_prepared.emplace(sql, std::move(query)).first;
    }
    QSqlQuery* query = kept->second.get();
    for (int i = 0; i < values.size(); ++i)
        query->bindValue(i, values.at(i));
    if (!query->exec()) {
        StorageError error = failure(query->lastError(), what);
        // Prepared afresh next time: the failure may have been the connection's.
        m_prepared.erase(kept);
        return error;
    }
    return query;
}

StorageResult<void> Database::serialize(const QString& name, const QString& what) const
{
    if (m_driver != DatabaseUrl::Driver::Postgresql)
        return {};
    if (auto locked =
            run(QStringLiteral("SELECT pg_advisory_xact_lock(hashtext(?))"), {name}, what);
        !locked)
        return locked.error();
    return {};
}

StorageError Database::failure(const QSqlError& error, const QString& what) const
{
    // Driver texts name tables, columns and at most a username, never a bound secret: the
    // secrets this layer handles reach the database only as hashes.
    const QString detail = error.text().simplified();
    m_failed = true;
    qCWarning(lcServer).noquote() << "database error while" << what << "-" << detail;
    return StorageError{StorageError::Kind::Unavailable,
                        QStringLiteral("database error while %1: %2").arg(what, detail),
                        {}};
}

Database::Transaction::Transaction(Database& database)
    : m_database(database)
{
    const bool sqlite = database.m_driver == DatabaseUrl::Driver::Sqlite;
    auto begun = database.run(sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"),
                              {}, QStringLiteral("starting a transaction"));
    if (!begun)
        m_started = begun.error();
    m_open = bool(begun);
}

Database::Transaction::~Transaction()
{
    if (m_open)
        m_database.run(QStringLiteral("ROLLBACK"), {}, QStringLiteral("rolling back"));
}

StorageResult<void> Database::Transaction::commit()
{
    if (!m_open)
        return m_started.hasValue() ? StorageError{StorageError::Kind::Unavailable,
                                                   QStringLiteral("the transaction is over"),
                                                   {}}
                                    : m_started.error();
    auto committed =
        m_database.run(QStringLiteral("COMMIT"), {}, QStringLiteral("committing a transaction"));
    if (!committed)
        return committed.error();
    m_open = false;
    return {};
}

} // namespace storedesk::server
