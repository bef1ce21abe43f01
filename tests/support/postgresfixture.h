#pragma once

#include "base/expected.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace storedesk::test {

// A throwaway PostgreSQL server for one test executable: its own cluster in a temporary folder,
// listening on 127.0.0.1 on a free port (and a socket in that folder), a superuser with a random
// password, fsync off. Stopped and deleted by the destructor; on Linux it also dies with the test
// process, so a test killed on timeout leaves no server behind.
//
// The server binaries refuse to run as root: as root, every PostgreSQL program runs as the
// "postgres" system user (or STOREDESK_POSTGRESQL_USER), which owns the folder. The binaries are
// found in STOREDESK_POSTGRESQL_BINDIR, /usr/lib/postgresql/<newest>/bin or PATH.
//
//   PostgresFixture postgres;
//   QVERIFY2(postgres.start(), qPrintable(postgres.errorString()));
//   const Expected<QString> url = postgres.createDatabase(QStringLiteral("t1"));
//   QVERIFY2(url, qPrintable(url.error().message)); // postgresql://storedesk:…@127.0.0.1:…/t1
class PostgresFixture {
public:
    PostgresFixture();
    ~PostgresFixture();
    PostgresFixture(const PostgresFixture&) = delete;
    PostgresFixture& operator=(const PostgresFixture&) = delete;

    // Creates and starts the cluster; a few seconds. False, with errorString() saying why
    // (PostgreSQL not installed, initdb failed with its output, …), never a hang: every step has a
    // time limit.
    bool start();
    bool isRunning() const;
    QString errorString() const { return m_error; }

    // A new, empty database owned by the superuser; its URL for DatabaseUrl. name: [a-z0-9_],
    // starting with a letter.
    Expected<QString> createDatabase(const QString& name);
    QString url(const QString& databaseName) const;

    QString host() const { return QStringLiteral("127.0.0.1"); }
    quint16 port() const { return m_port; }
    QString userName() const { return QStringLiteral("storedesk"); }
    QString password() const { return m_password; }
    QString binDir() const { return m_binDir; }

    void stop();
    // Stops the server only (PostgreSQL's fast shutdown, which ends every client's connection,
    // as an outage would) and keeps the cluster and its port for resume().
    void pause();
    bool resume();

private:
    bool fail(const QString& message);
    bool startServer();
    // Runs a PostgreSQL program to completion (as the server's user when set), output merged.
    Expected<QString> runTool(const QString& program, const QStringList& arguments,
                              bool asServerUser, int timeoutMs,
                              const QProcessEnvironment& extraEnvironment = {});
    void prepareProcess(QProcess& process, bool asServerUser) const;
    QString logTail() const;

    QString m_error;
    QString m_binDir;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<QProcess> m_server;
    QString m_password;
    quint16 m_port = 0;
    bool m_dropPrivileges = false;
    unsigned m_uid = 0;
    unsigned m_gid = 0;
};

// Fresh, empty databases for storage tests, on the engine STOREDESK_TEST_DATABASE names: "sqlite"
// (the default; a new file in a temporary folder each time) or "postgresql" (a new database on a
// PostgresFixture started once). ctest runs the storage tests once with each.
//
//   initTestCase: QVERIFY2(m_databases.setUp(), qPrintable(m_databases.errorString()));
//   init:         const Expected<QString> url = m_databases.freshUrl();
class TestDatabases {
public:
    enum class Engine { Sqlite, Postgresql };

    bool setUp();
    QString errorString() const { return m_error; }
    Engine engine() const { return m_engine; }
    QString engineName() const;

    // The URL of a new, empty database (sqlite:///… or postgresql://…).
    Expected<QString> freshUrl();

    // Stops PostgreSQL and deletes every database; open connections must be closed first.
    void tearDown();

private:
    Engine m_engine = Engine::Sqlite;
    QString m_error;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<PostgresFixture> m_postgres;
    int m_count = 0;
};

} // namespace storedesk::test
