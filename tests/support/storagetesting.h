#pragma once

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

} // namespace storedesk::test
