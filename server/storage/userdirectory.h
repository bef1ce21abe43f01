#pragma once

#include "database.h"
#include "domain/storekey.h"
#include "storageerror.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <chrono>
#include <optional>

namespace storedesk::server {

enum class Role { Colleague, Manager };

// "colleague", "manager": the names in the database, the CLI and the API.
QString roleName(Role role);
std::optional<Role> parseRole(QStringView name);

struct User {
    QString id; // random and stable; a removed and re-added username gets a new one
    QString username;
    QString displayName;
    QList<Role> roles;      // sorted, no duplicates
    QList<StoreKey> stores; // sorted, no duplicates
    QDateTime lockedUntil;  // valid only while the account is locked

    bool hasRole(Role role) const { return roles.contains(role); }
    bool mayWorkIn(const StoreKey& store) const { return stores.contains(store); }
};

struct NewUser {
    QString username;
    QString displayName;
    QList<Role> roles;
    QStringList stores; // store keys, checked with StoreKey
};

// The server's users: who may log in, with which roles, in which stores, and their secrets
// (hashed with PasswordHash). Lives on the thread that owns the Database, which must outlive it.
//
// Lockout: MaxFailedAttempts consecutive failures lock an account for LockDuration. The count and
// the lock live in the database, so they hold across restarts and across server instances that
// share a PostgreSQL database. A success resets the count; a new secret (setSecret) unlocks.
// Known trade-off: "locked" is a distinct answer (so the app can say when to try again), which
// tells someone who made five attempts that the name exists.
class UserDirectory : public QObject {
    Q_OBJECT

public:
    static constexpr int MaxFailedAttempts = 5;
    static constexpr std::chrono::minutes LockDuration{5};
    static constexpr qsizetype MinUsernameLength = 2;
    static constexpr qsizetype MaxUsernameLength = 64;
    static constexpr qsizetype MaxDisplayNameLength = 100;
    static constexpr qsizetype MinSecretLength = 4; // a PIN of four digits is allowed
    static constexpr qsizetype MaxSecretLength = 1024;

    explicit UserDirectory(Database& database, Clock clock = systemClock,
                           QObject* parent = nullptr);
    ~UserDirectory() override;

    // A username has 2 to 64 characters from A-Z, a-z, 0-9, '.', '_', '-', '@' and starts with a
    // letter or digit. Case does not matter: "Anna" and "anna" are the same user.
    static bool isValidUsername(QStringView username);
    static StorageResult<void> checkSecret(const QString& secret);

    // add() and setSecret() hash on the calling thread (about PBKDF2's cost once); they serve the
    // command line, not requests.
    StorageResult<User> add(const NewUser& user, const QString& secret);
    StorageResult<void> setSecret(const QString& username, const QString& secret);
    StorageResult<QList<User>> list() const;
    StorageResult<User> find(const QString& username) const;
    StorageResult<User> findById(const QString& id) const;
    // Deletes the user; their sessions go with them (the sessions table cascades).
    StorageResult<void> remove(const QString& username);

    // Checks a login. The PBKDF2 work runs on a worker thread; the database is read before and
    // written after it on this object's thread, where the returned future finishes (so attach
    // continuations with a context object on this thread, or just wait in tests).
    // Fails with BadCredentials for an unknown user or a wrong secret, alike and after the same
    // hashing time, and with Locked (retryAt set) for a locked account even if the secret is
    // right. The failure that reaches MaxFailedAttempts already answers Locked.
    QFuture<StorageResult<User>> authenticate(const QString& username, const QString& secret);

private:
    struct Verdict {
        bool matches = false;
        QString upgradedHash; // set when the stored iteration count is below today's
    };

    StorageResult<User> load(const QString& column, const QString& value) const;
    StorageResult<void> loadRolesAndStores(QList<User>& users) const;
    StorageResult<User> recordFailure(const QString& userId, const QString& username);
    StorageResult<User> recordSuccess(const QString& userId, const QString& verifiedHash,
                                      const QString& upgradedHash);
    StorageError lockedError(const QDateTime& until) const;

    Database& m_database;
    Clock m_clock;
    QString m_decoyHash;
    QThreadPool m_hashing;
};

} // namespace storedesk::server
