#pragma once

#include "postgresfixture.h"
#include "storage/database.h"
#include "storage/databaseurl.h"

#include <QDateTime>
#include <QDebug>

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

} // namespace storedesk::test
