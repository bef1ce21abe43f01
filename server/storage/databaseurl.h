#pragma once

#include "base/expected.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace storedesk::server {

// Where the server keeps its users, sessions and records, as the operator writes it:
//   sqlite:///var/lib/storedesk/server.db        a file (absolute path; the default kind)
//   sqlite::memory:                              a private in-memory database (tests)
//   postgresql://user[:password]@host[:port]/db  shared by several server instances
// A PostgreSQL URL may carry ?sslmode=…&connect_timeout=…; without a password in the URL the
// one in PGPASSWORD is used. The password never leaves this class except towards the driver:
// toString() redacts it, and parse errors never quote the URL.
class DatabaseUrl {
public:
    enum class Driver { Sqlite, Postgresql };

    static constexpr quint16 DefaultPostgresqlPort = 5432;
    // A server must not hang at start because a database host does not answer.
    static constexpr int DefaultConnectTimeoutSeconds = 10;

    static Expected<DatabaseUrl> parse(const QString& text);
    // The same, reading PGPASSWORD from environment instead of the process environment.
    static Expected<DatabaseUrl> parse(const QString& text, const QProcessEnvironment& environment);

    Driver driver() const { return m_driver; }
    bool isInMemory() const { return m_driver == Driver::Sqlite && m_filePath.isEmpty(); }

    // SQLite: the absolute file path, empty for an in-memory database.
    QString filePath() const { return m_filePath; }

    // PostgreSQL.
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }
    QString userName() const { return m_userName; }
    QString password() const { return m_password; }
    bool hasPassword() const { return !m_password.isEmpty(); }
    QString databaseName() const { return m_databaseName; }
    // libpq options for QSqlDatabase::setConnectOptions ("sslmode=require;connect_timeout=10"),
    // with the default connect_timeout unless the URL sets one.
    QString connectOptions() const;

    // Safe for logs and messages: the password shows as "***".
    QString toString() const;

private:
    DatabaseUrl() = default;

    static Expected<DatabaseUrl> parseSqlite(const QString& text);
    static Expected<DatabaseUrl> parsePostgresql(const QString& text,
                                                 const QProcessEnvironment& environment);

    Driver m_driver = Driver::Sqlite;
    QString m_filePath;
    QString m_host;
    quint16 m_port = DefaultPostgresqlPort;
    QString m_userName;
    QString m_password;
    QString m_databaseName;
    QStringList m_options; // "key=value", as written in the URL
};

} // namespace storedesk::server
