#pragma once

#include "postgresfixture.h"
#include "storage/database.h"
#include "storage/databaseurl.h"

#include <QDateTime>
#include <QDebug>
#include <QUuid>

#include <memory>

// For the tests of the server's storage classes (they link storedesk_server_lib).
namespace storedesk::test {

// The moment every storage test's clock starts at; tests move it on by hand.
inline QDateTime storageTestStart()
{
    return QDateTime(QDate(2024, 5, 1), QTime(8, 0), Qt::UTC);
}

// Opens and migrates the database at `url`; null, with the reason logged, when that fails.
inline std::unique_ptr<server::Database> openDatabase(const QString& url)
{
    const Expected<server::DatabaseUrl> parsed = server::DatabaseUrl::parse(url);
    if (!parsed) {
        qWarning() << parsed.error().message;
        return {};
    }
    server::StorageResult<std::unique_ptr<server::Database>> database =
        server::Database::open(*parsed);
    if (!database) {
        qWarning() << database.error().message;
        return {};
    }
    return std::move(database).value();
}

// Sets the storage engine under test up, once per test binary (initTestCase); false with the
// reason logged.
inline bool setUpEngine(TestDatabases& databases)
{
    if (!databases.setUp()) {
        qWarning().noquote() << databases.errorString();
        return false;
    }
    qInfo("storage engine: %s", qPrintable(databases.engineName()));
    return true;
}

// A fresh, migrated database for one test function, its address in *url (to reopen it); null,
// with the reason logged, when that fails.
inline std::unique_ptr<server::Database> freshDatabase(TestDatabases& databases, QString* url)
{
    const Expected<QString> fresh = databases.freshUrl();
    if (!fresh) {
        qWarning().noquote() << fresh.error().message;
        return {};
    }
    *url = *fresh;
    return openDatabase(*url);
}

// Writes an open till session of a workstation the way the till's store does (docs/TILL.md's
// schema), for the stores that stamp payments and refunds with it; its id, or empty (logged).
inline QString openTillSession(server::Database& database, const QString& storeKey,
                               const QString& workstationId)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const auto inserted = database.run(
        QStringLiteral("INSERT INTO till_sessions (id, store_key, workstation_id, state, currency, "
                       "opened_at, opened_by, float_minor_units, float_count) "
                       "VALUES (?, ?, ?, 'open', 'EUR', 0, 'anna', 0, '{}')"),
        {id, storeKey, workstationId}, QStringLiteral("opening a till for a test"));
    if (!inserted) {
        qWarning().noquote() << inserted.error().message;
        return {};
    }
    return id;
}

} // namespace storedesk::test
